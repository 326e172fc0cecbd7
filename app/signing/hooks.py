"""Subscription hooks: where a subscription business injects its own logic (docs/subscription_hooks.md).

A hook is a class installed under the ``kassa.subscription_hooks`` entry point group. Kassa calls, for every
installed hook in name order:

- ``before_renewal(subscription, amount) -> RenewalPlan | None``: before a period's order is opened. Return
  ``RenewalPlan(amount=...)`` to charge less than the list price (a discount, never a surcharge), or
  ``RenewalPlan(skip=True, reason=...)`` to let the period pass without a charge; None keeps the default.
- ``after_renewal(subscription, renewal)``: the period was paid.
- ``on_failure(subscription, renewal, reason, final)``: a deduction failed (``final``: the schedule is spent).
- ``on_cancel(subscription, reason)``: the contract ended.

The built-in behaviour (charge the list price, do nothing else) is ``DefaultHooks``. A hook that raises in
``before_renewal`` postpones the renewal (no charge is made on a guess); one raising elsewhere is logged and
never undoes what happened to the money.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points

from app.platform.observability import logs

ENTRY_POINT_GROUP = "kassa.subscription_hooks"
log = logs.get("signing.hooks")


@dataclass(frozen=True)
class RenewalPlan:
    """What a hook decided for one renewal: an amount (None = the list price) or a skip."""

    amount: int | None = None
    skip: bool = False
    reason: str = ""


class DefaultHooks:
    """Kassa's own behaviour: every renewal at the list price."""

    def before_renewal(self, subscription, amount: int) -> RenewalPlan | None:
        return None

    def after_renewal(self, subscription, renewal) -> None:
        return None

    def on_failure(self, subscription, renewal, reason: str, final: bool) -> None:
        return None

    def on_cancel(self, subscription, reason: str) -> None:
        return None


@lru_cache(maxsize=1)
def installed_hooks() -> tuple:
    """The installed hooks in name order, each loaded once; one that fails to load is left out (logged)."""
    hooks = []
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        try:
            hooks.append(entry_point.load()())
        except Exception:
            log.exception("subscription hook %s could not be loaded; it is not used", entry_point.name)
    return tuple(hooks) or (DefaultHooks(),)


def plan_renewal(subscription, amount: int) -> RenewalPlan:
    """The plan for one renewal: the last hook that decided something wins. Raises what a hook raised."""
    plan = RenewalPlan(amount=amount)
    for hook in installed_hooks():
        decided = getattr(hook, "before_renewal", DefaultHooks.before_renewal)(subscription, plan.amount)
        if decided is None:
            continue
        if not isinstance(decided, RenewalPlan):
            raise TypeError(f"{type(hook).__name__}.before_renewal must return a RenewalPlan or None")
        if decided.skip:
            return decided
        if decided.amount is not None:
            if type(decided.amount) is not int or not 0 < decided.amount <= amount:
                raise ValueError(
                    f"{type(hook).__name__} asked for {decided.amount!r}: a renewal may be amended "
                    f"to a whole amount from 1 to the list price {amount}"
                )
            plan = decided
    return plan


def notify(name: str, *args: object) -> None:
    """Tell every hook that something happened; a hook's error is logged, never raised."""
    for hook in installed_hooks():
        method = getattr(hook, name, None)
        if method is None:
            continue
        try:
            method(*args)
        except Exception:
            log.exception("subscription hook %s.%s failed", type(hook).__name__, name)


def only_defaults() -> bool:
    """Is Kassa's own behaviour all there is (no hook installed)? Then a renewal needs no call out per contract."""
    return all(type(hook) is DefaultHooks for hook in installed_hooks())
