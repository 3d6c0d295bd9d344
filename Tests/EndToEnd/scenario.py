"""The review workstation's scenario, step by step, through the page's element ids and keys
(Sources/ReviewServer/Assets; the keys and the JSON API are in docs/review.md).

Each step checks what a person would see; the last steps check, outside the browser, what the
research team gets: database rows, the transcript beside the recording, measures.csv and stats.
"""

import json
import re
import time
from collections import Counter
from pathlib import Path

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import harness
from central_review import CentralReview
from harness import CheckFailed

WINDOW = (1280, 900)
# What the first coder types, in two parts so the live counts are seen changing twice.
TYPED_FIRST = "Euh, je me souviens de la ferme de mon oncle."
TYPED_SECOND = " Quand j'étais petit, on ramassait les pommes avec mon frère en septembre."
TYPED = TYPED_FIRST + TYPED_SECOND
# Then more words and a save, and more words typed while that save is still on its way.
TYPED_BEFORE_SAVE = " Mon frère riait beaucoup."
TYPED_DURING_SAVE = " On chantait le soir."
TRANSCRIBED = TYPED + TYPED_BEFORE_SAVE + TYPED_DURING_SAVE
# How long the browser holds each response while the words are typed during a save (ms).
SLOW_NETWORK_MS = 1500
# The first-word mark moves right by 2 × 100 ms and 1 × 10 ms, with the keyboard alone.
MARK_SHIFT_SECONDS = 0.21
FIRST_CODER, SECOND_CODER = "ORT1", "ORT2"
# English labels a French page must not show (the answers' states, the main buttons).
ENGLISH_LABELS = ["To transcribe", "Transcribed", "Coded by one coder", "Coded by two coders", "Agreed", "Play",
                  "Save marks", "Save transcript", "Save coding", "First word", "Last word", "Other coders"]
FIRST_MEMORIES, SECOND_MEMORIES, CONSENSUS_MEMORIES = (2, 1), (3, 1), 2
# ORT1 recodes the memories in a second tab, then the first tab (still on the older revision) saves
# another count: refused, both shown, and ORT1 takes the second tab's. Then the second tab saves
# again, and ORT1 keeps the first tab's count, which is ORT1's last coding. Its 2 specific
# memories against ORT2's 1 give the agreement page a second disagreement to type in.
OTHER_TAB_MEMORIES, AGAIN_MEMORIES, STALE_MEMORIES = (5, 1), (7, 1), (6, 2)
# Typed in the first tab before that conflict, and never saved.
UNSAVED_WORDS = " Le chien aboyait."
# Sends of one save when every one is refused as stale with its part unchanged: the save and the
# three times answer.js (staleResends) sends it again on the newer revision, then the conflict box.
STALE_SENDS = 4
# Labels of the agreement page in French and in English (common.js), checked after the switch.
ENGLISH_PAIRS = [("Accord entre codeurs", "Coder agreement"), ("Désaccords", "Disagreements"),
                 ("Valeurs des codeurs", "Coders' values"), ("Relire et coder", "Review and code")]


def seconds_shown(text):
    """'1,23 s' (French) or '1.23 s' → 1.23."""
    found = re.search(r"-?\d+(?:[.,]\d+)?", text or "")
    return float(found.group(0).replace(",", ".")) if found else None


class Scenario:
    def __init__(self, tally, connectage, repository, work, screenshots):
        self.tally = tally
        self.connectage = connectage
        self.repository = repository
        self.work = work
        self.screenshots = screenshots
        self.servers = []
        self.browsers = []
        self.console_kept = []  # browser 1's console errors drained around its expected 409s

    # The whole story, in the order a team lives it.
    def run(self):
        self.database = harness.make_demo_session(self.connectage, self.work, self.repository)
        self.tally.check("connectage demo made a session database with recordings", self.database.exists())
        self.recordings = self.recordings_on_disk()
        self.tally.require("the demo left three recordings, each with a transcript beside it",
                           len(self.recordings) == 3 and all(r["transcript"].exists() for r in self.recordings),
                           f"{self.recordings}")
        self.server = self.start_server()
        self.check_http_security()
        first = self.open_browser_as(FIRST_CODER)
        self.check_queue(first)
        self.transcribe_and_time(first)
        self.check_foreign_posts()
        self.code_memories(first, FIRST_CODER, FIRST_MEMORIES, sees_other=None)
        second = self.open_browser_as(SECOND_CODER)
        second.get(f"{self.server.origin}/answers/{self.answer_id}")
        self.wait_for_page(second, "answer")
        self.code_memories(second, SECOND_CODER, SECOND_MEMORIES, sees_other=(FIRST_CODER, FIRST_MEMORIES[0]))
        self.save_beside_another_coder(first)
        self.choose_in_a_conflict(first)
        self.save_refused_twice(first)
        self.save_refused_every_time(first)
        self.reach_consensus(second)
        self.switch_language(second)
        self.check_no_console_errors()
        self.stop_server()
        self.check_database()
        self.check_transcript_file()
        self.check_exports()
        self.check_statistics()
        CentralReview(self).run()

    def tear_down(self):
        for browser in self.browsers:
            try:
                browser.quit()
            except Exception:
                pass
        for server in self.servers:
            server.stop(timeout=5)
            if self.tally.failed and server.errors:
                print("# connectage review said:\n# " + "# ".join(server.errors[-20:]), flush=True)

    # --- The session and the server ---------------------------------------------------------

    def recordings_on_disk(self):
        rows = harness.query(self.database, "SELECT * FROM recording ORDER BY rowid")
        recordings = []
        for row in rows:
            path = Path(row["path"])
            if not path.is_absolute():
                path = self.work / path if (self.work / path).exists() else self.find_file(path.name)
            recordings.append(dict(row, file=path, transcript=path.with_suffix(".txt")))
        return recordings

    def find_file(self, name):
        found = list(self.work.rglob(name))
        return found[0] if found else Path(name)

    def start_server(self):
        server = harness.ReviewServer(self.connectage, ["--db", self.database, "--no-browser"], self.work)
        self.servers.append(server)
        url = server.start()
        self.tally.check("connectage review prints one URL on 127.0.0.1 with a 64-hex token",
                         re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[0-9a-f]{64}", url), url)
        return server

    def stop_server(self):
        code = self.server.stop()
        self.tally.equal("Ctrl-C (SIGINT) stops connectage review cleanly", code, 0)

    def check_http_security(self):
        origin, token = self.server.origin, self.server.token
        status, _, _ = harness.http(f"{origin}/")
        self.tally.equal("a request without the token is refused (401)", status, 401)
        status, _, _ = harness.http(f"{origin}/api/queue")
        self.tally.equal("the API without the token is refused (401)", status, 401)
        status, _, _ = harness.http(f"{origin}/?token={'0' * 64}")
        self.tally.equal("a wrong token is refused (401)", status, 401)
        status, headers, _ = harness.http(self.server.url)
        self.tally.check("the URL's token gives a cookie and a redirect without the token in the address",
                         status == 303 and f"{self.server.cookie_name}=" in (headers.get("Set-Cookie") or ""),
                         f"{status} {dict(headers)}")
        status, headers, _ = harness.http(f"{origin}/", headers={"X-ConnectAge-Token": token})
        policy = headers.get("Content-Security-Policy") or ""
        self.tally.check("the page is served with a strict Content-Security-Policy",
                         status == 200 and "default-src" in policy and "unsafe-inline" not in policy.split(
                             "style-src")[0] and "unsafe-eval" not in policy and "*" not in policy,
                         f"{status} {policy!r}")
        for path in [f"/api/answers/..%2F..%2F..%2Fetc%2Fpasswd?coder={FIRST_CODER}",
                     "/api/answers/..%2F..%2F..%2Fetc%2Fpasswd/audio"]:
            status, _, _ = harness.http(f"{origin}{path}", headers={"X-ConnectAge-Token": token})
            self.tally.equal(f"a path in place of an answer id is not found (404): {path}", status, 404)

    def check_foreign_posts(self):
        """A save from another origin, or without the token header (a cookie alone), is refused."""
        url = f"{self.server.origin}/api/answers/{self.answer_id}/memories"
        body = json.dumps({"coder": FIRST_CODER, "revision": 0, "memories": 9, "specific": 0}).encode()
        status, _, _ = harness.http(url, "POST", {"X-ConnectAge-Token": self.server.token,
                                                  "Origin": "http://attacker.example", "Content-Type": "application/json"},
                                    body)
        self.tally.equal("a POST from another origin is refused (403)", status, 403)
        status, _, _ = harness.http(url, "POST", {"Cookie": f"{self.server.cookie_name}={self.server.token}",
                                                  "Content-Type": "application/json"}, body)
        self.tally.equal("a POST with the cookie but without the token header is refused (403)", status, 403)

    # --- Browsers ---------------------------------------------------------------------------

    def open_browser_as(self, coder, server=None):
        """A fresh browser (its own cookies and storage), the printed URL, the coder dialog."""
        browser = harness.open_browser(*WINDOW)
        self.browsers.append(browser)
        browser.get((server or self.server).url)
        self.wait_for_page(browser, "queue")
        self.tally.check(f"{coder}: the token left the address bar after the first visit",
                         "token=" not in browser.current_url, browser.current_url)
        self.tally.equal(f"{coder}: the page is in French by default",
                         browser.find_element(By.TAG_NAME, "html").get_attribute("lang"), "fr")
        dialog = self.wait(browser, lambda b: b.find_element(By.ID, "coder-dialog"), "the coder dialog")
        self.wait(browser, lambda b: dialog.get_attribute("open") is not None, "the coder dialog opening by itself")
        field = browser.find_element(By.ID, "coder-input")
        field.send_keys(coder, Keys.ENTER)
        self.wait(browser, lambda b: b.find_element(By.ID, "coder-code").text.strip() == coder,
                  f"the coder code {coder} shown")
        self.tally.check(f"{coder}: the coder code is given once and shown on the page", True)
        return browser

    def wait(self, browser, condition, what, seconds=30):
        try:
            return WebDriverWait(browser, seconds, poll_frequency=0.05).until(lambda b: condition(b) or None)
        except TimeoutException:
            browser.save_screenshot(str(self.work / "failure.png"))  # never among the README's screenshots
            status = self.text_of(browser, "status")
            raise CheckFailed(f"waited {seconds} s for {what} (status: {status!r}, page: {browser.current_url})")

    def wait_for_page(self, browser, name):
        self.wait(browser, lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-page") == name,
                  f"the {name} page")
        if name == "answer":  # its data arrive after the page: wait for them
            self.wait(browser, lambda b: b.find_element(By.ID, "answer").get_attribute("data-answer-id")
                      and b.find_element(By.ID, "answer").get_attribute("data-revision"), "the answer's data")

    def text_of(self, browser, element_id):
        try:
            return browser.find_element(By.ID, element_id).text.strip()
        except Exception:
            return None

    def screenshot(self, browser, name):
        path = self.screenshots / f"review-{name}.png"
        browser.save_screenshot(str(path))
        return path

    def fetch_json(self, browser, path):
        """The page's own API, through the browser's cookie, as the page's scripts call it."""
        return browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0]).then(r => r.json()).then(done, e => done({scriptError: String(e)}));", path)

    # --- Queue --------------------------------------------------------------------------------

    def check_queue(self, browser):
        rows = self.wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#queue-table tbody tr[data-answer-id]"),
                         "the queue's rows")
        self.tally.equal("the queue lists the session's three answers", len(rows), 3)
        self.tally.check("each queued answer is addressed by an opaque id",
                         all(re.fullmatch(r"A-[0-9a-f]{12}", r.get_attribute("data-answer-id")) for r in rows),
                         [r.get_attribute("data-answer-id") for r in rows])
        counts = {
            element.get_attribute("data-state-count"): element.text.strip()
            for element in browser.find_elements(By.CSS_SELECTOR, "#queue-counts [data-state-count]")
        }
        self.tally.check("the queue counts answers by state", counts, counts)
        self.check_blind(browser, "queue")
        self.check_french(browser, "queue")
        self.screenshot(browser, "queue")
        # Keyboard alone: the first row has the focus; ↓ selects the second, ↑ the first again, Enter opens it.
        first_id = rows[0].get_attribute("data-answer-id")
        ActionChains(browser).send_keys(Keys.ARROW_DOWN).perform()
        selected = browser.find_elements(By.CSS_SELECTOR, "#queue-table tbody tr.selected")
        self.tally.check("↓ selects the next answer of the queue",
                         [r.get_attribute("data-answer-id") for r in selected] == [rows[1].get_attribute(
                             "data-answer-id")], [r.get_attribute("data-answer-id") for r in selected])
        ActionChains(browser).send_keys(Keys.ARROW_UP).perform()
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        self.wait_for_page(browser, "answer")
        self.tally.equal("↑ then Enter opens the first answer of the queue",
                         browser.find_element(By.ID, "answer").get_attribute("data-answer-id"), first_id)

    def revealing_words(self):
        """What would unblind a coder: each trial's id, condition, stimulus, scent and game, and the
        recordings' file names. A word the patient said (in a transcript) cannot count against the page."""
        revealing = {"image_scent", "image_game", "image + odeur", "image + jeu"}
        for row in harness.query(self.database, "SELECT id, condition, stimulus_id, scent_id, game FROM trial"):
            revealing.update(value for value in row.values() if value and value != "image")
        revealing.update(r["file"].stem for r in self.recordings)
        spoken = " ".join(r["transcript"].read_text(encoding="utf-8") for r in self.recordings) + " " + TRANSCRIBED
        return {word for word in revealing if not self.contains_word(spoken, word)}

    @staticmethod
    def contains_word(text, word):
        return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.IGNORECASE) is not None

    def check_blind(self, browser, page, answer_json=None):
        """No image, condition, scent, game, trial number or file name on the page (or in its data)."""
        source = browser.page_source + (json.dumps(answer_json, ensure_ascii=False) if answer_json else "")
        shown = sorted(word for word in self.revealing_words() if self.contains_word(source, word))
        self.tally.check(f"the {page} page is blind: no condition, stimulus, scent, game, trial or file name",
                         not shown, f"shown: {shown}")
        if answer_json is not None:
            keys = set()

            def walk(value):
                if isinstance(value, dict):
                    keys.update(value)
                    for item in value.values():
                        walk(item)
                elif isinstance(value, list):
                    for item in value:
                        walk(item)

            walk(answer_json)
            telling = sorted(k for k in keys if re.search(r"condition|stimulus|scent|game|trial|image|path", k, re.I))
            self.tally.check("the answer's API data has no condition, stimulus, scent, game, trial or path field",
                             not telling, telling)

    def check_french(self, browser, page):
        """A French page shows no English label (each label has its French twin in the page or script)."""
        text = browser.execute_script("return document.body.innerText")
        english = [label for label in ENGLISH_LABELS if self.contains_word(text, label)]
        self.tally.check(f"the {page} page in French shows no English label", not english, english)

    # --- One answer: transcript and timing ------------------------------------------------------

    def transcribe_and_time(self, browser):
        answer = browser.find_element(By.ID, "answer")
        self.answer_id = answer.get_attribute("data-answer-id")
        revision = answer.get_attribute("data-revision")
        self.answer_json = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        self.check_blind(browser, "answer", self.answer_json)
        self.check_french(browser, "answer")
        editor = self.wait(browser, lambda b: b.find_element(By.ID, "transcript-editor"), "the transcript editor")
        prefill = self.prefill = editor.get_attribute("value").strip()
        matching = [r for r in self.recordings if r["transcript"].read_text(encoding="utf-8").strip() == prefill]
        self.tally.require("the editor is prefilled with the transcript beside the recording",
                           prefill and len(matching) == 1, f"{prefill!r}")
        self.recording = matching[0]
        self.check_audio(browser)

        # Type, and watch the live counts follow.
        editor.send_keys(Keys.CONTROL, "a")
        editor.send_keys(Keys.DELETE)
        editor.send_keys(TYPED_FIRST)
        expected_first = self.oracle(TYPED_FIRST)
        self.wait(browser, lambda b: self.text_of(b, "count-words") == str(expected_first["words"]),
                  f"the live word count to read {expected_first['words']}")
        self.tally.check(f"typing updates the live word count ({expected_first['words']}, as analyze transcript)",
                         True)
        editor.send_keys(TYPED_SECOND)
        self.expected = self.oracle(TYPED)
        self.wait(browser, lambda b: self.text_of(b, "count-words") == str(self.expected["words"]),
                  f"the live word count to read {self.expected['words']}")
        self.tally.check(f"more typing updates it again ({self.expected['words']} words)", True)
        self.tally.equal("the live filler count matches analyze transcript",
                         self.text_of(browser, "count-fillers"), str(self.expected["filled_pauses"]))
        self.tally.equal("the live memory pre-coding matches analyze transcript",
                         self.text_of(browser, "count-memories"), str(self.expected["memories_n"]))
        cues = browser.find_elements(By.CSS_SELECTOR, "#memory-suggestions li[data-specificity] mark")
        self.tally.check("the phrases that triggered the pre-coding are highlighted", cues,
                         "no #memory-suggestions mark")

        # The first-word mark, with the keyboard alone: Alt+W, D, Shift+→ twice, → once.
        self.automatic_onset = self.answer_json["automatic"]["firstWordOnset"]
        self.tally.check("the automatic first-word mark is shown, in French",
                         abs(seconds_shown(self.text_of(browser, "first-word-mark")) - self.automatic_onset) < 0.006,
                         f"{self.text_of(browser, 'first-word-mark')} for {self.automatic_onset}")
        ActionChains(browser).key_down(Keys.ALT).send_keys("w").key_up(Keys.ALT).perform()
        waveform = browser.switch_to.active_element
        self.tally.equal("Alt+W puts the focus on the waveform", waveform.get_attribute("id"), "waveform")
        waveform.send_keys("d")
        self.tally.equal("D selects the first-word mark", waveform.get_attribute("data-selected-mark"), "first")
        ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).key_up(
            Keys.SHIFT).send_keys(Keys.ARROW_RIGHT).perform()
        self.reviewed_onset = round(self.automatic_onset + MARK_SHIFT_SECONDS, 3)
        shown = self.wait(browser, lambda b: self.text_of(b, "first-word-mark"), "the moved mark")
        self.tally.check("Shift+→ ×2 and → move the first-word mark by 210 ms, shown with a French comma",
                         abs(seconds_shown(shown) - self.reviewed_onset) < 0.006 and "," in shown,
                         f"{self.automatic_onset} → {shown!r}")
        browser.execute_script("window.scrollTo(0, 0)")
        self.screenshot(browser, "answer")

        # Ctrl+S saves everything changed: the timing, then the transcript.
        ActionChains(browser).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
        self.wait_saved(browser, revision, "Ctrl+S saving the timing and the transcript")
        self.tally.check("Ctrl+S saves the transcript and the timing (status 'saved', new revision)", True)
        self.type_during_a_save(browser)

    def type_during_a_save(self, browser):
        """A transcript save measures the recording again, which takes a moment; words typed
        meanwhile stay in the editor, still unsaved (leaving the page warns), and Ctrl+S saves them."""
        editor = browser.find_element(By.ID, "transcript-editor")
        editor.send_keys(TYPED_BEFORE_SAVE)
        revision = browser.find_element(By.ID, "answer").get_attribute("data-revision")
        # Each keystroke from here on notes the status line, to show the words came during the save.
        browser.execute_script(
            "window.statusWhileTyping = [];"
            "arguments[0].addEventListener('input', () =>"
            "  window.statusWhileTyping.push(document.getElementById('status').dataset.status));", editor)
        # How fast this computer measures a 3 s recording decides nothing: the browser's own network
        # emulation holds every response, so the save is surely still on its way while the words come.
        self.slow_network(browser, SLOW_NETWORK_MS)
        try:
            button = browser.find_element(By.ID, "save-transcript")
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
            button.click()
            self.wait(browser, lambda b: b.find_element(By.ID, "status").get_attribute("data-status") == "saving",
                      "the transcript save to start")
            editor.send_keys(TYPED_DURING_SAVE)
            self.wait_saved(browser, revision, "the transcript save with words typed during it")
        finally:
            self.slow_network(browser, 0)
        typed_while = browser.execute_script("return window.statusWhileTyping")
        self.tally.check("the words were typed while the save was on its way",
                         typed_while and set(typed_while) == {"saving"}, typed_while)
        saved = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        self.tally.equal("the save stored the text as it was when it was asked for",
                         saved["transcript"]["text"].strip(), TYPED + TYPED_BEFORE_SAVE)
        self.tally.equal("the words typed during the save are still in the editor",
                         editor.get_attribute("value").strip(), TRANSCRIBED)
        self.tally.check("they are still unsaved: leaving the page warns", self.leaving_warns(browser))
        revision = browser.find_element(By.ID, "answer").get_attribute("data-revision")
        ActionChains(browser).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
        self.wait_saved(browser, revision, "Ctrl+S saving the words typed during the first save")
        saved = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        self.tally.equal("Ctrl+S then saves them", saved["transcript"]["text"].strip(), TRANSCRIBED)
        self.tally.check("once saved, leaving the page no longer warns", not self.leaving_warns(browser))
        self.expected = self.oracle(TRANSCRIBED)

    @staticmethod
    def slow_network(browser, latency_ms):
        """Chromium's network emulation (DevTools protocol): every response waits `latency_ms`."""
        browser.execute_cdp_cmd("Network.enable", {})
        browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1})

    @staticmethod
    def leaving_warns(browser):
        """Whether the page's beforeunload handler asks to stay (it cancels the event)."""
        return browser.execute_script(
            "const event = new Event('beforeunload', {cancelable: true});"
            "window.dispatchEvent(event); return event.defaultPrevented;")

    def check_audio(self, browser):
        self.wait(browser, lambda b: b.execute_script("return document.getElementById('audio').readyState") >= 1,
                  "the recording's metadata")
        duration = browser.execute_script("return document.getElementById('audio').duration")
        self.tally.check("the browser reads the recording's duration from the served audio",
                         abs(duration - self.recording["duration_s"]) < 0.05, f"{duration} ≠ {self.recording['duration_s']}")
        source = browser.execute_script("return document.getElementById('audio').currentSrc")
        status, headers, _ = harness.http(source, headers={
            "Range": "bytes=44-1043", "X-ConnectAge-Token": self.server.token})
        self.tally.check("the audio answers a range request (206, Content-Range)",
                         status == 206 and (headers.get("Content-Range") or "").startswith("bytes 44-1043/"),
                         f"{status} {headers.get('Content-Range')}")
        waveform = browser.find_element(By.ID, "waveform")
        self.tally.check("the waveform is drawn", waveform.size["width"] > 200 and waveform.size["height"] > 40,
                         waveform.size)

    def wait_saved(self, browser, revision_before, what):
        def saved(b):
            status = b.find_element(By.ID, "status")
            if status.get_attribute("data-status") in ("error", "conflict"):
                raise CheckFailed(f"{what}: {status.get_attribute('data-status')}: {status.text}")
            return (status.get_attribute("data-status") == "saved"
                    and b.find_element(By.ID, "answer").get_attribute("data-revision") != revision_before)

        self.wait(browser, saved, what)

    def oracle(self, text):
        """What `connectage analyze transcript` counts for this text (the exports' own rules)."""
        path = self.work / "oracle.txt"
        path.write_text(text + "\n", encoding="utf-8")
        result = harness.run_tool(self.connectage, ["analyze", "transcript", path, "--jsonl"], self.work)
        if result.returncode != 0:
            raise CheckFailed(f"analyze transcript failed: {result.stderr}")
        return json.loads(result.stdout.splitlines()[0])

    # --- Memories, two coders --------------------------------------------------------------------

    def code_memories(self, browser, coder, values, sees_other):
        memories, specific = values
        revision = browser.find_element(By.ID, "answer").get_attribute("data-revision")
        suggestion = browser.find_element(By.ID, "memories-suggestion")
        self.tally.check(f"{coder}: the automatic pre-coding is offered as a suggestion",
                         suggestion.get_attribute("data-memories") not in (None, ""),
                         suggestion.get_attribute("outerHTML")[:200])
        if sees_other:
            other, other_memories = sees_other
            hidden = browser.find_element(By.ID, "others-hidden")
            listed = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#others-list li[data-other-coder]")]
            answer = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={coder}")
            leaked = [o for o in answer.get("others", []) if (o.get("values") or {}).get("memories")]
            self.tally.check(f"{coder} cannot see {other}'s memory coding before saving (page and API)",
                             hidden.is_displayed() and not any("souvenir" in text for text in listed) and not leaked,
                             f"hidden shown={hidden.is_displayed()}, listed={listed}, api={leaked}")
        ActionChains(browser).key_down(Keys.ALT).send_keys("m").key_up(Keys.ALT).perform()
        count = browser.switch_to.active_element
        self.tally.equal(f"{coder}: Alt+M puts the focus on the memory count", count.get_attribute("id"),
                         "memories-count")
        count.send_keys(Keys.CONTROL, "a")
        count.send_keys(str(memories))
        field = browser.find_element(By.ID, "memories-specific")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(str(specific))
        if coder == FIRST_CODER:
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
            self.screenshot(browser, "coding")
        browser.find_element(By.ID, "save-memories").click()
        self.wait_saved(browser, revision, f"{coder}'s memory coding to be saved")
        self.tally.check(f"{coder}: the memory coding is saved", True)
        if sees_other:
            other, other_memories = sees_other
            self.wait(browser, lambda b: b.find_elements(
                By.CSS_SELECTOR, f"#others-list li[data-other-coder='{other}']"), f"{other}'s coding revealed")
            revealed = browser.find_element(By.CSS_SELECTOR, f"#others-list li[data-other-coder='{other}']").text
            self.tally.check(f"once {coder} has saved, {other}'s values are shown",
                             str(other_memories) in revealed, revealed)

    def save_beside_another_coder(self, browser):
        """ORT1's page still has the revision of ORT1's own save; ORT2 has saved their coding since.
        The revision covers the whole answer, but ORT2's save left ORT1's marks as the page has them:
        ORT1 moves the last-word mark and saves, and the page sends it again on the new revision."""
        stale = browser.find_element(By.ID, "answer").get_attribute("data-revision")
        current = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        self.tally.check("ORT1's page is on an older revision than the answer's after ORT2's save",
                         str(current.get("revision")) != stale, f"page {stale}, answer {current.get('revision')}")
        self.reviewed_offset = round(current["own"]["timing"]["lastWordOffset"] - 0.01, 3)
        self.drain_console_errors(browser)
        ActionChains(browser).key_down(Keys.ALT).send_keys("w").key_up(Keys.ALT).perform()
        waveform = browser.switch_to.active_element
        waveform.send_keys("f", Keys.ARROW_LEFT)
        button = browser.find_element(By.ID, "save-timing")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        self.wait_saved(browser, str(current.get("revision")), "ORT1's marks saved after ORT2's coding")
        self.drain_console_errors(browser, refused_saves=True)
        after = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        saved = (after.get("own") or {}).get("timing") or {}
        self.tally.check("two coders saving different parts of one answer: ORT1's marks are saved after ORT2's"
                         " coding, on the new revision, with no conflict shown",
                         abs((saved.get("lastWordOffset") or 0) - self.reviewed_offset) < 0.0015
                         and after.get("revision") == current.get("revision") + 1
                         and not browser.find_element(By.ID, "conflict").is_displayed(),
                         f"{saved} {after.get('revision')} after {current.get('revision')}")
        other = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={SECOND_CODER}")
        self.tally.equal("ORT2's coding is untouched by ORT1's save", (other.get("own") or {}).get("memories"),
                         {"memories": SECOND_MEMORIES[0], "specific": SECOND_MEMORIES[1]})

    def choose_in_a_conflict(self, browser):
        """ORT1 recodes the memories in a second tab; the first tab, with words typed in the transcript
        and another count, saves its count: refused, both counts shown. ORT1 takes the saved one; the
        unsaved words stay, and nothing was overwritten. Then once more, and ORT1 keeps the page's."""
        editor = browser.find_element(By.ID, "transcript-editor")
        editor.send_keys(UNSAVED_WORDS)
        unsaved_text = editor.get_attribute("value")
        current = self.save_in_another_tab(browser, OTHER_TAB_MEMORIES)
        self.refused_with_both_counts(browser, current, OTHER_TAB_MEMORIES, STALE_MEMORIES)
        box = browser.find_element(By.ID, "conflict")
        self.tally.equal("the unsaved transcript words are still in the editor during the conflict",
                         editor.get_attribute("value"), unsaved_text)
        browser.find_element(By.ID, "conflict-reload").click()
        self.wait(browser, lambda b: b.find_element(By.ID, "answer").get_attribute("data-revision")
                  == str(current.get("revision")), "the page to take the saved version")
        self.tally.check("taking the saved version shows the other tab's count and closes the conflict",
                         browser.find_element(By.ID, "memories-count").get_attribute("value")
                         == str(OTHER_TAB_MEMORIES[0]) and not box.is_displayed(),
                         browser.find_element(By.ID, "memories-count").get_attribute("value"))
        self.tally.check("…and keeps the unsaved transcript words, still unsaved (leaving the page warns)",
                         editor.get_attribute("value") == unsaved_text and self.leaving_warns(browser),
                         editor.get_attribute("value"))
        after = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        self.tally.check("nothing was overwritten: the answer's revision and ORT1's saved count are unchanged",
                         after.get("revision") == current.get("revision")
                         and (after.get("own") or {}).get("memories", {}).get("memories") == OTHER_TAB_MEMORIES[0],
                         f"{after.get('revision')} {after.get('own')}")

        current = self.save_in_another_tab(browser, AGAIN_MEMORIES)
        self.refused_with_both_counts(browser, current, AGAIN_MEMORIES, STALE_MEMORIES)
        browser.find_element(By.ID, "conflict-keep").click()
        self.wait_saved(browser, str(current.get("revision")), "the page's count kept and saved")
        after = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        self.tally.check("keeping the page's version saves it on the new revision; the transcript words stay unsaved",
                         after.get("revision") == current.get("revision") + 1
                         and (after.get("own") or {}).get("memories", {}).get("memories") == STALE_MEMORIES[0]
                         and not box.is_displayed() and editor.get_attribute("value") == unsaved_text
                         and self.leaving_warns(browser),
                         f"{after.get('revision')} {after.get('own')}")

    # Another writer saves just before each of the page's marks saves goes out (ORT2 codes the
    # answer again, the same count), so the page's save is refused as stale, the marks unchanged.
    # The other save is made from inside the page's fetch, before the page's request: the order is
    # certain however fast this computer is. `left` says how many of the page's saves it precedes.
    INTERFERE = """
        const [answerId, otherCoder, memories, specific, left] = arguments;
        const original = window.originalFetch || window.fetch;
        window.originalFetch = original;
        const token = document.querySelector('meta[name="connectage-token"]').content;
        window.interference = { left, writes: [], statuses: [] };
        window.fetch = async (url, options) => {
          const marks = options && options.method === "POST" && String(url).endsWith(`/${answerId}/timing`);
          if (marks && window.interference.left > 0) {
            window.interference.left -= 1;
            const view = await (await original(`/api/answers/${answerId}?coder=${otherCoder}`)).json();
            const other = await original(`/api/answers/${answerId}/memories`, {
              method: "POST", credentials: "same-origin",
              headers: { "X-ConnectAge-Token": token, "Content-Type": "application/json" },
              body: JSON.stringify({ coder: otherCoder, revision: view.revision, memories, specific }) });
            window.interference.writes.push(other.status);
          }
          const response = await original(url, options);
          if (marks) window.interference.statuses.push(response.status);
          return response;
        };
        """

    def interfere(self, browser, left):
        browser.execute_script(self.INTERFERE, self.answer_id, SECOND_CODER, *SECOND_MEMORIES, left)

    def move_last_mark_and_save(self, browser):
        """Alt+W, F, ←: the last-word mark 10 ms earlier, then Save marks; the mark the page now holds."""
        ActionChains(browser).key_down(Keys.ALT).send_keys("w").key_up(Keys.ALT).perform()
        browser.switch_to.active_element.send_keys("f", Keys.ARROW_LEFT)
        moved = browser.execute_script("return document.getElementById('last-word-mark').textContent")
        button = browser.find_element(By.ID, "save-timing")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        return moved

    def before_an_interfered_save(self, browser):
        """The editor, its unsaved words, ORT1's answer and the last-word mark 10 ms earlier, before a
        save that ORT2 will race."""
        editor = browser.find_element(By.ID, "transcript-editor")
        before = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        offset = round(before["own"]["timing"]["lastWordOffset"] - 0.01, 3)
        self.drain_console_errors(browser)
        return editor, editor.get_attribute("value"), before, offset

    def save_refused_twice(self, browser):
        """ORT2 saves just before ORT1's marks save and again before its resend: refused twice, the
        marks unchanged each time, so the page sends the save a third time and it is saved, with no
        conflict shown and the unsaved transcript words still in the editor."""
        editor, unsaved_text, before, offset = self.before_an_interfered_save(browser)
        self.interfere(browser, 2)
        self.move_last_mark_and_save(browser)
        self.wait_saved(browser, str(before.get("revision")), "ORT1's marks saved after two refusals")
        self.drain_console_errors(browser, refused_saves=True)
        interference = browser.execute_script("return window.interference")
        self.tally.equal("the marks save was refused twice (ORT2 saved before each send), then saved",
                         (interference["statuses"], interference["writes"]), ([409, 409, 200], [200, 200]))
        after = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        saved = (after.get("own") or {}).get("timing") or {}
        self.tally.check("a save refused twice with its part unchanged is saved on the newest revision,"
                         " with no conflict shown",
                         abs((saved.get("lastWordOffset") or 0) - offset) < 0.0015
                         and after.get("revision") == before.get("revision") + 3
                         and browser.find_element(By.ID, "answer").get_attribute("data-revision")
                         == str(after.get("revision"))
                         and not browser.find_element(By.ID, "conflict").is_displayed(),
                         f"{saved} revision {after.get('revision')} after {before.get('revision')}")
        self.tally.check("…and the unsaved transcript words are still in the editor, unsaved",
                         editor.get_attribute("value") == unsaved_text and self.leaving_warns(browser),
                         editor.get_attribute("value"))
        self.reviewed_offset = offset

    def save_refused_every_time(self, browser):
        """ORT2 saves before every send: after a few resends the page stops and shows the conflict box,
        the marks and the transcript words still the coder's; nothing was overwritten. ORT1 keeps
        the page's marks once the other coder has stopped, and they are saved."""
        editor, unsaved_text, before, offset = self.before_an_interfered_save(browser)
        self.interfere(browser, 100)
        moved = self.move_last_mark_and_save(browser)
        box = browser.find_element(By.ID, "conflict")
        self.wait(browser, lambda b: b.find_element(By.ID, "status").get_attribute("data-status") == "conflict",
                  "the save refused at every send to stop")
        self.drain_console_errors(browser, refused_saves=True)
        interference = browser.execute_script("return window.interference")
        self.tally.equal(f"a save refused at every send is sent {STALE_SENDS} times in all, then stops",
                         interference["statuses"], [409] * STALE_SENDS)
        shown = self.text_of(browser, "conflict-current") or ""
        self.tally.check("then the conflict box says the answer kept changing and shows the marks, both versions",
                         box.is_displayed() and box.get_attribute("data-busy") == "true"
                         and browser.find_element(By.ID, "conflict-busy").is_displayed()
                         and not browser.find_element(By.ID, "conflict-choose").is_displayed()
                         and self.text_of(browser, "conflict-message")
                         and browser.find_elements(By.CSS_SELECTOR, "#conflict-current [data-part='timing']")
                         and "Version enregistrée" in shown and "Votre version" in shown, shown)
        during = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        self.tally.check("nothing was overwritten, and the page still holds the coder's marks and unsaved words",
                         during["own"]["timing"] == before["own"]["timing"]
                         and self.text_of(browser, "last-word-mark") == moved.strip()
                         and editor.get_attribute("value") == unsaved_text and self.leaving_warns(browser),
                         f"{during['own']['timing']} page {self.text_of(browser, 'last-word-mark')!r} for {moved!r}")
        browser.execute_script("window.interference.left = 0")
        browser.find_element(By.ID, "conflict-keep").click()
        self.wait_saved(browser, str(during.get("revision")), "the page's marks kept and saved")
        after = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        saved = (after.get("own") or {}).get("timing") or {}
        self.tally.check("keeping the page's marks saves them on the newest revision; the words stay unsaved",
                         abs((saved.get("lastWordOffset") or 0) - offset) < 0.0015
                         and after.get("revision") == during.get("revision") + 1 and not box.is_displayed()
                         and editor.get_attribute("value") == unsaved_text and self.leaving_warns(browser),
                         f"{saved} revision {after.get('revision')} after {during.get('revision')}")
        browser.execute_script("window.fetch = window.originalFetch")
        self.reviewed_offset = offset

    def save_in_another_tab(self, browser, memories):
        """ORT1 saves `memories` in a second tab of the same browser and closes it; the answer as now."""
        first_tab = browser.current_window_handle
        browser.switch_to.new_window("tab")
        browser.get(f"{self.server.origin}/answers/{self.answer_id}")
        self.wait_for_page(browser, "answer")
        self.set_memories(browser, memories)
        revision = browser.find_element(By.ID, "answer").get_attribute("data-revision")
        browser.find_element(By.ID, "save-memories").click()
        self.wait_saved(browser, revision, "ORT1's coding saved in a second tab")
        current = self.fetch_json(browser, f"/api/answers/{self.answer_id}?coder={FIRST_CODER}")
        browser.close()
        browser.switch_to.window(first_tab)
        return current

    def refused_with_both_counts(self, browser, current, saved, page):
        """The first tab saves `page` over the other tab's `saved`: refused, and both are shown."""
        self.drain_console_errors(browser)
        self.set_memories(browser, page)
        browser.find_element(By.ID, "save-memories").click()
        self.wait(browser, lambda b: b.find_element(By.ID, "status").get_attribute("data-status") == "conflict",
                  "the stale save of the same part to be refused")
        self.drain_console_errors(browser, refused_saves=True)
        shown = self.text_of(browser, "conflict-current") or ""
        self.tally.check("a save of a part saved meanwhile in another tab is refused visibly, with a message",
                         browser.find_element(By.ID, "conflict").is_displayed()
                         and self.text_of(browser, "conflict-message"), shown)
        self.tally.check(f"the refusal shows both counts: {saved[0]} saved in the other tab and {page[0]} on the page",
                         f"{saved[0]} souvenirs" in shown and f"{page[0]} souvenirs" in shown
                         and f"revision {current.get('revision')}" in shown, shown)

    @staticmethod
    def set_memories(browser, values):
        for element_id, value in zip(("memories-count", "memories-specific"), values):
            field = browser.find_element(By.ID, element_id)
            browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
            field.send_keys(Keys.CONTROL, "a")
            field.send_keys(str(value))

    def drain_console_errors(self, browser, refused_saves=False):
        """Browser 1's console errors so far, kept for check_no_console_errors; a refused save (409)
        is logged by the browser as an error and is the point of the step, so that one is dropped."""
        errors = harness.console_errors(browser)
        self.console_kept.extend(e for e in errors if not (refused_saves and "409" in e))

    def switch_language(self, browser):
        """The language button turns the page's labels to English and back, and the page says so."""
        french = browser.execute_script("return document.body.innerText")
        browser.find_element(By.ID, "lang-toggle").click()
        self.wait(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
                  "the page to switch to English")
        english = browser.execute_script("return document.body.innerText")
        for label_fr, label_en in ENGLISH_PAIRS:
            self.tally.check(f"English: '{label_fr}' reads '{label_en}'",
                             label_fr in french and label_en in english and label_fr not in english,
                             f"fr={label_fr in french} en={label_en in english} still={label_fr in english}")
        self.tally.equal("English: the language button now offers French", self.text_of(browser, "lang-toggle"),
                         "Français")
        browser.find_element(By.ID, "lang-toggle").click()
        self.wait(browser, lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr",
                  "the page to switch back to French")
        self.check_french(browser, "agreement (back to French)")

    # --- Agreement and consensus --------------------------------------------------------------------

    def reach_consensus(self, browser):
        browser.find_element(By.ID, "nav-agreement").click()
        self.wait_for_page(browser, "agreement")
        row = self.wait(browser, lambda b: b.find_elements(
            By.CSS_SELECTOR, "#agreement-table tbody tr[data-measure]"), "the agreement table")
        measures = {r.get_attribute("data-measure"): r for r in row}
        self.tally.check("the agreement page has a row for the memories coded twice",
                         any("memor" in m for m in measures), sorted(measures))
        selector = f"#disagreements tbody tr[data-answer-id='{self.answer_id}'][data-measure='memories']"
        disagreement = self.wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, selector),
                                 "the memories disagreement of the coded answer")[0]
        values = disagreement.find_element(By.CSS_SELECTOR, "td.coder-values").text
        self.tally.check("the disagreement lists both coders' values",
                         all(c in values for c in (FIRST_CODER, SECOND_CODER))
                         and str(STALE_MEMORIES[0]) in values and str(SECOND_MEMORIES[0]) in values, values)
        self.check_blind(browser, "agreement")
        self.check_french(browser, "agreement")
        self.screenshot(browser, "agreement")
        # Another disagreement's field, typed in and not saved, must survive the save of this one.
        others = [r for r in browser.find_elements(By.CSS_SELECTOR, "#disagreements tbody tr[data-answer-id]")
                  if not (r.get_attribute("data-answer-id") == self.answer_id
                          and r.get_attribute("data-measure") == "memories")]
        self.tally.require("the agreement page lists another disagreement to type in", others,
                           "only the memories disagreement")
        other_key = (others[0].get_attribute("data-answer-id"), others[0].get_attribute("data-measure"))
        others[0].find_element(By.CSS_SELECTOR, "input.consensus-value").send_keys("7")
        entry = disagreement.find_element(By.CSS_SELECTOR, "input.consensus-value")
        entry.send_keys(str(CONSENSUS_MEMORIES), Keys.ENTER)
        # The page marks the row saved, then reloads the table: the status line and the data tell.
        self.wait(browser, lambda b: b.find_element(By.ID, "status").get_attribute("data-status") == "saved",
                  "the consensus to be saved")
        other = (f"#disagreements tbody tr[data-answer-id='{other_key[0]}'][data-measure='{other_key[1]}']"
                 " input.consensus-value")
        # Read in one script, so the table cannot be redrawn between finding the field and reading it.
        kept = self.wait(browser, lambda b: b.execute_script(
            "if (document.querySelector('#disagreements tr[data-saved]')) return null;"
            " return Array.from(document.querySelectorAll(arguments[0]), (e) => e.value);", other) or None,
                         "the table redrawn after the save")
        self.tally.equal("a value typed in another row and not saved survives the save of this one", kept, ["7"])
        recorded = [d.get("consensus") for d in self.fetch_json(browser, "/api/agreement").get("disagreements", [])
                    if d.get("id") == self.answer_id and d.get("measure") == "memories"]
        self.tally.equal("the agreement data show the consensus", recorded, [CONSENSUS_MEMORIES])
        self.tally.check("Enter in the consensus field records the consensus", True)

    def check_no_console_errors(self):
        for number, browser in enumerate(self.browsers, start=1):
            errors = harness.console_errors(browser) + (self.console_kept if number == 1 else [])
            self.tally.check(f"browser {number}: no console errors on any page", not errors, errors)

    # --- Outside the browser -------------------------------------------------------------------------

    def check_database(self):
        """The rows a researcher finds with sqlite3: every coding kept, signed, beside the automatic."""
        key = (self.recording["session_id"], self.recording["trial_id"], self.recording["participant_code"])
        where = "WHERE session_id = ? AND trial_id = ? AND participant_code = ?"
        coders = {r["code"] for r in harness.query(self.database, "SELECT code FROM coder")}
        self.tally.equal("database: both coder codes are registered (codes only)", coders, {FIRST_CODER, SECOND_CODER})
        timing = harness.query(self.database, f"SELECT * FROM reviewed_timing {where}", key)
        self.tally.check("database: ORT1's reviewed marks are kept, the first word 210 ms after the automatic one,"
                         " the last as saved beside ORT2's coding",
                         len(timing) == 1 and timing[0]["coder"] == FIRST_CODER
                         and abs(timing[0]["t_first_word_s"] - self.reviewed_onset) < 0.0015
                         and abs(timing[0]["t_last_word_end_s"] - self.reviewed_offset) < 0.0015, timing)
        automatic = harness.query(self.database, f"SELECT * FROM answer_measures {where}", key)[0]
        self.tally.check("database: the automatic mark is kept beside it",
                         abs(automatic["t_first_word_s"] - self.automatic_onset) < 0.006, automatic["t_first_word_s"])
        transcripts = harness.query(self.database, f"SELECT * FROM reviewed_transcript {where} ORDER BY id", key)
        self.tally.check("database: ORT1's three transcript saves are kept, the first with the text before",
                         [t["coder"] for t in transcripts] == [FIRST_CODER] * 3
                         and [t["text"].strip() for t in transcripts]
                         == [TYPED, TYPED + TYPED_BEFORE_SAVE, TRANSCRIBED]
                         and (transcripts[0]["previous_text"] or "").strip() == self.prefill
                         and transcripts[-1]["words"] == self.expected["words"], transcripts)
        codings = harness.query(self.database, f"SELECT coder, memories_n, specific_n FROM memory_coding {where}"
                                " ORDER BY id", key)
        self.tally.equal("database: both coders' latest codings are kept (ORT1's as kept after the conflict)",
                         sorted(tuple(c.values()) for c in codings),
                         [(FIRST_CODER, *STALE_MEMORIES), (SECOND_CODER, *SECOND_MEMORIES)])
        consensus = harness.query(self.database, f"SELECT measure, value, recorded_by FROM consensus {where}", key)
        self.tally.equal("database: the consensus is recorded, signed by the coder who entered it",
                         [tuple(c.values()) for c in consensus], [("memories", CONSENSUS_MEMORIES, SECOND_CODER)])
        events = harness.query(self.database, "SELECT type, payload FROM event WHERE type LIKE 'review.%'"
                               " ORDER BY sequence")
        logged = [(e["type"], json.loads(e["payload"]).get("coder")) for e in events]
        # ORT2's codings: its own, and its saves before the marks saves refused as stale (2, then STALE_SENDS).
        expected = Counter({("review.timing_saved", FIRST_CODER): 4, ("review.transcript_saved", FIRST_CODER): 3,
                            ("review.memories_coded", FIRST_CODER): 4,
                            ("review.memories_coded", SECOND_CODER): 1 + 2 + STALE_SENDS,
                            ("review.consensus_saved", SECOND_CODER): 1})
        self.tally.check("database: every save is a typed event in the log, signed by its coder",
                         Counter(logged) == expected, logged)
        check = harness.run_tool(self.connectage, ["db", "check", "--db", self.database], self.work)
        self.tally.check("connectage db check finds the database healthy after the review", check.returncode == 0,
                         check.stdout + check.stderr)

    def check_transcript_file(self):
        written = self.recording["transcript"].read_text(encoding="utf-8")
        self.tally.equal("the transcript beside the recording is what was typed", written.strip(), TRANSCRIBED)
        leftovers = [p.name for p in self.recording["file"].parent.iterdir() if p.name.startswith(".")
                     and p.name not in (".running",) or p.suffix in (".tmp", ".partial")]
        self.tally.check("no temporary file is left beside the recordings", not leftovers, leftovers)

    def check_exports(self):
        out = self.work / "exports"
        result = harness.run_tool(self.connectage, ["export", "all", "--db", self.database, "--study", "demo",
                                                     "--out", out], self.work)
        self.tally.require("connectage export all succeeds", result.returncode == 0, result.stderr)
        rows = harness.read_csv(out / "measures.csv")
        row = self.measures_row(rows)
        self.tally.equal("measures.csv: words are the reviewed transcript's", row.get("words"),
                         str(self.expected["words"]))
        self.tally.equal("measures.csv: memories_n is the consensus", row.get("memories_n"), str(CONSENSUS_MEMORIES))
        self.tally.check("measures.csv: t_first_word is the reviewed mark",
                         abs(float(row.get("t_first_word") or "nan") - self.reviewed_onset) < 0.0015,
                         f"{row.get('t_first_word')} ≠ {self.reviewed_onset}")
        # transcript_source says where the words came from (issue 15), not which value is analysed.
        def value_sources(r):
            return {c: v for c, v in r.items() if c.endswith("_source") and c != "transcript_source"}
        sources = value_sources(row)
        self.tally.equal("measures.csv: each reviewed measure's source says where its value comes from", sources, {
            "onset_source": "coder", "offset_source": "coder", "words_source": "coder", "memories_source": "consensus"})
        self.tally.equal("measures.csv: a transcript saved in the review counts as reviewed",
                         row.get("transcript_source"), "reviewed")
        others = [value_sources(r) for r in rows if r is not row]
        self.tally.check("measures.csv: the answers nobody reviewed keep the automatic values",
                         others and all(set(o.values()) == {"automatic"} for o in others), others)
        codebook = (out / "codebook.csv").read_text(encoding="utf-8")
        self.tally.check("the codebook documents the source columns",
                         all(column in codebook for column in sources), sorted(sources))

    def measures_row(self, rows):
        trial = self.recording["trial_id"]
        matching = [r for r in rows if r.get("trial_id") == trial]
        self.tally.require("measures.csv has the reviewed answer's row", len(matching) == 1, f"trial {trial}")
        self.condition = matching[0]["condition_delivered"]
        return matching[0]

    def check_statistics(self):
        result = harness.run_tool(self.connectage, ["stats", "--db", self.database, "--study", "demo", "--measure",
                                                    "memories_n", "--measure", "words", "--json"], self.work)
        self.tally.require("connectage stats succeeds", result.returncode == 0, result.stderr)
        report = json.loads(result.stdout)
        by_measure = {m["measure"]: m for m in report["measures"]}
        values = {c["condition"]: c.get("values") for c in by_measure["memories_n"]["conditions"]}
        self.tally.equal("stats: memories_n of the reviewed answer's condition is the consensus",
                         values.get(self.condition), [CONSENSUS_MEMORIES])
        words = {c["condition"]: c.get("values") for c in by_measure["words"]["conditions"]}
        self.tally.equal("stats: words of the reviewed answer's condition are the reviewed transcript's",
                         words.get(self.condition), [self.expected["words"]])
        self.tally.check("stats says which source it used", "source" in result.stdout, result.stdout[:300])
