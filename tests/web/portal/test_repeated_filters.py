"""A filter given twice in a portal address (a link edited by hand, two bookmarks pasted together) is a page that
says which one to keep, never a list that quietly applied the first value only."""

from __future__ import annotations

import pytest

from tests.support.portal import Portal


@pytest.mark.parametrize(
    "page, query, param",
    [
        ("/portal/orders", "status=paid&status=closed", "status"),
        ("/portal/subscriptions", "status=active&status=canceled", "status"),
        ("/portal/products", "q=Pro&q=Gold", "q"),
        ("/portal/risk", "kind=email&kind=ip", "kind"),
        ("/portal/settlements", "status=paid&status=failed", "status"),
        ("/portal/audit", "start=2026-01-01&start=2026-02-01", "start"),
    ],
)
def test_a_filter_given_twice_is_a_clear_400(portal: Portal, world, page, query, param):
    refused = portal.get(f"{page}?{query}")
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400, (page, refused.status_code)
    assert f"The address gives “{param}” 2 times, but each filter takes one value: keep one" in text
    assert portal.get(f"{page}?{query.split('&')[0]}").status_code == 200  # one value: the filtered list


def test_an_htmx_filter_given_twice_says_so_in_the_page_alert(portal: Portal, world):
    refused = portal.get("/portal/orders?status=paid&status=closed", headers={"HX-Request": "true"})
    assert refused.status_code == 400 and refused.headers["HX-Retarget"] == "#page-alert"
    assert "“status” 2 times" in refused.get_data(as_text=True)
