"""The business line an order belongs to: the one its caller names, or the one its products are in.

Products without a line belong to the merchant as a whole and may be sold in any line's order; products of two
different lines never share an order, so each order, and every payment, refund and journal entry after it, belongs
to one line (or to none: the merchant's default)."""

from __future__ import annotations

from collections.abc import Iterable

from app.catalog.models import Product
from app.catalog.services import Quote
from app.errors import InvalidRequest, NotFound
from app.merchants.business_lines import get_line, line_codes, line_for_new_record


def line_of_basket(merchant_id: str, quote: Quote, asked: object = None) -> str | None:
    """The line id of an order of ``quote``'s items (None: the merchant's default); mixing lines is a 400 that names
    them."""
    found = {line.sku.product.business_line_id for line in quote.lines} - {None}
    chosen = line_for_new_record(merchant_id, asked)
    if chosen is not None:
        found.add(chosen)
    if len(found) > 1:
        codes = line_codes(merchant_id)
        named = " and ".join(sorted(codes.get(line_id, line_id) for line_id in found))
        raise InvalidRequest(
            f"an order belongs to one business line, and these items and business_line are in {named}: "
            "make one order per line",
            code="business_line_mismatch",
            param="business_line" if chosen is not None else "items",
        )
    return found.pop() if found else None


def line_of_quote(quote: Quote, asked: str | None = None) -> str | None:
    """The line whose channels a basket is shown before it is ordered (a quote, the checkout panel): the line asked
    for (an id), else its products' one line; None for the merchant's default, and for a basket of products of two
    lines (no order can be made of it, and creating one says so)."""
    if asked is not None:
        return asked
    return line_of_products(line.sku.product for line in quote.lines)


def line_of_products(products: Iterable[Product]) -> str | None:
    """The line an order of these products is in, as far as they say: the one line they name, else None (none named,
    or several, which one order cannot mix)."""
    found = {product.business_line_id for product in products} - {None}
    return found.pop() if len(found) == 1 else None


def line_to_filter(merchant_id: str, ref: str | None) -> str | None:
    """The line id a list is filtered by (``?business_line=`` gives its id or code); an unknown one is a 400."""
    if not ref:
        return None
    try:
        return get_line(merchant_id, ref).id
    except NotFound:  # in a filter, an unknown line is a mistake to fix, not a missing page
        message = f"business_line: the merchant has no business line {ref!r}"
        raise InvalidRequest(message, param="business_line") from None
