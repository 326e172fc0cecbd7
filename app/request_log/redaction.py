"""Redaction for the API request log: bodies keep their shape so a developer can read them, but no secret,
token, password or card data survives, and each body is cut to a bounded size.

Hostile bodies are logged too (the merchant wants to see them most): nesting past ``MAX_DEPTH`` is kept as a
marker, a body too deep for the JSON reader is kept as masked text, and text no database can store (a lone
surrogate such as ``\\ud800``) is written escaped."""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import parse_qsl, urlencode

REDACTED = "[redacted]"
MAX_BODY_CHARS = 8 * 1024
# Deeper than any body Kassa reads (app/web/json_bodies.py refuses past 20): the recursion stays far from the limit.
MAX_DEPTH = 32
TOO_DEEP = f"[cut: nested deeper than {MAX_DEPTH} levels]"
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
    """A JSON value with every secret-named field hidden and secret-looking strings masked; what sits deeper than
    ``MAX_DEPTH`` becomes a marker."""
    return _redact_json(value, 0)


def _redact_json(value: object, depth: int) -> object:
    if isinstance(value, dict | list) and depth >= MAX_DEPTH:
        return TOO_DEEP
    if isinstance(value, dict):
        return {
            key: REDACTED if item is not None and _secret_named(str(key)) else _redact_json(item, depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_redact_json(item, depth + 1) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, int) and not isinstance(value, bool) and 12 < len(str(abs(value))) < 20:
        return redact_text(str(value)) if _luhn(str(abs(value))) else value
    return value


# A JSON member ``"name": value`` (a string, or a number/literal), for bodies too deep to parse.
_JSON_MEMBER = re.compile(r'"((?:[^"\\]|\\.){0,200})"(\s*:\s*)("(?:[^"\\]|\\.)*"|[-+.\w]+)')


def _mask_json_members(text: str) -> str:
    """Secret-named members of JSON read as text: the value goes, the name and shape stay."""

    def mask(match: re.Match) -> str:
        name, colon, _ = match.groups()
        return f'"{name}"{colon}"{REDACTED}"' if _secret_named(name) else match.group(0)

    return _JSON_MEMBER.sub(mask, text)


def storable(text: str) -> str:
    """``text`` with what UTF-8 cannot hold (lone surrogates, from a JSON ``\\ud800``) written as its escape: the
    database driver refuses such text, and the row would be lost."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


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
    except RecursionError:
        # Nested deeper than the JSON reader goes (app/web/json_bodies.py answered 400): kept as text, its
        # secret-named members masked as a parsed body's are.
        return storable(_cap(f"[not parsed: nested too deep]\n{redact_text(_mask_json_members(text))}"))
    except ValueError:
        # Not JSON (a CSV import, a form): no field names to go by; hide name=value secrets and keys.
        masked = re.sub(r"((?:secret|token|passw|key)[^=&\s]*=)[^&\s]+", rf"\1{REDACTED}", text, flags=re.IGNORECASE)
        return (
            _cap(redact_text(masked))
            if len(raw) <= _PARSE_BYTES
            else f"{redact_text(masked)[:MAX_BODY_CHARS]}\n… [cut: {len(raw)} bytes in all]"
        )
    return storable(_cap(json.dumps(redact_json(parsed), ensure_ascii=False)))


def redact_query(query: str) -> str | None:
    """A query string with secret-named parameters hidden (``?client_secret=`` reads an order)."""
    if not query:
        return None
    pairs = parse_qsl(query, keep_blank_values=True)
    return urlencode(
        [(name, REDACTED if _SECRET_FIELD.search(name) else redact_text(value)) for name, value in pairs], safe="[]"
    )[:2048]
