"""The README's commands work as written: the quickstart's API step and the wallet example are run in one shell, as
a reader pastes them, against a live Kassa and sandbox provider (only the hosts are changed), from a directory
holding the demo's credentials file; and no curl example in the README is left out of such a test."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
import requests

from tests.webhooks.test_webhook_docs import ROOT, snippet

# Every README block of commands that calls the API, by its doc-snippet name, and the test that runs it.
RUN_BY_A_TEST = {
    "quickstart-api": "tests/web/test_readme_snippets.py",
    "wallet-topup": "tests/web/test_readme_snippets.py",
    "approve-sandbox-payment": "tests/webhooks/test_webhook_docs.py",
}

pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


def run_as_written(script: str, tmp_path, merchant, live_server: str, sandbox_url: str) -> list[str]:
    """Run ``script`` in bash from a checkout-like directory whose var/demo-credentials.json names ``merchant``'s
    keys, as `make run` writes it; its output lines."""
    (tmp_path / "var").mkdir(exist_ok=True)
    (tmp_path / "var" / "demo-credentials.json").write_text(
        json.dumps({"merchant_id": merchant.id, "secret_key": merchant.secret_key})
    )
    script = script.replace("localhost:5000", live_server.removeprefix("http://")).replace(
        "localhost:5001", sandbox_url.removeprefix("http://")
    )
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k not in ("SK", "SKU")},
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def test_the_quickstart_creates_an_order_whose_page_opens_and_the_wallet_example_tops_up(
    tmp_path, merchant, catalog, live_server, sandbox
):
    script = snippet("README.md", "quickstart-api") + snippet("README.md", "wallet-topup")
    out = run_as_written(script, tmp_path, merchant, live_server, sandbox.url)

    products = json.loads(out[0])
    assert [p["id"] for p in products["data"]] == [catalog["product"]]
    status, order_url = out[1].split(" ")
    assert status == "created" and order_url.startswith(f"{live_server}/checkout/orders/ord_")
    page = requests.get(order_url, timeout=10)
    assert page.status_code == 200 and "Pay $9.99" in page.text

    provider_page, session_url = out[2], out[3]
    assert provider_page.startswith(f"{sandbox.url}/sandbox/pay/")
    assert requests.get(provider_page, timeout=10).status_code == 200
    assert session_url.startswith(f"{live_server}/checkout/sessions/cs_")
    session_page = requests.get(session_url, timeout=10)
    assert session_page.status_code == 200 and "Pay $9.99" in session_page.text


def test_every_curl_example_in_the_readme_is_run_by_a_test():
    text = (ROOT / "README.md").read_text()
    blocks = re.finditer(r"(?:<!-- doc-snippet: ([\w-]+)[^>]*-->\s*\n)?[ \t]*```sh\n(.*?)```", text, re.S)
    untested = [body.strip()[:60] for name, body in (b.groups() for b in blocks) if "curl" in body and not name]
    assert untested == [], "mark them <!-- doc-snippet: name --> and run them in a test"
    named = set(re.findall(r"<!-- doc-snippet: ([\w-]+)", text))
    assert named == set(RUN_BY_A_TEST)
    for name, test_file in RUN_BY_A_TEST.items():
        assert f'"{name}"' in (ROOT / test_file).read_text(), name
