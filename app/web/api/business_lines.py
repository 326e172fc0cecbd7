"""Business lines of the merchant (secret key only; docs/api.md "Business lines")."""

from __future__ import annotations

from flask import jsonify

from app.audit.services import audited
from app.merchants import business_lines
from app.merchants.business_line_models import BusinessLine
from app.payments.channels import line_channels
from app.web.api import bp
from app.web.api.audit import api_actor, api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.line_scope import refuse_out_of_scope, refuse_scoped_key
from app.web.api.models.business_lines import BusinessLine as BusinessLineAnswer
from app.web.api.models.business_lines import (
    BusinessLineInput,
    BusinessLineList,
    BusinessLineUpdate,
    LineChannelList,
    LineChannelsInput,
)
from app.web.api.operation import operation

_LINE = {"id": "the line's id (bl_…) or code"}
_NO_LINE = "resource_missing: the merchant has no such business line (for a key scoped to a line: another line)"
_WHOLE_BUSINESS = (
    "secret_key_required: a publishable key on a secret-only route; key_scoped_to_line: a key scoped to one business "
    "line may not add or archive lines"
)


def _snapshot(merchant_id: str, line_id: str):
    return lambda: business_lines.line_json(business_lines.get_line(merchant_id, line_id, param="id"))


def _visible_line(line_id: str) -> BusinessLine:
    """The caller's line: another merchant's, or for a key scoped to a line another line, is a 404."""
    line = business_lines.get_line(caller().merchant_id, line_id, param="id")
    refuse_out_of_scope(line.id, f"no business line {line_id!r}")
    return line


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
        403: _WHOLE_BUSINESS,
        409: "business_line_exists: the merchant already has a line with this code (archived ones count)",
    },
)
def business_lines_create(body: BusinessLineInput):
    refuse_scoped_key("adding a business line")
    line = business_lines.create_line(caller().merchant_id, code=body.code, name=body.name)
    return jsonify(business_lines.line_json(line)), 201


@bp.get("/business_lines")
@requires_key(secret=True)
@operation(
    "List business lines, oldest first, archived ones included (secret key; a key scoped to a line: that line)",
    answers={200: BusinessLineList},
)
def business_lines_index():
    who = caller()
    found = [
        line
        for line in business_lines.list_lines(who.merchant_id)
        if who.business_line is None or line.id == who.business_line
    ]
    return jsonify({"object": "list", "data": [business_lines.line_json(line) for line in found], "has_more": False})


@bp.get("/business_lines/<line_id>")
@requires_key(secret=True)
@operation("Retrieve a business line", answers={200: BusinessLineAnswer}, errors={404: _NO_LINE}, path=_LINE)
def business_lines_show(line_id: str):
    return jsonify(business_lines.line_json(_visible_line(line_id)))


@bp.post("/business_lines/<line_id>")
@requires_key(secret=True)
@idempotent
@operation(
    "Rename a business line or change its settings: order timeout, auto-confirm, display name (its code stays)",
    body=BusinessLineUpdate,
    answers={200: BusinessLineAnswer},
    errors={404: _NO_LINE},
    path=_LINE,
)
def business_lines_rename(line_id: str, body: BusinessLineUpdate):
    merchant_id = caller().merchant_id
    line = _visible_line(line_id)  # 404 before anything is recorded
    with audited(api_actor(), "business_line.update", BusinessLine, line.id, snapshot=_snapshot(merchant_id, line.id)):
        line = business_lines.update_line(merchant_id, line.id, body.model_dump(exclude_unset=True))
    return jsonify(business_lines.line_json(line))


@bp.post("/business_lines/<line_id>/archive")
@requires_key(secret=True)
@idempotent
@operation(
    "Archive a business line: it takes no new orders or products; what it sold stays on it",
    answers={200: BusinessLineAnswer},
    errors={403: _WHOLE_BUSINESS, 404: _NO_LINE},
    path=_LINE,
)
def business_lines_archive(line_id: str):
    merchant_id = caller().merchant_id
    line = _visible_line(line_id)
    refuse_scoped_key("archiving a business line")
    with audited(api_actor(), "business_line.archive", BusinessLine, line.id, snapshot=_snapshot(merchant_id, line.id)):
        line = business_lines.archive_line(merchant_id, line.id)
    return jsonify(business_lines.line_json(line))


def _own_channels(merchant_id: str, line_id: str):
    """The line's own channel settings, as its audit entries record them before and after."""
    return lambda: line_channels.line_channel_settings(merchant_id, line_id)


def _line_channels_json(line_id: str, channels: list) -> dict:
    return {
        "object": "list",
        "business_line": line_id,
        "data": [channel.to_json() for channel in channels],
        "has_more": False,
    }


def _line_in_scope(line_id: str) -> BusinessLine:
    """The caller's line (its id or code); another merchant's, or another line than a scoped key's own, is a 404."""
    line = business_lines.get_line(caller().merchant_id, line_id, param="id")
    refuse_out_of_scope(line.id, f"no business line {line_id!r}")
    return line


@bp.get("/business_lines/<line_id>/channels")
@requires_key(secret=True)
@operation(
    "List a business line's channels as its shoppers are offered them",
    description="Each channel's enabled and priority in force for orders of the line (its own, else the "
    "merchant's), in the order the line's shoppers see them; `inherited` is true where the line sets nothing itself.",
    answers={200: LineChannelList},
    errors={404: _NO_LINE + " (or a key scoped to another line)"},
    path=_LINE,
)
def business_lines_channels(line_id: str):
    merchant_id = caller().merchant_id
    line = _line_in_scope(line_id)
    return jsonify(_line_channels_json(line.id, line_channels.line_channels(merchant_id, line.id)))


@bp.put("/business_lines/<line_id>/channels")
@requires_key(secret=True)
@idempotent
@operation(
    "Set a business line's own channel settings",
    description="For each channel named, the line's own `enabled` and `priority` (null: the merchant's setting "
    "again); a field left out, and a channel not named, keep what they have. Orders of the line are offered "
    "channels by these settings.",
    body=LineChannelsInput,
    answers={200: LineChannelList},
    errors={
        400: "parameter_invalid: a field to fix (param names it, e.g. channels[0].priority out of 0 to 10000, "
        "channels[1].code naming a channel twice); resource_missing: no channel of that code (param "
        "channels[0].code); business_line_archived: the line is archived, its channels cannot change (param id)",
        404: _NO_LINE + " (or a key scoped to another line)",
    },
    path=_LINE,
)
def business_lines_channels_update(line_id: str, body: LineChannelsInput):
    merchant_id = caller().merchant_id
    line = _line_in_scope(line_id)  # 404 before anything is recorded
    changes = [channel.model_dump(exclude_unset=True) for channel in body.channels]
    with audited(
        api_actor(), "business_line.channels", BusinessLine, line.id, snapshot=_own_channels(merchant_id, line.id)
    ):
        channels = line_channels.set_line_channels(merchant_id, line.id, changes)
    return jsonify(_line_channels_json(line.id, channels))
