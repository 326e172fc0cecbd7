import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.platform.values.money import CurrencyMismatch, Money


def test_adds_and_subtracts_in_one_currency():
    assert Money(1000, "usd") + Money(250, "USD") == Money(1250, "usd")
    assert Money(1000, "usd") - Money(250, "usd") == Money(750, "usd")
    assert Money(999, "usd") * 3 == Money(2997, "usd")


def test_refuses_floats_bools_and_mixed_currencies():
    with pytest.raises(TypeError):
        Money(9.99, "usd")
    with pytest.raises(TypeError):
        Money(True, "usd")
    with pytest.raises(TypeError):
        Money(100, "usd") * 1.5
    with pytest.raises(CurrencyMismatch):
        Money(100, "usd") + Money(100, "eur")
    with pytest.raises(ValueError):
        Money(100, "dollars")


@pytest.mark.parametrize(
    "money, shown",
    [
        (Money(2500, "usd"), "$25.00"),
        (Money(5, "usd"), "$0.05"),
        (Money(-123456, "eur"), "-€1,234.56"),
        (Money(1200, "jpy"), "¥1,200"),
        (Money(1234, "kwd"), "1.234 KWD"),
        (Money(100000, "chf"), "1,000.00 CHF"),
    ],
)
def test_formats_with_the_currency_exponent(money, shown):
    assert money.format() == shown


@pytest.mark.parametrize(
    "money, locale, shown",
    [
        (Money(999, "usd"), "en", "$9.99"),
        (Money(999, "usd"), "de", "9,99\u00a0$"),
        (Money(999, "eur"), "de", "9,99\u00a0€"),
        (Money(999, "eur"), "fr", "9,99\u00a0€"),
        (Money(123456789, "eur"), "de", "1.234.567,89\u00a0€"),
        (Money(120000, "jpy"), "de", "120.000\u00a0¥"),
        (Money(1234, "kwd"), "en", "KWD1.234"),
        (Money(-5, "usd"), "en", "-$0.05"),
    ],
)
def test_formats_in_a_locales_own_way(money, locale, shown):
    assert money.format_in(locale) == shown


@given(st.integers(min_value=0, max_value=2**31 - 1))
def test_a_locales_display_keeps_every_minor_unit(amount):
    digits = "".join(c for c in Money(amount, "eur").format_in("de") if c.isdigit())
    assert int(digits) == amount


def test_allocate_splits_with_largest_remainder():
    assert [m.amount for m in Money(100, "usd").allocate([1, 1, 1])] == [34, 33, 33]
    assert [m.amount for m in Money(5, "usd").allocate([70, 30])] == [4, 1]
    assert [m.amount for m in Money(-100, "usd").allocate([1, 1, 1])] == [-34, -33, -33]


@given(
    amount=st.integers(min_value=-(10**12), max_value=10**12),
    ratios=st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=8).filter(lambda r: sum(r) > 0),
)
def test_allocation_parts_always_add_up_to_the_whole(amount, ratios):
    parts = Money(amount, "usd").allocate(ratios)
    assert sum(p.amount for p in parts) == amount
    assert len(parts) == len(ratios)
    # No part is more than one minor unit away from its exact share.
    for part, ratio in zip(parts, ratios, strict=True):
        assert abs(part.amount * sum(ratios) - amount * ratio) < sum(ratios)


def test_major_unit_text_round_trips_for_form_fields():
    from app.platform.values.money import format_major, parse_major

    assert parse_major("12.5", "usd") == 1250 and parse_major("1200", "jpy") == 1200
    assert format_major(1250, "usd") == "12.50" and format_major(-1, "usd") == "-0.01"
    assert format_major(1234, "kwd") == "1.234"
    for bad in ("12.345", "abc", "", "1e3"):
        with pytest.raises(ValueError):
            parse_major(bad, "usd")


def test_the_sdk_reads_amounts_with_the_servers_minor_units():
    """The SDK shows an amount by the exponent the server stores it with: ¥500 is 500, not 5.00."""
    import re
    from pathlib import Path

    from app.platform.values.currencies import EXPONENTS

    source = (Path(__file__).parents[3] / "sdk" / "src" / "i18n.ts").read_text()
    table = re.search(r"MINOR_UNIT_EXPONENTS[^=]*=\s*\{(.*?)\}", source, re.S).group(1)
    assert {code: int(digits) for code, digits in re.findall(r"(\w+):\s*(\d)", table)} == EXPONENTS
