"""What the review workstation's end-to-end test stands on: a demo session made by the real
`connectage demo`, the `connectage review` server as a subprocess, headless Chromium driven by
Selenium, and a tally that prints one line per check and the closing 'N passed, N failed'.

Nothing here knows the page; review_workstation.py holds the scenario.
"""

import csv
import json
import os
import queue
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


class CheckFailed(Exception):
    """A check the rest of the scenario cannot go on without."""


class Tally:
    """Every check, printed as it happens, and the closing line the CI reads."""

    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"ok - {name}", flush=True)
        else:
            self.failed.append(name)
            print(f"FAIL - {name}" + (f": {detail}" if detail else ""), flush=True)
        return bool(condition)

    def require(self, name, condition, detail=""):
        if not self.check(name, condition, detail):
            raise CheckFailed(name)

    def equal(self, name, actual, expected):
        return self.check(name, actual == expected, f"expected {expected!r}, got {actual!r}")

    def closing_line(self):
        return f"{self.passed} passed, {len(self.failed)} failed"


def command_environment(work, extra=None):
    """Everything the tool reads from the environment points into the test's own folder; no display,
    so `connectage review` does not try to open a browser of its own; French messages."""
    environment = dict(os.environ, XDG_DATA_HOME=str(work), CONNECTAGE_LANG="fr", **(extra or {}))
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    return environment


def run_tool(connectage, arguments, work, timeout=60, environment=None):
    """One `connectage` command to its end; its output is kept for the failure message."""
    return subprocess.run(
        [str(connectage), *map(str, arguments)],
        env=command_environment(work, environment),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def make_demo_session(connectage, work, repository):
    """A real session: one virtual player answers three trials with espeak-ng through the capture
    path, each recording measured, a plain transcript beside each recording (what the voice said)."""
    database = work / "review.sqlite"
    result = subprocess.run(
        [
            str(connectage), "demo", "--headless", "--brisk", "--players", "1", "--answer-seconds", "3",
            "--db", str(database), "--output", str(work / "sessions"),
        ],
        cwd=repository,
        env=command_environment(work),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise CheckFailed(f"connectage demo failed ({result.returncode}): {result.stderr.strip()}")
    return database


class ReviewServer:
    """`connectage review` as the therapist starts it; the URL with its token is read from what it
    prints, as a person copies it from the terminal. Stopped with SIGINT, as Ctrl-C does."""

    URL = re.compile(r"https?://[^\s<>\"']+token=[A-Za-z0-9_\-.~%]+")

    def __init__(self, connectage, arguments, work, environment=None):
        self.command = [str(connectage), "review", *map(str, arguments)]
        self.work = work
        self.environment = environment
        self.lines = queue.Queue()
        self.output = []
        self.errors = []
        self.process = None
        self.url = None

    def start(self, timeout=30):
        self.process = subprocess.Popen(
            self.command,
            env=command_environment(self.work, self.environment),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, args=(self.process.stdout, self.output, True), daemon=True).start()
        threading.Thread(target=self._read, args=(self.process.stderr, self.errors, True), daemon=True).start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            found = self.URL.search(line)
            if found:
                self.url = found.group(0)
                return self.url
        self.stop(timeout=5)
        raise CheckFailed(
            "connectage review printed no URL with a token"
            f" (exit {self.process.returncode}): {''.join(self.output + self.errors).strip()[:600]}")

    def _read(self, stream, sink, announce):
        for line in stream:
            sink.append(line)
            if announce:
                self.lines.put(line)

    def stop(self, timeout=15):
        """SIGINT, then the exit code; a server that ignores it is killed and reported as such."""
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            return "killed after SIGINT was ignored"

    @property
    def origin(self):
        scheme, rest = self.url.split("://", 1)
        return f"{scheme}://{rest.split('/', 1)[0].split('?', 1)[0]}"

    @property
    def token(self):
        return re.search(r"token=([^&#\s]+)", self.url).group(1)

    @property
    def cookie_name(self):
        """The session cookie is named for the server's port: browsers keep cookies by host only."""
        return f"connectage_review_{self.origin.rsplit(':', 1)[1]}"


class TemporaryPostgres:
    """A throwaway PostgreSQL cluster on a free loopback port, as the Swift tests have one
    (Sources/TestSupport/TemporaryPostgres.swift): the superuser on the cluster's own socket without
    a password, everyone else over TCP with one (SCRAM), as on a real central server. As root, the
    cluster runs as Debian's postgres user: PostgreSQL refuses root."""

    ROLE, PASSWORD, DATABASE = "connectage_sync", "not-a-real-secret-e2e", "trial"

    def __init__(self):
        root = Path("/usr/lib/postgresql")
        versions = sorted(int(p.name) for p in root.iterdir() if p.name.isdigit()) if root.is_dir() else []
        if not versions:
            raise CheckFailed("PostgreSQL is not installed: run scripts/install-deps (Debian package postgresql)")
        self.binaries = root / str(versions[-1]) / "bin"
        self.folder = Path(tempfile.mkdtemp(prefix="connectage-e2e-pg-"))
        self._own(self.folder)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        password_file = self.folder / "superuser-password"
        password_file.write_text("unused\n")
        self._own(password_file)
        data = self.folder / "data"
        self._run("initdb", "-D", data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                  f"--pwfile={password_file}", "-E", "UTF8", "--no-instructions")
        self._run("pg_ctl", "-D", data, "-w", "-l", self.folder / "server.log", "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        self.psql(f"CREATE ROLE {self.ROLE} LOGIN PASSWORD '{self.PASSWORD}'")
        self.psql(f"CREATE DATABASE {self.DATABASE} OWNER {self.ROLE}")

    @property
    def address(self):
        """What a site gives `sync --to` and a coder `review --from`: no password in it."""
        return f"postgres://{self.ROLE}@127.0.0.1:{self.port}/{self.DATABASE}"

    @property
    def environment(self):
        return {"PGPASSWORD": self.PASSWORD}

    def psql(self, sql, database="postgres"):
        return self._run("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-h", self.folder, "-p", self.port,
                         "-U", "postgres", "-d", database, "-c", sql)

    def stop(self):
        self._run("pg_ctl", "-D", self.folder / "data", "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, tool, *arguments, check=True):
        command = [str(self.binaries / tool), *map(str, arguments)]
        if os.geteuid() == 0:
            command = ["/usr/sbin/runuser", "-u", "postgres", "--", *command]
        # Files, not pipes: the server pg_ctl starts inherits them and lives on, and a pipe would
        # never reach its end while it does.
        with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
            result = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=output, stderr=errors, timeout=60)
            output.seek(0)
            errors.seek(0)
            if check and result.returncode != 0:
                raise CheckFailed(f"{tool} failed ({result.returncode}): {errors.read().decode(errors='replace')}")
            return output.read().decode().strip()

    @staticmethod
    def _own(path):
        if os.geteuid() == 0:
            shutil.chown(path, "postgres", "postgres")


def http(url, method="GET", headers=None, body=None):
    """A request outside the browser: (status, headers, body text); an HTTP error is an answer too."""
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=body)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def open_browser(width, height, download_folder=None):
    """Debian's chromium through Debian's chromedriver, headless, French, a fixed window.

    --no-sandbox: Chromium refuses to start its sandbox as root, and CI runs as root in a
    container without user namespaces. The pages it opens are the project's own, on loopback.
    """
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        f"--window-size={width},{height}", "--force-device-scale-factor=1", "--hide-scrollbars",
        "--lang=fr-FR", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
        "--no-first-run", "--disable-extensions", "--disable-background-networking",
    ]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The driver's path is given, so Selenium Manager never looks for (or downloads) one.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    # The viewport itself at the given size, whatever the window decorations: same screenshots everywhere.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(20)
    return driver


def console_errors(driver):
    """Console messages at error level since the last call (each call drains the log)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def query(database, sql, parameters=()):
    """Read-only rows as dictionaries, the way a researcher would look with sqlite3."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql, parameters)]
    finally:
        connection.close()


def table_columns(database, table):
    return [row["name"] for row in query(database, f"PRAGMA table_info({table})")]


def parse_json(text):
    return json.loads(text)
