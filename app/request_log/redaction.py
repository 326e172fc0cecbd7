"""Redaction for the API request log: bodies keep their shape so a developer can read them, but no secret,
token, password or card data survives, and each body is cut to a bounded size."""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import parse_qsl, urlencode

REDACTED = "[redacted]"
MAX_BODY_CHARS = 8 * 1024
_PARSE_BYTES = 64 * 1024

# Field names whose values are credentials or card data, wherever they sit in a body.
_SECRET_FIELD = re.compile(
    r"secret|token|passw|passphrase|api_?key|private_?key|signing_?key|authorization|cookie|"
    r"cvc|cvv|cvn|card_?number|^pan$|^number$|^exp_(?:month|year)$|^expiry|iban|account_number",
    re.IGNORECASE,
)
# Values that are secrets whatever their field is called: Kassa keys and webhook secrets, card numbers, and the
# client secrets of orders and checkout sessions (``cs_…_secret_…``): a browser names a session's in its own calls
# (``checkout_session``), and it unlocks the customer's wallet.
_SECRET_VALUE = re.compile(
    r"\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9]+|\bwhsec_[A-Za-z0-9]+|"
    r"\b[a-z]+_[0-9a-z]+_secret_[A-Za-z0-9_-]+"
)
_CARD_LIKE = re.compile(r"(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])")
# Credentials inside URLs an answer hands out: a checkout session's ?client_secret=…, a return ?token=…, and a
# customer's self-service link, whose path segment after /billing/ is itself the credential.
_SECRET_PARAM = re.compile(r"([?&;][^=&#\s\"']*(?:secret|token|passw|key)[^=&#\s\"']*=)[^&#\s\"']+", re.IGNORECASE)
_BILLING_PATH = re.compile(r"(/billing/)[^/?#\s\"']+")


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        number = int(char)
        if position % 2:
            number = number * 2 - 9 if number > 4 else number * 2
        total += number
    return total % 10 == 0


def _mask_cards(text: str) -> str:
    def mask(match: re.Match) -> str:
        digits = re.sub(r"\D", "", match.group(0))
        return REDACTED if _luhn(digits) else match.group(0)

    return _CARD_LIKE.sub(mask, text)


# What any of the four patterns above needs to match somewhere in a text (broader, never narrower): most values
# (ids, names, amounts, timestamps) have none of it and skip the four passes.
_MAYBE_SECRET = re.compile(
    r"_(?:test|live|secret)_|whsec_|/billing/|[?&;][^=&#\s\"']*=|(?:\d[ -]?){12}\d", re.IGNORECASE
)


def redact_text(text: str) -> str:
    """A free-text value (or a body that is not JSON) with keys and card numbers hidden."""
    if not _MAYBE_SECRET.search(text):
        return text
    text = _BILLING_PATH.sub(rf"\1{REDACTED}", _SECRET_PARAM.sub(rf"\1{REDACTED}", text))
    return _mask_cards(_SECRET_VALUE.sub(REDACTED, text))


@functools.lru_cache(maxsize=2048)
def _secret_named(key: str) -> bool:
    """Does a field of this name hold a secret? Bodies repeat the same few hundred names: asked once each."""
    return _SECRET_FIELD.search(key) is not None


def redact_json(value: object) -> object:
    """A JSON value with every secret-named field hidden and secret-looking strings masked."""
    if isinstance(value, dict):
        return {
            key: REDACTED if item is not None and _secret_named(str(key)) else redact_json(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact_json(item) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, int) and not isinstance(value, bool) and 12 < len(str(abs(value))) < 20:
        return redact_text(str(value)) if _luhn(str(abs(value))) else value
    return value


def _cap(text: str) -> str:
    if len(text) <= MAX_BODY_CHARS:
        return text
    return f"{text[:MAX_BODY_CHARS]}\n… [cut: {len(text)} characters in all]"


def redact_body(raw: bytes | None) -> str | None:
    """A request or response body as stored: redacted JSON when it parses, masked text otherwise, capped."""
    if not raw:
        return None
    # A body far over the cap (a large CSV import) is only read as far as it is kept.
    text = raw[:_PARSE_BYTES].decode("utf-8", errors="replace")
    try:
        if len(raw) > _PARSE_BYTES:
            raise ValueError("too large to parse")
        parsed = json.loads(text)
    except ValueError:
        # Not JSON (a CSV import, a form): no field names to go by; hide name=value secrets and keys.
        masked = re.sub(r"((?:secret|token|passw|key)[^=&\s]*=)[^&\s]+", rf"\1{REDACTED}", text, flags=re.IGNORECASE)
        return (
            _cap(redact_text(masked))
            if len(raw) <= _PARSE_BYTES
            else f"{redact_text(masked)[:MAX_BODY_CHARS]}\n… [cut: {len(raw)} bytes in all]"
        )
    return _cap(json.dumps(redact_json(parsed), ensure_ascii=False))


def redact_query(query: str) -> str | None:
    """A query string with secret-named parameters hidden (``?client_secret=`` reads an order)."""
    if not query:
        return None
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(
        [(name, REDACTED if _SECRET_FIELD.search(name) else redact_text(value)) for name, value in pairs], safe="[]"
    )[:2048]
