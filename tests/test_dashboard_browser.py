"""The dashboard for real: `newsdesk dashboard` on a loopback port, loaded in headless Chromium.

Chromium is Debian's `chromium` package (plus fonts-liberation, which it only recommends): the
session fixture installs both when chromium is missing and the machine allows it (root with
apt-get, as on CI; about 100 s on a fresh machine). The page is driven through the Chrome DevTools
Protocol over a WebSocket (the `websockets` package): navigate, wait until the text of the seed
warehouse is on screen, save a screenshot under artifacts/. Every wait is bounded.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from websockets.sync.client import ClientConnection, connect

from tests.conftest import REPO
from tests.seed_warehouse_support import seed_warehouse

ARTIFACTS = REPO / "artifacts"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1440,1400",
    "--remote-debugging-port=0",
    "--remote-debugging-address=127.0.0.1",
)
APT_TIMEOUT = 900  # seconds: apt-get update + install on a fresh machine
SERVER_TIMEOUT = 90  # seconds until the dashboard answers its health check
PAGE_TIMEOUT = 60  # seconds until a page shows the expected text


def _install_chromium() -> None:
    apt = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=apt, timeout=APT_TIMEOUT, capture_output=True)
    packages = ["chromium", "fonts-liberation"]
    subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", *packages],
        check=True,
        env=apt,
        timeout=APT_TIMEOUT,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path of Debian's chromium, installed on first use where we may (root with apt-get)."""
    found = shutil.which("chromium")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        _install_chromium()
        found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing and could not be installed (needs root and apt-get)")
        pytest.skip("chromium is not installed: `sudo apt-get install chromium` to run the browser test")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until(condition, timeout: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.25)
    raise TimeoutError(f"gave up after {timeout:.0f} s waiting for {what}")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read() == b"ok"
    except OSError:
        return False


@pytest.fixture(scope="module")
def dashboard_url(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsdesk dashboard` on the seed warehouse, on a free loopback port."""
    port = _free_port()
    log = tmp_path_factory.mktemp("dashboard") / "server.log"
    command = [sys.executable, "-m", "newsdesk.cli", "dashboard", "--port", str(port), "-w", str(seed_warehouse())]
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=REPO, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until(lambda: _healthy(url) or server.poll() is not None, SERVER_TIMEOUT, "the dashboard to start")
        assert server.poll() is None, log.read_text()
        yield url
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


class Browser:
    """Headless Chromium with one page, driven through the DevTools protocol."""

    def __init__(self, executable: str, profile: Path) -> None:
        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        port_file = profile / "DevToolsActivePort"
        port = _wait_until(lambda: port_file.exists() and port_file.read_text().split("\n")[0], 30, "chromium to start")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
            page = next(target for target in json.load(response) if target["type"] == "page")
        self.socket: ClientConnection = connect(page["webSocketDebuggerUrl"], max_size=None, open_timeout=10)
        self.ids = itertools.count(1)
        self.events: list[dict] = []  # DevTools events received while waiting for answers

    def call(self, method: str, **params: object) -> dict:
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv(timeout=PAGE_TIMEOUT))
            if "method" in message:
                self.events.append(message)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def open(self, url: str, expected: tuple[str, ...]) -> str:
        """Load `url` and wait until its visible text holds every expected string; return the text."""
        self.call("Page.navigate", url=url)

        def shows_everything() -> str | None:
            text = self.call("Runtime.evaluate", expression="document.body ? document.body.innerText : ''")
            value = text.get("result", {}).get("value", "")
            return value if all(part in value for part in expected) else None

        text = _wait_until(shows_everything, PAGE_TIMEOUT, f"{url} to show {expected}")
        time.sleep(3)  # let the charts finish drawing before the screenshot
        return text

    def requested_urls(self) -> list[str]:
        """Every URL the page asked for since `Network.enable` (documents, scripts, images, icons...)."""
        return [
            event["params"]["request"]["url"] for event in self.events if event["method"] == "Network.requestWillBeSent"
        ]

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        self.socket.close()
        os.killpg(self.process.pid, 15)
        self.process.wait(timeout=30)


@pytest.fixture()
def browser(chromium: str, tmp_path: Path) -> Iterator[Browser]:
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    started = Browser(chromium, profile)
    yield started
    started.close()


def test_the_overview_shows_the_seed_warehouse(browser: Browser, dashboard_url: str) -> None:
    text = browser.open(dashboard_url, ("Articles", "Events", "Agreements", "Coverage"))
    assert "Quarantined records" in text
    assert browser.screenshot(ARTIFACTS / "dashboard-overview.png").stat().st_size > 10_000


def test_the_article_view_shows_the_seed_article_highlighted(browser: Browser, dashboard_url: str) -> None:
    text = browser.open(f"{dashboard_url}/article", ("Le rapprochement entre le Maroc et Israël", "Benny Gantz"))
    marked = browser.call("Runtime.evaluate", expression="document.querySelectorAll('span.nd-trigger').length")
    assert marked["result"]["value"] > 0
    assert "event trigger" in text
    browser.screenshot(ARTIFACTS / "dashboard-article.png")


def test_the_agreements_view_shows_the_seed_agreement_with_its_provenance(browser: Browser, dashboard_url: str) -> None:
    text = browser.open(f"{dashboard_url}/agreements", ("accord-cadre", "Provenance"))
    assert "Benny Gantz" in text
    browser.screenshot(ARTIFACTS / "dashboard-agreements.png")


def test_the_dashboard_requests_nothing_outside_the_machine(browser: Browser, dashboard_url: str) -> None:
    """No favicon, font, image or statistics from a CDN: every request goes to the loopback."""
    browser.call("Network.enable")
    browser.open(f"{dashboard_url}/agreements", ("accord-cadre", "Provenance"))
    browser.open(f"{dashboard_url}/article", ("Benny Gantz",))
    requested = browser.requested_urls()
    assert any(url.startswith(dashboard_url) for url in requested)
    outside = [
        url
        for url in requested
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname not in ("127.0.0.1", "localhost")
    ]
    assert outside == []
