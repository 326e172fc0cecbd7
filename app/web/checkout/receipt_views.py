"""The receipt page: what a paid order bought, printable, for whoever holds the order's client secret."""

from __future__ import annotations

from flask import abort, make_response, render_template, request
from flask_babel import gettext

from app.errors import KassaError
from app.extensions import db
from app.merchants.models import Merchant
from app.orders.services import get_order_by_client_secret
from app.orders.state import PAID_STATUSES
from app.receipts.contents import build_receipt
from app.web.checkout import bp


@bp.get("/receipts/<order_id>")
def receipt(order_id: str):
    client_secret = request.args.get("client_secret") or ""  # outside the try: given twice is a 400 saying so
    try:
        order = get_order_by_client_secret(order_id, client_secret)
    except KassaError:
        order = None
    if order is None or order.status not in PAID_STATUSES:
        # Unknown, someone else's, or not paid (yet): the same answer, so a link reveals nothing.
        abort(404, description=gettext("There is no receipt at this address. Check the link in your receipt email."))
    response = make_response(
        render_template(
            "receipts/receipt.html", receipt=build_receipt(order), merchant=db.session.get(Merchant, order.merchant_id)
        )
    )
    # The address carries the client secret: keep the page out of shared caches and other sites' Referer.
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
