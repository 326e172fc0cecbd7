"""Kassa's pages name their assets with the file's digest, and a browser keeps an asset asked for by that name for a
year, so moving through the portal or coming back to a checkout asks for none of them again
(app/web/static_assets.py). The SDK's plain address, which merchants embed, is still revalidated."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "static"


def _assets(page: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', page)


def test_portal_and_checkout_pages_name_their_assets_by_digest_and_those_are_kept(client, portal, catalog):
    pages = [portal.text("/portal/orders"), client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)]
    named = {url for page in pages for url in _assets(page)}
    assert {"/static/css/kassa.css", "/static/js/checkout.js", "/static/js/portal.js"} <= {
        u.split("?")[0] for u in named
    }
    for url in named:
        path, _, query = url.partition("?v=")
        digest = hashlib.sha256((STATIC / path.removeprefix("/static/")).read_bytes()).hexdigest()[:12]
        assert query == digest, url  # the name changes with the file's content
        kept = client.get(url)
        assert kept.status_code == 200 and kept.headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_an_asset_asked_for_without_its_digest_or_with_an_old_one_is_revalidated(client):
    for url in ("/static/sdk/kassa.js", "/static/css/kassa.css?v=0123456789ab"):
        answer = client.get(url)
        assert answer.status_code == 200 and "immutable" not in answer.headers.get("Cache-Control", ""), url
        assert answer.headers.get("ETag") or answer.headers.get("Last-Modified")  # a 304 is possible
    assert client.get("/static/css/missing.css?v=0123456789ab").status_code == 404


def test_the_api_gives_a_products_image_as_its_plain_address(api, catalog):
    # Clients may store the URL: it stays the file's address, without a digest that changes with each release.
    [image] = api.get(f"/products/{catalog['product']}").json["images"]
    assert image.endswith("/static/img/demo-membership.svg") and "?" not in image
