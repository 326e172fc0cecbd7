"""Updating a contract's payment method: the subscriber signs a new mandate at the provider and is charged nothing.

It is what signs a free trial's card, through the same adapter interface: a payment of nothing that carries the
recurring terms (``create_payment`` with ``amount=0`` and ``recurring``), which only channels declaring both the
``setup`` and the ``recurring`` capability are offered for; once the provider approves it, the adapter's
``signed_mandate`` names the mandate. A channel that implements those signs card updates too.

Once signed, the contract takes the new mandate in one conditional change (timeline, ``subscription.updated``); the
one it replaced, if a provider holds it, is canceled there by the outbox after the commit (app/signing/unsigning.py).
A contract that ended only because its mandate was revoked renews again; one the customer or the merchant chose to
end does not (``cancel_reason``). Two updates signed at once each replace the mandate the contract has when they
apply, so it keeps one and the other is canceled at the provider. A mandate signed after the contract could no longer
take it (it ended, or ends as asked) is ``unused`` and canceled at its provider by the sweep. Nothing changes on the
contract until the provider has approved: a subscriber who declines or leaves the provider's page leaves it as it was.

The provider's verdict arrives by its callback, by the subscriber's return to Kassa (which asks the provider), or by
the sweep (``check_mandate_setups``), whichever is first; each applies it once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from app.errors import ChannelFailed, Conflict, InvalidRequest, KassaError, ServiceUnavailable
from app.extensions import db
from app.payments import integration_log
from app.payments.channels import breaker
from app.payments.channels.available import AvailableChannel, Prospect, available_channels
from app.payments.channels.interface import ChannelResult, PaymentRequest, ProviderUnavailable
from app.payments.channels.registry import adapter_for, channel_spec
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.values.ids import new_id
from app.signing.contracts import StaleSubscription, change, subscription_object
from app.signing.mandates import replaced_mandate
from app.signing.models import MandateSetup, Subscription
from app.signing.state import ENDS_MANDATE_REVOKED, ENDS_REQUESTED, TERMINAL
from app.signing.terms import terms_text
from app.signing.unsigning import cancel_at_provider

log = logs.get("signing.mandate_setups")

# What a channel must declare to sign a mandate for a payment of nothing that later renewals deduct through.
SIGNS_WITHOUT_CHARGE = frozenset({"setup", "recurring"})
# The sweep asks the provider about a pending setup whose callback has not come this often, for a day; after that a
# late callback (or the subscriber's return) still applies it.
CHECK_EVERY = timedelta(minutes=1)
CHECK_FOR = timedelta(days=1)


def setup_channels(sub: Subscription) -> list[AvailableChannel]:
    """The merchant's channels that can sign the contract a new mandate now, charging nothing."""
    prospect = Prospect(
        customer_id=sub.customer_id,
        customer_source=sub.customer_source,
        livemode=sub.livemode,
        total=0,
        currency=sub.currency,
        kind="mandate_setup",
        business_line_id=sub.business_line_id,
    )
    return [
        channel
        for channel in available_channels(sub.merchant_id, prospect)
        if SIGNS_WITHOUT_CHARGE <= getattr(channel_spec(channel.code), "capabilities", frozenset())
    ]


def takes_no_mandate(sub: Subscription) -> str | None:
    """Why the contract cannot take a new mandate, in words; None if it can. A contract paused, or past due, can:
    its next renewal or dunning try deducts through it."""
    if sub.status == "pending" or sub.status in TERMINAL:
        return f"the subscription is {sub.status}"
    if sub.cancel_at_period_end and sub.cancel_reason == ENDS_REQUESTED:
        return "the subscription ends with its current period, as asked, and is not charged again"
    return None


def start_setup(sub: Subscription, channel: object, *, return_url: Callable[[str], str], actor: str) -> MandateSetup:
    """Ask the provider for a payment of nothing that signs a new mandate for ``sub``; the setup, its
    ``next_action`` saying where the subscriber signs. ``return_url(setup_id)``: where the provider sends them
    back. Raises InvalidRequest (a channel that cannot), Conflict (the contract cannot take one) or ChannelFailed
    (the provider could not start it: nothing was signed, try again)."""
    offered = [c.code for c in setup_channels(sub)]
    if channel not in offered:
        raise InvalidRequest(
            f"channel {channel!r} cannot save a payment method for this subscription; use one of {offered}",
            code="channel_unavailable",
            param="channel",
        )
    refusal = takes_no_mandate(sub)
    if refusal:
        raise Conflict(f"the payment method cannot be updated: {refusal}", code="subscription_state_invalid")
    setup = MandateSetup(
        id=new_id("mset"),
        merchant_id=sub.merchant_id,
        livemode=sub.livemode,
        subscription_id=sub.id,
        channel=channel,
        currency=sub.currency,
        status="pending",
        actor=actor,
        next_check_at=utcnow() + CHECK_EVERY,
        created_at=utcnow(),
    )
    terms = terms_text(sub.price_amount, sub.currency, sub.interval, sub.interval_count)
    db.session.add(setup)
    db.session.commit()  # the row exists before the provider is asked, so its callback finds it
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    request = PaymentRequest(
        attempt_id=setup.id,
        amount=0,
        currency=setup.currency,
        description=f"Payment method for subscription {sub.id}",
        return_url=return_url(setup.id),
        callback_url=f"{base}/hooks/channels/{channel}",
        recurring=terms,
        mandate_callback_url=f"{base}/hooks/mandates/{channel}",
        merchant_id=sub.merchant_id,
        customer_id=sub.customer_id,
    )
    try:
        with (
            integration_log.bound(merchant_id=setup.merchant_id, attempt_id=setup.id),
            breaker.guard(breaker.for_mode(channel, setup.livemode)),
        ):
            payment = adapter_for(channel, setup.merchant_id).create_payment(request)
    except (ProviderUnavailable, KassaError) as exc:
        # Whatever the provider may have opened, the subscriber never saw its page: nothing can be signed there.
        _decide(setup.id, "failed", f"the provider could not start it: {exc}")
        raise ChannelFailed(
            f"{channel} could not start saving a new payment method; nothing was changed, try again", param="channel"
        ) from exc
    db.session.execute(
        update(MandateSetup)
        .where(MandateSetup.id == setup.id)
        .values(provider_reference=payment.reference, next_action=payment.next_action)
    )
    db.session.commit()
    if payment.result is not None:  # settled inside the call: converge as a callback would
        apply_setup_result(payment.result)
    return db.session.get(MandateSetup, setup.id, populate_existing=True)


def refresh_setup(setup: MandateSetup) -> MandateSetup:
    """A pending setup's outcome asked of the provider and applied (the subscriber is back from its page, or the
    sweep asks); the setup as it then stands. A provider that cannot be asked leaves it pending."""
    if setup.status != "pending" or not setup.provider_reference:
        return setup
    setup_id, channel, merchant_id, reference = setup.id, setup.channel, setup.merchant_id, setup.provider_reference
    db.session.commit()  # no transaction stays open while the provider is asked
    try:
        with integration_log.bound(merchant_id=merchant_id, attempt_id=setup_id):
            result = adapter_for(channel, merchant_id).query_payment(reference)
    except ProviderUnavailable as exc:
        log.warning("mandate setup not checked: %s", exc, extra={"fields": {"mandate_setup_id": setup_id}})
        return db.session.get(MandateSetup, setup_id, populate_existing=True)
    return apply_setup_result(result) or db.session.get(MandateSetup, setup_id, populate_existing=True)


def apply_setup_result(result: ChannelResult, *, merchant_id: str | None = None) -> MandateSetup | None:
    """Apply the provider's verdict on a setup's payment of nothing, once; the setup, or None when the result names
    none of ours on that channel (of ``merchant_id``, for a merchant's own provider account)."""
    setup = db.session.get(MandateSetup, result.attempt_id, populate_existing=True)
    if (
        setup is None
        or setup.channel != result.channel
        or merchant_id not in (None, setup.merchant_id)
        or (setup.provider_reference and setup.provider_reference != result.provider_reference)
    ):
        return None
    if result.status == "succeeded" and setup.status == "failed":
        return _signed_after_failing(setup, result)
    if result.status == "pending" or setup.status != "pending":
        return setup
    if result.status == "succeeded" and (result.amount, result.currency) != (0, setup.currency):
        # A setup charges nothing: a provider that says it took money is not believed, and the subscriber keeps
        # the mandate they had. Failed, so the sweep stops asking; the error log is the operator's cue.
        log.error(
            "the provider says a mandate setup charged money; not applied",
            extra={
                "fields": {
                    "mandate_setup_id": setup.id,
                    "provider_amount": result.amount,
                    "provider_currency": result.currency,
                }
            },
        )
        _decide(
            setup.id,
            "failed",
            f"the provider reported a charge of {result.amount} {result.currency} for a "
            "setup of nothing: check it at the provider",
        )
        return db.session.get(MandateSetup, setup.id, populate_existing=True)
    if result.status != "succeeded":
        _decide(setup.id, "failed", result.failure_reason or "declined")
        return db.session.get(MandateSetup, setup.id, populate_existing=True)
    setup_id, channel, merchant = setup.id, setup.channel, setup.merchant_id
    db.session.commit()  # no transaction stays open while the provider is asked
    try:
        with integration_log.bound(merchant_id=merchant, attempt_id=setup_id):
            mandate = adapter_for(channel, merchant).signed_mandate(result.provider_reference)
    except ProviderUnavailable as exc:  # approved, but the mandate cannot be read now: the sweep asks again
        log.warning("signed mandate not read: %s", exc, extra={"fields": {"mandate_setup_id": setup_id}})
        return db.session.get(MandateSetup, setup_id, populate_existing=True)
    if mandate is None:
        _decide(setup_id, "failed", "the provider signed no mandate")
        return db.session.get(MandateSetup, setup_id, populate_existing=True)
    return _take(setup_id, result.provider_reference, mandate)


def _signed_after_failing(setup: MandateSetup, result: ChannelResult) -> MandateSetup:
    """A setup Kassa gave up on (its start got no clear answer) that the provider signed after all: its mandate was
    never the contract's, so it becomes ``unused`` and the sweep cancels it at the provider."""
    setup_id, channel, merchant = setup.id, setup.channel, setup.merchant_id
    db.session.commit()  # no transaction stays open while the provider is asked
    try:
        with integration_log.bound(merchant_id=merchant, attempt_id=setup_id):
            mandate = adapter_for(channel, merchant).signed_mandate(result.provider_reference)
    except ProviderUnavailable as exc:  # a 503: the provider sends its callback again
        raise ServiceUnavailable(f"the mandate of setup {setup_id} could not be read; send it again") from exc
    if mandate is not None:
        db.session.execute(
            update(MandateSetup)
            .where(MandateSetup.id == setup_id, MandateSetup.status == "failed")
            .values(status="unused", provider_reference=result.provider_reference, mandate_reference=mandate)
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        log.warning(
            "a failed mandate setup was signed at the provider; its mandate is canceled there",
            extra={"fields": {"mandate_setup_id": setup_id}},
        )
    return db.session.get(MandateSetup, setup_id, populate_existing=True)


def _take(setup_id: str, provider_reference: str, mandate: str) -> MandateSetup:
    """The contract takes the signed mandate (or, when it can no longer, the setup is ``unused``): the setup's move
    and the contract's change in one transaction, retried when another change of the contract came first."""
    for _ in range(3):
        setup = db.session.get(MandateSetup, setup_id, populate_existing=True)
        if setup.status != "pending":
            db.session.rollback()
            return setup  # applied by the callback, the return or the sweep meanwhile
        sub = db.session.get(Subscription, setup.subscription_id, populate_existing=True)
        refusal = takes_no_mandate(sub)
        moved = db.session.execute(
            update(MandateSetup)
            .where(MandateSetup.id == setup_id, MandateSetup.status == "pending")
            .values(
                status="unused" if refusal else "signed",
                provider_reference=provider_reference,
                mandate_reference=mandate,
                failure_reason=refusal,
                decided_at=utcnow(),
                next_check_at=None,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        if moved != 1:
            db.session.rollback()
            continue
        if refusal:
            log.info(
                "mandate signed for a contract that cannot take it: %s",
                refusal,
                extra={"fields": {"mandate_setup_id": setup_id, "subscription_id": sub.id}},
            )
            db.session.commit()
            return db.session.get(MandateSetup, setup_id, populate_existing=True)
        try:
            event_id, replaced = _renew_through(sub, setup, mandate)
        except StaleSubscription:
            db.session.rollback()  # renewed, revoked or canceled at this moment: read it again and decide anew
            continue
        db.session.execute(
            update(MandateSetup)
            .where(MandateSetup.id == setup_id)
            .values(event_id=event_id, **replaced)
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        log.info(
            "payment method updated",
            extra={"fields": {"mandate_setup_id": setup_id, "subscription_id": sub.id, "channel": setup.channel}},
        )
        return db.session.get(MandateSetup, setup_id, populate_existing=True)
    raise StaleSubscription(f"subscription of mandate setup {setup_id} kept changing; retry")


def _renew_through(sub: Subscription, setup: MandateSetup, mandate: str) -> tuple[str, dict]:
    """Change the contract to the new mandate (caller commits); the event's id and what the setup notes of the
    mandate it replaced (a provider's active one, to be canceled there)."""
    signed = {"mandate_channel": setup.channel, "mandate_status": "active", "mandate_reference": mandate}
    replaced = replaced_mandate(sub, signed)
    old = f", replacing {sub.mandate_reference} ({sub.mandate_status})" if sub.mandate_reference else ""
    values: dict = dict(signed)
    revived = sub.cancel_at_period_end and sub.cancel_reason == ENDS_MANDATE_REVOKED
    if revived:
        # It was to end only because nothing could charge it: now something can.
        values.update(cancel_at_period_end=False, cancel_reason=None)
    change(
        sub,
        reason=f"payment method updated: mandate {mandate} signed with {setup.channel}{old}"
        + ("; it renews again" if revived else ""),
        actor=setup.actor,
        event=None,
        **values,
    )
    event = record_event(sub.merchant_id, "subscription.updated", subscription_object(sub), livemode=sub.livemode)
    return event.id, replaced


def _decide(setup_id: str, status: str, reason: str) -> None:
    """End a pending setup without a mandate (``failed``); commits."""
    db.session.execute(
        update(MandateSetup)
        .where(MandateSetup.id == setup_id, MandateSetup.status == "pending")
        .values(status=status, failure_reason=reason[:500], decided_at=utcnow(), next_check_at=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def release_unused(setup: MandateSetup) -> bool:
    """Cancel at its provider the mandate an unused setup signed; True once done (or nothing is left to ask)."""
    setup_id = setup.id
    try:
        cancel_at_provider(setup.merchant_id, setup.channel, setup.mandate_reference)
    except ProviderUnavailable as exc:
        log.warning("unused mandate not canceled yet: %s", exc, extra={"fields": {"mandate_setup_id": setup_id}})
        db.session.rollback()
        return False
    db.session.execute(
        update(MandateSetup)
        .where(MandateSetup.id == setup_id, MandateSetup.released_at.is_(None))
        .values(released_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return True


def check_mandate_setups(now: datetime | None = None, *, batch: int = 200) -> int:
    """Sweep: ask the provider about pending setups whose callback has not come, and cancel the mandates unused
    setups signed; returns how many were looked at. Safe to run anywhere, any number of times."""
    now = now or utcnow()
    due = list(
        db.session.scalars(
            select(MandateSetup)
            .where(MandateSetup.status == "pending", MandateSetup.next_check_at <= now)
            .order_by(MandateSetup.next_check_at)
            .limit(batch)
        )
    )
    for setup in due:
        # Asked again in a while unless decided now; a day on, only its callback or the subscriber's return can.
        # Claimed by the check time it was read with: a sweep running at the same moment skips it.
        later = now + CHECK_EVERY if setup.created_at > now - CHECK_FOR else None
        claimed = db.session.execute(
            update(MandateSetup)
            .where(
                MandateSetup.id == setup.id,
                MandateSetup.status == "pending",
                MandateSetup.next_check_at == setup.next_check_at,
            )
            .values(next_check_at=later)
            .execution_options(synchronize_session=False)
        ).rowcount
        db.session.commit()
        if claimed != 1:
            continue
        try:
            refresh_setup(setup)
        except Exception:  # one broken setup must not stop the others; it is due again later
            db.session.rollback()
            log.exception("mandate setup check failed", extra={"fields": {"mandate_setup_id": setup.id}})
    unused = list(
        db.session.scalars(
            select(MandateSetup).where(MandateSetup.status == "unused", MandateSetup.released_at.is_(None)).limit(batch)
        )
    )
    for setup in unused:
        try:
            release_unused(setup)
        except Exception:  # as above: the rest are released, this one is tried again next run
            db.session.rollback()
            log.exception("unused mandate not released", extra={"fields": {"mandate_setup_id": setup.id}})
    return len(due) + len(unused)
