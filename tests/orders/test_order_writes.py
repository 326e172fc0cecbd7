"""Opening an order, starting its payment and capturing it write their new rows (order, lines, timeline, event;
attempt, timeline, event; journal entry and postings, timeline and events) together: on PostgreSQL in one statement,
one round trip (app/platform/db/core_writes.py), on SQLite one per table. Either way the rows are whole, and a write
the database
refuses leaves nothing of the step behind."""

from __future__ import annotations

from tests.conftest import IS_POSTGRES
from tests.support.provider_api import SandboxApi, signed_callback
from tests.support.sql_sent import statements

ORDER_TABLES = ("orders", "order_items", "order_timeline", "events")


def _inserts(sent: list[str], tables: tuple[str, ...]) -> list[str]:
    return [s for s in sent if any(f"INSERT INTO {table} " in s for table in tables)]


def test_an_order_of_two_lines_is_written_whole_and_on_postgresql_in_one_statement(app, api, catalog):
    with statements(app) as sent:
        created = api.post(
            "/orders",
            json={
                "items": [{"sku": catalog["sku"], "quantity": 2}, {"sku": catalog["limited_sku"], "quantity": 1}],
                "customer": {"id": "cus_writes", "email": "w@example.test"},
                "agreement_accepted": True,
                "metadata": {"ref": "w1"},
            },
        )
    assert created.status_code == 201, created.json
    order = created.json
    assert [(i["sku"], i["quantity"], i["amount"]) for i in order["items"]] == [
        (catalog["sku"], 2, 1998),
        (catalog["limited_sku"], 1, 2500),
    ]
    assert order["amount"]["total"] == 4498
    # The rows as written are what a read finds: the answer was not built from anything the database refused.
    assert api.get(f"/orders/{order['id']}").json == order
    skus = {sku["id"]: sku for sku in api.get(f"/products/{catalog['product']}").json["skus"]}
    assert skus[catalog["limited_sku"]]["stock"] == 2
    created_events = [
        e for e in api.get("/events?type=order.created").json["data"] if e["data"]["object"]["id"] == order["id"]
    ]
    assert [len(e["data"]["object"]["items"]) for e in created_events] == [2]

    writes = _inserts(sent, ORDER_TABLES)
    if IS_POSTGRES:
        assert len(writes) == 1, writes
        assert writes[0].startswith("WITH ") and all(f"INSERT INTO {t} " in writes[0] for t in ORDER_TABLES)
        # In PostgreSQL's own placeholders, which psycopg passes on as they are (app/platform/db/postgres.py): with more
        # than 50 parameters this statement is past what psycopg's cache of statements it rewrote takes.
        assert "$51" in writes[0] and "%(" not in writes[0], writes[0][:300]
    else:
        assert len(writes) >= len(ORDER_TABLES), writes


def test_the_next_order_of_the_same_shape_reuses_the_compiled_write(app, api, catalog):
    """Compiling the statement costs more than sending it: an order shaped like the one before (two lines) is
    written with SQLAlchemy's cached compilation, as a multi-row VALUES would not be."""
    from sqlalchemy import event
    from sqlalchemy.engine.interfaces import CacheStats

    from app.extensions import db

    body = {
        "items": [{"sku": catalog["sku"], "quantity": 1}, {"sku": catalog["limited_sku"], "quantity": 1}],
        "customer": {"id": "cus_writes"},
        "agreement_accepted": True,
    }
    seen: list[tuple[str, CacheStats]] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append((statement, context.cache_hit))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "after_cursor_execute", record)
    try:
        for _ in range(2):
            assert api.post("/orders", json=body).status_code == 201
    finally:
        event.remove(engine, "after_cursor_execute", record)
    item_writes = [hit for statement, hit in seen if "INSERT INTO order_items " in statement]
    assert len(item_writes) == 2 and item_writes[1] == CacheStats.CACHE_HIT, item_writes


def test_a_payment_starts_in_one_write_with_its_move_and_a_refused_attempt_leaves_the_order_as_it_was(
    app, api, merchant, catalog, sandbox
):
    from app.extensions import db
    from app.payments.models import PaymentAttempt
    from app.platform.values.ids import new_id

    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_writes"},
            "agreement_accepted": True,
        },
    ).json
    # An attempt left active on a `created` order (as a race could leave one): the database's one-active-attempt
    # index refuses the new attempt, after the order's move was already sent in the same transaction.
    with app.app_context():
        stray = PaymentAttempt(
            id=new_id("pay"),
            merchant_id=merchant.id,
            order_id=order["id"],
            channel="sandbox_card",
            status="pending",
            amount=999,
            currency="usd",
        )
        db.session.add(stray)
        db.session.commit()
        stray_id = stray.id

    refused = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert refused.status_code == 409 and refused.json["error"]["code"] == "payment_in_progress", refused.json
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "created" and after["timeline"] == order["timeline"]
    with app.app_context():
        from app.orders.models import Order

        assert db.session.get(Order, order["id"]).version == 1  # the move was undone with the refused INSERT
        attempts = db.session.query(PaymentAttempt).filter_by(order_id=order["id"]).all()
        assert [a.id for a in attempts] == [stray_id]

    with app.app_context():
        db.session.get(PaymentAttempt, stray_id).status = "failed"
        db.session.commit()
    with statements(app) as sent:
        paying = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert paying.status_code == 200, paying.json
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "paying"
    assert [t["status"] for t in after["timeline"]] == ["created", "paying"]
    assert paying.json["payment"]["id"] in [p["id"] for p in after["payments"]]
    writes = _inserts(sent, ("payment_attempts", "order_timeline", "events"))
    if IS_POSTGRES:
        assert len(writes) == 1, writes
        assert all(f"INSERT INTO {t} " in writes[0] for t in ("payment_attempts", "order_timeline", "events"))


def test_a_capture_writes_its_ledger_entry_with_the_orders_move_in_one_statement_on_postgresql(
    app, client, merchant, catalog, sandbox_server, live_server
):
    """The provider's callback: the attempt's settling, the order's move to paid, the journal entry with its
    postings, the order's timeline row, order.paid and payment.succeeded in one statement; the books balance and
    each event is there once."""
    from app.extensions import db
    from app.ledger.models import JournalEntry, Posting
    from app.platform.outbox.events import Event

    auth = {"Authorization": f"Bearer {merchant.secret_key}"}
    order = client.post(
        "/api/v1/orders",
        headers=auth,
        json={
            "items": [{"sku": catalog["sku"], "quantity": 3}],
            "customer": {"id": "cus_writes"},
            "agreement_accepted": True,
        },
    ).get_json()
    payment = client.post(
        f"/api/v1/orders/{order['id']}/pay", headers=auth, json={"channel": "sandbox_card"}
    ).get_json()["payment"]
    body, headers = signed_callback(SandboxApi(sandbox_server).decide(payment["provider_reference"], callback="drop"))
    with statements(app) as sent:
        assert client.post("/hooks/channels/sandbox_card", data=body, headers=headers).status_code == 200
    # The provider sends it again: nothing more is written.
    assert client.post("/hooks/channels/sandbox_card", data=body, headers=headers).status_code == 200

    shown = client.get(f"/api/v1/orders/{order['id']}", headers=auth).get_json()
    assert shown["status"] == "paid" and [t["status"] for t in shown["timeline"]] == ["created", "paying", "paid"]
    with app.app_context():
        entries = db.session.query(JournalEntry).filter_by(reference=payment["id"]).all()
        assert [e.kind for e in entries] == ["payment.capture"]
        legs = sorted(p.amount for p in db.session.query(Posting).filter_by(entry_id=entries[0].id))
        assert legs == [-2997, 2997]
        types = sorted(e.type for e in db.session.query(Event).filter_by(order_id=order["id"]))
    assert types == ["order.created", "order.paid", "order.paying", "payment.succeeded"]

    ledger = _inserts(sent, ("journal_entries", "postings"))
    moves = _inserts(sent, ("order_timeline", "events"))
    # The attempt's conditional UPDATE to succeeded happens once, so the entry is not looked for before it is written.
    assert not [s for s in sent if s.startswith("SELECT") and " FROM journal_entries" in s], sent
    # The attempt the callback names is read once, with its order: the route's look-up is what the hub decides on.
    assert len([s for s in sent if s.startswith("SELECT") and " FROM payment_attempts" in s]) == 1, sent
    settles = [s for s in sent if "UPDATE payment_attempts " in s]
    assert len(settles) == 1, settles
    if IS_POSTGRES:
        assert len(ledger) == 1 and "INSERT INTO postings " in ledger[0], ledger
        assert moves == ledger and "UPDATE orders " in moves[0], moves
        assert settles == moves, settles
    else:
        assert len(ledger) == 2 and len(moves) >= 2, (ledger, moves)


def test_an_orders_move_goes_with_its_rows_in_one_statement_and_a_move_that_lost_writes_nothing(
    app, api, merchant, catalog, sandbox
):
    """Paying moves the order with its attempt, timeline row and event: on PostgreSQL the conditional UPDATE and the
    INSERTs are one statement. A move decided on a stale read (someone paid the order meanwhile) is refused whole:
    no timeline row, no event, and the order in memory is still the one that was read."""
    from app.extensions import db
    from app.orders.services import StaleOrder, get_order, transition

    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_writes"},
            "agreement_accepted": True,
        },
    ).json
    with app.app_context():
        stale = get_order(merchant.id, order["id"])  # read before the payment, kept as it was read
        db.session.expunge_all()
    with statements(app) as sent:
        paying = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert paying.status_code == 200, paying.json
    with app.app_context():
        db.session.add(stale)
        try:
            transition(stale, "closed", reason="canceled on a stale read", actor="test")
            raise AssertionError("a move on a stale read was made")
        except StaleOrder:
            assert (stale.status, stale.version) == ("created", 1)
            db.session.rollback()
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "paying"
    assert [t["status"] for t in after["timeline"]] == ["created", "paying"]
    assert sorted(
        e["type"] for e in api.get("/events").json["data"] if e["data"]["object"].get("id") == order["id"]
    ) == ["order.created", "order.paying"]

    moves = [s for s in sent if "UPDATE orders " in s]
    assert len(moves) == 1, moves
    if IS_POSTGRES:
        assert all(f"INSERT INTO {t} " in moves[0] for t in ("payment_attempts", "order_timeline", "events")), moves
