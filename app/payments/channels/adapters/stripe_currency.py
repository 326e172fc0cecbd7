"""Amounts between Kassa's minor units (app/platform/values/money.py, ISO 4217 exponents) and Stripe's, per Stripe's
currency
table (https://docs.stripe.com/currencies): zero-decimal currencies are sent in whole units, three-decimal ones in
thousandths whose last digit must be 0, and ISK, though zero-decimal, is sent as two-decimal with 00 cents."""

from __future__ import annotations

from app.platform.values.money import exponent, format_major

ZERO_DECIMAL = frozenset(
    {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"}
)
THREE_DECIMAL = frozenset({"bhd", "jod", "kwd", "omr", "tnd"})
TWO_DECIMAL_FOR_COMPATIBILITY = frozenset({"isk"})  # zero-decimal, but Stripe's API wants the amount × 100


def stripe_exponent(currency: str) -> int:
    """How many decimals Stripe's API uses for ``currency``'s amounts."""
    currency = currency.lower()
    if currency in TWO_DECIMAL_FOR_COMPATIBILITY:
        return 2
    if currency in ZERO_DECIMAL:
        return 0
    return 3 if currency in THREE_DECIMAL else 2


def to_stripe_amount(amount: int, currency: str) -> int:
    """Kassa's minor units as Stripe's; ValueError (saying why) when Stripe cannot charge exactly that amount."""
    currency = currency.lower()
    shift = stripe_exponent(currency) - exponent(currency)
    if shift >= 0:
        converted = amount * 10**shift
    else:
        unit = 10**-shift
        if amount % unit:
            raise ValueError(
                f"Stripe charges {currency.upper()} in whole units only; "
                f"{format_major(amount, currency)} is not a whole amount"
            )
        converted = amount // unit
    if currency in THREE_DECIMAL and converted % 10:
        raise ValueError(
            f"Stripe charges {currency.upper()} in multiples of 0.010; {format_major(amount, currency)} is not one"
        )
    return converted


def from_stripe_amount(amount: int, currency: str) -> int:
    """Stripe's amount as Kassa's minor units (exact for every amount Kassa sent)."""
    currency = currency.lower()
    shift = stripe_exponent(currency) - exponent(currency)
    return amount // 10**shift if shift >= 0 else amount * 10**-shift
