"""The merchant's balance (secret key)."""
from __future__ import annotations

from flask import jsonify

from app.payments.merchant_balance import merchant_balance
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.representations import merchant_balance_json


@bp.get("/balance")
@requires_key(secret=True)
def balance_show():
    return jsonify(merchant_balance_json(merchant_balance(caller().merchant_id)))
