"""Money as an integer amount of minor units plus an ISO-4217 currency. No floats."""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from babel import Locale

from app.platform.values.currencies import EXPONENTS as _EXPONENTS
from app.platform.values.currencies import ISO_4217, UNITS_PER_US_DOLLAR

_CURRENCY = re.compile(r"^[a-z]{3}$")
# The most digits any amount may have (Stripe's limit for IDR): 999,999,999,999 minor units, whatever the currency.
MAX_DIGITS = 12
_SYMBOLS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "cny": "¥"}


class CurrencyMismatch(ValueError):
    """Two amounts in different currencies were combined."""


def normalise_currency(code: str) -> str:
    """Return the lowercase ISO 4217 code, or raise ValueError when it is not one (``"abc"`` is three letters,
    not a currency)."""
    if not isinstance(code, str) or not _CURRENCY.match(code.lower()) or code.lower() not in ISO_4217:
        raise ValueError(f"currency must be a three-letter ISO 4217 code such as usd, got {code!r}")
    return code.lower()


def exponent(currency: str) -> int:
    """How many decimal places the currency's minor unit has."""
    return _EXPONENTS.get(currency, 2)


def max_amount(currency: str) -> int:
    """The largest amount Kassa takes in ``currency``, in minor units: a price, an order total, a refund, a top-up, a
    discount, a limit. Eight digits (99,999,999: $999,999.99, Stripe's general limit), and one more for each digit a
    US dollar's worth of the currency has beyond three (100 cents): a dollar is about 1,600,000 minor units of
    IDR (7 digits), so IDR takes 12 (Stripe's IDR limit). Every currency's maximum is then worth some $100,000 to
    $1,000,000 (docs/api.md, "Largest amounts")."""
    per_dollar = UNITS_PER_US_DOLLAR.get(currency, 0) * 10 ** exponent(currency)
    return 10 ** min(MAX_DIGITS, max(8, len(str(per_dollar)) + 5)) - 1


def max_amount_text(currency: str) -> str:
    """The maximum as a message shows it: ``99999999 minor units ($999,999.99)``."""
    largest = max_amount(currency)
    return f"{largest} minor units ({Money(largest, currency).format()})"


_MAJOR = re.compile(r"^\d{1,12}(?:[.,]\d+)?$")
# "1,500" is fifteen hundred to most people and one and a half to others: in a currency of three decimals it would
# read as 1.500, a thousandth of what was meant, so a comma before exactly three digits is refused, never guessed.
_THOUSANDS_COMMA = re.compile(r"^\s*[1-9]\d{0,2},\d{3}\s*$")


def ambiguous_comma(text: str) -> str | None:
    """What to say when ``text`` may hold a thousands comma ("1,500"), else None."""
    if not isinstance(text, str) or not _THOUSANDS_COMMA.match(text):
        return None
    whole, fraction = text.strip().split(",")
    return (
        f"“{text.strip()}” could be {whole}{fraction} or {whole}.{fraction}: write it without a thousands "
        f"separator, with a point before any decimals"
    )


def parse_major(text: str, currency: str) -> int:
    """Minor units from an amount typed in major units (``"12.5"`` USD → 1250), by string
    arithmetic; raises ValueError for anything else, or more decimals than the currency has."""
    if ambiguous_comma(text):
        raise ValueError(ambiguous_comma(text))
    text = (text or "").strip().replace(",", ".") if isinstance(text, str) else ""
    if not _MAJOR.match(text):
        raise ValueError(f"{text!r} is not an amount")
    whole, _, fraction = text.partition(".")
    exp = exponent(normalise_currency(currency))
    if len(fraction) > exp:
        raise ValueError(f"{currency.upper()} has {exp} decimal places")
    return int(whole) * 10**exp + int((fraction or "0").ljust(exp, "0")[:exp] or "0")


def format_major(amount: int, currency: str) -> str:
    """An amount of minor units as a plain number in major units, for a form field (``1250`` → ``12.50``)."""
    exp = exponent(normalise_currency(currency))
    if not exp:
        return str(amount)
    major, minor = divmod(abs(amount), 10**exp)  # divmod of a negative would borrow: -1 → -1.99
    return f"{'-' if amount < 0 else ''}{major}.{minor:0{exp}d}"


# One amount with its currency as a merchant types it in a list: "USD 0.30" or "0.30 usd" (a decimal comma, "0,30
# EUR", is a decimal comma: the items are told apart by their currencies, not by commas).
_AMOUNT_WITH_CURRENCY = re.compile(r"(?<![A-Za-z])([A-Za-z]{3})\s*(\d[\d.,]*)|(\d[\d.,]*)\s*([A-Za-z]{3})(?![A-Za-z])")
_LIST_SEPARATOR = re.compile(r"^[\s,;]*$")


def parse_amounts_by_currency(text: str) -> dict[str, int]:
    """``"USD 0.30, EUR 0.25"`` → ``{"eur": 25, "usd": 30}``: amounts typed in major units, each with its currency;
    raises ValueError saying what to fix. Empty text is an empty map."""
    amounts: dict[str, int] = {}
    position = 0
    for match in _AMOUNT_WITH_CURRENCY.finditer(text or ""):
        between = text[position : match.start()]
        if not _LIST_SEPARATOR.match(between):
            raise ValueError(f"“{between.strip()}” is not an amount with its currency: write e.g. USD 0.30, EUR 0.25")
        position = match.end()
        code, typed = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        currency = normalise_currency(code)
        typed = typed.rstrip(",")
        try:
            amount = parse_major(typed, currency)
        except ValueError as exc:
            raise ValueError(f"{currency.upper()} {typed}: {exc}") from None
        if currency in amounts:
            raise ValueError(f"{currency.upper()} is named twice")
        amounts[currency] = amount
    rest = (text or "")[position:]
    if not _LIST_SEPARATOR.match(rest):
        raise ValueError(f"“{rest.strip()}” is not an amount with its currency: write e.g. USD 0.30, EUR 0.25")
    return dict(sorted(amounts.items()))


def format_amounts_by_currency(amounts: dict[str, int]) -> str:
    """The form field's text for a map of amounts: ``{"usd": 30}`` → ``USD 0.30``."""
    return ", ".join(f"{code.upper()} {format_major(amount, code)}" for code, amount in sorted(amounts.items()))


def allocate(amount: int, ratios: Sequence[int]) -> list[int]:
    """Split ``amount`` by integer ratios with largest-remainder rounding: the parts always sum to
    ``amount`` exactly, and on a tie the earlier part gets the extra unit."""
    if not ratios or any(type(r) is not int or r < 0 for r in ratios) or sum(ratios) == 0:
        raise ValueError("ratios must be non-negative ints with a positive sum")
    total = sum(ratios)
    sign = -1 if amount < 0 else 1
    whole = abs(amount)
    shares = [whole * r // total for r in ratios]
    short = whole - sum(shares)
    if short:
        order = sorted(range(len(ratios)), key=lambda i: (-(whole * ratios[i] % total), i))
        for i in order[:short]:
            shares[i] += 1
    return [sign * s for s in shares] if sign < 0 else shares


@dataclass(frozen=True, slots=True)
class Money:
    amount: int
    currency: str

    def __post_init__(self) -> None:
        # bool is an int subclass; True is not one cent.
        if type(self.amount) is not int:
            raise TypeError(f"Money amount must be an int of minor units, got {type(self.amount).__name__}")
        object.__setattr__(self, "currency", normalise_currency(self.currency))

    def _same(self, other: "Money") -> None:
        if not isinstance(other, Money):
            raise TypeError("can only combine Money with Money")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} and {other.currency} cannot be combined")

    def __add__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: int) -> "Money":
        if type(factor) is not int:
            raise TypeError("Money can only be multiplied by an int")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> "Money":
        return Money(-self.amount, self.currency)

    def __lt__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: "Money") -> bool:
        self._same(other)
        return self.amount <= other.amount

    @classmethod
    def zero(cls, currency: str) -> "Money":
        return cls(0, currency)

    def allocate(self, ratios: Sequence[int]) -> list["Money"]:
        """Split by integer ratios with largest-remainder rounding; the parts sum to self."""
        return [Money(part, self.currency) for part in allocate(self.amount, ratios)]

    def format(self) -> str:
        """Human display, e.g. ``$25.00`` or ``1,200 JPY``; integer arithmetic only."""
        exp = exponent(self.currency)
        sign = "-" if self.amount < 0 else ""
        major, minor = divmod(abs(self.amount), 10**exp) if exp else (abs(self.amount), 0)
        number = f"{major:,}" + (f".{minor:0{exp}d}" if exp else "")
        symbol = _SYMBOLS.get(self.currency)
        return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {self.currency.upper()}"

    def format_in(self, locale: str) -> str:
        """Display in a locale's own way ("$9.99" in en, "9,99 $" in de), by Babel. The Decimal is built from the
        integer (exact): display changes, the amount does not. The decimals are Kassa's, not Babel's: where CLDR
        gives a currency fewer (UGX 1,000.50 is charged, CLDR shows shillings whole) Babel would round what the
        shopper sees away from what they pay."""
        places = exponent(self.currency)
        language = Locale.parse(locale)
        pattern = copy(language.currency_formats["standard"])
        pattern.frac_prec = (places, places)
        return pattern.apply(
            Decimal(self.amount).scaleb(-places), language, currency=self.currency.upper(), currency_digits=False
        )

    def to_json(self) -> dict:
        return {"amount": self.amount, "currency": self.currency}
