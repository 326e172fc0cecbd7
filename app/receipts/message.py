"""The email receipt: one message with a plain-text and an HTML part, from the merchant by name."""

from __future__ import annotations

from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from flask import render_template
from flask_babel import gettext

from app.platform.db.types import utcnow
from app.platform.values.locales import money, speaking
from app.receipts.contents import Receipt


def message_id_for(order_id: str, sender: str) -> str:
    """The receipt's Message-ID: the same for every try, so a mail client shows a repeated send once."""
    domain = sender.rpartition("@")[2] or "kassa.localhost"
    return f"<receipt.{order_id}@{domain}>"


def one_line(text: str) -> str:
    """A header value never breaks a line (a merchant name is free text)."""
    return " ".join(text.split())


def subject_for(receipt: Receipt) -> str:
    """The subject line: whose receipt and how much, marked in test mode (in the language being spoken)."""
    if receipt.trial:
        subject = gettext("Your free trial with %(merchant)s has started", merchant=one_line(receipt.merchant_name))
        return subject if receipt.livemode else gettext("[Test mode] %(subject)s", subject=subject)
    subject = gettext(
        "Your receipt from %(merchant)s — %(total)s",
        merchant=one_line(receipt.merchant_name),
        total=money(receipt.total),
    )
    return subject if receipt.livemode else gettext("[Test mode] %(subject)s", subject=subject)


def envelope(merchant_name: str, *, sender: str, recipient: Address, message_id: str) -> EmailMessage:
    """An email to a shopper from ``sender`` under the merchant's name, its parts still to add."""
    message = EmailMessage()
    # formataddr quotes (and encodes) a merchant name with commas, quotes or non-ASCII letters.
    message["From"] = formataddr((one_line(merchant_name), sender))
    message["To"] = str(recipient)
    message["Message-ID"] = message_id
    message["Date"] = format_datetime(utcnow())
    # Not marketing: auto-responders should not answer it.
    message["Auto-Submitted"] = "auto-generated"
    return message


def build_message(receipt: Receipt, *, sender: str, recipient: Address, message_id: str) -> EmailMessage:
    """The receipt as an email from ``sender`` under the merchant's name to ``recipient``, in the receipt's
    language."""
    message = envelope(receipt.merchant_name, sender=sender, recipient=recipient, message_id=message_id)
    with speaking(receipt.language):
        message["Subject"] = subject_for(receipt)
        message.set_content(render_template("receipts/email.txt", receipt=receipt))
        message.add_alternative(render_template("receipts/email.html", receipt=receipt), subtype="html")
    message["Content-Language"] = receipt.language  # after the parts: setting content moves Content-* headers
    return message
