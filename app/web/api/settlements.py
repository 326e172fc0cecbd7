"""Partners, settlements and their payouts (secret key only; API.md "Balance, clearing, settlements")."""

from __future__ import annotations

from flask import Response, jsonify, stream_with_context

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
from app.merchants.business_lines import has_lines
from app.payments.payouts.services import payout_for_settlement, payout_json, retry_payout
from app.payments.payouts.settling import settle_due
from app.payments.reports.settlement_lines import settlement_by_line
from app.platform.db.snapshot import reads_one_snapshot
from app.web.api import bp
from app.web.api.audit import api_actor, api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.settlements import (
    Partner as PartnerAnswer,
)
from app.web.api.models.settlements import (
    PartnerInput,
    PartnerList,
    PartnerPatch,
    SettlementLineList,
    SettlementLineQuery,
    SettlementList,
    SettlementListQuery,
    SettlementRun,
    SettlementRunInput,
)
from app.web.api.models.settlements import (
    Settlement as SettlementAnswer,
)
from app.web.api.operation import operation

_PARTNER = {"id": "the partner's id (ptn_…, or self for the merchant)"}
_SETTLEMENT = {"id": "the settlement's id (stl_…)"}
_NO_PARTNER = "resource_missing: no such partner"
_NO_SETTLEMENT = "resource_missing: no such settlement (of the key's mode)"


def _partner_snapshot(merchant_id: str, partner_id: str, livemode: bool):
    return lambda: partners.partner_json(partners.get_partner(merchant_id, partner_id), livemode=livemode)


@bp.post("/partners")
@requires_key(secret=True)
@idempotent
@api_audited("partner.create", Partner)
@operation(
    "Add a partner the merchant shares revenue with (secret key)",
    body=PartnerInput,
    answers={201: PartnerAnswer},
    errors={
        400: "parameter_invalid: a field to fix (param names it); 1000 partners already added in the key's mode "
        "(param name)"
    },
)
def partners_create(body: PartnerInput):
    who = caller()
    partner = partners.create_partner(who.merchant_id, body.model_dump(exclude_unset=True), livemode=who.livemode)
    return jsonify(partners.partner_json(partner, livemode=who.livemode)), 201


@bp.get("/partners")
@requires_key(secret=True)
@operation("List partners, self first (secret key)", answers={200: PartnerList})
def partners_index():
    who = caller()
    found = partners.list_partners(who.merchant_id)
    return jsonify(
        {"object": "list", "data": [partners.partner_json(p, livemode=who.livemode) for p in found], "has_more": False}
    )


@bp.get("/partners/<partner_id>")
@requires_key(secret=True)
@operation(
    "Retrieve a partner (self: the merchant)",
    answers={200: PartnerAnswer},
    errors={404: _NO_PARTNER},
    path=_PARTNER,
)
def partners_show(partner_id: str):
    who = caller()
    return jsonify(partners.partner_json(partners.get_partner(who.merchant_id, partner_id), livemode=who.livemode))


@bp.patch("/partners/<partner_id>")
@requires_key(secret=True)
@operation(
    "Change a partner's name, payout account, cycle or reserve",
    body=PartnerPatch,
    answers={200: PartnerAnswer},
    errors={404: _NO_PARTNER},
    path=_PARTNER,
)
def partners_update(partner_id: str, body: PartnerPatch):
    who = caller()
    partners.get_partner(who.merchant_id, partner_id)  # 404 before anything is recorded
    with audited(
        api_actor(),
        "partner.update",
        Partner,
        partner_id,
        snapshot=_partner_snapshot(who.merchant_id, partner_id, who.livemode),
    ):
        partner = partners.update_partner(
            who.merchant_id, partner_id, body.model_dump(exclude_unset=True), livemode=who.livemode
        )
    return jsonify(partners.partner_json(partner, livemode=who.livemode))


def settlement_with_payout(settlement: Settlement) -> dict:
    payout: Payout | None = payout_for_settlement(settlement.id)
    return settlement_json(settlement) | {"payout": payout_json(payout) if payout else None}


@bp.get("/settlements")
@reads_one_snapshot
@requires_key(secret=True)
@operation(
    "List settlements of this key's mode, newest first", query=SettlementListQuery, answers={200: SettlementList}
)
def settlements_index(query: SettlementListQuery):
    who = caller()
    found, has_more = list_settlements(
        who.merchant_id,
        livemode=who.livemode,
        partner=query.partner,
        status=query.status,
        limit=query.limit,
        starting_after=query.starting_after,
    )
    return jsonify({"object": "list", "data": [settlement_with_payout(s) for s in found], "has_more": has_more})


@bp.get("/settlements/<settlement_id>")
@reads_one_snapshot  # a settlement and its payout: two statements
@requires_key(secret=True)
@operation(
    "Retrieve a settlement with its payout",
    answers={200: SettlementAnswer},
    errors={404: _NO_SETTLEMENT},
    path=_SETTLEMENT,
)
def settlements_show(settlement_id: str):
    who = caller()
    settlement = get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)
    answer = settlement_with_payout(settlement)
    if has_lines(who.merchant_id):  # a merchant without lines sees the settlement as before
        answer["business_lines"] = [part.to_json() for part in settlement_by_line(settlement)]
    return jsonify(answer)


@bp.get("/settlements/<settlement_id>/lines")
@requires_key(secret=True)
@operation(
    "A settlement's lines in posting order (starting_after: the id of the last line you have)",
    query=SettlementLineQuery,
    answers={200: SettlementLineList},
    errors={404: _NO_SETTLEMENT},
    path=_SETTLEMENT,
)
def settlements_lines(settlement_id: str, query: SettlementLineQuery):
    who = caller()
    settlement = get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)
    lines, has_more = settlement_lines(settlement, limit=query.limit, starting_after=query.starting_after)
    return jsonify({"object": "list", "data": [line_json(line) for line in lines], "has_more": has_more})


@bp.get("/settlements/<settlement_id>/statement.csv")
@requires_key(secret=True)
@operation(
    "The settlement statement as CSV: a summary, then every line",
    raw_answers={200: ("text/csv", {"type": "string"}, "CSV")},
    errors={404: _NO_SETTLEMENT},
    path=_SETTLEMENT,
)
def settlements_statement(settlement_id: str):
    who = caller()
    settlement = get_settlement(who.merchant_id, settlement_id, livemode=who.livemode)
    name = partners.display_name(partners.get_partner(who.merchant_id, settlement.partner_id))
    return Response(
        stream_with_context(statement_csv(settlement, name)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="settlement-{settlement.id}.csv"'},
    )


@bp.post("/settlements/run")
@requires_key(secret=True)
@idempotent
@operation(
    "Test keys: cut every settlement due now (or up to until) and send the payouts",
    body=SettlementRunInput,
    answers={202: SettlementRun},
    errors={
        400: "test_mode_only: a live key (live settlements run by themselves); parameter_invalid: until is not a "
        "time or more than 730 days from now"
    },
    # The body may be left out: every settlement due now.
    extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SettlementRunInput"}}},
        }
    },
)
def settlements_run(body: SettlementRunInput):
    """Test keys: cut every settlement due now (or up to ``until``), without waiting for the cycle."""
    who = caller()
    if who.livemode:
        raise InvalidRequest("settlements run by themselves in live mode; this is for test keys", code="test_mode_only")
    return jsonify(
        {
            "object": "settlement_run",
            "settlements": settle_due(merchant_id=who.merchant_id, livemode=False, until=body.until),
        }
    ), 202


@bp.post("/settlements/<settlement_id>/retry_payout")
@requires_key(secret=True)
@idempotent
@operation(
    "Send a settlement's failed payout again (after fixing the partner's payout account)",
    answers={200: SettlementAnswer},
    errors={
        400: "payout_state_invalid: the settlement has no payout (nothing to pay)",
        404: _NO_SETTLEMENT,
        409: "payout_state_invalid: the payout has not failed, or changed meanwhile (reload)",
    },
    path=_SETTLEMENT,
)
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
