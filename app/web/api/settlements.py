"""Partners, settlements and their payouts (secret key only; API.md "Balance, clearing, settlements")."""

from __future__ import annotations

from datetime import datetime

from flask import Response, jsonify, request, stream_with_context

from app.audit.services import audited
from app.errors import InvalidRequest
from app.ledger import partners
from app.ledger.books_models import Partner, Payout, Settlement
from app.ledger.settlement.services import settlement_json
from app.ledger.settlement.statements import (
    get_settlement,
    line_json,
    list_settlements,
    settlement_lines,
    statement_csv,
)
from app.payments.payouts.services import payout_for_settlement, payout_json, retry_payout
from app.payments.payouts.settling import settle_due
from app.platform.db.snapshot import reads_one_snapshot
from app.platform.values.pagination import row_cursor
from app.platform.values.times import request_time
from app.web.api import bp
from app.web.api.audit import api_actor, api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import cursor_param, json_body, limit_param


def _partner_snapshot(merchant_id: str, partner_id: str, livemode: bool):
    return lambda: partners.partner_json(partners.get_partner(merchant_id, partner_id), livemode=livemode)


@bp.post("/partners")
@requires_key(secret=True)
@idempotent
@api_audited("partner.create", Partner)
def partners_create():
    who = caller()
    partner = partners.create_partner(who.merchant_id, json_body(), livemode=who.livemode)
    return jsonify(partners.partner_json(partner, livemode=who.livemode)), 201


@bp.get("/partners")
@requires_key(secret=True)
def partners_index():
    who = caller()
    found = partners.list_partners(who.merchant_id)
    return jsonify(
        {"object": "list", "data": [partners.partner_json(p, livemode=who.livemode) for p in found], "has_more": False}
    )


@bp.get("/partners/<partner_id>")
@requires_key(secret=True)
def partners_show(partner_id: str):
    who = caller()
    return jsonify(partners.partner_json(partners.get_partner(who.merchant_id, partner_id), livemode=who.livemode))


@bp.patch("/partners/<partner_id>")
@requires_key(secret=True)
def partners_update(partner_id: str):
    who = caller()
    partners.get_partner(who.merchant_id, partner_id)  # 404 before anything is recorded
    with audited(
        api_actor(),
        "partner.update",
        Partner,
        partner_id,
        snapshot=_partner_snapshot(who.merchant_id, partner_id, who.livemode),
    ):
        partner = partners.update_partner(who.merchant_id, partner_id, json_body(), livemode=who.livemode)
    return jsonify(partners.partner_json(partner, livemode=who.livemode))


def settlement_with_payout(settlement: Settlement) -> dict:
    payout: Payout | None = payout_for_settlement(settlement.id)
    return settlement_json(settlement) | {"payout": payout_json(payout) if payout else None}


@bp.get("/settlements")
@reads_one_snapshot
@requires_key(secret=True)
def settlements_index():
    who = caller()
    found, has_more = list_settlements(
        who.merchant_id,
        livemode=who.livemode,
        partner=request.args.get("partner"),
        status=request.args.get("status"),
        limit=limit_param(),
        starting_after=cursor_param("stl"),
    )
    return jsonify({"object": "list", "data": [settlement_with_payout(s) for s in found], "has_more": has_more})


@bp.get("/settlements/<settlement_id>")
@reads_one_snapshot  # a settlement and its payout: two statements
@requires_key(secret=True)
def settlements_show(settlement_id: str):
    who = caller()
    return jsonify(settlement_with_payout(get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)))


@bp.get("/settlements/<settlement_id>/lines")
@requires_key(secret=True)
def settlements_lines(settlement_id: str):
    who = caller()
    settlement = get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)
    after = request.args.get("starting_after")
    if after is not None and row_cursor(after) is None:
        raise InvalidRequest("starting_after is the id of the last line you have", param="starting_after")
    lines, has_more = settlement_lines(settlement, limit=limit_param(maximum=1000), starting_after=row_cursor(after))
    return jsonify({"object": "list", "data": [line_json(line) for line in lines], "has_more": has_more})


@bp.get("/settlements/<settlement_id>/statement.csv")
@requires_key(secret=True)
def settlements_statement(settlement_id: str):
    who = caller()
    settlement = get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)
    name = partners.display_name(partners.get_partner(who.merchant_id, settlement.partner_id))
    return Response(
        stream_with_context(statement_csv(settlement, name)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="settlement-{settlement.id}.csv"'},
    )


def _until(value: object) -> datetime | None:
    if value is None:
        return None
    return request_time(value, "until")


@bp.post("/settlements/run")
@requires_key(secret=True)
@idempotent
def settlements_run():
    """Test keys: cut every settlement due now (or up to ``until``), without waiting for the cycle."""
    who = caller()
    if who.livemode:
        raise InvalidRequest("settlements run by themselves in live mode; this is for test keys", code="test_mode_only")
    return jsonify(
        {
            "object": "settlement_run",
            "settlements": settle_due(
                merchant_id=who.merchant_id, livemode=False, until=_until(json_body().get("until"))
            ),
        }
    ), 202


@bp.post("/settlements/<settlement_id>/retry_payout")
@requires_key(secret=True)
@idempotent
def settlements_retry_payout(settlement_id: str):
    """Send a settlement's failed payout again (after the partner's payout account was fixed)."""
    who = caller()
    settlement = get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)
    payout = payout_for_settlement(settlement.id)
    if payout is None:
        raise InvalidRequest("this settlement has no payout to send (nothing to pay)", code="payout_state_invalid")
    with audited(api_actor(), "settlement.retry_payout", Payout, payout.id):
        retry_payout(who.merchant_id, payout.id)
    return jsonify(settlement_with_payout(get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)))
