"""A customer's data as one JSON document (a shopper's access or portability request), shown the way the API
shows each object; the API (``GET /customers/{id}/export``) and the portal's download both answer with it."""

from __future__ import annotations

from app.checkout_sessions.services import checkout_session_object
from app.ledger.wallet.services import wallet_balance
from app.orders.entitlements import customer_entitlements
from app.payments.payouts.transfers import transfer_json
from app.payments.payouts.withdrawals import list_withdrawals, withdrawal_json
from app.platform.db.types import utcnow
from app.platform.values.times import iso_time
from app.privacy.access import CustomerRecords, customer_records
from app.privacy.erasure import erasure_json
from app.web.api.representations import customer_balance_json, entitlements_json, orders_json, subscription_json

_PAGE = 100


def _mode(livemode: bool) -> str:
    return "live" if livemode else "test"


def customer_export(merchant_id: str, customer_id: str, *, livemode: bool) -> tuple[CustomerRecords, dict]:
    """The records read, and the document. ``livemode``: the caller's mode (live covers both)."""
    records = customer_records(merchant_id, customer_id, livemode=livemode)
    customer_id = records.customer_id
    withdrawals = []
    for mode in records.modes:
        after = None
        for _ in range(10_000):  # bounded: each page moves past _PAGE withdrawals
            page, more = list_withdrawals(
                merchant_id, livemode=mode, customer_id=customer_id, limit=_PAGE, starting_after=after
            )
            withdrawals += [withdrawal_json(w, p) for w, p in page]
            if not more:
                break
            after = page[-1][0].id
    document = {
        "object": "customer_export",
        "customer": customer_id,
        "livemode": livemode,
        "modes": [_mode(mode) for mode in records.modes],
        "generated_at": iso_time(utcnow()),
        "orders": orders_json(records.orders),
        "subscriptions": [subscription_json(sub) for sub in records.subscriptions],
        "entitlements": {
            _mode(mode): entitlements_json(customer_entitlements(merchant_id, customer_id, livemode=mode))
            for mode in records.modes
        },
        "wallet": {
            _mode(mode): customer_balance_json(wallet_balance(merchant_id, customer_id, livemode=mode))
            for mode in records.modes
        },
        "withdrawals": withdrawals,
        "transfers": [transfer_json(transfer) for transfer in records.transfers],
        # As their events show them: without the URL and client secret that would open the checkout (and the
        # customer's wallet) for whoever holds this document.
        "checkout_sessions": [checkout_session_object(session) for session in records.checkout_sessions],
        "refund_requests": [
            {
                "id": r.id,
                "order": r.order_id,
                "reason": r.reason,
                "status": r.status,
                "ip": r.ip,
                "device": r.device,
                "created": iso_time(r.created_at),
            }
            for r in records.refund_requests
        ],
        "emails": [
            {**mail, "created": iso_time(mail["created"]), "sent_at": iso_time(mail["sent_at"])}
            for mail in records.emails
        ],
        "erasures": [erasure_json(erasure) for erasure in records.erasures],
    }
    return records, document


def export_summary(records: CustomerRecords) -> dict:
    """What the audit log keeps of an export: how much was handed out, never what."""
    return {
        "orders": len(records.orders),
        "subscriptions": len(records.subscriptions),
        "checkout_sessions": len(records.checkout_sessions),
        "transfers": len(records.transfers),
        "refund_requests": len(records.refund_requests),
        "emails": len(records.emails),
        "modes": [_mode(mode) for mode in records.modes],
    }
