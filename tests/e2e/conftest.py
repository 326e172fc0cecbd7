"""Playwright on Debian's Chromium (never Playwright's own browser download)."""

import os

import pytest
from playwright.sync_api import expect

from tests.support.stream_process import start_stream_process

# Debian's headless build of the same Chromium (Blink, V8 and network stack), as Playwright runs headless tests on
# its own. The full browser in headless mode spent 2.5-3 times its CPU on the same tests (82-105 s against 34 s
# for 35 of them, its browser process busy even between pages): on two cores that was nearly two fifths of the
# PostgreSQL pass's CPU. KASSA_TEST_CHROMIUM=/usr/bin/chromium runs them on the full browser.
CHROMIUM = os.environ.get("KASSA_TEST_CHROMIUM", "/usr/bin/chromium-headless-shell")
# Without these flags Chromium stalls on the closed network trying to reach Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def page(page):
    page.set_default_timeout(10_000)
    # What a page shows after the provider answers arrives asynchronously (a callback, then the order's stream):
    # on a loaded 2-core machine that took more than expect's default 5 s; a shopper waits longer than that.
    expect.set_options(timeout=10_000)
    return page


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative page.goto() paths resolve against the live Kassa server."""
    return live_server


@pytest.fixture(scope="session")
def stream_process(tmp_path_factory):
    service, url = start_stream_process(tmp_path_factory)
    yield url
    service.stop()


@pytest.fixture(autouse=True)
def streams_on_the_stream_process(app, stream_process):
    """As `make run` serves them: STREAM_PUBLIC_URL names the stream process."""
    app.config["STREAM_PUBLIC_URL"] = stream_process
    yield
    app.config["STREAM_PUBLIC_URL"] = ""
