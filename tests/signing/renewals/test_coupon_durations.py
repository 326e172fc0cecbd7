"""A coupon's duration on a subscription, run on a test clock as a merchant would: once discounts the first order,
repeating also exactly its first N renewals, forever every renewal."""

from __future__ import annotations

import pytest

from tests.signing.renewals.test_renewals import START, advance, clock, monthly, unix  # noqa: F401 (fixtures)
from tests.support.signing import pay_first_order, subscribe


def renewal_totals(api, sub_id: str) -> list[int]:
    renewals = api.get(f"/subscriptions/{sub_id}").json["renewals"]
    assert [r["status"] for r in renewals] == ["paid"] * len(renewals)
    return [api.get(f"/orders/{r['order']}").json["amount"]["total"] for r in renewals]


@pytest.mark.parametrize(
    ("terms", "renewals"),
    [
        ({"duration": "once"}, [999, 999, 999, 999]),
        ({"duration": "repeating", "duration_in_periods": 2}, [900, 900, 999, 999]),
        ({"duration": "forever"}, [900, 900, 900, 900]),
    ],
)
def test_a_coupon_discounts_the_renewals_its_duration_says(api, sandbox, worker, monthly, clock, terms, renewals):
    api.post("/coupons", json={"code": "LOYAL", "kind": "percent_off", "percent_bps": 1000, **terms})
    created = subscribe(api, monthly, coupon="loyal", test_clock=clock)
    assert created["order"]["amount"]["total"] == 900  # 999 less 10 % (99, rounded down)
    sub = pay_first_order(api, sandbox, worker, created)
    assert sub["status"] == "active"
    advance(api, worker, clock, unix(2027, 6, 1))  # four renewals: Feb 28, Mar 31, Apr 30, May 31
    assert renewal_totals(api, sub["id"]) == renewals


def test_a_deactivated_coupon_keeps_discounting_the_contracts_opened_with_it(api, sandbox, worker, monthly, clock):
    coupon = api.post(
        "/coupons",
        json={
            "code": "TWO",
            "kind": "amount_off",
            "amount_off": 300,
            "currency": "usd",
            "duration": "repeating",
            "duration_in_periods": 1,
        },
    ).json
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly, coupon="two", test_clock=clock))
    api.post(f"/coupons/{coupon['id']}/deactivate")
    advance(api, worker, clock, unix(2027, 4, 1))
    assert renewal_totals(api, sub["id"]) == [699, 999]
