"""Campaign routes (secret key): create, list, read and end campaigns that issue personal coupons; issue a coupon to
a customer and read their wallet; and the wallet of an order's customer for the shopper's checkout (publishable key
with the order's client_secret)."""

from __future__ import annotations

from flask import jsonify

from app.catalog import campaigns as campaign_services
from app.catalog.campaign_models import Campaign
from app.catalog.campaigns import CampaignTerms, campaign_json
from app.catalog.coupon_models import Coupon
from app.catalog.coupon_wallet import give_coupon, personal_coupon_json, wallet
from app.orders.customers import is_authenticated, parse_customer_id
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.campaigns import Campaign as CampaignAnswer
from app.web.api.models.campaigns import (
    CampaignInput,
    CampaignList,
    CampaignListQuery,
    PersonalCouponInput,
    PersonalCouponList,
)
from app.web.api.models.campaigns import PersonalCoupon as PersonalCouponAnswer
from app.web.api.models.orders import ClientSecretQuery
from app.web.api.operation import operation
from app.web.api.orders import order_of_caller

_ID = {"id": "the campaign's id (cmp_…)"}
_MISSING = "resource_missing: no such campaign (of this key's mode)"
_CUSTOMER = {"id": "the customer's id (the merchant's own reference)"}
_IDEMPOTENCY = "idempotency_key_reused, idempotency_request_in_progress: see Idempotency"


def _wallet_json(coupons: list[Coupon]) -> dict:
    return {"object": "list", "data": [personal_coupon_json(c) for c in coupons], "has_more": False}


@bp.post("/campaigns")
@requires_key(secret=True)
@idempotent
@api_audited("campaign.create", Campaign)
@operation(
    "Create a campaign that issues personal coupons",
    description="Each time its rule fires for a customer the merchant's server named, while the campaign runs and "
    "its budget lasts, that customer gets a single-use coupon with the template's terms in their wallet (GET "
    "/customers/{id}/coupons). Each order or subscription earns at most one coupon per campaign; first_order at "
    "most one per customer.",
    body=CampaignInput,
    answers={201: CampaignAnswer},
    errors={
        400: "parameter_invalid: a field to fix (param names it: ends_at before starts_at, a discount budget on a "
        "template without a ceiling, min_amount on a rule other than paid_order)",
        404: "resource_missing: no such template_coupon",
        409: _IDEMPOTENCY,
    },
)
def campaigns_create(body: CampaignInput):
    who = caller()
    terms = CampaignTerms(
        name=body.name,
        rule=body.rule,
        template_coupon_id=body.template_coupon,
        starts_at=body.starts_at,
        ends_at=body.ends_at,
        max_issued=body.max_issued,
        max_discount_total=body.max_discount_total,
        min_amount=body.min_amount.amount if body.min_amount else None,
        min_amount_currency=body.min_amount.currency if body.min_amount else None,
        coupon_valid_days=body.coupon_valid_days,
    )
    campaign = campaign_services.create_campaign(who.merchant_id, terms, livemode=who.livemode)
    return jsonify(campaign_json(campaign)), 201


@bp.get("/campaigns")
@requires_key(secret=True)
@operation("List campaigns of this key's mode, newest first", query=CampaignListQuery, answers={200: CampaignList})
def campaigns_index(query: CampaignListQuery):
    who = caller()
    found, has_more = campaign_services.list_campaigns(
        who.merchant_id, livemode=who.livemode, limit=query.limit, starting_after=query.starting_after
    )
    return jsonify({"object": "list", "data": [campaign_json(c) for c in found], "has_more": has_more})


@bp.get("/campaigns/<campaign_id>")
@requires_key(secret=True)
@operation("Retrieve a campaign", path=_ID, answers={200: CampaignAnswer}, errors={404: _MISSING})
def campaigns_show(campaign_id: str):
    who = caller()
    return jsonify(campaign_json(campaign_services.get_campaign(who.merchant_id, campaign_id, livemode=who.livemode)))


@bp.post("/campaigns/<campaign_id>/end")
@requires_key(secret=True)
@idempotent
@api_audited("campaign.end", Campaign, "campaign_id")
@operation(
    "End a campaign now",
    description="It issues no more coupons; those already issued stay valid. Ending it again answers the same.",
    path=_ID,
    answers={200: CampaignAnswer},
    errors={404: _MISSING, 409: _IDEMPOTENCY},
)
def campaigns_end(campaign_id: str):
    who = caller()
    return jsonify(campaign_json(campaign_services.end_campaign(who.merchant_id, campaign_id, livemode=who.livemode)))


@bp.post("/customers/<customer_id>/coupons")
@requires_key(secret=True)
@idempotent
@api_audited("coupon.issue", Coupon)
@operation(
    "Issue a personal coupon to a customer",
    description="A new single-use code with the terms of the coupon given, bound to this customer id and this key's "
    "mode: another customer's order using it gets 403 coupon_not_yours.",
    body=PersonalCouponInput,
    answers={201: PersonalCouponAnswer},
    errors={
        400: "parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 "
        "characters; coupon: a personal coupon cannot be a template)",
        404: "resource_missing: no such coupon to issue from",
        409: _IDEMPOTENCY,
    },
    path=_CUSTOMER,
)
def customers_coupons_create(customer_id: str, body: PersonalCouponInput):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    coupon = give_coupon(who.merchant_id, customer_id, body.coupon, livemode=who.livemode, days=body.valid_days)
    return jsonify(personal_coupon_json(coupon)), 201


@bp.get("/customers/<customer_id>/coupons")
@requires_key(secret=True)
@operation(
    "A customer's coupon wallet: their personal coupons they can use now",
    description="Unused, started and not expired, of this key's mode; soonest to expire first (at most 100).",
    answers={200: PersonalCouponList},
    errors={400: "parameter_invalid: id: the customer id is blank or over 200 characters"},
    path=_CUSTOMER,
)
def customers_coupons_index(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    return jsonify(_wallet_json(wallet(who.merchant_id, customer_id, livemode=who.livemode)))


@bp.get("/orders/<order_id>/coupons")
@requires_key(secret=False)
@operation(
    "The coupon wallet of an order's customer, to apply one at checkout",
    description="Publishable key with the order's client_secret (or secret key). Only a customer the merchant's "
    "server named (a checkout session or a secret key) has a wallet: for a guest or a browser-claimed id the list "
    "is empty.",
    query=ClientSecretQuery,
    path={"id": "the order's id (ord_…)"},
    answers={200: PersonalCouponList},
    errors={
        404: "resource_missing: no such order (of this key's mode), or a publishable key without the order's "
        "client_secret"
    },
)
def orders_coupons_index(order_id: str, query: ClientSecretQuery):
    order = order_of_caller(order_id, query.client_secret)
    if not is_authenticated(order.customer_source):
        return jsonify(_wallet_json([]))
    return jsonify(_wallet_json(wallet(order.merchant_id, order.customer_id, livemode=order.livemode)))
