"""A period a subscription hook lets pass without a charge (a free month) is still a period of the contract: the
customer's membership runs through it, as through a paid one."""

from __future__ import annotations

from tests.signing.renewals.test_renewals import (  # noqa: F401  (fixtures)
    active_subscription,
    advance,
    clock,
    installed_hook,
    iso,
    membership_until,
    monthly,
    unix,
)


def test_a_free_month_a_hook_gives_keeps_the_membership_to_its_end(
    api, sandbox, worker, monthly, clock, installed_hook
):
    """Before, the skipped period moved the contract into March but the membership stopped at the end of February:
    the customer was locked out of their free month until the hourly contract reconciliation found it short."""
    installed_hook("LoyaltyDiscount")  # period 2 is a free month
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 3, 15))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [(r["period"], r["status"]) for r in after["renewals"]] == [(2, "skipped")]
    assert after["status"] == "active" and after["current_period_end"] == iso(2027, 3, 31)
    assert membership_until(api).timestamp() == unix(2027, 3, 31)
