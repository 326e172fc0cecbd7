"""Subscription hooks as a merchant's package would ship them (loaded through an entry point in the tests)."""

from __future__ import annotations

from app.signing.hooks import RenewalPlan

SEEN: list[tuple[str, int]] = []


class LoyaltyDiscount:
    """Half price from the third period on; the second period is a free month (skipped)."""

    def before_renewal(self, subscription, amount: int) -> RenewalPlan | None:
        upcoming = subscription.period + 1
        if upcoming == 2:
            return RenewalPlan(skip=True, reason="free second month")
        return RenewalPlan(amount=amount // 2)

    def after_renewal(self, subscription, renewal) -> None:
        SEEN.append(("renewed", renewal.period))


class Undecided:
    """A hook with a bug: the renewal must wait, never be charged on a guess."""

    def before_renewal(self, subscription, amount: int) -> RenewalPlan | None:
        raise RuntimeError("loyalty service unreachable")
