"""Wallet-to-wallet transfers: money from one customer's available balance to another's, of one merchant, in the
key's mode and one currency. Both wallets are locked in a fixed order and the sender's balance is checked under
the lock (app/ledger/wallet/moves.py), so concurrent transfers and payments never overdraw a wallet; the move is one
balanced journal entry. A customer on the merchant's block list can neither send nor receive: a transfer must not
carry money around a block to an accomplice who withdraws it."""

from __future__ import annotations

from app.errors import InvalidRequest
from app.extensions import db
from app.ledger.captures import WALLET
from app.ledger.wallet.models import WalletTransfer
from app.ledger.wallet.moves import transfer_hold
from app.ledger.wallet.services import parse_wallet_amount
from app.orders.customers import parse_customer_id
from app.platform.db.types import utcnow
from app.platform.outbox.events import record_event
from app.platform.switches import refuse_money_movement
from app.platform.values.ids import new_id
from app.platform.values.money import Money
from app.platform.values.times import iso_time
from app.risk import lists
from app.risk.assessment import Assessment, Prospect, refuse_if_blocked

MAX_DESCRIPTION = 500


def transfer_json(transfer: WalletTransfer) -> dict:
    """A transfer as the API and its event show it."""
    return {
        "id": transfer.id,
        "object": "transfer",
        "from": transfer.from_customer,
        "to": transfer.to_customer,
        "amount": transfer.amount,
        "currency": transfer.currency,
        "description": transfer.description,
        "livemode": transfer.livemode,
        "created_at": iso_time(transfer.created_at),
    }


def _refuse_blocked(merchant_id: str, sender: str, recipient: str, money: Money, livemode: bool) -> None:
    assessment = Assessment()
    for customer in (sender, recipient):
        for entry in lists.matches(merchant_id, {"customer": customer}, livemode=livemode):
            if entry.action == "block":
                assessment.flag(
                    "block", f"customer {entry.value} is on the block list" + (f" ({entry.note})" if entry.note else "")
                )
    refuse_if_blocked(assessment, Prospect(merchant_id, sender, None, money.amount, money.currency, livemode))


def transfer_funds(merchant_id: str, sender: str, body: dict, *, livemode: bool) -> WalletTransfer:
    """Move ``{to, amount, currency, description?}`` from ``sender``'s wallet to ``to``'s, once, in one transaction:
    400 for bad input or a transfer to oneself, 402 for a blocked customer, 422 ``insufficient_balance`` when the
    sender's available balance does not cover it, 503 while the wallet is switched off or in maintenance; nothing
    moves on any of them."""
    refuse_money_movement(merchant_id, WALLET)
    # The rule orders use: "bob " is bob, so no money lands in a wallet no checkout can pay from.
    sender = parse_customer_id(sender, param="id")
    recipient = parse_customer_id(body.get("to"), param="to")
    money = parse_wallet_amount(body.get("amount"), body.get("currency"))
    description = body.get("description")
    if description is not None and (not isinstance(description, str) or len(description) > MAX_DESCRIPTION):
        raise InvalidRequest(f"description is text of at most {MAX_DESCRIPTION} characters", param="description")
    if recipient == sender:
        raise InvalidRequest(
            "a customer cannot transfer to their own wallet: to must name another customer",
            code="transfer_to_self",
            param="to",
        )
    _refuse_blocked(merchant_id, sender, recipient, money, livemode)
    db.session.rollback()
    transfer = WalletTransfer(
        id=new_id("tr"),
        merchant_id=merchant_id,
        livemode=livemode,
        from_customer=sender,
        to_customer=recipient,
        amount=money.amount,
        currency=money.currency,
        description=description,
        created_at=utcnow(),
    )
    with transfer_hold(merchant_id, sender, recipient, transfer.id, money, livemode=livemode):
        db.session.add(transfer)
        record_event(merchant_id, "transfer.created", transfer_json(transfer), livemode=livemode)
        db.session.commit()
    return transfer
