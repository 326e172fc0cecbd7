"""Unsigning: a mandate the contract no longer renews through is canceled at its provider, so the shopper's
recurring agreement there closes too. Two things end one:

- the contract ends for good (a terminal status, app/signing/state.py): its mandate ends in the same transaction
  (``mandate_status: canceled``, app/signing/contracts.py) and the event says so;
- the shopper pays a failed renewal by hand with a new card (on their billing page): that payment signs the
  contract's new mandate, and the renewal names the one it replaced (app/signing/renewals/services.py). The event
  (``subscription.renewed``) carries the contract as it is now, so the handler reads the old one off the renewal;
- the subscriber updates the payment method (a new mandate signed for nothing, app/signing/mandate_setups.py): the
  setup names the one it replaced and the ``subscription.updated`` that told of it, by which the handler finds it.

These outbox handlers run after the business transaction on purpose: a provider that is down never blocks or
undoes a cancel or a renewal. While the provider cannot be reached the handler raises and the outbox tries again
with backoff; the provider answers a canceled (or revoked) mandate as it is, so a repeat after a lost answer is
harmless. A mandate another active contract still renews through is kept. A wallet mandate is the customer's
own wallet at Kassa: there is nobody to tell.
"""

from __future__ import annotations

from sqlalchemy import bindparam, exists, select

from app.extensions import db
from app.payments import integration_log
from app.payments.channels.interface import ProviderRefused
from app.payments.channels.registry import adapter_for
from app.platform.observability import logs
from app.platform.outbox.events import Batched, Event, subscribe
from app.signing.mandates import held_by_provider
from app.signing.models import MandateSetup, Subscription, SubscriptionRenewal

log = logs.get("signing.unsigning")


def ends_provider_mandate(obj: dict) -> bool:
    """From the event's object alone: did the contract's end cancel a mandate a provider holds?"""
    mandate = obj.get("mandate") or {}
    return mandate.get("status") == "canceled" and held_by_provider(mandate.get("channel"), mandate.get("reference"))


def cancel_at_provider(merchant_id: str, channel: str, reference: str) -> str | None:
    """Cancel the mandate at its provider; returns the status the provider then reports (``canceled``, or
    ``revoked`` when the shopper withdrew it first), or None when nothing was asked. Raises ProviderUnavailable
    while the provider cannot be reached or its answer was lost (the caller tries again)."""
    still_used = select(
        exists().where(
            Subscription.merchant_id == merchant_id,
            Subscription.mandate_channel == channel,
            Subscription.mandate_reference == reference,
            Subscription.mandate_status == "active",
        )
    )
    fields = {"merchant_id": merchant_id, "channel": channel, "mandate": reference}
    if db.session.scalar(still_used):
        log.info("mandate kept: another contract still renews through it", extra={"fields": fields})
        return None
    adapter = adapter_for(channel, merchant_id)
    if adapter is None or not hasattr(adapter, "cancel_mandate"):
        log.warning(
            "mandate not canceled at the provider: channel %s cannot cancel one", channel, extra={"fields": fields}
        )
        return None
    try:
        with integration_log.bound(merchant_id=merchant_id, attempt_id=None):
            status = adapter.cancel_mandate(reference)
    except ProviderRefused as exc:  # a healthy provider said no (it does not know the mandate): no retry changes that
        log.warning("the provider refused to cancel the mandate: %s", exc, extra={"fields": fields})
        return None
    log.info("mandate canceled at the provider: %s", status, extra={"fields": fields})
    return status


def _unsign(event: Event) -> None:
    mandate = event.data["object"]["mandate"]
    cancel_at_provider(event.merchant_id, mandate["channel"], mandate["reference"])


# One handler per terminal status's event (tests/signing/test_unsigning.py checks every terminal status has one).
@subscribe("subscription.canceled", applies=ends_provider_mandate)
def unsign_canceled_contract(event: Event) -> None:
    """Outbox handler: a canceled contract's mandate is canceled at the provider."""
    _unsign(event)


@subscribe("subscription.expired", applies=ends_provider_mandate)
def unsign_expired_contract(event: Event) -> None:
    """Outbox handler: an expired contract's mandate is canceled at the provider."""
    _unsign(event)


# The renewals among a dispatch batch's contracts that replaced a mandate: built once, one read per batch.
_REPLACING = select(SubscriptionRenewal.subscription_id, SubscriptionRenewal.period).where(
    SubscriptionRenewal.subscription_id.in_(bindparam("b_subs", expanding=True)),
    SubscriptionRenewal.replaced_mandate_reference.is_not(None),
)


def _renewed_by_hand(events: list[Event]) -> Batched:
    """The ``batch``: renewals are nearly all deductions through the mandate, which replace nothing; one read
    finds the few paid by hand with a new card, and only their events go to the handler."""
    periods = {(e.data["object"]["id"], e.data["object"]["period"]): e.id for e in events}
    found = db.session.execute(_REPLACING, {"b_subs": sorted({sub_id for sub_id, _ in periods})})
    return Batched(one_by_one=frozenset(periods[row] for row in map(tuple, found) if row in periods))


def renews_through_a_mandate(obj: dict) -> bool:
    """From the event's object alone: a contract that renews through no mandate replaced none."""
    return bool((obj.get("mandate") or {}).get("reference"))


@subscribe("subscription.renewed", applies=renews_through_a_mandate, batch=_renewed_by_hand)
def cancel_replaced_mandate(event: Event) -> None:
    """Outbox handler: the mandate a renewal paid by hand replaced is canceled at its provider."""
    obj = event.data["object"]
    renewal = db.session.scalar(
        select(SubscriptionRenewal).where(
            SubscriptionRenewal.subscription_id == obj["id"], SubscriptionRenewal.period == obj["period"]
        )
    )
    if renewal is not None and renewal.replaced_mandate_reference:
        cancel_at_provider(event.merchant_id, renewal.replaced_mandate_channel, renewal.replaced_mandate_reference)


# The setups among a dispatch batch's update events that replaced a mandate a provider holds: one read per batch.
_UPDATED_BY_SETUP = select(MandateSetup.event_id).where(
    MandateSetup.event_id.in_(bindparam("b_events", expanding=True)),
    MandateSetup.replaced_mandate_reference.is_not(None),
)


def _updated_by_a_setup(events: list[Event]) -> Batched:
    """The ``batch``: of the many reasons a contract is updated, one read finds the events of a payment method
    update that replaced a provider's mandate, and only those go to the handler."""
    found = db.session.scalars(_UPDATED_BY_SETUP, {"b_events": [event.id for event in events]})
    return Batched(one_by_one=frozenset(found))


@subscribe("subscription.updated", applies=renews_through_a_mandate, batch=_updated_by_a_setup)
def cancel_mandate_replaced_by_update(event: Event) -> None:
    """Outbox handler: the mandate a subscriber's payment method update replaced is canceled at its provider."""
    setup = db.session.scalar(select(MandateSetup).where(MandateSetup.event_id == event.id))
    if setup is not None and setup.replaced_mandate_reference:
        cancel_at_provider(event.merchant_id, setup.replaced_mandate_channel, setup.replaced_mandate_reference)
