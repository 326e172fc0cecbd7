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
from app.risk.models import RiskListEntry as ListEntryRow
from app.risk.models import RiskRule as RuleRow
from app.risk.preview import preview_rule
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.line_scope import refuse_scoped_key
from app.web.api.models.fields import Deleted
from app.web.api.models.risk import (
    RefundRequestCreated,
    RefundRequestInput,
    ReviewDecision,
    RiskImportReport,
    RiskListEntry,
    RiskListEntryInput,
    RiskListEntryList,
    RiskListEntryListQuery,
    RiskRule,
    RiskRuleInput,
    RiskRuleList,
    RiskRulePreview,
    RiskRuleUpdate,
)
from app.web.api.operation import operation
from app.web.api.orders import order_of_caller
from app.web.api.representations import order_json, risk_list_entry_json, risk_rule_json
from app.web.api.shopper_view import shopper_object

MAX_CSV_BYTES = 20 * 1024 * 1024
_ENTRY_ID = {"id": "the list entry's id (rle_…)"}
_RULE_ID = {"id": "the rule's id (rr_…)"}
_ORDER_ID = {"id": "the order's id (ord_…)"}
_CSV = {"type": "string", "description": "kind,value,action,expires_at,note per line, after a header line"}
# Risk rules and lists hold for every line's orders: a key scoped to one line may read them, not change them.
_SCOPED = "key_scoped_to_line: this key is scoped to one business line; changing risk rules or lists takes a key for "
_SCOPED += "the whole business"


def _whole_business_only() -> None:
    refuse_scoped_key("changing risk rules or lists, which apply to every line's orders,")


@bp.post("/risk/list_entries")
@requires_key(secret=True)
@idempotent
@api_audited("risk.list_entry_create", ListEntryRow)
@operation(
    "Add a block, allow or review list entry to the key's mode's lists (secret key)",
    body=RiskListEntryInput,
    answers={201: RiskListEntry},
    errors={
        403: _SCOPED,
        400: "parameter_invalid: a field to fix (param names it), e.g. an email entry without an @, an ip entry "
        "that is no address or CIDR range, an expires_at not in the future; invalid_json: the body is not a JSON "
        "object",
        409: "resource_exists: that kind and value are already listed in this mode (param: value)",
    },
)
def risk_list_entries_create(body: RiskListEntryInput):
    _whole_business_only()
    who = caller()
    entry = lists.add_entry(who.merchant_id, body.model_dump(), livemode=who.livemode)
    return jsonify(risk_list_entry_json(entry)), 201


@bp.get("/risk/list_entries")
@requires_key(secret=True)
@operation(
    "The key's mode's list entries, newest first; filter by kind and value (secret key)",
    query=RiskListEntryListQuery,
    answers={200: RiskListEntryList},
)
def risk_list_entries_index(query: RiskListEntryListQuery):
    who = caller()
    entries, has_more = lists.list_entries(
        who.merchant_id,
        livemode=who.livemode,
        kind=query.kind,
        value=query.value,
        limit=query.limit,
        starting_after=query.starting_after,
    )
    return jsonify({"object": "list", "data": [risk_list_entry_json(e) for e in entries], "has_more": has_more})


@bp.delete("/risk/list_entries/<entry_id>")
@requires_key(secret=True)
@api_audited("risk.list_entry_delete", ListEntryRow, "entry_id")
@operation(
    "Delete a list entry of the key's mode (secret key)",
    answers={200: Deleted},
    errors={403: _SCOPED, 404: "resource_missing: no such entry in this mode"},
    path=_ENTRY_ID,
)
def risk_list_entries_delete(entry_id: str):
    _whole_business_only()
    who = caller()
    lists.delete_entry(who.merchant_id, entry_id, livemode=who.livemode)
    return jsonify({"id": entry_id, "object": "risk_list_entry", "deleted": True})


@bp.post("/risk/list_entries/import")
@requires_key(secret=True)
@operation(
    "Import entries into the key's mode's lists from CSV: kind,value,action[,expires_at][,note] per line (secret "
    "key); bad lines are reported by number, values already listed in this mode are skipped",
    answers={200: RiskImportReport},
    errors={
        403: _SCOPED,
        400: "invalid_csv: not Content-Type text/csv, not UTF-8, or over 20 MB",
        413: "request_too_large: the body is over 20 MB",
    },
    extra={"requestBody": {"required": True, "content": {"text/csv": {"schema": _CSV}}}},
)
def risk_list_entries_import():
    _whole_business_only()
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
@operation(
    "Every list entry of the key's mode as CSV, in the import's format (secret key)",
    raw_answers={200: ("text/csv", _CSV, "CSV, as an attachment (risk-list.csv)")},
)
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
@api_audited("risk.rule_create", RuleRow)
@operation(
    "Add a risk rule for the key's mode's orders (secret key)",
    body=RiskRuleInput,
    answers={201: RiskRule},
    errors={
        403: _SCOPED,
        400: "parameter_invalid: a field to fix (param names it: params.by, params.max_amount, …), or the mode "
        "already has 100 rules (param: kind); invalid_json: the body is not a JSON object",
    },
)
def risk_rules_create(body: RiskRuleInput):
    _whole_business_only()
    who = caller()
    return jsonify(risk_rule_json(rules.create_rule(who.merchant_id, body.model_dump(), livemode=who.livemode))), 201


@bp.post("/risk/rules/preview")
@requires_key(secret=True)
@operation(
    "Try a rule (not saved) on the last 30 days of this mode's orders: how many it would have flagged",
    body=RiskRuleInput,
    answers={200: RiskRulePreview},
    errors={
        400: "parameter_invalid: a field to fix (param names it); preview_unavailable: the rule reads the shopper's "
        "address, device or country, which orders do not keep, or applies to withdrawals; invalid_json: the body "
        "is not a JSON object",
    },
)
def risk_rules_preview(body: RiskRuleInput):
    """Try a rule on the last 30 days of orders before saving it; nothing is written."""
    who = caller()
    line = rules.line_named(who.merchant_id, body.params)
    recent = RecentOrders(who.merchant_id, livemode=who.livemode, business_line=line)
    return jsonify(preview_rule(body.model_dump(), recent))


@bp.get("/risk/rules")
@requires_key(secret=True)
@operation("List the merchant's risk rules of the key's mode (secret key)", answers={200: RiskRuleList})
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
@api_audited("risk.rule_update", RuleRow, "rule_id")
@operation(
    "Change a rule's params, action or enabled (secret key of the rule's mode)",
    body=RiskRuleUpdate,
    answers={200: RiskRule},
    errors={
        403: _SCOPED,
        400: "parameter_invalid: a field to fix (param names it), or one that cannot change (kind); invalid_json: "
        "the body is not a JSON object",
        404: "resource_missing: no such rule in this mode",
    },
    path=_RULE_ID,
)
def risk_rules_update(rule_id: str, body: RiskRuleUpdate):
    _whole_business_only()
    who = caller()
    # What the client sent, unknown fields included: the rule refuses to change what it cannot (its kind).
    changes = body.model_dump(exclude_unset=True)
    return jsonify(risk_rule_json(rules.update_rule(who.merchant_id, rule_id, changes, livemode=who.livemode)))


@bp.delete("/risk/rules/<rule_id>")
@requires_key(secret=True)
@api_audited("risk.rule_delete", RuleRow, "rule_id")
@operation(
    "Delete a rule (secret key of the rule's mode)",
    answers={200: Deleted},
    errors={403: _SCOPED, 404: "resource_missing: no such rule in this mode"},
    path=_RULE_ID,
)
def risk_rules_delete(rule_id: str):
    _whole_business_only()
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
@operation(
    "Decide a held order (secret key): approve fulfils it, reject refunds it in full",
    body=ReviewDecision,
    raw_answers={200: ("application/json", {"$ref": "#/components/schemas/Order"}, "The order, as decided")},
    errors={
        404: "resource_missing: no such order in this mode",
        409: "review_not_open: the order is not waiting for review (already decided, or never held); "
        "state_conflict: the order changed while you decided; reload and try again",
    },
    path=_ORDER_ID,
)
def orders_review(order_id: str, body: ReviewDecision):
    who = caller()
    order = review_order(who.merchant_id, order_id, body.decision, actor="api", livemode=who.livemode)
    return jsonify(order_json(order))


@bp.post("/orders/<order_id>/refund_requests")
@requires_key(secret=False)
@idempotent
@operation(
    "A shopper asks for a refund (publishable key with client_secret, or secret key): scored for abuse, then "
    "refunded in full at once (approved), held for the merchant (review) or denied",
    body=RefundRequestInput,
    answers={201: RefundRequestCreated},
    errors={
        404: "resource_missing: no such order (or, with a publishable key, a wrong client_secret)",
        409: "order_state_invalid: the order is not paid; refund_in_progress: a refund is already under way; "
        "order_changed_concurrently: the order kept changing while the refund was opened; read it and try again",
        422: "nothing_to_refund: the order cost nothing (completed without a payment)",
        503: "service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the "
        "connection (rolled back); order_locked / wallet_locked: another process is updating it. Retry after "
        "Retry-After seconds",
    },
    path=_ORDER_ID,
)
def orders_refund_requests(order_id: str, body: RefundRequestInput):
    """A shopper's refund request (publishable key with the order's client secret, or the secret key)."""
    order = order_of_caller(order_id, body.client_secret)
    shopper = not caller().is_secret
    request_ = request_refund(order, body.reason, actor="shopper" if shopper else "api")
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
