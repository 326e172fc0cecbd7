"""Playwright on Debian's Chromium (never Playwright's own browser download)."""

import pytest
from playwright.sync_api import expect

from tests.support.stream_process import start_stream_process

CHROMIUM = "/usr/bin/chromium"
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
