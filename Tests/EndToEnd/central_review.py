"""A second coder reviews the session from the central server, in a real browser.

The demo session is synced to a throwaway PostgreSQL (`connectage sync --to … --audio-to …`), then
`connectage review --from … --audio-from …` serves the trial read back from it. There the
transcript belongs to the recording's site: the page shows it read only, with a notice saying
where it is corrected, while timings, codings and consensus are still saved and, when the server
stops, written back to the central server.
"""

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import harness

CENTRAL_CODER = "ORT3"
CENTRAL_MEMORIES = (1, 0)


class CentralReview:
    def __init__(self, scenario):
        self.scenario = scenario
        self.tally = scenario.tally

    def run(self):
        scenario = self.scenario
        server = harness.TemporaryPostgres()
        try:
            audio = scenario.work / "shared-audio"
            synced = harness.run_tool(
                scenario.connectage,
                ["sync", "--db", scenario.database, "--to", server.address, "--site", "LYON", "--audio-to", audio],
                scenario.work, environment=server.environment)
            self.tally.require("connectage sync sends the session and its recordings to the central server",
                               synced.returncode == 0, synced.stderr.strip()[:600])
            review = harness.ReviewServer(
                scenario.connectage, ["--from", server.address, "--audio-from", audio, "--no-browser"],
                scenario.work, environment=server.environment)
            scenario.servers.append(review)
            review.start()
            # A second review of the same server on this computer would rebuild the working file
            # under the first and send its outbox twice: it is refused while the first is open.
            second = harness.run_tool(
                scenario.connectage,
                ["review", "--from", server.address, "--audio-from", audio, "--no-browser"],
                scenario.work, environment=server.environment)
            self.tally.require("central review: a second review of the same server on this computer is refused",
                               second.returncode == 1 and "déjà ouverte" in second.stderr,
                               f"{second.returncode}: {second.stderr.strip()[:600]}")
            browser = scenario.open_browser_as(CENTRAL_CODER, review)
            # Enter opens the row that has the focus: wait for the rows, or it goes nowhere.
            scenario.wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#queue-table tbody tr.selected"),
                          "the queue's first answer selected")
            ActionChains(browser).send_keys(Keys.ENTER).perform()
            scenario.wait_for_page(browser, "answer")
            self.check_read_only_transcript(browser)
            scenario.code_memories(browser, CENTRAL_CODER, CENTRAL_MEMORIES, sees_other=None)
            self.tally.check("central review: no console errors", not harness.console_errors(browser))
            self.tally.equal("central review: Ctrl-C stops it cleanly", review.stop(), 0)
            coded = server.psql(f"SELECT count(*) FROM memory_coding WHERE coder = '{CENTRAL_CODER}'",
                                database=server.DATABASE)
            self.tally.equal("central review: the coding reached the central server", coded, "1")
        finally:
            server.stop()

    def check_read_only_transcript(self, browser):
        editor = browser.find_element(By.ID, "transcript-editor")
        shown = editor.get_attribute("value")
        self.tally.check("central review: the transcript is shown", shown.strip(), repr(shown))
        self.tally.check("central review: the transcript is read only", editor.get_attribute("readonly") is not None)
        try:
            editor.send_keys(" ajouté")
        except WebDriverException:
            pass  # a read-only field may refuse the keys outright: either way nothing is typed
        self.tally.equal("central review: typing does not change the transcript", editor.get_attribute("value"), shown)
        self.tally.check("central review: no button saves the transcript",
                         not browser.find_element(By.ID, "save-transcript").is_displayed())
        self.tally.check("central review: the mode cannot be changed",
                         not browser.find_element(By.ID, "transcript-mode").is_enabled())
        notice = browser.find_element(By.ID, "transcript-read-only")
        self.tally.check("central review: a French notice says the transcript is corrected at its site",
                         notice.is_displayed() and "site de l'enregistrement" in notice.text, notice.text)
        self.scenario.screenshot(browser, "central-review")
