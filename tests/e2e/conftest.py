"""Playwright on Debian's Chromium (never Playwright's own browser download)."""

import pytest
from playwright.sync_api import expect

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


def start_stream_process(tmp_path_factory, **settings: str):
    """The Procfile's stream process on the test database and Redis (with ``settings`` of its own): where pages and
    the SDK wait for a payment (the web route only redirects there). Returns the service and its base URL."""
    from tests.conftest import DATABASE_URL, REDIS_URL, free_port
    from tests.support.processes import Service, http_answers, kassa_environment

    port = free_port()
    env = kassa_environment(
        database_url=DATABASE_URL,
        redis_url=REDIS_URL,
        var_dir=tmp_path_factory.mktemp("e2e-streams"),
        kassa_port=free_port(),
        sandbox_port=free_port(),
        STREAM_PORT=str(port),
        **settings,
    )
    url = f"http://127.0.0.1:{port}"
    service = Service.from_procfile(
        "stream", env, tmp_path_factory.mktemp("e2e-stream-logs"), ready=http_answers(f"{url}/healthz")
    )
    return service.start(), url


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
