"""A payment tool installed as its own package (examples/kassa-bank-transfer) becomes a channel without any
change to Kassa: listed in the portal, set up from its settings schema with credentials stored encrypted,
offered at checkout once set up, and paid through its own signed notice."""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.payments.attempts.test_payment_flow import create_order

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "kassa-bank-transfer"
SECRET = "notice-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def bank_transfer(tmp_path_factory):
    """pip-install the example package into a directory of its own and put it on the path, as installing it
    into Kassa's environment would (without changing the environment other tests share)."""
    from app.payments.channels.registry import reload_channels

    target = tmp_path_factory.mktemp("site-packages")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(EXAMPLE),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    sys.path.insert(0, str(target))
    importlib.invalidate_caches()
    reload_channels()
    yield
    sys.path.remove(str(target))
    sys.modules.pop("kassa_bank_transfer", None)
    importlib.invalidate_caches()
    reload_channels()


def _panel_channels(client, product: str) -> list[str]:
    import re

    page = client.get(f"/checkout/{product}").get_data(as_text=True)
    return re.findall(r'name="channel" value="([a-z_]+)"', page)


def _notice(body: dict, secret: str = SECRET) -> tuple[bytes, dict]:
    raw = json.dumps(body).encode()
    stamp = str(int(time.time()))
    signature = hmac.new(secret.encode(), stamp.encode() + b"." + raw, hashlib.sha256).hexdigest()
    return raw, {"Transfer-Signature": f"t={stamp},v1={signature}", "Content-Type": "application/json"}


def test_the_installed_package_registers_its_channel(app, bank_transfer):
    from app.payments.channels.registry import channel_codes, channel_spec

    assert channel_codes()[:3] == ("sandbox_card", "sandbox_qr", "wallet")
    spec = channel_spec("bank_transfer")
    assert spec is not None and spec.capabilities == {"redirect"}
    assert [(f.name, f.secret) for f in spec.settings] == [("instructions_url", False), ("notice_secret", True)]


def test_a_merchant_sets_it_up_in_the_portal_and_shoppers_pay_with_it(
    app, client, merchant, catalog, portal, api, bank_transfer
):
    page = portal.text("/portal/channels")
    assert "Bank transfer" in page and "bank_transfer is not set up" in page
    assert '<a href="/portal/channels/bank_transfer">enter its settings</a>' in page
    assert _panel_channels(client, catalog["product"]) == ["sandbox_card", "sandbox_qr"]

    form = portal.text("/portal/channels/bank_transfer")
    assert 'name="instructions_url"' in form and 'type="password"' in form and "Can: redirect." in form

    refused = portal.post(
        "/portal/channels/bank_transfer/settings", {"instructions_url": "ftp://bank", "notice_secret": "short"}
    )
    assert refused.status_code == 422
    assert "Page with your bank details does not look right: a web address starting with https://" in refused.get_data(
        as_text=True
    )

    saved = portal.post(
        "/portal/channels/bank_transfer/settings",
        {"instructions_url": "https://shop.example/bank", "notice_secret": SECRET},
    )
    assert saved.status_code == 302
    form = portal.text("/portal/channels/bank_transfer")
    assert SECRET not in form and "••••cdef" in form and "https://shop.example/bank" in form
    # A blank secret keeps the saved one.
    assert (
        portal.post(
            "/portal/channels/bank_transfer/settings",
            {"instructions_url": "https://shop.example/bank2", "notice_secret": ""},
        ).status_code
        == 302
    )
    assert "bank_transfer" in _panel_channels(client, catalog["product"])
    assert "bank_transfer is not set up" not in portal.text("/portal/channels")

    with app.app_context():
        from app.extensions import db
        from app.payments.channels.credential_models import ChannelCredentials

        stored = db.session.scalar(select(ChannelCredentials.ciphertext))
        assert SECRET not in stored and "shop.example" not in stored
    audit = portal.text("/portal/audit?action=channel.settings")
    assert "channel.settings" in audit and SECRET not in audit

    order = create_order(api, catalog["sku"])
    paid = api.post(f"/orders/{order['id']}/pay", json={"channel": "bank_transfer"})
    assert paid.status_code == 200, paid.json
    payment = paid.json["payment"]
    assert payment["next_action"]["url"].startswith(f"https://shop.example/bank2?reference={payment['id']}")

    hook = f"/hooks/channels/bank_transfer/{merchant.id}"
    body = {"reference": payment["id"], "amount": payment["amount"], "currency": payment["currency"]}
    forged, headers = _notice(body, secret="someone-elses-secret-123")
    assert client.post(hook, data=forged, headers=headers).status_code == 400
    assert api.get(f"/orders/{order['id']}").json["status"] == "paying"

    raw, headers = _notice(body)
    assert client.post(hook, data=raw, headers=headers).status_code == 200
    assert api.get(f"/orders/{order['id']}").json["status"] == "paid"


def test_another_merchants_notice_url_cannot_settle_this_merchants_payment(
    app, client, merchant, other_merchant, catalog, api, bank_transfer
):
    from app.payments.channels.credentials import save_channel_settings

    with app.app_context():
        for owner in (merchant, other_merchant):
            save_channel_settings(
                owner.id, "bank_transfer", {"instructions_url": "https://shop.example/bank", "notice_secret": SECRET}
            )
    order = create_order(api, catalog["sku"])
    payment = api.post(f"/orders/{order['id']}/pay", json={"channel": "bank_transfer"}).json["payment"]
    raw, headers = _notice({"reference": payment["id"], "amount": payment["amount"], "currency": payment["currency"]})
    answer = client.post(f"/hooks/channels/bank_transfer/{other_merchant.id}", data=raw, headers=headers)
    assert answer.status_code == 200 and answer.json["payment"] is None
    assert api.get(f"/orders/{order['id']}").json["status"] == "paying"


def test_a_channel_without_settings_has_no_settings_form(portal):
    assert 'action="/portal/channels/sandbox_card/settings"' not in portal.text("/portal/channels/sandbox_card")
    assert portal.post("/portal/channels/sandbox_card/settings", {}).status_code == 404


def test_stripes_settings_form_refuses_a_publishable_key_as_the_secret_key(app, portal):
    page = portal.text("/portal/channels/stripe")
    assert "Webhook URL to give the provider" in page and "/hooks/channels/stripe/mch_" in page
    refused = portal.post(
        "/portal/channels/stripe/settings",
        {"secret_key": "pk_test_123", "publishable_key": "pk_test_123", "webhook_secret": "whsec_1"},
    )
    assert refused.status_code == 422
    assert "Secret key does not look right: starts with sk_test_ or sk_live_" in refused.get_data(as_text=True)
