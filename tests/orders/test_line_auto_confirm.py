"""A business line's own auto-confirm window (issue #56): a fulfilled order of the line completes on the line's
schedule, the merchant's other orders on the merchant's, through the jobs that confirm them."""

from __future__ import annotations

from datetime import timedelta

from app.extensions import db
from app.orders.confirmation import confirm_due_orders
from app.orders.models import Order
from app.platform.db.types import utcnow
from tests.payments.attempts.test_payment_flow import status_of
from tests.support.lifecycle import paid_order, parse_time


def _line_product(api, code: str, **settings) -> str:
    """A line with ``settings`` and a product in it; the product's SKU."""
    line = api.post("/business_lines", json={"code": code, "name": code.title()}).get_json()
    changed = api.post(f"/business_lines/{line['id']}", json=settings)
    assert changed.status_code == 200, changed.get_json()
    body = {
        "name": f"{code} pass",
        "business_line": code,
        "skus": [{"name": "One", "price": {"amount": 500, "currency": "usd"}}],
    }
    made = api.post("/products", json=body)
    assert made.status_code == 201, made.get_json()
    return made.get_json()["skus"][0]["id"]


def _wait_after_fulfilment(app, api, order_id: str) -> timedelta:
    fulfilled = [t for t in api.get(f"/orders/{order_id}").json["timeline"] if t["status"] == "fulfilled"]
    with app.app_context():
        return db.session.get(Order, order_id).auto_confirm_at - parse_time(fulfilled[-1]["at"])


def test_a_lines_order_completes_on_the_lines_schedule(app, api, catalog, sandbox, worker):
    games = _line_product(api, "games", auto_confirm_minutes=60)
    in_line = paid_order(api, sandbox, games)
    plain = paid_order(api, sandbox, catalog["sku"])  # the merchant's own window: 7 days (10080 minutes)
    worker()
    assert status_of(api, in_line["id"]) == status_of(api, plain["id"]) == "fulfilled"
    assert abs(_wait_after_fulfilment(app, api, in_line["id"]) - timedelta(minutes=60)) < timedelta(minutes=1)
    assert abs(_wait_after_fulfilment(app, api, plain["id"]) - timedelta(days=7)) < timedelta(minutes=1)

    with app.app_context():  # the cron's sweep, an hour on: the line's order is due, the other not for days
        assert confirm_due_orders() == 0
        assert confirm_due_orders(now=utcnow() + timedelta(minutes=61)) == 1
    assert status_of(api, in_line["id"]) == "completed"
    assert api.get(f"/orders/{in_line['id']}").json["timeline"][-1]["reason"] == "confirmed automatically"
    assert status_of(api, plain["id"]) == "fulfilled"


def test_a_line_confirming_at_once_has_the_worker_complete_its_orders(app, api, catalog, sandbox, worker):
    games = _line_product(api, "games", auto_confirm_minutes=0)
    in_line = paid_order(api, sandbox, games)
    plain = paid_order(api, sandbox, catalog["sku"])
    worker()  # fulfils both; the line's order's confirmation job, queued at once, runs in the same burst
    assert [t["status"] for t in api.get(f"/orders/{in_line['id']}").json["timeline"]][-2:] == [
        "fulfilled",
        "completed",
    ]
    assert status_of(api, plain["id"]) == "fulfilled"


def test_a_line_without_its_own_window_keeps_the_merchants(app, api, sandbox, worker):
    games = _line_product(api, "games", display_name="Acme Arcade")
    order = paid_order(api, sandbox, games)
    worker()
    assert abs(_wait_after_fulfilment(app, api, order["id"]) - timedelta(days=7)) < timedelta(minutes=1)
