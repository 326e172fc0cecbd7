"""Customer wallets beyond top-ups (secret key; the key's mode): withdrawals to the customer's payout account and
their review decision, transfers between customers, and the statement of every movement (JSON pages and CSV)."""

from __future__ import annotations

from flask import Response, jsonify, stream_with_context

from app.errors import InvalidRequest
from app.ledger.wallet.models import WalletTransfer, WalletWithdrawal
from app.ledger.wallet.statement import statement_csv, wallet_currencies, wallet_statement
from app.orders.customers import parse_customer_id
from app.payments.payouts.transfers import transfer_funds, transfer_json
from app.payments.payouts.withdrawals import (
    get_withdrawal,
    list_withdrawals,
    request_withdrawal,
    review_withdrawal,
    withdrawal_json,
)
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.wallets import (
    TransferInput,
    TransferResponse,
    WalletStatement,
    WalletStatementCsvQuery,
    WalletStatementQuery,
    Withdrawal,
    WithdrawalInput,
    WithdrawalList,
    WithdrawalListQuery,
    WithdrawalResponse,
    WithdrawalReviewDecision,
)
from app.web.api.operation import operation

_CUSTOMER = {"id": "the customer's id (the merchant's own reference)"}
_CUSTOMER_400 = (
    "parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 characters)"
)
_BLOCKED = "risk_blocked: the merchant's risk settings refuse it (a block list entry, a withdrawal rule)"
_UNCOVERED = "insufficient_balance: the available balance does not cover the amount; nothing moved"
# Money leaving a wallet stops with the wallet channel's switch and with maintenance (docs/operations.md).
_WALLET_UNAVAILABLE = (
    "channel_unavailable: the wallet channel is switched off (the message gives the reason); maintenance: "
    "maintenance is on; service_unavailable / wallet_locked: as on every money route. Nothing moved; retry after "
    "Retry-After seconds"
)


@bp.post("/customers/<customer_id>/withdrawals")
@requires_key(secret=True)
@idempotent
@api_audited("wallet.withdrawal_create", WalletWithdrawal)
@operation(
    "Withdraw from a customer's wallet to their payout account (secret key): the amount is frozen until the payout "
    "is paid, and back in the wallet if it fails for good",
    body=WithdrawalInput,
    answers={201: WithdrawalResponse},
    errors={
        400: _CUSTOMER_400 + "; channel_unavailable: a live key and a test payout channel",
        402: _BLOCKED,
        422: _UNCOVERED,
        503: _WALLET_UNAVAILABLE,
    },
    path=_CUSTOMER,
)
def customers_withdrawals_create(customer_id: str, body: WithdrawalInput):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    withdrawal, payout = request_withdrawal(who.merchant_id, customer_id, body.model_dump(), livemode=who.livemode)
    return jsonify({"withdrawal": withdrawal_json(withdrawal, payout)}), 201


@bp.get("/customers/<customer_id>/withdrawals")
@requires_key(secret=True)
@operation(
    "A customer's withdrawals of this key's mode, newest first",
    query=WithdrawalListQuery,
    answers={200: WithdrawalList},
    errors={400: _CUSTOMER_400},
    path=_CUSTOMER,
)
def customers_withdrawals_index(customer_id: str, query: WithdrawalListQuery):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    found, has_more = list_withdrawals(
        who.merchant_id,
        livemode=who.livemode,
        customer_id=customer_id,
        limit=query.limit,
        starting_after=query.starting_after,
    )
    return jsonify({"object": "list", "data": [withdrawal_json(w, p) for w, p in found], "has_more": has_more})


@bp.get("/withdrawals/<withdrawal_id>")
@requires_key(secret=True)
@operation(
    "Retrieve a withdrawal with its payout",
    answers={200: Withdrawal},
    errors={404: "resource_missing: no such withdrawal (of this key's mode)"},
    path={"id": "the withdrawal's id (wd_…)"},
)
def withdrawals_show(withdrawal_id: str):
    who = caller()
    return jsonify(withdrawal_json(*get_withdrawal(who.merchant_id, withdrawal_id, livemode=who.livemode)))


@bp.post("/withdrawals/<withdrawal_id>/review")
@requires_key(secret=True)
@idempotent
@api_audited("wallet.withdrawal_review", WalletWithdrawal, "withdrawal_id")
@operation(
    "Decide a withdrawal held for review: approve sends its payout, reject gives the money back",
    body=WithdrawalReviewDecision,
    answers={200: Withdrawal},
    errors={
        404: "resource_missing: no such withdrawal (of this key's mode)",
        409: "review_not_open: not waiting for a decision",
        503: _WALLET_UNAVAILABLE,
    },
    path={"id": "the withdrawal's id (wd_…)"},
)
def withdrawals_review(withdrawal_id: str, body: WithdrawalReviewDecision):
    who = caller()
    decided = review_withdrawal(who.merchant_id, withdrawal_id, body.decision, actor="api", livemode=who.livemode)
    return jsonify(withdrawal_json(*decided))


@bp.post("/customers/<customer_id>/transfers")
@requires_key(secret=True)
@idempotent
@api_audited("wallet.transfer_create", WalletTransfer)
@operation(
    "Move money from this customer's wallet to another customer's of the same merchant (secret key)",
    body=TransferInput,
    answers={201: TransferResponse},
    errors={
        400: _CUSTOMER_400 + "; transfer_to_self: to names the sender",
        402: _BLOCKED,
        422: _UNCOVERED,
        503: _WALLET_UNAVAILABLE,
    },
    path=_CUSTOMER,
)
def customers_transfers_create(customer_id: str, body: TransferInput):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    transfer = transfer_funds(who.merchant_id, customer_id, body.model_dump(), livemode=who.livemode)
    return jsonify({"transfer": transfer_json(transfer)}), 201


def _statement_currency(merchant_id: str, customer_id: str, livemode: bool, asked: str | None) -> str | None:
    """The ``currency`` asked for; without one, the wallet's only currency (None: it has none yet)."""
    if asked:
        return asked
    held = wallet_currencies(merchant_id, customer_id, livemode=livemode)
    if len(held) > 1:
        raise InvalidRequest(
            f"currency is required: this wallet holds {', '.join(held)}", code="parameter_missing", param="currency"
        )
    return held[0] if held else None


def _period(query: WalletStatementCsvQuery) -> tuple:
    since, until = query.since, query.until
    if since and until and since >= until:
        raise InvalidRequest("from must be before to", param="from")
    return since, until


@bp.get("/customers/<customer_id>/wallet/statement")
@requires_key(secret=True)
@operation(
    "Every movement of the customer's wallet in one currency with the running balances, oldest first",
    query=WalletStatementQuery,
    answers={200: WalletStatement},
    errors={
        400: _CUSTOMER_400
        + "; parameter_missing: currency, when the wallet holds more than one; from must be before to; "
        "resource_missing: starting_after is not a movement of this statement"
    },
    path=_CUSTOMER,
)
def customers_wallet_statement(customer_id: str, query: WalletStatementQuery):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    currency = _statement_currency(who.merchant_id, customer_id, who.livemode, query.currency)
    since, until = _period(query)
    movements, has_more = [], False
    if currency is not None:
        movements, has_more = wallet_statement(
            who.merchant_id,
            customer_id,
            currency,
            livemode=who.livemode,
            since=since,
            until=until,
            limit=query.limit,
            starting_after=query.starting_after,
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
@operation(
    "The same statement as CSV (every movement in the period), streamed",
    query=WalletStatementCsvQuery,
    raw_answers={200: ("text/csv", {"type": "string"}, "CSV")},
    errors={
        400: _CUSTOMER_400
        + "; parameter_missing: currency, when the wallet holds more than one; from must be before to"
    },
    path=_CUSTOMER,
)
def customers_wallet_statement_csv(customer_id: str, query: WalletStatementCsvQuery):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    # no movements: headers only
    currency = _statement_currency(who.merchant_id, customer_id, who.livemode, query.currency) or ""
    since, until = _period(query)
    rows = statement_csv(who.merchant_id, customer_id, currency, livemode=who.livemode, since=since, until=until)
    return Response(
        stream_with_context(rows),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="wallet-statement{"-" + currency if currency else ""}.csv"'
        },
    )
