"""A renewal's order is in its contract's business line (issue #56): a product of no line sold by a key scoped to a
line makes a contract of that line, and every period's order is that line's too, charged on the card's mandate
(the per-contract way) as on the wallet (the batch)."""

from __future__ import annotations

from tests.conftest import Api
from tests.merchants.test_line_scoped_keys import _scoped_key
from tests.signing.renewals.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.support.signing import pay_first_order, subscribe


def test_a_card_renewal_of_a_line_contract_is_an_order_of_that_line(
    api,
    client,
    portal,
    sandbox,
    worker,
    monthly,
    clock,  # noqa: F811
):
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    scoped = Api(client, _scoped_key(portal, games["id"]))
    created = subscribe(scoped, monthly, customer="cus_line_card", test_clock=clock)  # a product of no line
    sub = pay_first_order(api, sandbox, worker, created)
    assert (sub["status"], sub["business_line"]) == ("active", games["id"])
    assert api.get(f"/orders/{created['order']['id']}").json["business_line"] == games["id"]

    advance(api, worker, clock, unix(2027, 3, 1))
    renewals = api.get(f"/subscriptions/{sub['id']}").json["renewals"]
    assert [(r["period"], r["status"]) for r in renewals] == [(2, "paid")]
    renewal_order = api.get(f"/orders/{renewals[0]['order']}").json
    assert renewal_order["business_line"] == games["id"]
    assert scoped.get(f"/orders/{renewal_order['id']}").status_code == 200  # the line's key sees its renewals
