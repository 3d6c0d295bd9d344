#!/usr/bin/env python3
"""The review workstation end to end, in a real browser (issue 11, "Tests and figures").

A demo session is played by the real `connectage demo`; `connectage review --db …` serves it; headless
Chromium opens the printed URL with its token. Then: transcribe one answer, move its first-word mark
with the keyboard, save; code the memories as ORT1 and, in a second browser, as ORT2 (blind to ORT1);
saves refused as stale (another coder, another tab; refused twice, then at every resend);
reach consensus on the agreement page; then, outside the browser, the database rows, the transcript
beside the recording, `export all` (measures.csv values and sources) and `stats`. Also: no token is
refused, the Content-Security-Policy header is sent, and no page logs a console error. Last, the
session is synced to a throwaway PostgreSQL and a third coder reviews it from there
(central_review.py): the transcript read only, the coding written back to the server.

Run by scripts/review-e2e (from `make test`); by hand:
    scripts/python-env python Tests/EndToEnd/review_workstation.py --connectage .build/debug/connectage
"""

import argparse
import signal
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from scenario import Scenario  # noqa: E402


def main():
    repository = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connectage", default=repository / ".build/debug/connectage", type=Path)
    parser.add_argument("--screenshot-dir", type=Path, help="write the pages' PNGs here (docs/screenshots to refresh them)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and print its path")
    parser.add_argument("--budget", type=int, default=240, help="seconds before the whole run is abandoned")
    arguments = parser.parse_args()

    def out_of_time(*_):
        raise TimeoutError(f"the end-to-end run took more than {arguments.budget} s")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(arguments.budget)

    tally = harness.Tally()
    work = Path(tempfile.mkdtemp(prefix="connectage-review-e2e-"))
    screenshots = arguments.screenshot_dir or work / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    scenario = Scenario(tally, arguments.connectage.resolve(), repository, work, screenshots)
    try:
        scenario.run()
    except harness.CheckFailed as failure:
        # A required check has already been counted; a wait that timed out or a tool that failed
        # has not, and a scenario cut short must not pass.
        if str(failure) not in tally.failed:
            tally.check("the scenario ran to its end", False, str(failure))
        print(f"# stopped: {failure}", flush=True)
    except Exception:  # a crash of the test itself is a failure too, with its trace
        tally.check("the scenario ran to its end", False, traceback.format_exc())
    finally:
        signal.alarm(0)
        scenario.tear_down()
        if arguments.keep or tally.failed:
            print(f"# work folder kept: {work}", flush=True)
        else:
            import shutil

            shutil.rmtree(work, ignore_errors=True)
    print(f"# screenshots: {screenshots}")
    print(tally.closing_line(), flush=True)
    return 1 if tally.failed or tally.passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
