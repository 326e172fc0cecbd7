"""Developers in the portal: API keys shown once, rolled and revoked; webhooks; deliveries and Resend; embed."""

from __future__ import annotations

import re
from typing import Iterator

import pytest

from tests.conftest import Api
from tests.support.webhook_receiver import Receiver

CONFIRMED = {"confirm": "yes"}  # what the confirmation page sends


def _shown_key(response) -> str:
    return re.search(r'id="new-key" type="text" readonly value="([^"]+)"', response.get_data(as_text=True)).group(1)


def test_a_new_secret_key_is_shown_once_and_works(app, client, merchant, portal):
    response = portal.post("/portal/developers/keys", {"kind": "secret", "mode": "test"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "It will not be shown again." in response.get_data(as_text=True)
    raw = _shown_key(response)
    assert raw.startswith("sk_test_")
    assert Api(client, raw).get("/orders").status_code == 200
    listing = portal.text("/portal/developers")
    assert raw not in listing and f"…{raw[-4:]}" in listing
    with app.app_context():
        from app.audit.models import AuditEntry
        from app.extensions import db

        entry = db.session.query(AuditEntry).filter_by(action="api_key.create").one()
        assert entry.after["kind"] == "secret" and "key_hash" not in entry.after and raw not in str(entry.after)


def test_revoking_asks_first_then_refuses_the_key(app, client, merchant, portal):
    from app.extensions import db
    from app.merchants.models import ApiKey

    with app.app_context():
        key_id = db.session.query(ApiKey.id).filter_by(merchant_id=merchant.id, kind="secret").scalar()
    confirm = portal.text(f"/portal/developers/keys/{key_id}/revoke")
    assert "Revoke the test secret key ending" in confirm and "cannot be undone" in confirm
    assert Api(client, merchant.secret_key).get("/orders").status_code == 200  # the question changed nothing

    # A POST that did not come from the confirmation page (no confirm field) shows the question again.
    bare = portal.post(f"/portal/developers/keys/{key_id}/revoke")
    assert bare.status_code == 422 and "Revoke the test secret key ending" in bare.get_data(as_text=True)
    assert Api(client, merchant.secret_key).get("/orders").status_code == 200

    assert portal.post(f"/portal/developers/keys/{key_id}/revoke", CONFIRMED).status_code == 302
    assert Api(client, merchant.secret_key).get("/orders").status_code == 401
    again = portal.post(f"/portal/developers/keys/{key_id}/revoke", CONFIRMED)
    assert again.status_code == 302
    assert "Nothing changed: this key is already revoked." in portal.text("/portal/developers")
    assert "revoked" in portal.text("/portal/developers")


def test_rolling_replaces_the_key_in_one_step(app, client, merchant, portal):
    from app.extensions import db
    from app.merchants.models import ApiKey

    with app.app_context():
        key_id = db.session.query(ApiKey.id).filter_by(merchant_id=merchant.id, kind="secret").scalar()
    response = portal.post(f"/portal/developers/keys/{key_id}/roll", CONFIRMED)
    new = _shown_key(response)
    assert new.startswith("sk_test_") and "It replaces the key ending" in response.get_data(as_text=True)
    assert Api(client, merchant.secret_key).get("/orders").status_code == 401
    assert Api(client, new).get("/orders").status_code == 200
    with app.app_context():
        from app.audit.models import AuditEntry

        entry = db.session.query(AuditEntry).filter_by(action="api_key.roll").one()
        assert entry.object_id == key_id and entry.before["revoked_at"] is None and entry.after["revoked_at"]
        assert entry.after["replaced_by"] == db.session.query(ApiKey.id).filter_by(last4=new[-4:]).scalar()


def _key_row(page: str, marker: str) -> str:
    """The API key table's row that contains ``marker`` (a name or the last four characters)."""
    return next(row for row in re.findall(r"<tr>.*?</tr>", page, re.S) if marker in row)


def _last_used_at(app, raw: str):
    from app.extensions import db
    from app.merchants.keys import hash_key
    from app.merchants.models import ApiKey

    with app.app_context():
        return db.session.query(ApiKey.last_used_at).filter_by(key_hash=hash_key(raw)).scalar()


def test_a_named_key_shows_when_it_was_last_used(app, client, merchant, portal):
    created = portal.post(
        "/portal/developers/keys", {"name": "  Production   server ", "kind": "secret", "mode": "test"}
    )
    raw = _shown_key(created)
    assert "Named <strong>Production server</strong>" in created.get_data(as_text=True)
    row = _key_row(portal.text("/portal/developers"), "Production server")
    assert f"…{raw[-4:]}" in row and '<td data-label="Last used">never</td>' in row

    assert Api(client, raw).get("/orders").status_code == 200
    row = _key_row(portal.text("/portal/developers"), "Production server")
    used = _last_used_at(app, raw)
    assert "never" not in row and "less than a minute ago" in row
    assert f"{used.strftime('%Y-%m-%d %H:%M:%S')} UTC" in row  # the exact time beside the relative one

    # More calls within the minute write nothing more: the hot path stays free of UPDATEs.
    for _ in range(3):
        assert Api(client, raw).get("/orders").status_code == 200
    assert _last_used_at(app, raw) == used
    unused = _key_row(portal.text("/portal/developers"), merchant.publishable_key[-4:])
    assert '<td data-label="Last used">never</td>' in unused


def test_rolling_names_the_new_key_or_keeps_the_old_name(app, client, merchant, portal):
    from app.extensions import db
    from app.merchants.models import ApiKey

    raw = _shown_key(
        portal.post("/portal/developers/keys", {"name": "Billing worker", "kind": "secret", "mode": "test"})
    )
    with app.app_context():
        key_id = db.session.query(ApiKey.id).filter_by(name="Billing worker").scalar()
    confirm = portal.text(f"/portal/developers/keys/{key_id}/roll")
    assert "Named <strong>Billing worker</strong>" in confirm and 'name="name"' in confirm
    kept = _shown_key(portal.post(f"/portal/developers/keys/{key_id}/roll", {**CONFIRMED, "name": ""}))
    with app.app_context():
        rolled = db.session.query(ApiKey).filter_by(last4=kept[-4:], merchant_id=merchant.id).one()
        assert rolled.name == "Billing worker" and rolled.id != key_id
        rolled_id = rolled.id
    renamed = _shown_key(
        portal.post(f"/portal/developers/keys/{rolled_id}/roll", {**CONFIRMED, "name": "Billing worker v2"})
    )
    assert "Billing worker v2" in _key_row(portal.text("/portal/developers"), f"…{renamed[-4:]}")
    assert Api(client, raw).get("/orders").status_code == 401


def test_a_key_name_that_is_too_long_is_explained_inline(app, merchant, portal):
    from app.extensions import db
    from app.merchants.models import ApiKey

    response = portal.post("/portal/developers/keys", {"name": "x" * 101, "kind": "secret", "mode": "test"})
    assert response.status_code == 422
    assert re.search(
        r'id="name-error"[^>]*>Field cannot be longer than 100 characters', response.get_data(as_text=True)
    )
    with app.app_context():
        key_id = db.session.query(ApiKey.id).filter_by(merchant_id=merchant.id, kind="secret").scalar()
    refused = portal.post(f"/portal/developers/keys/{key_id}/roll", {**CONFIRMED, "name": "y" * 101})
    assert refused.status_code == 422 and "Field cannot be longer than 100 characters" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.query(ApiKey).filter_by(merchant_id=merchant.id).count() == 2  # nothing was made


@pytest.fixture(scope="module")
def _receiver_server() -> Iterator[Receiver]:
    server = Receiver()
    server.server.start()
    yield server
    server.server.stop()


def test_webhook_endpoints_deliveries_and_resend(app, api, merchant, catalog, portal, _receiver_server, worker):
    hook = _receiver_server.hook("/portal-hooks")
    created = portal.post(
        "/portal/developers/webhooks", {"url": f"{_receiver_server.url}/portal-hooks", "events": ["order.created"]}
    )
    assert created.status_code == 200 and created.headers["Cache-Control"] == "no-store"
    text = created.get_data(as_text=True)
    hook.secret = re.search(r'id="endpoint-secret" type="text" readonly value="([^"]+)"', text).group(1)
    assert "Copy the signing secret now and keep it secret." in text

    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": "cus_1"},
        },
    ).json
    worker()  # outbox → fan-out → signed POST
    assert len(hook.accepted) == 1
    deliveries = portal.text("/portal/developers/deliveries")
    delivery_id = re.search(r"/portal/developers/deliveries/(whd_[a-z0-9]+)", deliveries).group(1)
    assert "order.created" in deliveries and "succeeded" in deliveries
    assert "succeeded" in portal.text("/portal/developers/deliveries?status=succeeded")
    assert "No deliveries match" in portal.text("/portal/developers/deliveries?status=failed")

    order_page = portal.text(f"/portal/orders/{order['id']}")
    assert delivery_id in order_page and "Resend" in order_page
    resent = portal.post(
        f"/portal/developers/deliveries/{delivery_id}/resend", {"next": f"/portal/orders/{order['id']}"}
    )
    assert resent.headers["Location"].endswith(f"/portal/orders/{order['id']}")
    assert len(hook.accepted) == 2
    detail = portal.text(f"/portal/developers/deliveries/{delivery_id}")
    assert "hand (resend)" in detail and detail.count('<td data-label="Answer">200</td>') == 2
    # The deliveries are of a test endpoint: the live view neither lists, shows nor resends them.
    portal.post("/portal/mode", {"mode": "live"})
    assert delivery_id not in portal.text("/portal/developers/deliveries")
    assert portal.get(f"/portal/developers/deliveries/{delivery_id}").status_code == 404
    assert portal.post(f"/portal/developers/deliveries/{delivery_id}/resend").status_code == 404
    assert len(hook.accepted) == 2
    portal.post("/portal/mode", {"mode": "test"})

    endpoint_id = _first_endpoint_id(portal)
    assert "Delete this webhook endpoint?" in portal.text(f"/portal/developers/webhooks/{endpoint_id}/delete")
    portal.post(f"/portal/developers/webhooks/{endpoint_id}/delete")
    assert "No test webhook endpoints yet" in portal.text("/portal/developers/webhooks")
    actions = portal.text("/portal/audit")
    for action in ("webhook_endpoint.create", "webhook_delivery.resend", "webhook_endpoint.delete"):
        assert action in actions
    assert hook.secret not in actions


def test_webhook_endpoints_follow_the_portals_mode(app, client, merchant, api, portal):
    """The portal's webhook pages showed every endpoint whatever the mode, and one added there heard both modes.
    Now an endpoint added in test mode is a test endpoint, one added in live mode a live one; each mode lists its
    own, says which it is, and another mode's endpoint is not found, as another mode's order is not."""
    from tests.web.api.test_livemode import live_key

    test_id, _ = _portal_endpoint(portal, "https://hooks.example.test/ci")
    assert "test endpoint: it receives test events only" in portal.text(f"/portal/developers/webhooks/{test_id}/edit")
    portal.post("/portal/mode", {"mode": "live"})
    live_listing = portal.text("/portal/developers/webhooks")
    assert "No live webhook endpoints yet" in live_listing and test_id not in live_listing
    assert portal.get(f"/portal/developers/webhooks/{test_id}/edit").status_code == 404
    assert portal.post(f"/portal/developers/webhooks/{test_id}/delete").status_code == 404
    live_created = portal.post(
        "/portal/developers/webhooks", {"url": "https://hooks.example.test/live", "all_events": "y"}
    ).get_data(as_text=True)
    assert "this is a live endpoint, so it receives live events only" in live_created
    live_id = _first_endpoint_id(portal)
    live_listing = portal.text("/portal/developers/webhooks")
    assert live_id in live_listing and '<span class="badge badge-live">live</span>' in live_listing
    assert 'Webhook endpoints <span class="muted">(live mode)</span>' in live_listing

    live_api = live_key(app, client, merchant, "secret")
    assert [(e["id"], e["livemode"]) for e in live_api.get("/webhook_endpoints").json["data"]] == [(live_id, True)]
    assert [(e["id"], e["livemode"]) for e in api.get("/webhook_endpoints").json["data"]] == [(test_id, False)]

    portal.post("/portal/mode", {"mode": "test"})
    test_listing = portal.text("/portal/developers/webhooks")
    assert test_id in test_listing and live_id not in test_listing
    assert '<span class="badge badge-test">test</span>' in test_listing
    assert portal.get(f"/portal/developers/webhooks/{live_id}/secret").status_code == 404


def test_an_invalid_endpoint_is_explained_inline(portal):
    response = portal.post("/portal/developers/webhooks", {"url": "ftp://example.test/x", "all_events": "y"})
    assert response.status_code == 422
    assert re.search(
        r'id="url-error"[^>]*>Endpoint URL must be an absolute http\(s\) URL', response.get_data(as_text=True)
    )
    nothing = portal.post("/portal/developers/webhooks", {"url": "https://example.test/x"})
    assert "or at least one of these events." in nothing.get_data(as_text=True)


def test_the_embed_snippet_names_the_product_and_a_publishable_key(app, merchant, catalog, portal):
    page = portal.text(f"/portal/developers/embed?product={catalog['product']}")
    snippet = re.search(r'<textarea id="snippet"[^>]*>([^<]+)</textarea>', page).group(1)
    assert snippet == (
        f"&lt;script src=&#34;{app.config['PUBLIC_URL']}/static/sdk/kassa.js&#34; "
        f"data-kassa-key=&#34;{merchant.publishable_key}&#34; "
        f"data-kassa-product=&#34;{catalog['product']}&#34; async&gt;&lt;/script&gt;"
    )
    assert "Copy snippet" in page


# --- one endpoint: edit, disable, reveal, roll, test (issue 13) -------------------------------------------------

_SECRET = re.compile(r'id="endpoint-secret" type="text" readonly value="([^"]+)"')


def _first_endpoint_id(portal) -> str:
    # From a link, not anywhere in the page: the page's CSRF token is base64 and can hold "we_x…" too.
    page = portal.text("/portal/developers/webhooks")
    return re.search(r"/portal/developers/webhooks/(we_[a-z0-9]+)/", page).group(1)


def _portal_endpoint(portal, url: str, events=("order.paid",)) -> tuple[str, str]:
    """An endpoint added through the portal form: its id and the secret shown."""
    created = portal.post("/portal/developers/webhooks", {"url": url, "events": list(events)})
    secret = _SECRET.search(created.get_data(as_text=True)).group(1)
    endpoint_id = _first_endpoint_id(portal)
    return endpoint_id, secret


def _audit(app, merchant_id: str, action: str) -> list:
    from app.audit.services import list_audit_entries

    with app.app_context():
        return list_audit_entries(merchant_id, action=action)[0]


def test_an_endpoint_is_edited_and_disabled_in_the_portal(app, merchant, portal):
    endpoint_id, _ = _portal_endpoint(portal, "https://hooks.example.test/v1")
    edit = portal.text(f"/portal/developers/webhooks/{endpoint_id}/edit")
    assert 'value="https://hooks.example.test/v1"' in edit
    assert re.search(r'<input checked id="events-\d+" name="events" type="checkbox" value="order.paid">', edit)
    bad = portal.post(
        f"/portal/developers/webhooks/{endpoint_id}/edit",
        {"url": "ftp://hooks.example.test/v2", "events": ["order.paid"], "enabled": "y"},
    )
    assert bad.status_code == 422
    assert re.search(r'id="url-error"[^>]*>Endpoint URL must be an absolute http\(s\) URL', bad.get_data(as_text=True))

    saved = portal.post(
        f"/portal/developers/webhooks/{endpoint_id}/edit",
        {"url": "https://hooks.example.test/v2", "events": ["order.paid", "refund.failed"]},
    )
    assert saved.status_code == 302
    listing = portal.text("/portal/developers/webhooks")
    assert "It is disabled: it receives nothing" in listing  # the unticked box disabled it
    row = next(r for r in re.findall(r"<tr>.*?</tr>", listing, re.S) if endpoint_id in r)
    assert "https://hooks.example.test/v2" in row and "order.paid, refund.failed" in row and "disabled" in row
    assert "Send test event" not in row
    [entry] = _audit(app, merchant.id, "webhook_endpoint.update")
    assert entry.before["enabled"] is True and entry.after["enabled"] is False
    assert entry.after["url"] == "https://hooks.example.test/v2" and "secret" not in entry.after

    portal.post(
        f"/portal/developers/webhooks/{endpoint_id}/edit",
        {"url": "https://hooks.example.test/v2", "all_events": "y", "enabled": "y"},
    )
    row = next(
        r for r in re.findall(r"<tr>.*?</tr>", portal.text("/portal/developers/webhooks"), re.S) if endpoint_id in r
    )
    assert '<td data-label="Events">*</td>' in row and "enabled" in row


def test_the_form_offers_every_event_a_merchant_can_subscribe_to(portal):
    """Subscription notices, settlements, risk blocks and wallet events were missing from the form's list: a
    merchant could only get them with "Every event"."""
    wanted = ("subscription.renewal_upcoming", "settlement.created", "risk.blocked", "withdrawal.paid")
    endpoint_id, _ = _portal_endpoint(portal, "https://hooks.example.test/notices", events=wanted)
    page = portal.text(f"/portal/developers/webhooks/{endpoint_id}/edit")
    for event_type in wanted:
        assert re.search(rf'<input checked id="events-\d+" name="events" type="checkbox" value="{event_type}">', page)


def test_revealing_a_secret_asks_first_and_is_audited(app, merchant, portal):
    endpoint_id, secret = _portal_endpoint(portal, "https://hooks.example.test/reveal")
    confirm = portal.text(f"/portal/developers/webhooks/{endpoint_id}/secret")
    assert "Reveal the signing secret?" in confirm and secret not in confirm
    assert _audit(app, merchant.id, "webhook_endpoint.reveal_secret") == []  # asking showed nothing

    shown = portal.post(f"/portal/developers/webhooks/{endpoint_id}/secret")
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    assert _SECRET.search(shown.get_data(as_text=True)).group(1) == secret
    [entry] = _audit(app, merchant.id, "webhook_endpoint.reveal_secret")
    assert entry.object_id == endpoint_id and entry.actor_email == merchant.email and entry.after["revealed_at"]
    audit_page = portal.text("/portal/audit")
    assert "webhook_endpoint.reveal_secret" in audit_page and secret not in audit_page
    assert "Last revealed" in portal.text(f"/portal/developers/webhooks/{endpoint_id}/secret")


def test_rolling_a_secret_in_the_portal_keeps_the_old_one_for_the_overlap(app, merchant, portal):
    endpoint_id, old = _portal_endpoint(portal, "https://hooks.example.test/roll")
    assert "Roll the signing secret" in portal.text(f"/portal/developers/webhooks/{endpoint_id}/roll")
    for bad in ("25", "-1", "", "soon"):
        refused = portal.post(f"/portal/developers/webhooks/{endpoint_id}/roll", {"overlap_hours": bad})
        assert refused.status_code == 422, bad
        assert "Enter a number of hours from 0 to 24." in refused.get_data(as_text=True)

    rolled = portal.post(f"/portal/developers/webhooks/{endpoint_id}/roll", {"overlap_hours": "24"})
    assert rolled.status_code == 200 and rolled.headers["Cache-Control"] == "no-store"
    page = rolled.get_data(as_text=True)
    new = _SECRET.search(page).group(1)
    assert new != old and "The previous secret keeps signing too until" in page
    assert "previous secret signs until" in portal.text("/portal/developers/webhooks")
    revealed = portal.post(f"/portal/developers/webhooks/{endpoint_id}/secret").get_data(as_text=True)
    assert (
        _SECRET.search(revealed).group(1) == new
        and f'id="previous-secret" type="text" readonly value="{old}"' in revealed
    )
    [entry] = _audit(app, merchant.id, "webhook_endpoint.roll_secret")
    assert entry.after["previous_expires_at"] and old not in str(entry.after) and new not in str(entry.after)

    now = portal.post(f"/portal/developers/webhooks/{endpoint_id}/roll", {"overlap_hours": "0"})
    assert "The previous secret stopped signing now" in now.get_data(as_text=True)
    assert "previous secret signs until" not in portal.text("/portal/developers/webhooks")


def test_a_test_event_from_the_portal_is_delivered_and_listed(app, merchant, portal, _receiver_server):
    hook = _receiver_server.hook("/portal-test")
    endpoint_id, hook.secret = _portal_endpoint(
        portal, f"{_receiver_server.url}/portal-test", ["order.paid", "refund.succeeded"]
    )
    form = portal.text(f"/portal/developers/webhooks/{endpoint_id}/test")
    assert re.findall(r"<option[^>]*>", form) == [
        '<option selected value="order.paid">',
        '<option value="refund.succeeded">',
    ]
    refused = portal.post(f"/portal/developers/webhooks/{endpoint_id}/test", {"type": "order.closed"})
    assert refused.status_code == 422 and "Not a valid choice" in refused.get_data(as_text=True)

    sent = portal.post(f"/portal/developers/webhooks/{endpoint_id}/test", {"type": "refund.succeeded"})
    assert sent.status_code == 302
    delivery_id = re.search(r"/portal/developers/deliveries/(whd_[a-z0-9]+)", sent.headers["Location"]).group(1)
    detail = portal.text(f"/portal/developers/deliveries/{delivery_id}")
    assert "Sent a test refund.succeeded event" in detail and "the endpoint answered 200" in detail
    assert '<td data-label="Answer">200</td>' in detail and "test</span>" in detail
    [event] = hook.accepted
    assert event["type"] == "refund.succeeded" and event["test_webhook"] is True and hook.rejected == []
    listing = portal.text("/portal/developers/deliveries")
    assert delivery_id in listing and 'refund.succeeded <span class="badge">test</span>' in listing
    [entry] = _audit(app, merchant.id, "webhook_endpoint.test")
    assert entry.object_id == delivery_id

    portal.post(
        f"/portal/developers/webhooks/{endpoint_id}/edit",
        {"url": f"{_receiver_server.url}/portal-test", "events": ["order.paid"]},
    )
    assert "This endpoint is disabled and receives nothing" in portal.text(
        f"/portal/developers/webhooks/{endpoint_id}/test"
    )
    portal.post(f"/portal/developers/webhooks/{endpoint_id}/test", {"type": "order.paid"})
    assert "Not sent: this endpoint is disabled" in portal.text("/portal/developers/webhooks")
    assert len(hook.accepted) == 1


def test_a_developer_cannot_mint_a_secret_key_stronger_than_their_role(app, client, merchant, member):
    """A secret key can export, erase and refund by API, which a developer may not do in the portal: a developer
    creates publishable keys only, and cannot roll a secret key into a new one they would see, nor revoke it and take
    the merchant's server off the API (issue 54, finding 6)."""
    from app.extensions import db
    from app.merchants.models import ApiKey

    developer = member("developer")
    page = developer.text("/portal/developers")
    assert "Only owners create, roll and revoke secret keys" in page
    assert 'value="secret"' not in page and 'value="publishable"' in page
    assert "Roll key ending" not in _key_row(page, "sk_test_") and "Revoke key ending" not in _key_row(page, "sk_test_")

    refused = developer.post("/portal/developers/keys", {"kind": "secret", "mode": "live"})
    assert refused.status_code == 422
    assert "Only owner users create, roll or revoke secret keys" in refused.get_data(as_text=True)
    assert "sk_live_" not in refused.get_data(as_text=True)

    with app.app_context():
        key_id = db.session.query(ApiKey.id).filter_by(merchant_id=merchant.id, kind="secret").scalar()
    assert developer.post(f"/portal/developers/keys/{key_id}/roll", CONFIRMED).status_code == 403
    assert Api(client, merchant.secret_key).get("/orders").status_code == 200  # the old key was not replaced
    with app.app_context():
        assert db.session.query(ApiKey).filter_by(merchant_id=merchant.id, kind="secret").count() == 1

    publishable = developer.post("/portal/developers/keys", {"kind": "publishable", "mode": "test"})
    assert publishable.status_code == 200 and _shown_key(publishable).startswith("pk_test_")
    with app.app_context():
        pk_id = db.session.query(ApiKey.id).filter_by(last4=_shown_key(publishable)[-4:]).scalar()
    assert "Revoke the test publishable key" in developer.text(f"/portal/developers/keys/{pk_id}/revoke")
    assert developer.post(f"/portal/developers/keys/{pk_id}/revoke", CONFIRMED).status_code == 302
    assert Api(client, _shown_key(publishable)).get("/products").status_code == 401


def test_a_developer_cannot_revoke_or_roll_the_secret_key_and_an_owner_can_after_confirming(
    app, client, merchant, member, portal
):
    """Revoking the secret key takes the merchant's server off the API (issue 54, finding 6): the developer role (the
    lowest) gets the 403 page, asking or confirming, and the key keeps working; an owner is asked, then revokes it."""
    from app.extensions import db
    from app.merchants.models import ApiKey

    with app.app_context():
        key_id = db.session.query(ApiKey.id).filter_by(merchant_id=merchant.id, kind="secret").scalar()
    developer = member("developer")
    for action in ("revoke", "roll"):
        sent = developer.post(f"/portal/developers/keys/{key_id}/{action}", CONFIRMED)
        assert sent.status_code == 403 and "Your role does not allow this" in sent.get_data(as_text=True)
        asked = developer.get(f"/portal/developers/keys/{key_id}/{action}")
        assert asked.status_code == 403 and "Create, roll and revoke secret API keys" in asked.get_data(as_text=True)
    assert Api(client, merchant.secret_key).get("/orders").status_code == 200

    page = portal.get(f"/portal/developers/keys/{key_id}/revoke")
    assert (
        page.status_code == 200 and "<script" not in page.get_data(as_text=True).split("<main")[1].split("</main>")[0]
    )
    assert 'name="confirm"' in page.get_data(as_text=True)
    assert portal.post(f"/portal/developers/keys/{key_id}/revoke", CONFIRMED).status_code == 302
    assert Api(client, merchant.secret_key).get("/orders").status_code == 401


def test_the_key_service_refuses_a_secret_key_to_a_role_without_every_permission(app, merchant):
    from app.errors import PermissionDenied
    from app.merchants.api_keys import create_api_key

    with app.app_context():
        for role in ("developer", "operator", "finance"):
            with pytest.raises(PermissionDenied):
                create_api_key(merchant.id, kind="secret", mode="test", role=role)
        assert create_api_key(merchant.id, kind="secret", mode="test", role="owner").raw.startswith("sk_test_")
