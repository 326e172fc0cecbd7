"""Operations pages: where orders are now (counts, the longest waiting, what is stuck, one merchant and one
mode, paged), the workflow diagrams, and an order's path highlighted on its page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

from sqlalchemy import update

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of
from tests.support.portal import Portal

SVG = "{http://www.w3.org/2000/svg}"


def backdate(app, model, row_id: str, **ago: timedelta) -> None:
    """Move a row's timestamps into the past, as the minutes passing would."""
    from app.extensions import db
    from app.platform.db.types import utcnow

    with app.app_context():
        db.session.execute(
            update(model)
            .where(model.id == row_id)
            .values(**{column: utcnow() - delta for column, delta in ago.items()})
        )
        db.session.commit()


def linked(page: str) -> list[str]:
    """The orders a page links to, in order."""
    return re.findall(r'href="/portal/orders/(ord_\w+)"', page)


def section(page: str, heading_id: str) -> str:
    """The HTML of the page's section with that heading, up to the next section."""
    start = page.index(f'id="{heading_id}"')
    end = page.find("<section", start)
    return page[start : end if end > 0 else None]


def test_counts_per_status_with_the_longest_waiting_and_empty_lists(app, api, merchant, catalog, portal):
    from app.orders.models import Order

    first, second = create_order(api, catalog["sku"]), create_order(api, catalog["sku"])
    backdate(app, Order, second["id"], updated_at=timedelta(hours=3))
    page = portal.text("/portal/operations/now")
    rows = dict(re.findall(r'badge-(\w+)">\1</span></td>\s*<td data-label="Orders">(?:<a [^>]*>)?(\d+)', page))
    assert rows == {
        "created": "2",
        "paying": "0",
        "paid": "0",
        "fulfilled": "0",
        "completed": "0",
        "refunding": "0",
        "refunded": "0",
        "closed": "0",
    }
    created_row = page[page.index('badge-created">created') :].split("</tr>")[0]
    assert second["id"] in created_row and first["id"] not in created_row and "3 h 0 min" in created_row
    refreshed = portal.get("/portal/operations/now", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert refreshed.startswith('\n<div id="orders-now"') or refreshed.lstrip().startswith('<div id="orders-now"')
    assert "<html" not in refreshed and second["id"] in refreshed  # htmx swaps in just the figures
    for heading, empty in (
        ("stuck-paying", "No order has been paying that long."),
        ("stuck-unknown", "No payment has an unknown outcome."),
        ("stuck-fulfilment", "No fulfilment is failing."),
        ("stuck-refunds", "No refund is waiting that long."),
    ):
        assert empty in section(page, heading)


def test_stuck_orders_are_listed_by_kind_each_linking_to_its_order(app, api, merchant, catalog, sandbox, portal):
    from app.orders.models import Order
    from app.payments.attempts.unknown_outcomes import mark_outcome_unknown
    from app.payments.models import PaymentAttempt, Refund

    fresh = create_order(api, catalog["sku"])
    pay(api, fresh["id"])  # paying for seconds: not stuck
    stuck = create_order(api, catalog["sku"])
    stuck_payment = pay(api, stuck["id"])
    backdate(app, Order, stuck["id"], updated_at=timedelta(minutes=16))
    unknown = create_order(api, catalog["sku"])
    unknown_payment = pay(api, unknown["id"])
    with app.app_context():
        mark_outcome_unknown(unknown_payment["id"], "the create call timed out")
    refunding = create_order(api, catalog["sku"])
    payment = pay(api, refunding["id"])
    with app.app_context():  # a refund sent whose answer never came (the provider went quiet)
        from app.extensions import db
        from app.platform.db.types import utcnow

        db.session.add(
            Refund(
                id="re_stuck",
                merchant_id=merchant.id,
                order_id=refunding["id"],
                payment_id=payment["id"],
                channel="sandbox_card",
                amount=999,
                currency="usd",
                status="pending",
                previous_order_status="paid",
                actor="api",
                created_at=utcnow() - timedelta(minutes=9),
                updated_at=utcnow() - timedelta(minutes=9),
            )
        )
        db.session.commit()

    page = portal.text("/portal/operations/now")
    paying = section(page, "stuck-paying")
    assert f'href="/portal/orders/{stuck["id"]}"' in paying and fresh["id"] not in paying
    assert stuck_payment["id"] in paying and "sandbox_card payment pending" in paying and "16 min" in paying
    unknown_list = section(page, "stuck-unknown")
    assert f'href="/portal/orders/{unknown["id"]}"' in unknown_list and unknown_payment["id"] in unknown_list
    refunds = section(page, "stuck-refunds")
    assert f'href="/portal/orders/{refunding["id"]}"' in refunds and "re_stuck" in refunds
    assert "9 min" in refunds
    with app.app_context():
        from app.extensions import db

        assert db.session.get(PaymentAttempt, unknown_payment["id"]).status == "unknown"


def test_a_stuck_list_pages_oldest_first_and_shows_one_merchant_and_one_mode(
    app, api, merchant, other_merchant, catalog, portal, monkeypatch
):
    from app.orders.models import Order
    from app.web.portal import workflow_views

    ids = []
    for minutes in (40, 30, 20):
        order = create_order(api, catalog["sku"])
        backdate(app, Order, order["id"], updated_at=timedelta(minutes=minutes))
        with app.app_context():
            from app.extensions import db

            db.session.execute(update(Order).where(Order.id == order["id"]).values(status="paying"))
            db.session.commit()
        ids.append(order["id"])
    live = ids[2]
    with app.app_context():
        from app.extensions import db

        db.session.execute(update(Order).where(Order.id == live).values(livemode=True))
        db.session.commit()
    monkeypatch.setattr(workflow_views, "PAGE_SIZE", 1)

    first = portal.text("/portal/operations/now?list=paying")
    assert "Paying for more than 15 minutes" in first and linked(first) == [ids[0]]
    after = re.search(r'href="(/portal/operations/now\?list=paying&amp;after=[^"]+)" rel="next"', first).group(1)
    second = portal.text(after.replace("&amp;", "&"))
    assert linked(second) == [ids[1]] and 'rel="next"' not in second  # the live one is not in test mode
    assert portal.get("/portal/operations/now?list=nonsense").status_code == 404
    assert portal.get("/portal/operations/now?list=paying&after=garbage").status_code == 200

    rival = Portal(app.test_client())
    rival.sign_in(other_merchant.email, other_merchant.password)
    assert "No order has been paying that long." in rival.text("/portal/operations/now")


def test_the_workflow_page_draws_every_machine_and_the_order_page_marks_the_path_taken(
    app, api, catalog, sandbox, portal, member
):
    page = member("developer").text("/portal/operations/workflow")  # every role may read it
    for title in ("Order", "Payment attempt", "Refund", "Subscription", "Manual action"):
        assert f"{title}: states and transitions</title>" in page
    assert page.count("<svg") == 5
    assert "<strong>paying</strong> → created, paid, closed" in page  # the text beside each picture

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "failed")  # declined: back to created
    wait_for(lambda: status_of(api, order["id"]) == "created")
    page = portal.text(f"/portal/orders/{order['id']}")
    svg = ET.fromstring(re.search(r'<svg [^>]*id="order-path.*?</svg>', page, re.S).group(0))
    taken = {
        (p.get("data-from"), p.get("data-to")) for p in svg.iter(f"{SVG}path") if "taken" in p.get("class", "").split()
    }
    assert taken == {("created", "paying"), ("paying", "created")}
    assert [g.get("data-state") for g in svg.iter(f"{SVG}g") if "current" in g.get("class", "").split()] == ["created"]
    path = section(page, "path-title")
    assert re.findall(r"<li><strong>(\w+)</strong>", path) == ["created", "paying", "created"]
