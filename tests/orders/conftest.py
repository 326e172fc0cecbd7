"""What the sub-order tests share: two partners, each owning one of the catalog's SKUs."""

from __future__ import annotations

import pytest

from tests.support.books import add_partner, set_rule


@pytest.fixture
def partners(api, catalog) -> tuple[str, str]:
    """Partner A owns the 9.99 SKU, partner B the 25.00 one: an order of both is two sub-orders."""
    a, b = add_partner(api, "Studio A")["id"], add_partner(api, "Studio B")["id"]
    assert set_rule(api, catalog["sku"], [(a, 10_000)]).status_code == 200
    assert set_rule(api, catalog["limited_sku"], [(b, 10_000)]).status_code == 200
    return a, b
