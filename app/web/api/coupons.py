"""Coupon routes (secret key only): create one or a generated batch, list, read, change, deactivate, and a coupon's
uses. Coupons belong to the merchant (both modes price with them); uses are counted per mode, so a test key sees
test orders' uses."""

from __future__ import annotations

from flask import jsonify

from app.catalog.coupon_listing import page_coupons
from app.catalog.coupon_models import Coupon, CouponRedemption
from app.catalog.coupons import (
    create_coupon,
    deactivate_coupon,
    generate_coupons,
    get_coupon,
    list_redemptions,
    update_coupon,
)
from app.payments.channels.registry import channel_codes
from app.platform.db.types import utcnow
from app.platform.values.times import iso_time
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.coupons import (
    Coupon as CouponAnswer,
)
from app.web.api.models.coupons import (
    CouponGenerateInput,
    CouponInput,
    CouponList,
    CouponListQuery,
    CouponRedemptionList,
    CouponUpdate,
    RedemptionListQuery,
)
from app.web.api.operation import operation

_ID = {"coupon_id": "the coupon's id (cpn_…)"}
_NOT_FOUND = "resource_missing: no such coupon (another merchant's id is not found either)"
_IDEMPOTENCY = (
    "idempotency_key_reused: the Idempotency-Key was used with a different request; "
    "idempotency_request_in_progress: a request with this Idempotency-Key is still running"
)
_TERMS_REFUSED = (
    "parameter_invalid: a term to fix (param names it: a kind's missing amount, a currency, tiers, channels, "
    "duration_in_periods, valid_until before valid_from, …); coupon_invalid: a malformed code"
)


def coupon_json(coupon: Coupon, livemode: bool) -> dict:
    """A coupon as the API shows it, its uses and state those of ``livemode``'s orders."""
    return {
        "id": coupon.id,
        "object": "coupon",
        "code": coupon.code,
        "kind": coupon.kind,
        "description": coupon.description,
        "currency": coupon.currency,
        "amount_off": coupon.amount_off,
        "percent_bps": coupon.percent_bps,
        "max_discount": coupon.max_discount,
        "min_subtotal": coupon.min_subtotal,
        "tiers": coupon.tiers,
        "product_ids": coupon.product_ids or [],
        "sku_ids": coupon.sku_ids or [],
        "channels": coupon.channels or [],
        "automatic": coupon.automatic,
        "duration": coupon.duration,
        "duration_in_periods": coupon.duration_in_periods,
        "valid_from": iso_time(coupon.valid_from),
        "valid_until": iso_time(coupon.valid_until),
        "max_redemptions": coupon.max_redemptions,
        "max_per_customer": coupon.max_per_customer,
        "times_redeemed": coupon.redeemed_in(livemode),
        "active": coupon.active,
        "state": coupon.state_in(livemode, utcnow()),
        "created_at": iso_time(coupon.created_at),
    }


def redemption_json(redemption: CouponRedemption) -> dict:
    return {
        "id": redemption.id,
        "object": "coupon_redemption",
        "coupon": redemption.coupon_id,
        "order": redemption.order_id,
        "customer": redemption.customer_id,
        "amount": {"amount": redemption.amount, "currency": redemption.currency},
        "status": redemption.status,
        "created_at": iso_time(redemption.created_at),
        "released_at": iso_time(redemption.released_at),
    }


def _terms(body: CouponInput | CouponGenerateInput) -> dict:
    return body.model_dump(exclude={"count", "prefix"}, exclude_none=True)


@bp.post("/coupons")
@requires_key(secret=True)
@idempotent
@api_audited("coupon.create", Coupon)
@operation(
    "Create a coupon",
    description="A code shoppers type (or, with automatic: true, a promotion applied without one). Amounts are "
    "minor units of its currency.",
    body=CouponInput,
    answers={201: CouponAnswer},
    errors={400: _TERMS_REFUSED, 409: "coupon_code_taken: the merchant has a coupon with this code; " + _IDEMPOTENCY},
)
def coupons_create(body: CouponInput):
    coupon = create_coupon(caller().merchant_id, _terms(body), known_channels=channel_codes())
    return jsonify(coupon_json(coupon, caller().livemode)), 201


@bp.post("/coupons/generate")
@requires_key(secret=True)
@idempotent
@api_audited("coupon.generate", Coupon)
@operation(
    "Generate a batch of coupons with random codes",
    description="count coupons with the same terms and codes PREFIX-XXXXXXXX (8 characters without 0/O or 1/I), "
    "all in the answer.",
    body=CouponGenerateInput,
    answers={201: CouponList},
    errors={
        400: _TERMS_REFUSED + "; an automatic promotion cannot be generated as a batch",
        409: "coupon_code_taken: a generated code collided with an existing one, generate again; " + _IDEMPOTENCY,
    },
)
def coupons_generate(body: CouponGenerateInput):
    batch = generate_coupons(
        caller().merchant_id, _terms(body), count=body.count, prefix=body.prefix, known_channels=channel_codes()
    )
    livemode = caller().livemode
    return jsonify({"object": "list", "data": [coupon_json(c, livemode) for c in batch], "has_more": False}), 201


@bp.get("/coupons")
@requires_key(secret=True)
@operation(
    "List coupons, newest first",
    description="Filter by active (true/false) and by part of the code (case-insensitive).",
    query=CouponListQuery,
    answers={200: CouponList},
)
def coupons_index(query: CouponListQuery):
    active = None if query.active is None else query.active == "true"
    rows, has_more = page_coupons(
        caller().merchant_id, limit=query.limit, starting_after=query.starting_after, active=active, code=query.code
    )
    livemode = caller().livemode
    return jsonify({"object": "list", "data": [coupon_json(c, livemode) for c in rows], "has_more": has_more})


@bp.get("/coupons/<coupon_id>")
@requires_key(secret=True)
@operation("Retrieve a coupon", answers={200: CouponAnswer}, errors={404: _NOT_FOUND}, path=_ID)
def coupons_show(coupon_id: str):
    return jsonify(coupon_json(_coupon_of_caller(coupon_id), caller().livemode))


@bp.post("/coupons/<coupon_id>")
@requires_key(secret=True)
@idempotent
@api_audited("coupon.update", Coupon, "coupon_id")
@operation(
    "Change a coupon's description, validity window or limits",
    description="Only the fields sent change; null clears a limit or a date. The code and the discount stay: "
    "orders were priced with them.",
    body=CouponUpdate,
    answers={200: CouponAnswer},
    errors={
        400: "parameter_invalid: valid_until is not after valid_from, or max_redemptions is below the uses so far",
        404: _NOT_FOUND,
        409: _IDEMPOTENCY,
    },
    path=_ID,
)
def coupons_update(coupon_id: str, body: CouponUpdate):
    coupon = _coupon_of_caller(coupon_id)
    fields = {
        "description": coupon.description,
        "valid_from": coupon.valid_from,
        "valid_until": coupon.valid_until,
        "max_redemptions": coupon.max_redemptions,
        "max_per_customer": coupon.max_per_customer,
        **body.model_dump(exclude_unset=True),
    }
    return jsonify(coupon_json(update_coupon(caller().merchant_id, coupon_id, fields), caller().livemode))


@bp.post("/coupons/<coupon_id>/deactivate")
@requires_key(secret=True)
@idempotent
@api_audited("coupon.deactivate", Coupon, "coupon_id")
@operation(
    "Deactivate a coupon",
    description="It can no longer be used; orders already priced with it keep their discount, and subscriptions "
    "opened with it keep theirs. Deactivating it again changes nothing.",
    answers={200: CouponAnswer},
    errors={404: _NOT_FOUND, 409: _IDEMPOTENCY},
    path=_ID,
)
def coupons_deactivate(coupon_id: str):
    _coupon_of_caller(coupon_id)
    return jsonify(coupon_json(deactivate_coupon(caller().merchant_id, coupon_id), caller().livemode))


@bp.get("/coupons/<coupon_id>/redemptions")
@requires_key(secret=True)
@operation(
    "List a coupon's uses, newest first",
    description="The key's mode's orders that redeemed it; released: the order closed unpaid and gave its use back.",
    query=RedemptionListQuery,
    answers={200: CouponRedemptionList},
    errors={404: _NOT_FOUND},
    path=_ID,
)
def coupons_redemptions(coupon_id: str, query: RedemptionListQuery):
    _coupon_of_caller(coupon_id)
    rows, has_more = list_redemptions(
        caller().merchant_id,
        coupon_id,
        livemode=caller().livemode,
        limit=query.limit,
        starting_after=query.starting_after,
    )
    return jsonify({"object": "list", "data": [redemption_json(r) for r in rows], "has_more": has_more})


def _coupon_of_caller(coupon_id: str):
    """The coupon this key may see: the merchant's, and a personal coupon only of the key's own mode."""
    return get_coupon(caller().merchant_id, coupon_id, livemode=caller().livemode)
