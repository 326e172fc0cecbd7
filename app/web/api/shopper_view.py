"""What a publishable key (the shopper's browser) reads of the objects the API shows the merchant: an order and the
events of an order whose client secret it holds. The same fields, but what the merchant's people wrote and Kassa's
notes for the merchant stay with the secret key, chosen by the field, never by its words:

- the risk assessment's reasons: they name the merchant's rules and limits and quote the notes on its lists (a
  fraudster would learn what to change); the decision and score stay;
- a refund's reason (typed by the merchant's people, or Kassa's note naming a risk list or a review), why it failed
  (the provider's or Kassa's words for the merchant) and the customer's refund-abuse score behind it;
- a dispute's evidence: what the merchant told the bank about the shopper;
- who on the merchant's team decided a review (their email);
- a shopper's refund request's abuse score and its reasons: the score against the request's status tells the
  merchant's cut-offs (its refund_abuse rule), and the reasons which signal to change (one device or address asking
  refunds for other customers: a ring learns to rotate them);
- the order timeline's reasons: replaced where the rows are read (``order_json``, app/orders/timeline_kinds.py).
"""

from __future__ import annotations

# What a review event says decided it, to the shopper: the merchant, not which of its people.
REVIEWER = "merchant"


def shopper_object(obj: dict) -> dict:
    """``obj`` (an API object, or the object an event carries) as a publishable key may read it."""
    kind = obj.get("object")
    if kind == "order":
        return _order(obj)
    if kind == "refund":
        return _refund(obj)
    if kind == "dispute":
        return {**obj, "evidence": None}
    if kind == "refund_request":
        return {**obj, "score": None, "reasons": []}
    return obj


def _order(order: dict) -> dict:
    shown = dict(order)
    if isinstance(shown.get("risk"), dict):
        risk = {**shown["risk"], "reasons": []}
        if isinstance(risk.get("review"), dict):  # {decision, by, at} once someone decided
            risk["review"] = {**risk["review"], "by": REVIEWER}
        shown["risk"] = risk
    if "reasons" in shown:  # risk.review_opened and risk.blocked: the order's id with its assessment
        shown["reasons"] = []
    if "by" in shown:  # risk.review_approved / _rejected
        shown["by"] = REVIEWER
    if isinstance(shown.get("refunds"), list):
        shown["refunds"] = [_refund(refund) for refund in shown["refunds"]]
    return shown


def _refund(refund: dict) -> dict:
    return {**refund, "reason": None, "failure_reason": None, "risk": None}
