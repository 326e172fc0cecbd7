"""A wallet renewal taken by the batch is judged by the risk rules of its subscription's business line (issue #56),
as an order of that line is when it is created: a rule of the line stops it, a rule of another line does not."""

from __future__ import annotations

from tests.ledger.wallet.test_wallet import top_up
from tests.signing.renewals.test_renewal_batch import PRICE, available, wallet_subscription
from tests.signing.renewals.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)


def _games_subscription(api, sandbox, worker, monthly, clock, catalog, customer: str) -> dict:  # noqa: F811
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    api.post("/business_lines", json={"code": "music", "name": "Music"})
    assert api.patch(f"/products/{catalog['product']}", json={"business_line": "games"}).status_code == 200
    top_up(api, sandbox, worker, 2 * PRICE, customer=customer)
    sub = wallet_subscription(api, worker, monthly, clock, customer)
    assert sub["business_line"] == games["id"]
    return sub


def _limit(api, line: str) -> None:
    params = {"max_amount": PRICE - 1, "currency": "usd", "business_line": line}
    assert (
        api.post("/risk/rules", json={"kind": "amount_limit", "params": params, "action": "block"}).status_code == 201
    )


def test_a_rule_of_the_subscriptions_line_stops_its_batched_renewal(api, sandbox, worker, monthly, clock, catalog):  # noqa: F811
    sub = _games_subscription(api, sandbox, worker, monthly, clock, catalog, "cus_line_block")
    _limit(api, "games")
    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    # A failed try of the period, for dunning to take up (on SQLite the block's notice used to wait for the sweep's
    # own write lock until it gave up, and the renewal was put off as if a hook had failed, every sweep).
    [renewal] = after["renewals"]
    assert (renewal["period"], renewal["status"]) == (2, "pending")
    assert renewal["last_error"].startswith("This payment cannot be accepted.")
    assert available(api, "cus_line_block") == PRICE  # nothing was taken from the wallet
    blocked = api.get("/events", query_string={"type": "risk.blocked"}).json["data"]
    assert blocked and {tuple(e["data"]["object"]["reasons"]) for e in blocked} == {
        ("$9.99 is above the limit of $9.98 per order",)
    }


def test_a_rule_of_another_line_leaves_the_batched_renewal_alone(api, sandbox, worker, monthly, clock, catalog):  # noqa: F811
    sub = _games_subscription(api, sandbox, worker, monthly, clock, catalog, "cus_line_free")
    _limit(api, "music")
    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [(r["period"], r["status"]) for r in after["renewals"]] == [(2, "paid")]
    assert available(api, "cus_line_free") == 0
