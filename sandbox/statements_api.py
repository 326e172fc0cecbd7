"""The statement API: a day's statement as streamed CSV (authenticated), and the test controls that bend it."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask import Blueprint, Response, g, jsonify

from sandbox import statements
from sandbox.api import (
    _invalid,
    json_body,
    parse_amount,
    parse_currency,
    parse_method,
    parse_reference,
    require_api_key,
)
from sandbox.runtime import current_runtime
from sandbox.services import SandboxError

bp = Blueprint("sandbox_statements", __name__, url_prefix="/sandbox/api")

DAY_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TAMPER_FIELDS = ("amount", "currency", "fee", "status", "duplicate", "omit")


@bp.get("/statements/<day>.csv")
@require_api_key
def statement(day: str) -> Response:
    """The account's statement of a UTC day, streamed: it is written while the database is still being read."""
    session_factory, account_id, statement_day = current_runtime().session_factory, g.sandbox_account_id, _day(day)

    def lines() -> Any:
        # Its own session, open for as long as the response streams (after the view has returned).
        with session_factory() as session:
            yield from statements.statement_csv(session, account_id, statement_day)

    return Response(
        lines(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'inline; filename="statement-{statement_day}.csv"'},
    )


def _day(value: str) -> date:
    """A real calendar date written ``YYYY-MM-DD``."""
    try:
        if DAY_PATTERN.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise _invalid("day", "day must be a real date written YYYY-MM-DD, e.g. 2026-11-23")


@bp.post("/payments/<payment_id>/tamper")
def tamper(payment_id: str) -> Response:
    """Test control (no auth, like simulate): make the payment's capture line on the statement say something
    else; the payment itself does not change."""
    request = _tamper_request(json_body())
    with current_runtime().session_factory() as session:
        return jsonify(statements.tamper(session, payment_id, request))


def _tamper_request(body: dict[str, Any]) -> statements.TamperRequest:
    """At least one of amount, currency, fee, status, duplicate, omit; an absent (or null) one leaves that part as the
    payment has it."""
    given = {name: body[name] for name in TAMPER_FIELDS if body.get(name) is not None}
    if not given:
        raise SandboxError(
            400, "parameter_missing", "Send at least one of amount, currency, fee, status, duplicate and omit."
        )
    if "amount" in given:
        parse_amount(given)
    if "currency" in given:
        parse_currency(given)
    fee = given.get("fee")
    if fee is not None and (type(fee) is not int or not 0 <= fee <= 10**12):
        raise _invalid("fee", "fee must be a whole number of minor units from 0 to 1000000000000")
    if given.get("status", "succeeded") not in ("succeeded", "failed"):
        raise _invalid("status", "status must be 'succeeded' or 'failed'")
    for flag in ("duplicate", "omit"):
        if type(given.get(flag, False)) is not bool:
            raise _invalid(flag, f"{flag} must be true or false")
    return statements.TamperRequest(
        amount=given.get("amount"),
        status=given.get("status"),
        duplicate=given.get("duplicate", False),
        omit=given.get("omit", False),
        currency=given.get("currency"),
        fee=fee,
    )


@bp.post("/orphans")
@require_api_key
def orphan() -> tuple[Response, int]:
    """Test control: record a capture the merchant never asked for, listed on today's statement."""
    body = json_body()
    amount, currency, method = parse_amount(body), parse_currency(body), parse_method(body)
    reference = parse_reference(body) if body.get("reference") is not None else None
    with current_runtime().session_factory() as session:
        recorded = statements.record_orphan(
            session, g.sandbox_account_id, amount=amount, currency=currency, reference=reference, method=method
        )
    return jsonify(statements.orphan_object(recorded)), 201
