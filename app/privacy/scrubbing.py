"""What identifies one customer in the text Kassa kept, and that text without it.

An erasure blanks the columns that hold a person's data, but copies of it also live inside text: the words a
shopper typed into a refund request (which may hold another address of theirs, a phone number, a name) are copied
into the refund's reason and the order's timeline; Kassa's risk notes name the email, address or device that
matched ("ip 203.0.113.7 is on the review list"); events, stored answers and the audit log keep copies of all of
it. ``Personal`` is what to look for, ``scrub`` the JSON and ``Personal.text`` a string without it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property

ERASED = "[erased]"
# Fields that hold a person's contact or network identity in an object about the customer (events keep them).
PERSONAL_FIELDS = frozenset({"email", "customer_email", "ip", "device"})
# An email address inside the free text of the customer's records: one they typed to be reached, or one a note
# about them names (it is theirs, whatever Kassa knew of them).
EMAIL_IN_TEXT = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
# A value is replaced where it stands alone (not inside a longer address, device id or word): 203.0.113.7 is not
# a part of 203.0.113.77.
_JOINING = r"[\w.@+-]"
_BEFORE, _AFTER = f"(?<!{_JOINING})", r"(?![\w@-]|\.\w)"
# An origin this short (a device id of "1") would match ordinary words and numbers in the text around it.
MIN_VALUE_LENGTH = 4
# How much of a typed text must be found to erase a copy that was cut short to fit its column.
_TYPED_HEAD = 12


@dataclass(frozen=True)
class Personal:
    """One customer's identifying values as erasure looks for them: the ``emails`` they gave (lower-cased), the
    emails ``mentioned`` in the notes about them, the ``origins`` their requests came from (IP addresses, device
    ids, card fingerprints), and the texts they ``typed``."""

    customer_id: str
    emails: frozenset[str]
    mentioned: frozenset[str] = frozenset()
    origins: frozenset[str] = frozenset()
    typed: frozenset[str] = frozenset()

    @cached_property
    def _values(self) -> re.Pattern | None:
        # Longest first: a typed text is replaced whole before an address inside it is.
        values = sorted(
            (
                value
                for value in self.emails | self.mentioned | self.origins | self.typed
                if len(value) >= MIN_VALUE_LENGTH
            ),
            key=len,
            reverse=True,
        )
        return re.compile(f"{_BEFORE}(?:{'|'.join(map(re.escape, values))}){_AFTER}", re.IGNORECASE) if values else None

    def text(self, value: str) -> str:
        """``value`` with what the customer typed and their known values replaced."""
        if self._values is not None:
            value = self._values.sub(ERASED, value)
        for typed in self.typed:
            # A copy cut to its column's length ends with the text's beginning.
            at = value.find(typed[:_TYPED_HEAD])
            if at >= 0 and typed.startswith(value[at:]) and not re.fullmatch(_JOINING, value[at - 1 : at]):
                value = value[:at] + ERASED
        return value

    def needles(self) -> set[str]:
        """Substrings of stored JSON text that mark a copy of this customer's data (for a database to narrow by;
        ``scrub`` decides): their id as a value, the emails they gave and what they typed. Not an address,
        device or mentioned email: others share those (one office, a merchant's support address), and their
        copies about this customer are found by the id or order."""
        found = _json_forms(self.customer_id)
        for text in (*self.emails, *(typed[:_TYPED_HEAD] for typed in self.typed)):
            found |= {form[1:-1] for form in _json_forms(text)}
        return found

    def text_needles(self) -> set[str]:
        """Lower-cased substrings of a text column of the customer's that mark a copy of their data."""
        return {
            value.lower() for value in (*self.emails, *self.mentioned, *self.origins) if len(value) >= MIN_VALUE_LENGTH
        } | {typed[:_TYPED_HEAD].lower() for typed in self.typed}


def _json_forms(value: str) -> set[str]:
    """``value`` as it may appear inside stored JSON text (quoted, escaped or not)."""
    return {json.dumps(value), json.dumps(value, ensure_ascii=False)}


def emails_in(texts) -> set[str]:
    """The email addresses written in ``texts``, lower-cased."""
    return {found.lower() for text in texts if text for found in EMAIL_IN_TEXT.findall(text)}


def scrub(value: object, personal: Personal, *, about: bool = False) -> object:
    """``value`` (an event's JSON, a stored answer) with the customer's personal data gone: the personal fields of
    any object about the customer (and of the objects inside it) nulled, any string that is one of their emails
    nulled, and the rest of every string as ``Personal.text`` leaves it."""
    if isinstance(value, dict):
        about = about or _names_customer(value, personal.customer_id)
        return {
            key: None
            if about and key in PERSONAL_FIELDS and isinstance(item, str)
            else scrub(item, personal, about=about)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [scrub(item, personal, about=about) for item in value]
    if isinstance(value, str):
        return None if value.lower() in personal.emails else personal.text(value)
    return value


def _names_customer(obj: dict, customer_id: str) -> bool:
    customer = obj.get("customer")
    return (
        customer == customer_id
        or obj.get("customer_id") == customer_id
        or (isinstance(customer, dict) and customer.get("id") == customer_id)
    )
