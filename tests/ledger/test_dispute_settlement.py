"""A dispute after settlement: the money the bank took back is a negative line of the partner's next settlement,
as a refund after settlement is."""
from __future__ import annotations

import requests

from tests.conftest import wait_for
from tests.ledger.books_support import add_partner, completed_order, run_settlements, set_rule


def _dispute(app, sandbox, order: dict, amount: int) -> str:
    from app.extensions import db
    from app.payments.dispute_models import Dispute

    reference = order["payments"][0]["provider_reference"]
    opened = requests.post(f"{sandbox.url}/sandbox/api/payments/{reference}/dispute", json={"amount": amount},
                           timeout=10)
    assert opened.status_code == 201, opened.text

    def seen():
        with app.app_context():
            return db.session.query(Dispute).filter_by(provider_dispute_id=opened.json()["id"]).count()
    wait_for(seen)
    return opened.json()["id"]


def _by_partner(settlements: list[dict]) -> dict[str, dict]:
    return {s["partner"]: s for s in settlements}


def test_a_dispute_after_settlement_is_a_negative_line_of_the_next_one(app, api, merchant, catalog, sandbox, worker):
    from app.ledger.integrity import run_check

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
