"""A partner's onboarding with the merchant's payout rail, where the rail pays out to connected accounts (Stripe
Connect): Kassa opens the partner's connected account, hands out the provider's hosted onboarding link, and once
the provider says the account can take transfers it becomes the partner's payout account for that mode (settlements
waiting for an account are then paid). The partner's status is ``onboarding`` until then, ``ready`` after."""

from __future__ import annotations

from sqlalchemy import select, update

from app.errors import InvalidRequest
from app.extensions import db
from app.ledger.books_models import Partner, mode_column
from app.ledger.partners import display_name, get_partner, update_partner
from app.payments.channels.registry import adapter_for
from app.payments.payouts.rail import payout_channel_of
from app.platform.observability import logs

log = logs.get("payments.onboarding")

NOT_STARTED = "not_started"


def _onboarding_adapter(merchant_id: str):
    """The merchant's payout rail when it onboards partners, else None."""
    adapter = adapter_for(payout_channel_of(merchant_id), merchant_id)
    if adapter is None or not hasattr(adapter, "onboarding_link"):
        return None
    return adapter


def start_onboarding(merchant_id: str, partner_id: str, *, livemode: bool, refresh_url: str, return_url: str) -> str:
    """The provider's onboarding URL for the partner, opening its connected account first if it has none in this
    mode; 400 when the merchant's payout rail does not onboard partners or its keys are of the other mode."""
    partner = get_partner(merchant_id, partner_id)
    adapter = _onboarding_adapter(merchant_id)
    if adapter is None:
        raise InvalidRequest(
            "the payout channel chosen in Settings → Payouts does not onboard partners", param="payout_channel"
        )
    if getattr(adapter, "livemode", livemode) is not livemode:
        raise InvalidRequest(
            f"the payout channel's keys are {'test' if livemode else 'live'} keys: they cannot onboard a "
            f"{'live' if livemode else 'test'} partner",
            param="payout_channel",
        )
    account = partner.connect_account_in(livemode)
    name = display_name(partner)
    db.session.rollback()  # no transaction is held open while the provider is called
    if not account:
        key = f"{merchant_id}-{partner.id}-{'live' if livemode else 'test'}"
        account = adapter.create_connected_account(key=key, name=name)
        # Only the first account is kept: a second click that raced this one leaves the row as the first one set it.
        column = getattr(Partner, mode_column("connect_account", livemode))
        db.session.execute(
            update(Partner)
            .where(Partner.merchant_id == merchant_id, Partner.id == partner.id, column.is_(None))
            .values({column: account})
        )
        db.session.commit()
        account = get_partner(merchant_id, partner.id).connect_account_in(livemode)
        db.session.rollback()
        log.info("connected account opened", extra={"fields": {"merchant_id": merchant_id, "partner_id": partner.id}})
    return adapter.onboarding_link(account, refresh_url=refresh_url, return_url=return_url)


def connected_account_updated(merchant_id: str, account: str, status: str) -> list[str]:
    """Stripe's word that a connected account moved on: a ready one becomes the payout account of the merchant's
    partner onboarding with it, in that mode (its waiting settlements go out); returns those partners' ids."""
    if status != "ready":
        return []
    found = db.session.execute(
        select(Partner.id, Partner.connect_account == account)
        .where(Partner.merchant_id == merchant_id)
        .where((Partner.connect_account == account) | (Partner.test_connect_account == account))
    ).all()
    db.session.rollback()
    for partner_id, live in found:
        if get_partner(merchant_id, partner_id).payout_account_in(bool(live)) != account:
            update_partner(merchant_id, partner_id, {"payout_account": account}, livemode=bool(live))
        else:
            db.session.rollback()
    return [partner_id for partner_id, _ in found]


def onboarding_status(merchant_id: str, partner_id: str, *, livemode: bool) -> str | None:
    """``ready``, ``onboarding`` or ``not_started`` as the provider has the partner's connected account now (None
    when the payout rail does not onboard partners). A ready account becomes the partner's payout account."""
    adapter = _onboarding_adapter(merchant_id)
    if adapter is None:
        return None
    partner = get_partner(merchant_id, partner_id)
    account = partner.connect_account_in(livemode)
    if not account:
        return NOT_STARTED
    if partner.payout_account_in(livemode) == account:
        return "ready"
    db.session.rollback()
    status = adapter.connected_account_status(account)
    if status == "ready":
        update_partner(merchant_id, partner_id, {"payout_account": account}, livemode=livemode)
    return status
