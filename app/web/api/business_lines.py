"""Business lines of the merchant (secret key only; docs/api.md "Business lines")."""

from __future__ import annotations

from flask import jsonify

from app.audit.services import audited
from app.merchants import business_lines
from app.merchants.business_line_models import BusinessLine
from app.web.api import bp
from app.web.api.audit import api_actor, api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.business_lines import BusinessLine as BusinessLineAnswer
from app.web.api.models.business_lines import BusinessLineInput, BusinessLineList, BusinessLineUpdate
from app.web.api.operation import operation

_LINE = {"id": "the line's id (bl_…) or code"}
_NO_LINE = "resource_missing: the merchant has no such business line"


def _snapshot(merchant_id: str, line_id: str):
    return lambda: business_lines.line_json(business_lines.get_line(merchant_id, line_id, param="id"))


@bp.post("/business_lines")
@requires_key(secret=True)
@idempotent
@api_audited("business_line.create", BusinessLine)
@operation(
    "Add a business line (secret key)",
    body=BusinessLineInput,
    answers={201: BusinessLineAnswer},
    errors={
        400: "parameter_invalid: a field to fix (param names it)",
        409: "business_line_exists: the merchant already has a line with this code (archived ones count)",
    },
)
def business_lines_create(body: BusinessLineInput):
    line = business_lines.create_line(caller().merchant_id, code=body.code, name=body.name)
    return jsonify(business_lines.line_json(line)), 201


@bp.get("/business_lines")
@requires_key(secret=True)
@operation("List business lines, oldest first, archived ones included (secret key)", answers={200: BusinessLineList})
def business_lines_index():
    found = business_lines.list_lines(caller().merchant_id)
    return jsonify({"object": "list", "data": [business_lines.line_json(line) for line in found], "has_more": False})


@bp.get("/business_lines/<line_id>")
@requires_key(secret=True)
@operation("Retrieve a business line", answers={200: BusinessLineAnswer}, errors={404: _NO_LINE}, path=_LINE)
def business_lines_show(line_id: str):
    return jsonify(business_lines.line_json(business_lines.get_line(caller().merchant_id, line_id, param="id")))


@bp.post("/business_lines/<line_id>")
@requires_key(secret=True)
@idempotent
@operation(
    "Rename a business line or set its own order timeout (its code stays)",
    body=BusinessLineUpdate,
    answers={200: BusinessLineAnswer},
    errors={404: _NO_LINE},
    path=_LINE,
)
def business_lines_rename(line_id: str, body: BusinessLineUpdate):
    merchant_id = caller().merchant_id
    line = business_lines.get_line(merchant_id, line_id, param="id")  # 404 before anything is recorded
    with audited(api_actor(), "business_line.rename", BusinessLine, line.id, snapshot=_snapshot(merchant_id, line.id)):
        line = business_lines.update_line(merchant_id, line.id, body.model_dump(exclude_unset=True))
    return jsonify(business_lines.line_json(line))


@bp.post("/business_lines/<line_id>/archive")
@requires_key(secret=True)
@idempotent
@operation(
    "Archive a business line: it takes no new orders or products; what it sold stays on it",
    answers={200: BusinessLineAnswer},
    errors={404: _NO_LINE},
    path=_LINE,
)
def business_lines_archive(line_id: str):
    merchant_id = caller().merchant_id
    line = business_lines.get_line(merchant_id, line_id, param="id")
    with audited(api_actor(), "business_line.archive", BusinessLine, line.id, snapshot=_snapshot(merchant_id, line.id)):
        line = business_lines.archive_line(merchant_id, line.id)
    return jsonify(business_lines.line_json(line))
