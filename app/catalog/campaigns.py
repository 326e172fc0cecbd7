"""Campaigns: a merchant's rule that issues personal coupons (first order, any paid order, a subscription start)
within a window and a budget.

The budget is spent by one conditional UPDATE of the campaign's counters per coupon issued, so no number of
concurrent events issues past it; each issuance names its reason (the order, the subscription, or the customer for
a first order), unique per campaign, so a retried event never issues twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.catalog.campaign_models import RULES, Campaign, CampaignIssuance
from app.catalog.coupon_models import Coupon
from app.catalog.coupon_wallet import issue_personal_coupon, valid_days
from app.catalog.coupons import MAX_COUNT, get_coupon
from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.merchants.config_cache import cached
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.money import max_amount, max_amount_text, normalise_currency
from app.platform.values.pagination import newest_first
from app.platform.values.times import iso_time


@dataclass(frozen=True)
class CampaignTerms:
    """What a merchant asks for when creating a campaign (validated by ``create_campaign``)."""

    name: str
    rule: str
    template_coupon_id: str
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    max_issued: int | None = None
    max_discount_total: int | None = None
    min_amount: int | None = None
    min_amount_currency: str | None = None
    coupon_valid_days: int | None = None


def most_off(coupon: Coupon) -> int | None:
    """The most one use of ``coupon`` can take off, in its currency; None when its terms set no bound."""
    if coupon.kind in ("amount_off", "spend_and_save"):
        return coupon.amount_off
    if coupon.kind == "percent_off":
        return coupon.max_discount
    return None


def _whole(value: int | None, name: str, *, maximum: int) -> int | None:
    if value is not None and (type(value) is not int or not 1 <= value <= maximum):
        raise InvalidRequest(f"{name} must be a whole number between 1 and {maximum}", param=name)
    return value


def create_campaign(merchant_id: str, terms: CampaignTerms, *, livemode: bool) -> Campaign:
    """Start a campaign that issues coupons with the terms of the merchant's coupon ``template_coupon_id``."""
    name = (terms.name or "").strip()
    if not name or len(name) > 120:
        raise InvalidRequest("name must be 1–120 characters", param="name")
    if terms.rule not in RULES:
        raise InvalidRequest(f"rule must be one of {', '.join(RULES)}", param="rule")
    try:
        template = get_coupon(merchant_id, terms.template_coupon_id)
    except NotFound:
        # As a path's unknown id: the object named does not exist (404), the request itself is well formed.
        raise NotFound(
            f"no coupon {terms.template_coupon_id!r} to use as the template", param="template_coupon"
        ) from None
    if template.customer_id is not None:
        raise InvalidRequest("a personal coupon cannot be a template: pick one anyone may use", param="template_coupon")
    now = utcnow()
    starts_at = terms.starts_at or now
    if terms.ends_at is not None and terms.ends_at <= starts_at:
        raise InvalidRequest("ends_at must be after starts_at", param="ends_at")
    max_issued = _whole(terms.max_issued, "max_issued", maximum=MAX_COUNT)
    max_discount_total = terms.max_discount_total
    if max_discount_total is not None:
        if most_off(template) is None or template.currency is None:
            raise InvalidRequest(
                "a discount budget needs a template whose discount has a ceiling in one currency (amount_off, "
                "spend_and_save, or percent_off with max_discount); use max_issued instead",
                param="max_discount_total",
            )
        _whole(max_discount_total, "max_discount_total", maximum=max_amount(template.currency))
    min_amount, min_currency = terms.min_amount, terms.min_amount_currency
    if min_amount is not None:
        if terms.rule != "paid_order":
            raise InvalidRequest("min_amount applies to the paid_order rule only", param="min_amount")
        try:
            min_currency = normalise_currency(min_currency or "")
        except ValueError:
            raise InvalidRequest(
                "min_amount needs its currency (a three-letter ISO code)", param="min_amount"
            ) from None
        if type(min_amount) is not int or not 1 <= min_amount <= max_amount(min_currency):
            raise InvalidRequest(
                f"min_amount in {min_currency.upper()} is between 1 and {max_amount_text(min_currency)}",
                param="min_amount",
            )
    campaign = Campaign(
        id=new_id("cmp"),
        merchant_id=merchant_id,
        livemode=livemode,
        name=name,
        rule=terms.rule,
        min_amount=min_amount,
        min_amount_currency=min_currency if min_amount is not None else None,
        template_coupon_id=template.id,
        coupon_valid_days=valid_days(terms.coupon_valid_days, param="coupon_valid_days"),
        starts_at=starts_at,
        ends_at=terms.ends_at,
        max_issued=max_issued,
        max_discount_total=max_discount_total,
        issued_count=0,
        discount_committed=0,
        status="active",
        created_at=now,
    )
    db.session.add(campaign)
    db.session.commit()
    return campaign


def get_campaign(merchant_id: str, campaign_id: str, *, livemode: bool) -> Campaign:
    """The merchant's campaign of that mode (another's, or the other mode's, is a 404)."""
    campaign = db.session.scalar(
        select(Campaign).where(
            Campaign.id == campaign_id, Campaign.merchant_id == merchant_id, Campaign.livemode.is_(livemode)
        )
    )
    if campaign is None:
        raise NotFound(f"no campaign {campaign_id!r}", param="id")
    return campaign


def list_campaigns(
    merchant_id: str, *, livemode: bool, limit: int = 20, starting_after: str | None = None
) -> tuple[list[Campaign], bool]:
    """A page of the merchant's campaigns of that mode, newest first."""
    return newest_first(
        select(Campaign).where(Campaign.merchant_id == merchant_id, Campaign.livemode.is_(livemode)),
        Campaign.id,
        limit=limit,
        starting_after=starting_after,
    )


def end_campaign(merchant_id: str, campaign_id: str, *, livemode: bool) -> Campaign:
    """Stop issuing now; coupons already issued stay valid. Ending it again answers the same."""
    campaign = get_campaign(merchant_id, campaign_id, livemode=livemode)
    db.session.execute(
        update(Campaign)
        .where(Campaign.id == campaign.id, Campaign.status == "active")
        .values(status="ended", ended_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    db.session.refresh(campaign)
    return campaign


def campaign_state(campaign: Campaign, now: datetime | None = None) -> str:
    """``ended`` (by hand or past its end), ``scheduled``, ``exhausted`` (budget spent) or ``running``."""
    now = now or utcnow()
    if campaign.status == "ended" or (campaign.ends_at is not None and now >= campaign.ends_at):
        return "ended"
    if now < campaign.starts_at:
        return "scheduled"
    if campaign.max_issued is not None and campaign.issued_count >= campaign.max_issued:
        return "exhausted"
    return "running"


def _active_kinds(session: Session, merchant_id: str) -> frozenset[tuple[bool, str]]:
    """(livemode, rule) of the merchant's active campaigns (a loader for ``cached``)."""
    rows = session.execute(
        select(Campaign.livemode, Campaign.rule)
        .where(Campaign.merchant_id == merchant_id, Campaign.status == "active")
        .distinct()
    )
    return frozenset((livemode, rule) for livemode, rule in rows)


def has_active_campaigns(merchant_id: str, *, livemode: bool, rules: tuple[str, ...]) -> bool:
    """Whether the merchant has an active campaign of that mode with one of ``rules``, from memory (the merchants'
    config cache): asked for every paid order, and a merchant without one costs no query."""
    kinds = cached(merchant_id, "catalog.campaign_kinds", _active_kinds)
    return any((livemode, rule) in kinds for rule in rules)


def running_campaigns(merchant_id: str, *, livemode: bool, rules: tuple[str, ...], at: datetime) -> list[Campaign]:
    """The merchant's campaigns of that mode with one of ``rules`` running at ``at`` (their budget aside)."""
    if not has_active_campaigns(merchant_id, livemode=livemode, rules=rules):
        return []
    return list(
        db.session.scalars(
            select(Campaign)
            .where(
                Campaign.merchant_id == merchant_id,
                Campaign.livemode.is_(livemode),
                Campaign.status == "active",
                Campaign.rule.in_(rules),
                Campaign.starts_at <= at,
                (Campaign.ends_at.is_(None)) | (Campaign.ends_at > at),
            )
            .order_by(Campaign.id)
        )
    )


class _NotIssued(Exception):
    """The campaign ended or its budget is spent: the savepoint is rolled back."""


def issue_from_campaign(
    campaign: Campaign, customer_id: str, *, reason_key: str, source_id: str | None, at: datetime
) -> Coupon | None:
    """Issue one coupon of ``campaign`` to ``customer_id`` for ``reason_key``, in the caller's transaction (inside a
    savepoint of its own); None when the campaign has ended, its budget is spent, or that reason already earned
    one."""
    template = db.session.get(Coupon, campaign.template_coupon_id)
    value = most_off(template) or 0
    try:
        with db.session.begin_nested():
            # The budget check and the spend are one statement, which also locks the row: concurrent issuers
            # queue here and each re-checks the counters another has just raised.
            spent = db.session.execute(
                update(Campaign)
                .where(
                    Campaign.id == campaign.id,
                    Campaign.status == "active",
                    Campaign.starts_at <= at,
                    (Campaign.ends_at.is_(None)) | (Campaign.ends_at > at),
                    (Campaign.max_issued.is_(None)) | (Campaign.issued_count < Campaign.max_issued),
                    (Campaign.max_discount_total.is_(None))
                    | (Campaign.discount_committed + value <= Campaign.max_discount_total),
                )
                .values(issued_count=Campaign.issued_count + 1, discount_committed=Campaign.discount_committed + value)
                .execution_options(synchronize_session=False)
            )
            if spent.rowcount != 1:
                raise _NotIssued
            coupon = issue_personal_coupon(
                template, customer_id, livemode=campaign.livemode, days=campaign.coupon_valid_days
            )
            db.session.flush()  # the coupon row first: the issuance refers to it
            db.session.add(
                CampaignIssuance(
                    id=new_id("iss"),
                    merchant_id=campaign.merchant_id,
                    campaign_id=campaign.id,
                    coupon_id=coupon.id,
                    customer_id=customer_id,
                    reason_key=reason_key[:250],
                    source_id=source_id,
                    created_at=utcnow(),
                )
            )
            db.session.flush()
    except (_NotIssued, IntegrityError):
        return None
    return coupon


def issuances(
    merchant_id: str, campaign_id: str, *, limit: int = 20, starting_after: str | None = None
) -> tuple[list[CampaignIssuance], bool]:
    """A page of the coupons a campaign issued, newest first."""
    return newest_first(
        select(CampaignIssuance).where(
            CampaignIssuance.merchant_id == merchant_id, CampaignIssuance.campaign_id == campaign_id
        ),
        CampaignIssuance.id,
        limit=limit,
        starting_after=starting_after,
    )


def campaign_json(campaign: Campaign, template: Coupon | None = None) -> dict:
    """A campaign as the API shows it."""
    template = template or db.session.get(Coupon, campaign.template_coupon_id)
    return {
        "id": campaign.id,
        "object": "campaign",
        "livemode": campaign.livemode,
        "name": campaign.name,
        "rule": campaign.rule,
        "min_amount": {"amount": campaign.min_amount, "currency": campaign.min_amount_currency}
        if campaign.min_amount is not None
        else None,
        "template_coupon": campaign.template_coupon_id,
        "coupon_valid_days": campaign.coupon_valid_days,
        "starts_at": iso_time(campaign.starts_at),
        "ends_at": iso_time(campaign.ends_at),
        "status": campaign_state(campaign),
        "ended_at": iso_time(campaign.ended_at),
        "budget": {
            "max_issued": campaign.max_issued,
            "max_discount_total": campaign.max_discount_total,
            "currency": template.currency if campaign.max_discount_total is not None else None,
        },
        "issued_count": campaign.issued_count,
        "discount_committed": campaign.discount_committed,
        "created_at": iso_time(campaign.created_at),
    }
