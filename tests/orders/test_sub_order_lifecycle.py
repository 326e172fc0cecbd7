"""Sub-orders with a lifecycle (issue #56): each part of a split order is delivered, confirmed, canceled or failed on
its own, and the order follows its live parts; a refund of the whole order is spread over the parts. Driven through
the API (and the portal) with real sandbox payments, a real worker and a real local fulfilment webhook."""

from __future__ import annotations

import json
import re
import threading
from datetime import timedelta

import pytest

from tests.conftest import Api, wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.support.books import completed_order, ledger_sums, partner_lines
from tests.support.lifecycle import ReceiverServer, set_fulfilment
from tests.support.split_orders import split_order, sub_of


@pytest.fixture
def receiver(app, catalog):
    """The merchant's fulfilment webhook takes both SKUs to deliver later (202); A's grants 10 credits, B's 25."""
    server = ReceiverServer(status=202)
    set_fulfilment(app, catalog["sku"], {"webhook_url": server.receiver.url, "credits": 10})
    set_fulfilment(app, catalog["limited_sku"], {"webhook_url": server.receiver.url, "credits": 25})
    yield server.receiver
    server.stop()


def _paid_split_order(api, sandbox, catalog, customer: str = "cus_parts") -> dict:
    created = split_order(api, catalog, customer)
    sandbox.simulate(pay(api, created["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created["id"]) == "paid")
    return created


def _awaiting_parts(api, sandbox, worker, catalog, receiver) -> dict:
    """A paid split order whose webhook answered 202: the merchant delivers its parts later."""
    order = _paid_split_order(api, sandbox, catalog)
    worker()  # order.paid → the webhook (202)
    body = json.loads(receiver.received[-1][1])
    assert {s["status"] for s in body["sub_orders"]} == {"paid"}  # the webhook names the parts it awaits
    read = api.get(f"/orders/{order['id']}").json
    assert read["status"] == "paid"
    return read


def _report(api, order_id: str, status: str, sub_order: str | None = None, **extra):
    body = {"status": status, **({"sub_order": sub_order} if sub_order else {}), **extra}
    return api.post(f"/orders/{order_id}/fulfilment", json=body)


def _credits(api, customer: str = "cus_parts") -> int:
    return api.get(f"/customers/{customer}/entitlements").json["credits"]


def _chase(app, *, after: timedelta) -> int:
    from app.orders.fulfilment_reports import chase_unreported_fulfilments
    from app.platform.db.types import utcnow

    with app.app_context():
        return chase_unreported_fulfilments(now=utcnow() + after)


def _auto_confirm(app) -> int:
    from app.orders.confirmation import confirm_due_orders
    from app.platform.db.types import utcnow

    with app.app_context():
        return confirm_due_orders(now=utcnow() + timedelta(days=30))


def test_parts_delivered_and_confirmed_one_by_one_fulfil_then_complete_the_order(
    app, api, merchant, catalog, sandbox, worker, partners, receiver
):
    a, b = partners
    order = _awaiting_parts(api, sandbox, worker, catalog, receiver)
    sub_a, sub_b = sub_of(order, a)["id"], sub_of(order, b)["id"]

    first = _report(api, order["id"], "succeeded", sub_a)
    assert first.status_code == 200, first.json
    assert sub_of(first.json, a)["status"] == "fulfilled" and sub_of(first.json, b)["status"] == "paid"
    assert first.json["status"] == "paid" and _credits(api) == 10  # only A's lines are granted
    again = _report(api, order["id"], "succeeded", sub_a)  # the merchant's retry
    assert again.status_code == 200 and again.json["sub_orders"] == first.json["sub_orders"]
    assert _credits(api) == 10
    contradicted = _report(api, order["id"], "failed", sub_a, reason="changed our mind")
    assert contradicted.status_code == 409 and contradicted.json["error"]["code"] == "fulfilment_already_reported"
    early = api.post(f"/orders/{order['id']}/sub_orders/{sub_b}/confirm")
    assert early.status_code == 409 and "not fulfilled yet" in early.json["error"]["message"]

    both = _report(api, order["id"], "succeeded", sub_b)
    assert both.status_code == 200 and both.json["status"] == "fulfilled" and _credits(api) == 35
    assert any("every part delivered" in entry["reason"] for entry in both.json["timeline"])

    confirmed = api.post(f"/orders/{order['id']}/sub_orders/{sub_a}/confirm")
    assert confirmed.status_code == 200, confirmed.json
    assert sub_of(confirmed.json, a)["status"] == "completed" and confirmed.json["status"] == "fulfilled"
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_a}/confirm").json == confirmed.json
    done = api.post(f"/orders/{order['id']}/sub_orders/{sub_b}/confirm")
    assert done.status_code == 200 and done.json["status"] == "completed"
    worker()  # order.completed → cleared as one order
    # Sandbox fee 30 + 2.9 % of 3499 = 131, spread 999 : 2500 → 37 + 94.
    assert partner_lines(app, merchant.id, a) == 999 - 37 and partner_lines(app, merchant.id, b) == 2500 - 94
    assert _chase(app, after=timedelta(days=30)) == 0  # nothing awaits a report any more
    assert _report(api, order["id"], "succeeded").status_code == 200  # the whole order's report: already so


def test_a_part_reported_failed_is_refunded_and_the_rest_fulfils_the_order(
    app, api, merchant, catalog, sandbox, worker, partners, receiver
):
    a, b = partners
    order = _awaiting_parts(api, sandbox, worker, catalog, receiver)
    sub_a, sub_b = sub_of(order, a)["id"], sub_of(order, b)["id"]

    failed = _report(api, order["id"], "failed", sub_b, reason="out of license keys")
    assert failed.status_code == 200, failed.json
    assert sub_of(failed.json, b)["status"] == "failed" and sub_of(failed.json, b)["refunded_amount"] == 2500
    [refund] = failed.json["refunds"]
    assert (refund["sub_order"], refund["amount"], refund["status"]) == (sub_b, 2500, "succeeded")
    assert refund["reason"] == "fulfilment failed: out of license keys"
    assert failed.json["status"] == "paid" and failed.json["refunded_amount"] == 2500
    again = _report(api, order["id"], "failed", sub_b, reason="out of license keys")
    assert again.status_code == 200 and len(again.json["refunds"]) == 1
    late = _report(api, order["id"], "succeeded", sub_b)
    assert late.status_code == 409 and late.json["error"]["code"] == "fulfilment_already_reported"

    # The failed part counts no more: delivering A fulfils the order, and the auto-confirm completes it.
    delivered = _report(api, order["id"], "succeeded", sub_a)
    assert delivered.json["status"] == "fulfilled" and _credits(api) == 10  # B's credits were never granted
    assert _auto_confirm(app) == 1
    worker()  # cleared: B's part was never sold
    read = api.get(f"/orders/{order['id']}").json
    assert read["status"] == "completed" and sub_of(read, a)["status"] == "completed"
    assert sub_of(read, b)["status"] == "failed"
    assert partner_lines(app, merchant.id, b) == 0
    assert ledger_sums(app) == {"usd": 0}


def test_canceling_a_part_refunds_what_remains_of_it_once(app, api, catalog, sandbox, worker, partners, receiver):
    a, b = partners
    order = _awaiting_parts(api, sandbox, worker, catalog, receiver)
    sub_a, sub_b = sub_of(order, a)["id"], sub_of(order, b)["id"]
    assert _report(api, order["id"], "succeeded", sub_a).status_code == 200

    url = f"/orders/{order['id']}/sub_orders/{sub_b}/cancel"
    canceled = api.post(url, json={"reason": "the studio withdrew it"})
    assert canceled.status_code == 200, canceled.json
    assert sub_of(canceled.json, b)["status"] == "canceled" and sub_of(canceled.json, b)["refunded_amount"] == 2500
    [refund] = canceled.json["refunds"]
    assert (refund["sub_order"], refund["amount"], refund["reason"]) == (sub_b, 2500, "the studio withdrew it")
    # The canceled part does not count: A was delivered, so the order is fulfilled.
    assert canceled.json["status"] == "fulfilled" and canceled.json["refunded_amount"] == 2500
    again = api.post(url)
    assert again.status_code == 200
    assert again.json["sub_orders"] == canceled.json["sub_orders"] and len(again.json["refunds"]) == 1
    assert _credits(api) == 10

    delivered = api.post(f"/orders/{order['id']}/sub_orders/{sub_a}/cancel")
    assert delivered.status_code == 409 and delivered.json["error"]["code"] == "sub_order_fulfilled"
    assert "refund it instead" in delivered.json["error"]["message"]
    unknown = api.post(f"/orders/{order['id']}/sub_orders/so_nope/cancel")
    assert unknown.status_code == 404 and unknown.json["error"]["param"] == "sub_order_id"
    assert _report(api, order["id"], "succeeded", sub_b).json["error"]["code"] == "sub_order_state_invalid"


def test_a_part_of_an_unpaid_order_cannot_be_canceled(api, catalog, partners):
    created = split_order(api, catalog, "cus_parts")
    refused = api.post(f"/orders/{created['id']}/sub_orders/{created['sub_orders'][0]['id']}/cancel")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "order_state_invalid"
    assert f"POST /orders/{created['id']}/cancel" in refused.json["error"]["message"]
    assert api.get(f"/orders/{created['id']}").json["status"] == "created"


def test_a_whole_order_refund_is_spread_over_the_parts_and_their_partners_give_back_exactly(
    app, api, merchant, catalog, sandbox, worker, partners
):
    a, b = partners
    fee = app.test_cli_runner().invoke(args=["kassa", "platform-fee", "--merchant", merchant.id, "--bps", "100"])
    assert fee.exit_code == 0, fee.output
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1), (catalog["limited_sku"], 1)])
    sub_a, sub_b = sub_of(order, a)["id"], sub_of(order, b)["id"]
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_b}/refunds", json={"amount": 1000}).status_code == 201

    whole = api.post(f"/orders/{order['id']}/refunds", json={"amount": 1000})
    assert whole.status_code == 201 and whole.json["refund"]["sub_order"] is None
    read = api.get(f"/orders/{order['id']}").json
    # A has 999 left and B 1500: 1000 × 999 / 2499 = 399.76 and 600.24, the spare unit to the larger remainder.
    assert (sub_of(read, a)["refunded_amount"], sub_of(read, b)["refunded_amount"]) == (400, 1600)
    assert {s["status"] for s in read["sub_orders"]} == {"partially_refunded"}
    assert read["refunded_amount"] == 2000 and read["status"] == "completed"

    # Each part gives back the rest of what it has: its partner ends with exactly nothing, the other untouched.
    kept_b = partner_lines(app, merchant.id, b)
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_a}/refunds").json["refund"]["amount"] == 599
    assert partner_lines(app, merchant.id, a) == 0 and partner_lines(app, merchant.id, b) == kept_b
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_b}/refunds").json["refund"]["amount"] == 900
    assert partner_lines(app, merchant.id, b) == 0
    assert ledger_sums(app) == {"usd": 0}
    assert api.get(f"/orders/{order['id']}").json["status"] == "refunded"


def test_a_whole_order_refund_before_clearing_leaves_each_partner_what_its_part_kept(
    app, api, merchant, catalog, sandbox, worker, partners
):
    a, b = partners
    order = _paid_split_order(api, sandbox, catalog, customer="cus_books")
    worker()  # fulfilled (no webhook)
    whole = api.post(f"/orders/{order['id']}/refunds", json={"amount": 1000})
    assert whole.status_code == 201, whole.json
    read = api.get(f"/orders/{order['id']}").json
    assert (sub_of(read, a)["refunded_amount"], sub_of(read, b)["refunded_amount"]) == (286, 714)  # 999 : 2500
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # cleared: what each line still keeps
    kept = partner_lines(app, merchant.id, a) + partner_lines(app, merchant.id, b)
    assert partner_lines(app, merchant.id, a) < 999 - 286 and partner_lines(app, merchant.id, b) < 2500 - 714
    assert kept > 2499 - 131  # the channel's fee, less what it gave back, came off
    # Refunding each part's rest takes back exactly what its partner got.
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_of(read, a)['id']}/refunds").status_code == 201
    assert partner_lines(app, merchant.id, a) == 0
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_of(read, b)['id']}/refunds").status_code == 201
    assert partner_lines(app, merchant.id, b) == 0 and ledger_sums(app) == {"usd": 0}


def test_giving_up_on_a_split_order_refunds_only_the_parts_not_delivered(
    app, api, catalog, sandbox, worker, partners, receiver, monkeypatch
):
    monkeypatch.setitem(app.config, "FULFILMENT_MAX_ATTEMPTS", 2)
    a, b = partners
    order = _awaiting_parts(api, sandbox, worker, catalog, receiver)
    assert _report(api, order["id"], "succeeded", sub_of(order, a)["id"]).status_code == 200
    assert _chase(app, after=timedelta(days=1, minutes=1)) == 1  # the webhook again, saying what is still awaited
    body = json.loads(receiver.received[-1][1])
    assert {s["id"]: s["status"] for s in body["sub_orders"]} == {
        sub_of(order, a)["id"]: "fulfilled",
        sub_of(order, b)["id"]: "paid",
    }
    assert _chase(app, after=timedelta(days=2, minutes=2)) == 1  # given up
    worker()  # order.fulfilment_failed → B alone is failed and refunded

    read = api.get(f"/orders/{order['id']}").json
    assert sub_of(read, b)["status"] == "failed" and sub_of(read, a)["status"] == "fulfilled"
    assert read["refunded_amount"] == 2500 and read["status"] == "fulfilled"
    assert "did not report the fulfilment" in read["refunds"][0]["reason"]
    assert _credits(api) == 10


def _threads(*calls) -> list:
    start, answers = threading.Barrier(len(calls)), []

    def run(call) -> None:
        start.wait(5)
        answers.append(call())

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    [thread.start() for thread in threads]
    [thread.join(30) for thread in threads]
    return answers


def test_two_cancels_and_a_refund_of_one_part_at_once_never_refund_more_than_it_has(
    app, api, merchant, catalog, sandbox, worker, partners, receiver
):
    a, b = partners
    order = _awaiting_parts(api, sandbox, worker, catalog, receiver)
    sub_b = sub_of(order, b)["id"]
    callers = [Api(app.test_client(), merchant.secret_key) for _ in range(3)]
    answers = _threads(
        lambda: callers[0].post(f"/orders/{order['id']}/sub_orders/{sub_b}/cancel"),
        lambda: callers[1].post(f"/orders/{order['id']}/sub_orders/{sub_b}/cancel"),
        lambda: callers[2].post(f"/orders/{order['id']}/sub_orders/{sub_b}/refunds", json={"amount": 2000}),
    )
    assert len(answers) == 3 and all(r.status_code in (200, 201, 409, 422) for r in answers), [
        (r.status_code, r.json) for r in answers
    ]
    read = api.get(f"/orders/{order['id']}").json
    given = sum(r["amount"] for r in read["refunds"] if r["status"] == "succeeded" and r["sub_order"] == sub_b)
    assert given == sub_of(read, b)["refunded_amount"] <= 2500
    assert read["refunded_amount"] == given and sub_of(read, a)["refunded_amount"] == 0
    # Whatever won, a cancel now leaves it canceled with all of it given back, once.
    final = api.post(f"/orders/{order['id']}/sub_orders/{sub_b}/cancel")
    assert final.status_code == 200, final.json
    part_b = sub_of(final.json, b)
    assert part_b["status"] in ("canceled", "refunded") and part_b["refunded_amount"] == 2500
    assert final.json["refunded_amount"] == 2500
    assert ledger_sums(app) == {"usd": 0}


def test_the_portal_marks_a_part_fulfilled_and_cancels_another_after_confirmation(
    app, api, catalog, sandbox, worker, portal, partners, receiver
):
    a, b = partners
    order = _awaiting_parts(api, sandbox, worker, catalog, receiver)
    sub_a, sub_b = sub_of(order, a)["id"], sub_of(order, b)["id"]
    page = portal.text(f"/portal/orders/{order['id']}")
    assert page.count("Mark fulfilled</button>") == 2 and page.count("Cancel this part…") == 2

    marked = portal.post(f"/portal/orders/{order['id']}/sub_orders/{sub_a}/fulfil", {})
    assert marked.status_code == 302
    assert sub_of(api.get(f"/orders/{order['id']}").json, a)["status"] == "fulfilled" and _credits(api) == 10

    asked = portal.post(f"/portal/orders/{order['id']}/sub_orders/{sub_b}/cancel", {})
    assert asked.status_code == 200
    text = asked.get_data(as_text=True)
    assert f"Cancel sub-order {sub_b}?" in text and "refunds <strong>$25.00</strong>" in text
    assert sub_of(api.get(f"/orders/{order['id']}").json, b)["refunded_amount"] == 0  # nothing yet

    fields = dict(re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', text))
    fields["reason"] = "withdrawn by the studio"
    assert portal.post(f"/portal/orders/{order['id']}/sub_orders/{sub_b}/cancel", fields).status_code == 302
    read = api.get(f"/orders/{order['id']}").json
    assert sub_of(read, b)["status"] == "canceled" and read["status"] == "fulfilled"
    assert read["refunds"][0]["reason"] == "withdrawn by the studio"
    page = portal.text(f"/portal/orders/{order['id']}")
    assert "badge-canceled" in page and "Cancel this part…" not in page and "Mark fulfilled</button>" not in page
