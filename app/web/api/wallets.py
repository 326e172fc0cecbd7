"""Customer wallets beyond top-ups (secret key; the key's mode): withdrawals to the customer's payout account and
their review decision, transfers between customers, and the statement of every movement (JSON pages and CSV)."""

from __future__ import annotations

from flask import Response, jsonify, request, stream_with_context

from app.errors import InvalidRequest
from app.ledger.wallet.models import WalletTransfer, WalletWithdrawal
from app.ledger.wallet.statement import MAX_PAGE, statement_csv, wallet_currencies, wallet_statement
from app.orders.customers import parse_customer_id
from app.payments.payouts.transfers import transfer_funds, transfer_json
from app.payments.payouts.withdrawals import (
    get_withdrawal,
    list_withdrawals,
    request_withdrawal,
    review_withdrawal,
    withdrawal_json,
)
from app.platform.values.money import normalise_currency
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import cursor_param, json_body, limit_param, time_param


@bp.post("/customers/<customer_id>/withdrawals")
@requires_key(secret=True)
@idempotent
@api_audited("wallet.withdrawal_create", WalletWithdrawal)
def customers_withdrawals_create(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    withdrawal, payout = request_withdrawal(who.merchant_id, customer_id, json_body(), livemode=who.livemode)
    return jsonify({"withdrawal": withdrawal_json(withdrawal, payout)}), 201


@bp.get("/customers/<customer_id>/withdrawals")
@requires_key(secret=True)
def customers_withdrawals_index(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    found, has_more = list_withdrawals(
        who.merchant_id,
        livemode=who.livemode,
        customer_id=customer_id,
        limit=limit_param(),
        starting_after=cursor_param("wd"),
    )
    return jsonify({"object": "list", "data": [withdrawal_json(w, p) for w, p in found], "has_more": has_more})


@bp.get("/withdrawals/<withdrawal_id>")
@requires_key(secret=True)
def withdrawals_show(withdrawal_id: str):
    who = caller()
    return jsonify(withdrawal_json(*get_withdrawal(who.merchant_id, withdrawal_id, livemode=who.livemode)))


@bp.post("/withdrawals/<withdrawal_id>/review")
@requires_key(secret=True)
@idempotent
@api_audited("wallet.withdrawal_review", WalletWithdrawal, "withdrawal_id")
def withdrawals_review(withdrawal_id: str):
    who = caller()
    decided = review_withdrawal(
        who.merchant_id, withdrawal_id, json_body().get("decision"), actor="api", livemode=who.livemode
    )
    return jsonify(withdrawal_json(*decided))


@bp.post("/customers/<customer_id>/transfers")
@requires_key(secret=True)
@idempotent
@api_audited("wallet.transfer_create", WalletTransfer)
def customers_transfers_create(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    transfer = transfer_funds(who.merchant_id, customer_id, json_body(), livemode=who.livemode)
    return jsonify({"transfer": transfer_json(transfer)}), 201


def _statement_currency(merchant_id: str, customer_id: str, livemode: bool) -> str | None:
    """The ``currency`` asked for; without one, the wallet's only currency (None: it has none yet)."""
    raw = request.args.get("currency")
    if raw:
        try:
            return normalise_currency(raw)
        except ValueError:
            raise InvalidRequest("currency must be a three-letter ISO code such as usd", param="currency") from None
    held = wallet_currencies(merchant_id, customer_id, livemode=livemode)
    if len(held) > 1:
        raise InvalidRequest(f"currency is required: this wallet holds {', '.join(held)}", param="currency")
    return held[0] if held else None


def _period() -> tuple:
    since, until = time_param("from"), time_param("to")
    if since and until and since >= until:
        raise InvalidRequest("from must be before to", param="from")
    return since, until


@bp.get("/customers/<customer_id>/wallet/statement")
@requires_key(secret=True)
def customers_wallet_statement(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    currency = _statement_currency(who.merchant_id, customer_id, who.livemode)
    since, until = _period()
    limit = limit_param(default=100, maximum=MAX_PAGE)
    movements, has_more = [], False
    if currency is not None:
        movements, has_more = wallet_statement(
            who.merchant_id,
            customer_id,
            currency,
            livemode=who.livemode,
            since=since,
            until=until,
            limit=limit,
            starting_after=request.args.get("starting_after"),
        )
    return jsonify(
        {
            "object": "list",
            "customer": customer_id,
            "currency": currency,
            "livemode": who.livemode,
            "data": [m.to_json() for m in movements],
            "has_more": has_more,
        }
    )


@bp.get("/customers/<customer_id>/wallet/statement.csv")
@requires_key(secret=True)
def customers_wallet_statement_csv(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    currency = _statement_currency(who.merchant_id, customer_id, who.livemode) or ""  # no movements: headers only
    since, until = _period()
    rows = statement_csv(who.merchant_id, customer_id, currency, livemode=who.livemode, since=since, until=until)
    return Response(
        stream_with_context(rows),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="wallet-statement{"-" + currency if currency else ""}.csv"'
        },
    )
