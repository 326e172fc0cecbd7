"""One assessment for every order: the merchant's lists first, then its rules, to a decision. Only the lists and
rules of the order's mode count (a test run's block list never refuses a live shopper).

- an ``allow`` list entry lets the order through without rules (a trusted customer);
- a ``block`` entry or a block rule → ``block``: nothing is created, the caller gets 402 ``risk_blocked``
  with a neutral message, and the merchant gets a ``risk.blocked`` event with the reasons;
- a ``review`` entry or rule → ``review``: the order may be paid, its fulfilment waits for a decision;
- otherwise ``allow``.

Velocity rules run last, so an order another rule blocks never uses up a velocity allowance. If Redis is
down the velocity rules cannot count: they are skipped (fail open) and the reasons say so — blocking every
shopper because a counter is unreachable would be an outage of its own (docs/api.md, Risk).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, SessionTransaction

from app.errors import KassaError
from app.extensions import db
from app.platform.observability import logs
from app.platform.outbox.commit_signals import NEW_EVENTS
from app.platform.outbox.events import Event
from app.platform.values.ids import new_id
from app.platform.values.money import Money
from app.risk import lists, velocity
from app.risk.rules import applies_to, applies_to_line, limits_currency, rules_of

log = logs.get("risk")

_BLOCKS_OWED = "kassa_risk_blocks_owed"  # session.info: risk.blocked events to write once its transaction ends

WEIGHT = {"allow": 0, "review": 60, "block": 100}
# The reasons that name the shopper's own value (a list match, a velocity overflow), as ``assess`` words them.
_NAMED = (
    re.compile(r"^(?:email|ip|device) (.+?) is on the (?:block|allow|review) list"),
    re.compile(r"\((?:email|ip|device) ([^()]+)\)$"),
)
_STRICTER = {"allow": 0, "review": 1, "block": 2}


class RiskBlocked(KassaError):
    """The merchant's risk settings refuse this order (402); the message tells the shopper nothing more."""

    status = 402
    type = "risk_error"
    code = "risk_blocked"


@dataclass
class Assessment:
    decision: str = "allow"
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    def flag(self, action: str, reason: str) -> None:
        if _STRICTER[action] > _STRICTER[self.decision]:
            self.decision = action
        self.score = min(100, max(self.score, WEIGHT[action]) + (10 if action != "allow" and self.reasons else 0))
        self.reasons.append(reason)

    def to_json(self) -> dict:
        return {"decision": self.decision, "score": self.score, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class Prospect:
    """The order about to be made: who, how much, and what the request said about the shopper. The asker builds it
    (app/orders/screening.py for an order): risk reads no order of its own."""

    merchant_id: str
    customer_id: str | None
    email: str | None
    amount: int
    currency: str
    livemode: bool = False
    ip: str | None = None
    device: str | None = None
    card_fingerprint: str | None = None
    country: str | None = None
    channel: str | None = None  # known when a payment is assessed
    scope: str = "orders"  # or "withdrawals": which rules apply (app/risk/rules.py, applies_to)
    business_line: str | None = None  # the order's line: a rule naming another line does not apply
    # Has the customer a paid order of this mode already? Asked only when a first-purchase limit could apply (it
    # costs the asker a query); None where there are no purchases to ask about (a withdrawal).
    paid_before: Callable[[], bool] | None = field(default=None, compare=False, repr=False)

    @property
    def noun(self) -> str:
        return "withdrawal" if self.scope == "withdrawals" else "order"

    def value(self, kind: str) -> str | None:
        if kind == "email_domain":
            return self.email.rsplit("@", 1)[1] if self.email and "@" in self.email else None
        return {
            "customer": self.customer_id,
            "email": self.email,
            "ip": self.ip,
            "device": self.device,
            "card_fingerprint": self.card_fingerprint,
        }.get(kind)


def assess(prospect: Prospect, *, count_velocity: bool = True) -> Assessment:
    """The decision for this order (nothing is written to the database). ``count_velocity=False`` (a payment
    of an order already counted at creation) checks lists and limits without counting the order again."""
    result = Assessment()
    listed = lists.matches(
        prospect.merchant_id, {k: prospect.value(k) for k in lists.KINDS}, livemode=prospect.livemode
    )
    for entry in sorted(listed, key=lambda e: _STRICTER[e.action], reverse=True):
        result.flag(
            entry.action,
            f"{entry.kind} {entry.value} is on the {entry.action} list" + (f" ({entry.note})" if entry.note else ""),
        )
    if result.decision == "block" or (listed and all(e.action == "allow" for e in listed)):
        return result
    rules = [
        r
        for r in rules_of(prospect.merchant_id, livemode=prospect.livemode, enabled_only=True)
        if applies_to(r) == prospect.scope and applies_to_line(r, prospect.business_line)
    ]
    for rule in (r for r in rules if r.kind in ("amount_limit", "first_purchase_limit", "currency_country_mismatch")):
        reason = _static_rule(rule, prospect)
        if reason:
            result.flag(rule.action, reason)
    if result.decision != "block" and count_velocity:
        for action, reason in _velocity(prospect, [r for r in rules if r.kind == "velocity"]):
            result.flag(action, reason)
    return result


def _static_rule(rule, prospect: Prospect) -> str | None:
    shown = Money(prospect.amount, prospect.currency).format()
    if rule.kind == "currency_country_mismatch":
        expected = rule.params["currencies"].get(prospect.currency)
        if not expected or not prospect.country or prospect.country in expected:
            return None
        return (
            f"a {prospect.currency.upper()} payment from {prospect.country}, where {prospect.currency.upper()} "
            f"payments are expected from {', '.join(expected)}"
        )
    limit = rule.params["max_amount"]
    if not limits_currency(rule, prospect.currency):
        return None
    if rule.kind == "amount_limit":
        if prospect.amount <= limit:
            return None
        return f"{shown} is above the limit of {Money(limit, prospect.currency).format()} per {prospect.noun}"
    if (
        rule.kind == "first_purchase_limit"
        and prospect.customer_id
        and prospect.amount > limit
        and prospect.paid_before is not None
        and not prospect.paid_before()
    ):
        return (
            f"a first purchase of {shown} is above the first-purchase limit of "
            f"{Money(limit, prospect.currency).format()}"
        )
    return None


def _velocity(prospect: Prospect, rules: list) -> list[tuple[str, str]]:
    """(action, reason) for each velocity rule this order would overflow; all checked in one Redis call."""
    counted = []
    for rule in rules:
        by = rule.params["by"]
        value = prospect.value(by)
        if value and limits_currency(rule, prospect.currency):
            counting = "max_count" in rule.params
            # An amount is counted per currency: 899 EUR and 999 USD are not 1898 of anything.
            per = None if counting else prospect.currency
            counted.append(
                (
                    rule,
                    by,
                    value,
                    velocity.Window(
                        key=velocity.window_key(prospect.merchant_id, rule.id, by, value, per),
                        window_seconds=rule.params["window_seconds"],
                        limit=rule.params["max_count"] if counting else rule.params["max_amount"],
                        weight=1 if counting else prospect.amount,
                    ),
                )
            )
    try:
        fits = velocity.admit([window for *_, window in counted])
    except Exception:  # Redis unreachable: fail open, and say so in the log
        log.warning(
            "velocity rules not checked: Redis unavailable", extra={"fields": {"merchant_id": prospect.merchant_id}}
        )
        return []
    found = []
    for (rule, by, value, window), fit in zip(counted, fits):
        if not fit:
            what = (
                f"{window.limit} {prospect.noun}s"
                if window.weight == 1 and "max_count" in rule.params
                else Money(window.limit, prospect.currency).format()
            )
            found.append(
                (rule.action, f"more than {what} per {by} within {_window(window.window_seconds)} ({by} {value})")
            )
    return found


def values_named(reasons: Iterable[str]) -> set[str]:
    """The emails, addresses and devices that these reasons name (an erasure looks for their other copies)."""
    return {
        found.group(1)
        for reason in reasons
        if isinstance(reason, str)
        for pattern in _NAMED
        if (found := pattern.search(reason))
    }


def _window(seconds: int) -> str:
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} seconds"


def refuse_if_blocked(assessment: Assessment, prospect: Prospect) -> None:
    """Raise 402 for a block, after telling the merchant why (a ``risk.blocked`` event, written on its own once the
    caller's transaction is over: it is about to be rolled back, or to commit a renewal's failed try)."""
    if assessment.decision != "block":
        return
    blocked = {
        "object": "risk_assessment",
        **assessment.to_json(),
        "customer": prospect.customer_id,
        "email": prospect.email,
        "ip": prospect.ip,
        "device": prospect.device,
        "country": prospect.country,
        "channel": prospect.channel,
        "amount": {"amount": prospect.amount, "currency": prospect.currency},
    }
    _record_once_the_transaction_ends(
        Event(
            id=new_id("evt"),
            merchant_id=prospect.merchant_id,
            type="risk.blocked",
            data={"object": blocked},
            livemode=prospect.livemode,
        )
    )
    log.info(
        "order blocked by risk", extra={"fields": {"merchant_id": prospect.merchant_id, "reasons": assessment.reasons}}
    )
    raise RiskBlocked("This payment cannot be accepted. If you think this is a mistake, please contact the seller.")


def _record_once_the_transaction_ends(event: Event) -> None:
    """Write ``event`` on a transaction of its own, after the caller's. Not beside it: the caller may have written
    already (an Idempotency-Key's claim, a renewal's period), and on SQLite that transaction holds the one write
    lock, which a second transaction of the same request would wait for until it gave up."""
    session = db.session()
    if session.in_transaction():
        session.info.setdefault(_BLOCKS_OWED, []).append(event)
    else:
        _write_apart([event])


@sa_event.listens_for(Session, "after_transaction_end")
def _write_owed_blocks(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None:  # a savepoint ended: the caller's transaction goes on
        return
    owed = session.info.pop(_BLOCKS_OWED, None)
    if owed:
        _write_apart(owed)


def _write_apart(events: list[Event]) -> None:
    try:
        with Session(db.engine) as side:
            side.add_all(events)
            side.info[NEW_EVENTS] = True  # ask the dispatcher to deliver them
            side.commit()
    except Exception:  # the shopper's 402 stands; the merchant misses this one notice
        log.warning("could not record the risk.blocked event", exc_info=True)
