"""The docs cannot rot: the verification code in docs/webhooks.md (Python, and JavaScript under node) is run as
written against a real signed webhook delivery, and the README's curl commands approve a real sandbox payment."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, status_of
from tests.webhooks.test_webhooks import _receiver_server, receiver, register, worker  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]


def snippet(doc: str, name: str) -> str:
    """The fenced code block right after ``<!-- doc-snippet: name … -->`` in ``doc``, indentation removed."""
    text = (ROOT / doc).read_text()
    found = re.search(rf"<!-- doc-snippet: {re.escape(name)}\b.*?-->\s*\n([ \t]*)```\w*\n(.*?)\n[ \t]*```", text, re.S)
    assert found, f"no {name} snippet in {doc}"
    indent = found.group(1)
    return "\n".join(line.removeprefix(indent) for line in found.group(2).splitlines()) + "\n"


@pytest.fixture
def delivery(api, catalog, receiver, worker) -> dict:
    """One real delivery of order.created to a registered endpoint, as the receiver got it."""
    hook, _ = register(api, receiver, "/docs-hook", ["order.created"])
    create_order(api, catalog["sku"])
    worker()
    assert len(hook.raw) == 1 and len(hook.accepted) == 1
    body, header = hook.raw[0]
    return {"body": body, "header": header, "secret": hook.secret}


@pytest.fixture
def rolled_delivery(api, catalog, receiver, worker) -> dict:
    """A delivery during a roll's overlap, signed with the new secret and the old one (``v1=<new>,v1=<old>``)."""
    hook, endpoint_id = register(api, receiver, "/docs-rolled", ["order.created"])
    old = hook.secret
    hook.secret = api.post(f"/webhook_endpoints/{endpoint_id}/roll_secret").json["secret"]
    create_order(api, catalog["sku"])
    worker()
    assert len(hook.raw) == 1 and len(hook.accepted) == 1
    body, header = hook.raw[0]
    assert header.count("v1=") == 2
    return {"body": body, "header": header, "secret": hook.secret, "old_secret": old}


def cases(delivery: dict) -> list[tuple[bytes, str, str, bool]]:
    """(payload, header, secret, should verify): the delivery itself, and what a verifier must refuse; during a
    roll's overlap, either secret verifies."""
    body, header, secret = delivery["body"], delivery["header"], delivery["secret"]
    assert secret.startswith("whsec_")
    rolled = [(body, header, delivery["old_secret"], True)] if "old_secret" in delivery else []
    return [
        (body, header, secret, True),
        *rolled,
        (body + b" ", header, secret, False),  # the body was changed
        (body, header, secret.removeprefix("whsec_"), False),  # the prefix is part of the key
        (body, "", secret, False),
        (body, header.replace("v1=", "v1=0"), secret, False),
    ]


@pytest.fixture(params=["delivery", "rolled_delivery"])
def a_delivery(request) -> dict:
    """A plain delivery, and one made while a rolled secret overlaps."""
    return request.getfixturevalue(request.param)


def test_the_documented_python_verification_accepts_a_real_delivery(a_delivery):
    delivery = a_delivery
    namespace: dict = {}
    exec(compile(snippet("docs/webhooks.md", "verify-python"), "docs/webhooks.md", "exec"), namespace)
    verify = namespace["verify_kassa_signature"]
    for payload, header, secret, expected in cases(delivery):
        assert verify(payload, header, secret) is expected, (payload[:40], header, secret)


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_documented_javascript_verification_accepts_a_real_delivery(a_delivery, tmp_path):
    delivery = a_delivery
    script = tmp_path / "verify.js"
    script.write_text(
        snippet("docs/webhooks.md", "verify-javascript")
        + """
const input = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const results = input.map(([payload, header, secret]) =>
  verifyKassaSignature(Buffer.from(payload, "base64"), header, secret));
process.stdout.write(JSON.stringify(results));
"""
    )
    given = cases(delivery)
    stdin = json.dumps([[base64.b64encode(p).decode(), h, s] for p, h, s, _ in given])
    run = subprocess.run(["node", str(script)], input=stdin, capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [expected for *_, expected in given]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_the_readme_approves_a_sandbox_payment_with_curl(app, api, merchant, catalog, sandbox, live_server):
    script = (
        snippet("README.md", "approve-sandbox-payment")
        .replace("localhost:5000", live_server.removeprefix("http://"))
        .replace("localhost:5001", sandbox.url.removeprefix("http://"))
    )
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script + 'echo "ORDER=$ORDER"'],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SK": merchant.secret_key, "SKU": catalog["sku"]},
    )
    assert run.returncode == 0, run.stderr
    assert '"status": "succeeded"' in run.stdout or '"status":"succeeded"' in run.stdout, run.stdout
    order_id = run.stdout.rsplit("ORDER=", 1)[1].strip()
    wait_for(lambda: status_of(api, order_id) in ("paid", "fulfilled"), timeout=15)


def test_the_docs_point_only_at_files_inside_the_repository():
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for doc in docs:
        text = doc.read_text()
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:|#|/", target):
                continue  # a URL, an anchor on the same page, or a path served by Kassa
            path = (doc.parent / target.split("#", 1)[0]).resolve()
            assert path.is_relative_to(ROOT) and path.exists(), f"{doc.name} links to {target}"
        assert "shared/" not in text, f"{doc.name} names a file outside the repository"
