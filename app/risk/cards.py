"""The card behind a payment, screened against the merchant's lists. Providers tell its fingerprint only once it has
paid, so the hub asks then (app/payments/attempts/card_screening.py) and acts on the verdict: a card on the block list
has its capture refunded in full at once (the goods are never delivered: the refund lands before fulfilment runs); on
the review list it holds fulfilment like any review."""

from __future__ import annotations

from dataclasses import dataclass

from app.risk import lists


@dataclass(frozen=True)
class CardVerdict:
    """What the lists say of a card that paid: ``block`` (refund it) or ``review`` (hold fulfilment), and why."""

    action: str
    reason: str

    @property
    def blocks(self) -> bool:
        return self.action == "block"

    @property
    def event_type(self) -> str:
        """The event that tells the merchant of the order's new risk decision."""
        return "risk.blocked" if self.blocks else "risk.review_opened"

    def decision_after(self, stored: dict | None) -> dict | None:
        """The order's risk decision with this verdict added to ``stored`` (its assessment so far); None when the
        order is blocked already, so nothing changes."""
        stored = stored or {"decision": "allow", "score": 0, "reasons": []}
        if stored.get("decision") == "block":
            return None
        return {
            **stored,
            "decision": self.action,
            "score": 100 if self.blocks else max(stored.get("score", 0), 60),
            "reasons": [*stored.get("reasons", []), f"after payment: {self.reason}"],
        }


def screen_card(merchant_id: str, fingerprint: str, *, livemode: bool) -> CardVerdict | None:
    """The verdict of the merchant's lists of that mode on the card with ``fingerprint``; None when it is on neither
    the block nor the review list."""
    listed = [
        e
        for e in lists.matches(merchant_id, {"card_fingerprint": fingerprint}, livemode=livemode)
        if e.action != "allow"
    ]
    if not listed:
        return None
    action = "block" if any(e.action == "block" for e in listed) else "review"
    return CardVerdict(action, f"card_fingerprint {fingerprint} is on the {action} list")
