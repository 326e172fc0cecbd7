"""Maintenance actions from the order page that move no money: each refused to a role without
orders.maintain (403), audited with its reason, run once however often its form is sent, and recorded on the
order's timeline as the user, with its effect through the services the system itself uses."""

from __future__ import annotations

import html
import secrets

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of
from tests.support.webhook_receiver import Receiver

REASON = "Checked with the provider's dashboard"


def act(
    signed, order_id: str, kind: str, *, subject: str = "", reason: str = REASON, key: str | None = None, **fields: str
):
    """Send the order page's maintenance form, as the browser does."""
    return signed.post(
        f"/portal/orders/{order_id}/actions",
        {"kind": kind, "subject": subject, "reason": reason, "idempotency_key": key or secrets.token_hex(8), **fields},
    )


def said(response) -> str:
    """The page's text as a reader sees it (entities such as &#39; decoded)."""
    return html.unescape(response.get_data(as_text=True))


def manual_actions(app, order_id: str) -> list:
    from app.extensions import db
    from app.operations.manual_models import ManualAction

    with app.app_context():
        rows = db.session.query(ManualAction).filter_by(order_id=order_id).order_by(ManualAction.created_at).all()
        db.session.expunge_all()
        return rows


def timeline(app, order_id: str) -> list[tuple[str | None, str, str, str]]:
    """(from, to, reason, actor) of every timeline row, oldest first."""
    from app.extensions import db
    from app.orders.models import OrderTimelineEntry

    with app.app_context():
        return [
            (t.from_status, t.status, t.reason, t.actor)
            for t in db.session.query(OrderTimelineEntry).filter_by(order_id=order_id).order_by(OrderTimelineEntry.id)
        ]


def audit_entries(app, action: str) -> list:
    from app.audit.models import AuditEntry
    from app.extensions import db

    with app.app_context():
        rows = db.session.query(AuditEntry).filter_by(action=action).all()
        db.session.expunge_all()
        return rows


def audited(app, kind: str, order_id: str, reason: str = REASON) -> None:
    """The action's audit entry: who asked, with the reason and the order, written with the action itself."""
    [entry] = audit_entries(app, f"manual_action.{kind}")
    assert (entry.actor_role, entry.after["reason"], entry.after["order_id"]) == ("operator", reason, order_id)


@pytest.fixture
def operator(member):
    return member("operator")


def test_requery_applies_the_providers_answer_to_an_order_whose_callback_was_lost(app, api, catalog, sandbox, operator):
    from tests.ledger.test_journal_of_payments import entries

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    done = act(operator, order["id"], "requery", subject=payment["id"])
    assert done.status_code == 302
    assert status_of(api, order["id"]) == "paid"
    assert entries(app, "payment.capture")[payment["id"]]["channel:sandbox_card:clearing"] == -999
    [action] = manual_actions(app, order["id"])
    assert (action.status, action.reason, action.requested_by_email) == ("succeeded", REASON, "operator-0@acme.test")
    rows = timeline(app, order["id"])
    assert (
        "paying",
        "paid",
        f"captured by sandbox_card ({payment['provider_reference']})",
        "portal:operator-0@acme.test",
    ) in rows
    note = rows[-1]
    assert note[0] == note[1] == "paid" and note[3] == "portal:operator-0@acme.test"
    assert note[2].startswith(
        f"done — Re-query the provider now {payment['id']} ({action.id}): {REASON} → the provider says succeeded"
    )
    [entry] = audit_entries(app, "manual_action.requery")
    assert (entry.object_id, entry.actor_email, entry.after["reason"]) == (action.id, "operator-0@acme.test", REASON)
    page = operator.text(f"/portal/orders/{order['id']}")
    assert "the provider says succeeded; the order is paid" in page


def test_roles_without_the_permission_are_refused_bad_input_is_explained_and_a_form_sent_twice_is_one_action(
    app, api, catalog, operator, member
):
    from app.operations.manual_kinds import KINDS

    order = create_order(api, catalog["sku"])
    assert len(KINDS) == 8
    for role in ("developer", "finance"):
        signed = member(role)
        for kind in KINDS:
            refused = act(signed, order["id"], kind, subject="x", evidence="x")
            assert refused.status_code == 403 and "Run maintenance actions on an order" in said(refused), kind
    assert manual_actions(app, order["id"]) == [] and status_of(api, order["id"]) == "created"

    no_reason = act(operator, order["id"], "close", reason="  ")
    assert no_reason.status_code == 400
    assert "Say why: the reason is kept in the audit log" in no_reason.get_data(as_text=True)
    unknown = act(operator, order["id"], "refund_everything")
    assert unknown.status_code == 400 and "Action must be one of" in unknown.get_data(as_text=True)
    assert manual_actions(app, order["id"]) == []

    first = act(operator, order["id"], "close", key="form-key-1", reason="Duplicate basket")
    again = act(operator, order["id"], "close", key="form-key-1", reason="Duplicate basket")
    assert first.status_code == again.status_code == 302
    assert [a.status for a in manual_actions(app, order["id"])] == ["succeeded"]
    assert [t[1] for t in timeline(app, order["id"])] == ["created", "closed", "closed"]  # the close and its note
    assert len(audit_entries(app, "manual_action.close")) == 1
    reused = act(operator, order["id"], "rerun_fulfilment", key="form-key-1")
    assert reused.status_code == 409 and "already sent for another action" in reused.get_data(as_text=True)


def test_close_is_offered_and_allowed_only_where_the_order_state_machine_allows_it(
    app, api, catalog, sandbox, operator
):
    from tests.support.lifecycle import paid_order

    order = create_order(api, catalog["sku"])
    assert "<summary>Close the order</summary>" in operator.text(f"/portal/orders/{order['id']}")
    assert act(operator, order["id"], "close", reason="Customer ordered twice").status_code == 302
    assert status_of(api, order["id"]) == "closed"
    assert ("created", "closed", "closed by hand: Customer ordered twice", "portal:operator-0@acme.test") in timeline(
        app, order["id"]
    )
    audited(app, "close", order["id"], "Customer ordered twice")

    paid = paid_order(api, sandbox, catalog["sku"])
    assert "<summary>Close the order" not in operator.text(f"/portal/orders/{paid['id']}")
    refused = act(operator, paid["id"], "close")
    assert refused.status_code == 409
    assert "A paid order cannot be closed (only created or paying orders can); refund it instead." in refused.get_data(
        as_text=True
    )
    assert status_of(api, paid["id"]) == "paid" and manual_actions(app, paid["id"]) == []


def test_mark_failed_needs_the_providers_evidence_and_lets_the_shopper_pay_again(app, api, catalog, sandbox, operator):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    missing = act(operator, order["id"], "mark_failed", subject=payment["id"])
    assert missing.status_code == 400 and "Paste the provider's evidence" in said(missing)
    other = create_order(api, catalog["sku"])
    assert (
        act(operator, other["id"], "mark_failed", subject=payment["id"], evidence="x").status_code == 404
    )  # a payment of another order

    done = act(
        operator,
        order["id"],
        "mark_failed",
        subject=payment["id"],
        evidence="Dashboard: payment expired unpaid at 10:02",
    )
    assert done.status_code == 302
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "created" and after["payments"][0]["status"] == "failed"
    assert (
        "paying",
        "created",
        "payment failed: marked failed by hand: Dashboard: payment expired unpaid at 10:02",
        "portal:operator-0@acme.test",
    ) in timeline(app, order["id"])
    audited(app, "mark_failed", order["id"])
    assert pay(api, order["id"])["status"] == "pending"  # the shopper may try again


def test_resolve_an_unknown_payment_looks_it_up_at_the_provider_now(app, api, catalog, sandbox, operator):
    from app.payments.attempts.unknown_outcomes import mark_outcome_unknown

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    with app.app_context():  # as if the create call had timed out: Kassa does not know what happened
        mark_outcome_unknown(payment["id"], "create timed out")
    page = operator.text(f"/portal/orders/{order['id']}")
    assert "<summary>Resolve the unknown payment" in page and "<summary>Re-query the provider now" not in page
    assert act(operator, order["id"], "requery", subject=payment["id"]).status_code == 409

    assert act(operator, order["id"], "resolve_unknown", subject=payment["id"]).status_code == 302
    assert status_of(api, order["id"]) == "paid"
    assert any(
        t[:2] == ("paying", "paid") and t[3] == "portal:operator-0@acme.test" for t in timeline(app, order["id"])
    )
    audited(app, "resolve_unknown", order["id"])


def test_rerun_fulfilment_after_the_merchant_fixed_its_webhook(app, api, catalog, sandbox, worker, operator):
    from tests.support.lifecycle import ReceiverServer, paid_order, set_fulfilment

    server = ReceiverServer(status=500)
    try:
        set_fulfilment(app, catalog["sku"], {"webhook_url": server.receiver.url})
        order = paid_order(api, sandbox, catalog["sku"])
        worker()  # the first fulfilment fails; the outbox would retry later
        assert status_of(api, order["id"]) == "paid"
        assert "1 failed attempt: http://127.0.0.1" in operator.text("/portal/operations/now")

        server.receiver.status = 200  # the merchant fixed its endpoint
        assert act(operator, order["id"], "rerun_fulfilment").status_code == 302
    finally:
        server.stop()
    assert status_of(api, order["id"]) == "fulfilled"
    assert len(server.receiver.received) == 2
    assert any(
        t[:2] == ("paid", "fulfilled") and t[3] == "portal:operator-0@acme.test" for t in timeline(app, order["id"])
    )
    audited(app, "rerun_fulfilment", order["id"])
    assert act(operator, order["id"], "rerun_fulfilment").status_code == 409  # nothing left to fulfil


@pytest.fixture(scope="module")
def _receiver_server():
    server = Receiver()
    server.server.start()
    yield server
    server.server.stop()


def test_replay_an_event_to_the_merchants_webhooks(app, client, api, merchant, catalog, operator, _receiver_server):
    from tests.web.api.test_livemode import live_key

    order = create_order(api, catalog["sku"])
    page = operator.text(f"/portal/orders/{order['id']}")
    assert "<summary>Replay an event to webhooks" not in page  # no endpoint yet: nothing to replay to
    # A live endpoint hears no test order's events, replayed or not: it is not one to replay this order's to.
    live_hook = _receiver_server.hook("/ops-replay-live")
    live_hook.secret = (
        live_key(app, client, merchant, "secret")
        .post(
            "/webhook_endpoints", json={"url": _receiver_server.url + "/ops-replay-live", "events": ["order.created"]}
        )
        .json["secret"]
    )
    assert "<summary>Replay an event to webhooks" not in operator.text(f"/portal/orders/{order['id']}")
    hook = _receiver_server.hook("/ops-replay")
    created = api.post(
        "/webhook_endpoints", json={"url": _receiver_server.url + "/ops-replay", "events": ["order.created"]}
    )
    hook.secret = created.json["secret"]
    event_id = next(
        e["id"] for e in api.get(f"/orders/{order['id']}/events").json["data"] if e["type"] == "order.created"
    )

    assert act(operator, order["id"], "replay_event", subject=event_id).status_code == 302
    wait_for(lambda: len(hook.accepted) == 1)
    assert hook.accepted[0]["id"] == event_id and hook.accepted[0]["type"] == "order.created"
    [action] = manual_actions(app, order["id"])
    assert action.status == "succeeded" and f"{_receiver_server.url}/ops-replay 200" in action.outcome
    assert live_hook.accepted == [] and "ops-replay-live" not in action.outcome
    assert timeline(app, order["id"])[-1][2].startswith(f"done — Replay an event to webhooks {event_id}")
    audited(app, "replay_event", order["id"])
    assert act(operator, order["id"], "replay_event", subject="evt_nope").status_code == 404
