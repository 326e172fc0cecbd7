"""Sub-orders with a lifecycle (issue #56): a refund of the whole order is spread over its sub-orders by what each
still has, and each partner gives back exactly what its part kept. Driven through the API with real sandbox payments
and a real worker."""

from __future__ import annotations

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.support.books import add_partner, completed_order, ledger_sums, partner_lines, set_rule


@pytest.fixture
def partners(api, catalog) -> tuple[str, str]:
    """Partner A owns the 9.99 SKU, partner B the 25.00 one: an order of both is two sub-orders."""
    a, b = add_partner(api, "Studio A")["id"], add_partner(api, "Studio B")["id"]
    assert set_rule(api, catalog["sku"], [(a, 10_000)]).status_code == 200
    assert set_rule(api, catalog["limited_sku"], [(b, 10_000)]).status_code == 200
    return a, b


def _sub(order: dict, partner: str) -> dict:
    return next(s for s in order["sub_orders"] if s["partner"] == partner)


def _paid_split_order(api, sandbox, catalog, customer: str = "cus_parts") -> dict:
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}, {"sku": catalog["limited_sku"], "quantity": 1}],
            "customer": {"id": customer},
            "agreement_accepted": True,
        },
    )
    assert created.status_code == 201, created.json
    sandbox.simulate(pay(api, created.json["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created.json["id"]) == "paid")
    return created.json


def test_a_whole_order_refund_is_spread_over_the_parts_and_their_partners_give_back_exactly(
    app, api, merchant, catalog, sandbox, worker, partners
):
    a, b = partners
    fee = app.test_cli_runner().invoke(args=["kassa", "platform-fee", "--merchant", merchant.id, "--bps", "100"])
    assert fee.exit_code == 0, fee.output
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1), (catalog["limited_sku"], 1)])
    sub_a, sub_b = _sub(order, a)["id"], _sub(order, b)["id"]
    assert api.post(f"/orders/{order['id']}/sub_orders/{sub_b}/refunds", json={"amount": 1000}).status_code == 201

    whole = api.post(f"/orders/{order['id']}/refunds", json={"amount": 1000})
    assert whole.status_code == 201 and whole.json["refund"]["sub_order"] is None
    read = api.get(f"/orders/{order['id']}").json
    # A has 999 left and B 1500: 1000 × 999 / 2499 = 399.76 and 600.24, the spare unit to the larger remainder.
    assert (_sub(read, a)["refunded_amount"], _sub(read, b)["refunded_amount"]) == (400, 1600)
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
    assert (_sub(read, a)["refunded_amount"], _sub(read, b)["refunded_amount"]) == (286, 714)  # 999 : 2500
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # cleared: what each line still keeps
    kept = partner_lines(app, merchant.id, a) + partner_lines(app, merchant.id, b)
    assert partner_lines(app, merchant.id, a) < 999 - 286 and partner_lines(app, merchant.id, b) < 2500 - 714
    assert kept > 2499 - 131  # the channel's fee, less what it gave back, came off
    # Refunding each part's rest takes back exactly what its partner got.
    assert api.post(f"/orders/{order['id']}/sub_orders/{_sub(read, a)['id']}/refunds").status_code == 201
    assert partner_lines(app, merchant.id, a) == 0
    assert api.post(f"/orders/{order['id']}/sub_orders/{_sub(read, b)['id']}/refunds").status_code == 201
    assert partner_lines(app, merchant.id, b) == 0 and ledger_sums(app) == {"usd": 0}
