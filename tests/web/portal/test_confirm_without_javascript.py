"""Destructive portal actions ask first in a browser without JavaScript too. Before, deactivating a coupon, removing a
product's image and resolving a discrepancy asked only through the page's confirm() dialog: with scripts off (or
blocked, or the dialog suppressed by the browser) one slip of the finger acted at once, and none of them can be
undone. Each test sends the forms exactly as such a browser would: the fields the page holds, nothing added."""

from __future__ import annotations

from tests.web.portal.test_hostile_forms import _Forms

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class _BrowserForms(_Forms):
    """The page's forms with what a textarea holds as well (what a browser sends for it)."""

    _textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self._textarea = dict(attrs).get("name") if tag == "textarea" and self._open is not None else None

    def handle_data(self, data):
        if self._textarea:
            self._open.fields[self._textarea] += data

    def handle_endtag(self, tag):
        self._textarea = None
        super().handle_endtag(tag)


def form_to(page: str, action: str) -> dict:
    """The fields of the page's POST form that sends to ``action``, as a browser would send them."""
    parser = _BrowserForms("/")
    parser.feed(page)
    return dict(next(form for form in parser.forms if form.method == "post" and action in form.actions).fields)


def test_deactivating_a_coupon_asks_first(app, api, merchant, catalog, portal):
    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        coupon = create_coupon(merchant.id, {"code": "LAUNCH", "kind": "percent_off", "percent_bps": 1000}).id
        db.session.commit()
    quote = {"items": [{"sku": catalog["sku"], "quantity": 1}], "coupon": "LAUNCH"}
    page, action = portal.text(f"/portal/coupons/{coupon}"), f"/portal/coupons/{coupon}/deactivate"

    asked = portal.post(action, form_to(page, action), csrf=False)
    assert asked.status_code == 200
    asked_page = asked.get_data(as_text=True)
    assert "Deactivate coupon <code>LAUNCH</code>?" in asked_page and "cannot be undone" in asked_page
    assert api.post("/quotes", json=quote).status_code == 200  # nothing changed yet
    assert "Deactivate coupon <code>LAUNCH</code>?" in portal.text(action)  # a reload asks again

    done = portal.post(action, form_to(asked_page, action), csrf=False)
    assert done.status_code == 302
    assert "deactivated: it can no longer be used" in portal.text(done.headers["Location"])
    assert api.post("/quotes", json=quote).json["error"]["code"] == "coupon_invalid"


def test_removing_a_products_image_asks_first(app, merchant, catalog, portal, tmp_path, monkeypatch):
    from app.catalog.images import add_product_image

    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path))
    with app.app_context():
        image = add_product_image(merchant.id, catalog["product"], PNG).id
    product_page = f"/portal/products/{catalog['product']}"
    action = f"{product_page}/images/{image}/delete"

    asked = portal.post(action, form_to(portal.text(product_page), action), csrf=False)
    assert asked.status_code == 200
    asked_page = asked.get_data(as_text=True)
    assert "Remove image 1 of “Pro membership”?" in asked_page and 'alt="Image 1 of Pro membership"' in asked_page
    assert 'alt="Image 1 of Pro membership"' in portal.text(product_page)  # still there

    done = portal.post(action, form_to(asked_page, action), csrf=False)
    assert done.status_code == 302
    assert "No images yet." in portal.text(product_page)


def test_resolving_a_discrepancy_asks_first_and_keeps_what_was_typed(app, merchant, portal):
    from tests.support.portal import _reconciliation_world

    with app.app_context():
        _, discrepancy = _reconciliation_world(merchant.id)
    action = f"/portal/reconciliation/discrepancies/{discrepancy}/resolve"
    fields = form_to(portal.text("/portal/reconciliation"), action)
    fields.update(resolution="written_off", note="Provider's rounding, agreed on the phone")

    asked = portal.post(action, fields, csrf=False)
    assert asked.status_code == 200
    asked_page = asked.get_data(as_text=True)
    assert "Mark this discrepancy resolved?" in asked_page and "pay_world" in asked_page
    assert "pay_world" in portal.text("/portal/reconciliation")  # still open
    confirming = form_to(asked_page, action)
    assert confirming["resolution"] == "written_off" and confirming["note"] == fields["note"]

    # A note emptied on the confirmation page is refused beside it, and nothing is resolved.
    refused = portal.post(action, {**confirming, "note": " "}, csrf=False)
    assert refused.status_code == 422
    assert '<p id="note-error" class="field-error" role="alert">Note says what was done or found' in refused.get_data(
        as_text=True
    )
    assert "pay_world" in portal.text("/portal/reconciliation")

    done = portal.post(action, confirming, csrf=False)
    assert done.status_code == 302
    assert "Nothing to look at" in portal.text("/portal/reconciliation")
    resolved = portal.text("/portal/reconciliation?status=resolved")
    assert "written off" in resolved and "agreed on the phone" in resolved
