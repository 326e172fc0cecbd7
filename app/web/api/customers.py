"""Customer routes: top up the wallet through a channel, read its balance (of the key's mode), erase the
customer's personal data or export all of it."""

from __future__ import annotations

from flask import jsonify, url_for

from app.audit.services import audited, record_disclosure
from app.checkout_sessions.services import session_for_topup
from app.ledger.wallet.services import wallet_balance
from app.orders.customers import CHECKOUT_SESSION, SECRET_KEY, parse_customer_id
from app.payments.attempts.topups import start_topup
from app.platform.db.snapshot import reads_one_snapshot
from app.privacy.erasure import erase_customer, erasure_json, latest_erasure
from app.privacy.models import CustomerErasure
from app.web.api import bp
from app.web.api.audit import api_actor
from app.web.api.auth import caller, requires_key
from app.web.api.customer_export import customer_export, export_summary
from app.web.api.idempotent import idempotent
from app.web.api.models import customers as customer_models
from app.web.api.models.wallets import CustomerBalance, TopupInput, TopupResponse
from app.web.api.operation import operation
from app.web.api.params import json_body
from app.web.api.representations import customer_balance_json, payment_with_action_json, topup_json


@bp.post("/customers/<customer_id>/topups")
@requires_key(secret=False)
@idempotent
@operation(
    "Top up a customer's wallet through a channel; follow the payment's next_action",
    body=TopupInput,
    answers={201: TopupResponse},
    errors={
        400: "parameter_invalid: a field to fix (param names it; id: the customer id is blank or over 200 "
        "characters, amount: over the currency's largest top-up); channel_unavailable: a channel that cannot top "
        "up (e.g. wallet) in this mode; checkout_session_invalid: not an open session of this merchant and mode",
        402: "risk_blocked: the merchant's risk settings refuse this order; nothing was created (the message is "
        "neutral; the merchant gets a risk.blocked event with the reasons)",
        403: "checkout_session_required: a publishable key needs the checkout_session of this customer; "
        "origin_not_allowed: a live publishable key from an origin the merchant has not allowed",
        409: "checkout_session_complete, checkout_session_expired: the session is no longer open",
        502: "channel_unavailable: the channel failed; the top-up was closed",
        503: "maintenance: new orders are paused; service_unavailable: Kassa cannot reach Redis or its database "
        "dropped the connection; order_locked: another process is updating it. Retry after Retry-After seconds",
    },
    path={"id": "the customer's id (the merchant's own reference)"},
)
def customers_topup(customer_id: str, body: TopupInput):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    session_id, source = None, SECRET_KEY
    if not who.is_secret:
        session = session_for_topup(
            body.checkout_session, customer_id=customer_id, merchant_id=who.merchant_id, livemode=who.livemode
        )
        session_id, source = session.id, CHECKOUT_SESSION

    def back_to_order(order_id: str, client_secret: str) -> str:
        return url_for("checkout.order_page", order_id=order_id, client_secret=client_secret, _external=True)

    order, attempt = start_topup(
        who.merchant_id,
        customer_id,
        amount=body.amount,
        currency=body.currency,
        channel=body.channel,
        return_url_for=back_to_order,
        livemode=who.livemode,
        customer_source=source,
        checkout_session_id=session_id,
        actor="api",
    )
    return jsonify({"topup": topup_json(order), "payment": payment_with_action_json(attempt)}), 201


@bp.get("/customers/<customer_id>/balance")
@reads_one_snapshot
@requires_key(secret=True)
@operation(
    "A customer's wallet balance per currency (secret key)",
    answers={200: CustomerBalance},
    errors={400: "parameter_invalid: the customer id is blank or over 200 characters (param id)"},
    path={"id": "the customer's id (the merchant's own reference)"},
)
def customers_balance(customer_id: str):
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    return jsonify(customer_balance_json(wallet_balance(who.merchant_id, customer_id, livemode=who.livemode)))


# A customer id is the merchant's own reference and may hold a "/" (``tenant/42``): the erasure and the export, which
# a shopper's request obliges the merchant to answer, take the id whole, sent as it is or as %2F.
_CUSTOMER = {
    "id": "the customer's id (the merchant's own reference; one holding a / is taken whole, as it is or as %2F)"
}
_CUSTOMER_ID_400 = "parameter_invalid: the customer id is empty or over 200 characters (param customer)"


@bp.post("/customers/<path:customer_id>/erase")
@requires_key(secret=True)
@idempotent
@operation(
    "Erase a customer's personal data (a shopper's erasure request)",
    description="Blanks the customer's email on orders, subscriptions and checkout sessions, the address their "
    "receipts and subscription emails went to (unsent ones are dropped), the IP and device of their refund requests, "
    "the same in stored events and in responses kept for idempotent replays, and the bodies of logged API requests "
    "that carried them. Orders, amounts, payments and the ledger stay. A live key erases live and test data, a test "
    "key test data. Erasing again blanks nothing more (all counts 0). An id holding a / (tenant/42) is taken whole, "
    "as it is or as %2F.",
    path=_CUSTOMER,
    answers={200: customer_models.CustomerErasure},
    errors={
        400: _CUSTOMER_ID_400 + "; invalid_json: a body that is not a JSON object",
        503: "service_unavailable: Kassa cannot reach Redis (nothing was done) or its database dropped the "
        "connection (rolled back). Retry after Retry-After seconds",
    },
)
def customers_erase(customer_id: str):
    """A shopper's erasure request: their personal data goes, the money records stay (app/privacy/erasure.py)."""
    json_body()
    who = caller()
    customer_id = parse_customer_id(customer_id, param="customer")
    with audited(
        api_actor(),
        "customer.erase",
        CustomerErasure,
        customer_id,
        snapshot=lambda: latest_erasure(who.merchant_id, customer_id),
    ):
        erasure = erase_customer(who.merchant_id, customer_id, livemode=who.livemode)
    return jsonify(erasure_json(erasure))


@bp.get("/customers/<path:customer_id>/export")
@requires_key(secret=True)
@operation(
    "Everything Kassa holds about a customer (a shopper's access request)",
    description="One document: their orders as GET /orders/{id} shows them (with the email they gave, payments, "
    "refunds and disputes), subscriptions, entitlements and wallet balance by mode, withdrawals, refund requests "
    "(with the address and device they came from), the emails sent to them and the erasures done. A live key covers "
    "live and test records, a test key test records. The audit log records who exported whose data and how much, "
    "never the data. An id holding a / is taken whole, as it is or as %2F.",
    path=_CUSTOMER,
    answers={200: customer_models.CustomerExport},
    errors={
        400: _CUSTOMER_ID_400,
        422: "export_too_large: more than 10,000 orders or transfers; page GET /orders?customer= instead",
    },
)
def customers_export(customer_id: str):
    """A shopper's access request: everything Kassa holds about them, as one document; the audit log records that
    it was handed out (app/privacy/access.py)."""
    who = caller()
    records, document = customer_export(who.merchant_id, customer_id, livemode=who.livemode)
    record_disclosure(api_actor(), "customer.export", "customer", records.customer_id, export_summary(records))
    return jsonify(document)
