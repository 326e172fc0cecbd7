"""The merchant's balance (secret key), of the key's mode."""

from __future__ import annotations

from flask import jsonify

from app.ledger.balance import merchant_balance
from app.platform.db.snapshot import reads_one_snapshot
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.models.balance import Balance
from app.web.api.operation import operation
from app.web.api.representations import merchant_balance_json


@bp.get("/balance")
@reads_one_snapshot  # four sums: an order clearing between two of them would count its money in neither bucket
@requires_key(secret=True)
@operation(
    "The merchant's money",
    description="Available (its cleared share, net of fees and refunds, not yet paid out), pending (captured for "
    "orders not completed yet, and cleared money on hold), frozen (refunds set aside until the provider confirms "
    "them), and what customers hold in wallets.",
    answers={200: Balance},
)
def balance_show():
    who = caller()
    return jsonify(merchant_balance_json(merchant_balance(who.merchant_id, livemode=who.livemode)))
