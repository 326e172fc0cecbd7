"""Sub-orders with a lifecycle (issue #56): a sub-order is refunded on its own, its money coming back from its own
partner's lines only, and it shows its status and what was refunded; the order follows its children."""

from __future__ import annotations

import re

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.support.books import completed_order, ledger_sums, partner_lines
from tests.support.split_orders import split_order, sub_of


def test_a_sub_order_refunded_after_clearing_takes_back_only_its_partners_part(
    app, api, merchant, catalog, sandbox, worker, partners
):
    a, b = partners
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1), (catalog["limited_sku"], 1)])
    assert order["amount"]["total"] == 3499
    sub_b = sub_of(order, b)
    assert sub_b["status"] == "completed" and sub_b["refunded_amount"] == 0
    # Sandbox fee 30 + 2.9 % of 3499 = 131, spread 999 : 2500 → 37 + 94.
    assert partner_lines(app, merchant.id, a) == 999 - 37
    assert partner_lines(app, merchant.id, b) == 2500 - 94

    url = f"/orders/{order['id']}/sub_orders/{sub_b['id']}/refunds"
    refund = api.post(url, json={"amount": 1000}, headers={"Idempotency-Key": "sub-b-1"})
    assert refund.status_code == 201, refund.json
    assert refund.json["refund"]["sub_order"] == sub_b["id"] and refund.json["refund"]["status"] == "succeeded"
    replay = api.post(url, json={"amount": 1000}, headers={"Idempotency-Key": "sub-b-1"})
    assert replay.status_code == 201 and replay.json["refund"]["id"] == refund.json["refund"]["id"]
    # The channel gives back round(131 × 1000 / 3499) = 37 of its fee; the other 963 is B's alone.
    assert partner_lines(app, merchant.id, b) == 2500 - 94 - 963
    assert partner_lines(app, merchant.id, a) == 999 - 37
    read = api.get(f"/orders/{order['id']}").json
    assert sub_of(read, b)["status"] == "partially_refunded" and sub_of(read, b)["refunded_amount"] == 1000
    assert sub_of(read, a)["status"] == "completed" and read["status"] == "completed"
    assert any(f"for sub-order {sub_b['id']}" in entry["reason"] for entry in read["timeline"])

    too_much = api.post(url, json={"amount": 1501})
    assert too_much.status_code == 422 and too_much.json["error"]["code"] == "amount_too_large"
    rest = api.post(url, json={})
    assert rest.status_code == 201 and rest.json["refund"]["amount"] == 1500
    # B has given back all it got (its 94 of the fee came back from the channel with the refunds); A is untouched.
    assert partner_lines(app, merchant.id, b) == 0
    assert partner_lines(app, merchant.id, a) == 999 - 37
    assert ledger_sums(app) == {"usd": 0}
    read = api.get(f"/orders/{order['id']}").json
    assert sub_of(read, b)["status"] == "refunded" and read["status"] == "completed"
    assert api.post(url, json={}).status_code == 422  # nothing remains of B

    # Refunding A too gives the whole order back: the parent follows its children.
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_of(read, a)['id']}/refunds").status_code == 201
    read = api.get(f"/orders/{order['id']}").json
    assert read["status"] == "refunded" and {s["status"] for s in read["sub_orders"]} == {"refunded"}
    assert partner_lines(app, merchant.id, a) == 0
    assert ledger_sums(app) == {"usd": 0}


def test_a_sub_order_refunded_before_clearing_leaves_the_other_partners_part_whole(
    app, api, merchant, catalog, sandbox, worker, partners
):
    a, b = partners
    created = split_order(api, catalog, "cus_books")
    sandbox.simulate(pay(api, created["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created["id"]) == "paid")
    worker()  # fulfilled
    sub_b = sub_of(api.get(f"/orders/{created['id']}").json, b)

    refund = api.post(f"/orders/{created['id']}/sub_orders/{sub_b['id']}/refunds")
    assert refund.status_code == 201 and refund.json["refund"]["amount"] == 2500
    assert api.post(f"/orders/{created['id']}/confirm").status_code == 200
    worker()  # cleared
    # 999 kept, all A's line; the refund got back round(131 × 2500 / 3499) = 94 of the fee, so A bears the other 37
    # (as it does when nothing is refunded): B gets nothing.
    assert partner_lines(app, merchant.id, a) == 999 - 37
    assert partner_lines(app, merchant.id, b) == 0
    assert ledger_sums(app) == {"usd": 0}
    read = api.get(f"/orders/{created['id']}").json
    assert sub_of(read, b)["status"] == "refunded" and sub_of(read, a)["status"] == "completed"


def test_sub_order_refund_errors_say_what_is_wrong(api, catalog, sandbox, worker, partners):
    a, b = partners
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1), (catalog["limited_sku"], 1)])
    unknown = api.post(f"/orders/{order['id']}/sub_orders/so_nope/refunds")
    assert unknown.status_code == 404 and unknown.json["error"]["param"] == "sub_order_id"
    sub_a = sub_of(order, a)
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_a['id']}/refunds", json={"amount": 0}).status_code == 400
    assert api.post(f"/orders/{order['id']}/refunds").status_code == 201  # the whole order: refunded
    again = api.post(f"/orders/{order['id']}/sub_orders/{sub_a['id']}/refunds", json={"amount": 1})
    assert again.status_code == 409 and again.json["error"]["code"] == "order_state_invalid"


def test_the_portal_refunds_one_part_of_a_split_order_after_confirmation(
    app, api, merchant, catalog, sandbox, worker, portal, partners
):
    a, b = partners
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1), (catalog["limited_sku"], 1)])
    sub_b = sub_of(order, b)
    page = portal.text(f"/portal/orders/{order['id']}")
    assert page.count("Refund this part…") == 2 and "badge-completed" in page

    asked = portal.post(f"/portal/orders/{order['id']}/refunds", {"sub_order_id": sub_b["id"]})
    assert asked.status_code == 200
    text = asked.get_data(as_text=True)
    assert f"Refund $25.00 of sub-order {sub_b['id']}?" in text and "Confirm refund" in text
    assert sub_of(api.get(f"/orders/{order['id']}").json, b)["refunded_amount"] == 0  # nothing yet

    fields = dict(re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', text))
    assert portal.post(f"/portal/orders/{order['id']}/refunds", fields).status_code == 302
    read = api.get(f"/orders/{order['id']}").json
    assert sub_of(read, b)["status"] == "refunded" and sub_of(read, b)["refunded_amount"] == 2500
    assert read["refunds"][0]["sub_order"] == sub_b["id"] and read["status"] == "completed"
    assert partner_lines(app, merchant.id, b) == 0 and partner_lines(app, merchant.id, a) == 999 - 37
    page = portal.text(f"/portal/orders/{order['id']}")
    assert page.count("Refund this part…") == 1 and "badge-refunded" in page


def test_an_order_of_two_categories_becomes_two_sub_orders(api, catalog, portal):
    # The merchant splits by category (portal → Partners → Clearing defaults) and files its products under two.
    chose = portal.post(
        "/portal/partners/defaults",
        {"default_split": "you: 100", "default_hold_days": "0", "split_strategy": "category"},
    )
    assert chose.status_code == 302, chose.get_data(as_text=True)
    assert "product category" in portal.text("/portal/partners")
    edited = portal.post(
        f"/portal/products/{catalog['product']}", {"name": "Pro membership", "status": "active", "category": "games"}
    )
    assert edited.status_code == 302
    assert api.get(f"/products/{catalog['product']}").json["category"] == "games"
    skins = api.post(
        "/products",
        json={
            "name": "Skin",
            "category": "skins",
            "skus": [{"name": "Red", "price": {"amount": 300, "currency": "usd"}}],
        },
    )
    assert skins.status_code == 201 and skins.json["category"] == "skins", skins.json
    assert api.post("/products", json={"name": "Bad", "category": "x" * 81}).status_code == 400

    order = api.post(
        "/orders",
        json={
            "items": [
                {"sku": catalog["sku"], "quantity": 1},
                {"sku": catalog["limited_sku"], "quantity": 1},
                {"sku": skins.json["skus"][0]["id"], "quantity": 1},
            ],
            "customer": {"id": "cus_books"},
            "agreement_accepted": True,
        },
    )
    assert order.status_code == 201, order.json
    subs = {s["category"]: s for s in order.json["sub_orders"]}
    assert set(subs) == {"games", "skins"}
    assert subs["games"]["amount"]["total"] == 3499 and subs["skins"]["amount"]["total"] == 300
    assert [i["sku"] for i in subs["skins"]["items"]] == [skins.json["skus"][0]["id"]]
    assert {s["status"] for s in subs.values()} == {"created"}


def test_a_sub_order_refund_takes_back_its_part_of_the_platform_fee_too(
    app, api, merchant, catalog, sandbox, worker, partners
):
    a, b = partners
    fee = app.test_cli_runner().invoke(args=["kassa", "platform-fee", "--merchant", merchant.id, "--bps", "100"])
    assert fee.exit_code == 0, fee.output
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1), (catalog["limited_sku"], 1)])
    kept_a = partner_lines(app, merchant.id, a)
    sub_b = sub_of(order, b)
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_b['id']}/refunds", json={"amount": 700}).status_code == 201
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_b['id']}/refunds").status_code == 201
    # B gave back exactly what it got: the channel's and the platform's fee on its part came back from them.
    assert partner_lines(app, merchant.id, b) == 0 and partner_lines(app, merchant.id, a) == kept_a
    assert ledger_sums(app) == {"usd": 0}
    # The rest of the order, refunded as a whole, reverses everything exactly.
    assert api.post(f"/orders/{order['id']}/refunds").status_code == 201
    assert partner_lines(app, merchant.id, a) == 0 and partner_lines(app, merchant.id, b) == 0
    assert ledger_sums(app) == {"usd": 0}
    assert api.get(f"/orders/{order['id']}").json["status"] == "refunded"


def test_two_refunds_of_one_sub_order_at_once_never_give_back_more_than_it_has(
    app, api, merchant, catalog, sandbox, worker, partners
):
    import threading

    from tests.conftest import Api

    a, b = partners
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1), (catalog["limited_sku"], 1)])
    url = f"/orders/{order['id']}/sub_orders/{sub_of(order, b)['id']}/refunds"
    callers = [Api(app.test_client(), merchant.secret_key) for _ in range(2)]
    start, answers = threading.Barrier(2), []

    def refund(caller) -> None:
        start.wait(5)
        answers.append(caller.post(url, json={"amount": 1500}))

    threads = [threading.Thread(target=refund, args=(caller,)) for caller in callers]
    [thread.start() for thread in threads]
    [thread.join(30) for thread in threads]
    # Whichever waited for the other's lock reads the sub-order again: 1000 is all that remains of it.
    assert sorted(r.status_code for r in answers) in ([201, 409], [201, 422]), [r.json for r in answers]
    read = api.get(f"/orders/{order['id']}").json
    assert sub_of(read, b)["refunded_amount"] == read["refunded_amount"] == 1500
    assert [r["status"] for r in read["refunds"]] == ["succeeded"]
    assert ledger_sums(app) == {"usd": 0}
