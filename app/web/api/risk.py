"""Risk routes (secret key only): list entries (with CSV import and export), rules, and the review
decision on a held order. Lists and rules are the key's mode's: another mode's id is a 404."""

from __future__ import annotations

from flask import Response, jsonify, request

from app.errors import InvalidRequest
from app.orders.models import Order
from app.orders.recent_orders import RecentOrders
from app.payments.refunds.requests import request_refund
from app.payments.refunds.reviews import review_order
from app.risk import lists, rules
from app.risk.models import RiskListEntry, RiskRule
from app.risk.preview import preview_rule
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.orders import order_of_caller
from app.web.api.params import cursor_param, json_body, limit_param
from app.web.api.representations import order_json, risk_list_entry_json, risk_rule_json
from app.web.api.shopper_view import shopper_object

MAX_CSV_BYTES = 20 * 1024 * 1024


@bp.post("/risk/list_entries")
@requires_key(secret=True)
@idempotent
@api_audited("risk.list_entry_create", RiskListEntry)
def risk_list_entries_create():
    who = caller()
    return jsonify(risk_list_entry_json(lists.add_entry(who.merchant_id, json_body(), livemode=who.livemode))), 201


@bp.get("/risk/list_entries")
@requires_key(secret=True)
def risk_list_entries_index():
    who = caller()
    entries, has_more = lists.list_entries(
        who.merchant_id,
        livemode=who.livemode,
        kind=request.args.get("kind"),
        value=request.args.get("value"),
        limit=limit_param(),
        starting_after=cursor_param("rle"),
    )
    return jsonify({"object": "list", "data": [risk_list_entry_json(e) for e in entries], "has_more": has_more})


@bp.delete("/risk/list_entries/<entry_id>")
@requires_key(secret=True)
@api_audited("risk.list_entry_delete", RiskListEntry, "entry_id")
def risk_list_entries_delete(entry_id: str):
    who = caller()
    lists.delete_entry(who.merchant_id, entry_id, livemode=who.livemode)
    return jsonify({"id": entry_id, "object": "risk_list_entry", "deleted": True})


@bp.post("/risk/list_entries/import")
@requires_key(secret=True)
def risk_list_entries_import():
    if request.mimetype != "text/csv":
        raise InvalidRequest(
            "send the list as Content-Type: text/csv, one kind,value,action[,expires_at][,note] per line",
            code="invalid_csv",
        )
    raw = request.get_data()
    if len(raw) > MAX_CSV_BYTES:
        raise InvalidRequest(f"a list import is at most {MAX_CSV_BYTES // 1024 // 1024} MB", code="invalid_csv")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidRequest("the CSV must be UTF-8 text", code="invalid_csv") from None
    who = caller()
    report = lists.import_csv(who.merchant_id, text, livemode=who.livemode)
    return jsonify({"imported": report.imported, "skipped": report.skipped, "errors": report.errors})


@bp.get("/risk/list_entries/export")
@requires_key(secret=True)
def risk_list_entries_export():
    who = caller()
    return Response(
        lists.export_csv(who.merchant_id, livemode=who.livemode),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=risk-list.csv"},
    )


@bp.post("/risk/rules")
@requires_key(secret=True)
@idempotent
@api_audited("risk.rule_create", RiskRule)
def risk_rules_create():
    who = caller()
    return jsonify(risk_rule_json(rules.create_rule(who.merchant_id, json_body(), livemode=who.livemode))), 201


@bp.post("/risk/rules/preview")
@requires_key(secret=True)
def risk_rules_preview():
    """Try a rule on the last 30 days of orders before saving it; nothing is written."""
    who = caller()
    return jsonify(preview_rule(json_body(), RecentOrders(who.merchant_id, livemode=who.livemode)))


@bp.get("/risk/rules")
@requires_key(secret=True)
def risk_rules_index():
    who = caller()
    return jsonify(
        {
            "object": "list",
            "has_more": False,
            "data": [risk_rule_json(r) for r in rules.rules_of(who.merchant_id, livemode=who.livemode)],
        }
    )


@bp.patch("/risk/rules/<rule_id>")
@requires_key(secret=True)
@api_audited("risk.rule_update", RiskRule, "rule_id")
def risk_rules_update(rule_id: str):
    who = caller()
    return jsonify(risk_rule_json(rules.update_rule(who.merchant_id, rule_id, json_body(), livemode=who.livemode)))


@bp.delete("/risk/rules/<rule_id>")
@requires_key(secret=True)
@api_audited("risk.rule_delete", RiskRule, "rule_id")
def risk_rules_delete(rule_id: str):
    who = caller()
    return jsonify(
        {
            "id": rules.delete_rule(who.merchant_id, rule_id, livemode=who.livemode),
            "object": "risk_rule",
            "deleted": True,
        }
    )


@bp.post("/orders/<order_id>/review")
@requires_key(secret=True)
@idempotent
@api_audited("order.review", Order, "order_id")
def orders_review(order_id: str):
    who = caller()
    order = review_order(who.merchant_id, order_id, json_body().get("decision"), actor="api", livemode=who.livemode)
    return jsonify(order_json(order))


@bp.post("/orders/<order_id>/refund_requests")
@requires_key(secret=False)
@idempotent
def orders_refund_requests(order_id: str):
    """A shopper's refund request (publishable key with the order's client secret, or the secret key)."""
    body = json_body()
    order = order_of_caller(order_id, body.get("client_secret"))
    shopper = not caller().is_secret
    request_ = request_refund(order, body.get("reason"), actor="shopper" if shopper else "api")
    answer = {
        "id": request_.id,
        "object": "refund_request",
        "status": request_.status,
        "score": request_.score,
        "reasons": request_.reasons,
        "refund": request_.refund_id,
    }
    return jsonify({"refund_request": shopper_object(answer) if shopper else answer}), 201


orders_refund_requests.cors_publishable = True  # the order's client secret is the shopper's credential
