"""A dispute after settlement: the money the bank took back is a negative line of the partner's next settlement,
as a refund after settlement is."""

from __future__ import annotations

import requests

from tests.conftest import wait_for
from tests.support.books import add_partner, completed_order, partner_lines, run_settlements, set_rule


def _dispute(app, sandbox, order: dict, amount: int) -> str:
    from app.extensions import db
    from app.payments.models import Dispute

    reference = order["payments"][0]["provider_reference"]
    opened = requests.post(
        f"{sandbox.url}/sandbox/api/payments/{reference}/dispute", json={"amount": amount}, timeout=10
    )
    assert opened.status_code == 201, opened.text

    def seen():
        with app.app_context():
            return db.session.query(Dispute).filter_by(provider_dispute_id=opened.json()["id"]).count()

    wait_for(seen)
    return opened.json()["id"]


def _by_partner(settlements: list[dict]) -> dict[str, dict]:
    return {s["partner"]: s for s in settlements}


def test_a_dispute_after_settlement_is_a_negative_line_of_the_next_one(app, api, merchant, catalog, sandbox, worker):
    from app.payments.integrity import run_check

    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    first = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # studio: 999 - 59 = 940
    assert _by_partner(run_settlements(api, worker))[studio["id"]]["net"] == 940

    _dispute(app, sandbox, first, 500)
    # Booked as a refund of 500 is: round(59 × 500 / 999) = 30 of the fee back, the studio gives back 470.
    completed_order(api, sandbox, worker, [(catalog["sku"], 2)], customer="cus_second")  # 1998, fee 88: 1910
    second = _by_partner(run_settlements(api, worker, days_ahead=2))[studio["id"]]
    assert (second["gross"], second["fees"], second["refunds"], second["net"]) == (1998, 88, 470, 1910 - 470)
    kinds = [line["kind"] for line in api.get(f"/settlements/{second['id']}/lines").json["data"]]
    assert kinds.count("refund") == 1
    # Nor can the order refund what the bank took: 499 remain.
    assert api.post(f"/orders/{first['id']}/refunds", json={"amount": 500}).status_code == 422
    with app.app_context():
        assert run_check().findings == []


def test_an_order_refunded_in_full_around_a_won_dispute_takes_back_from_each_partner_exactly_its_share(
    app, api, merchant, catalog, sandbox, worker
):
    """Each part of a cleared order gives back, over all its refunds, exactly what it received, even when a dispute
    opened and was won between them (its withdrawal went back whole): no partner is charged a cent it never got."""
    from tests.payments.disputes.test_disputes import close_dispute, disputes_of, open_dispute

    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 3333), ("self", 6667)])
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 3)])  # 2997, fee 117: studio 960, self 1920
    assert (partner_lines(app, merchant.id, studio["id"]), partner_lines(app, merchant.id, "self")) == (960, 1920)

    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 701}).status_code == 201
    opened = open_dispute(sandbox, order, amount=1000)
    wait_for(lambda: disputes_of(app, order["id"]))
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 333}).status_code == 201
    close_dispute(sandbox, opened["id"], "won")
    wait_for(lambda: disputes_of(app, order["id"])[0][2] == "won")
    rest = api.post(f"/orders/{order['id']}/refunds", json={})
    assert rest.status_code == 201 and rest.json["refund"]["amount"] == 2997 - 701 - 333

    # Refunded in full: each partner gave back what the order gave it, and the merchant has nothing of it left.
    assert (partner_lines(app, merchant.id, studio["id"]), partner_lines(app, merchant.id, "self")) == (0, 0)
    assert api.get("/balance").json["available"] == []
    with app.app_context():
        from app.payments.integrity import run_check

        assert run_check().findings == []
