"""Orders and the money after them carry a business line (issue #56): from the body or the products, never two."""

from __future__ import annotations

from sqlalchemy import select

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of


def _lines(api) -> dict:
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    music = api.post("/business_lines", json={"code": "music", "name": "Music"}).get_json()
    return {"games": games["id"], "music": music["id"]}


def _product(api, name: str, line: str | None, price: int = 500) -> str:
    body = {"name": name, "skus": [{"name": "One", "price": {"amount": price, "currency": "usd"}}]}
    if line is not None:
        body["business_line"] = line
    made = api.post("/products", json=body)
    assert made.status_code == 201, made.get_json()
    assert (made.get_json()["business_line"] is None) == (line is None)
    return made.get_json()["skus"][0]["id"]


def _order(api, skus: list[str], **extra):
    return api.post(
        "/orders",
        json={
            "items": [{"sku": sku, "quantity": 1} for sku in skus],
            "customer": {"id": "cus_lines"},
            "agreement_accepted": True,
            **extra,
        },
    )


def test_an_order_takes_its_products_line_or_the_one_it_names(api):
    lines = _lines(api)
    game = _product(api, "Dragon saga", "games")
    song = _product(api, "Album", lines["music"])
    plain = _product(api, "Gift card", None)

    from_product = _order(api, [game])
    assert from_product.status_code == 201 and from_product.get_json()["business_line"] == lines["games"]
    named = _order(api, [plain], business_line="music")
    assert named.get_json()["business_line"] == lines["music"]
    shared = _order(api, [plain, game])  # a product of no line goes with any line
    assert shared.get_json()["business_line"] == lines["games"]
    default = _order(api, [plain])
    assert default.get_json()["business_line"] is None

    mixed = _order(api, [game, song])
    assert mixed.status_code == 400
    error = mixed.get_json()["error"]
    assert error["code"] == "business_line_mismatch" and "games and music" in error["message"]
    assert _order(api, [game], business_line="music").get_json()["error"]["param"] == "business_line"
    unknown = _order(api, [plain], business_line="films")
    assert unknown.status_code == 400 and "no business line 'films'" in unknown.get_json()["error"]["message"]

    games_only = api.get("/orders?business_line=games").get_json()["data"]
    assert {o["id"] for o in games_only} == {from_product.get_json()["id"], shared.get_json()["id"]}
    by_id = api.get(f"/orders?business_line={lines['music']}").get_json()["data"]
    assert [o["id"] for o in by_id] == [named.get_json()["id"]]
    assert len(api.get("/orders").get_json()["data"]) == 4
    assert api.get("/orders?business_line=films").status_code == 400


def test_an_archived_line_takes_no_new_orders_or_products(api):
    lines = _lines(api)
    plain = _product(api, "Gift card", None)
    api.post(f"/business_lines/{lines['games']}/archive")
    refused = _order(api, [plain], business_line="games")
    assert refused.status_code == 400 and "archived" in refused.get_json()["error"]["message"]
    product = api.post("/products", json={"name": "Late game", "business_line": "games"})
    assert product.status_code == 400 and product.get_json()["error"]["param"] == "business_line"


def test_payments_refunds_and_journal_entries_carry_the_orders_line(app, api, sandbox):
    from app.extensions import db
    from app.ledger.models import JournalEntry
    from app.payments.models import PaymentAttempt, Refund

    lines = _lines(api)
    game = _product(api, "Dragon saga", "games", price=1500)
    order = _order(api, [game]).get_json()
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    refund = api.post(f"/orders/{order['id']}/refunds", json={"amount": 500})
    assert refund.status_code == 201, refund.get_json()
    wait_for(lambda: api.get(f"/orders/{order['id']}").get_json()["refunded_amount"] == 500)

    with app.app_context():
        attempt = db.session.scalar(select(PaymentAttempt).where(PaymentAttempt.order_id == order["id"]))
        assert attempt.business_line_id == lines["games"]
        refund_line = db.session.scalar(select(Refund.business_line_id).where(Refund.order_id == order["id"]))
        assert refund_line == lines["games"]
        capture = db.session.scalar(select(JournalEntry).where(JournalEntry.reference == attempt.id))
        assert capture.kind == "payment.capture" and capture.business_line_id == lines["games"]
        refunded = db.session.scalar(
            select(JournalEntry).where(
                JournalEntry.kind == "payment.refund", JournalEntry.merchant_id == attempt.merchant_id
            )
        )
        assert refunded.business_line_id == lines["games"]


def test_a_subscription_carries_its_products_line_and_lists_by_it(api):
    lines = _lines(api)
    made = api.post(
        "/products",
        json={
            "name": "Music club",
            "business_line": "music",
            "skus": [
                {"name": "Monthly", "price": {"amount": 900, "currency": "usd"}, "subscription": {"interval": "month"}}
            ],
        },
    )
    assert made.status_code == 201, made.get_json()
    opened = api.post(
        "/subscriptions",
        json={"sku": made.get_json()["skus"][0]["id"], "customer": {"id": "cus_club"}, "agreement_accepted": True},
    )
    assert opened.status_code == 201, opened.get_json()
    answer = opened.get_json()
    assert answer["subscription"]["business_line"] == lines["music"]
    assert answer["order"]["business_line"] == lines["music"]
    assert [s["id"] for s in api.get("/subscriptions?business_line=music").get_json()["data"]] == [
        answer["subscription"]["id"]
    ]
    assert api.get("/subscriptions?business_line=games").get_json()["data"] == []


def test_a_merchant_without_lines_sees_no_line_anywhere(api, catalog):
    order = _order(api, [catalog["sku"]]).get_json()
    assert order["business_line"] is None
    assert api.get(f"/products/{catalog['product']}").get_json()["business_line"] is None
