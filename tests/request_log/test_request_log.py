"""Developers → Logs: each API request a merchant's key made, as its developer reads it in the portal — redacted,
filtered, paged, kept 30 days, and never another merchant's."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
import requests

from tests.conftest import Api, wait_for


def served(response):
    """Read and close a test-client response, as a WSGI server does once it has sent it: the log row is queued then,
    and the writer's thread has written it when this returns."""
    from app.platform.observability.log_writer import flush_every_writer

    response.get_data()
    response.close()
    flush_every_writer()
    return response


def order_body(sku: str, **extra) -> dict:
    return {
        "items": [{"sku": sku, "quantity": 1}],
        "customer": {"id": "cus_log", "email": "shopper@example.test"},
        "agreement_accepted": True,
        **extra,
    }


def rows_on(page: str) -> list[str]:
    """The requests listed on a Logs page, as "METHOD path", top to bottom."""
    return re.findall(r"<code>([A-Z]+ /api/v1/[^<]*)</code></a>", page)


def detail_link(page: str, method_path: str) -> str:
    match = re.search(r'href="(/portal/developers/logs/areq_[a-z0-9]+)"><code>' + re.escape(method_path), page)
    assert match, method_path
    return match.group(1)


def stored_rows(app, merchant_id: str | None = None) -> list[dict]:
    """The log table's rows (one merchant's, if named), oldest first."""
    from sqlalchemy import select

    from app.extensions import db
    from app.request_log.models import ApiRequestLog

    query = select(ApiRequestLog.__table__).order_by(ApiRequestLog.id)
    if merchant_id:
        query = query.where(ApiRequestLog.merchant_id == merchant_id)
    with app.app_context():
        return [dict(row._mapping) for row in db.session.execute(query)]


def test_a_developer_reads_each_request_with_its_secrets_hidden(app, api, pk_api, merchant, catalog, member):
    created = served(
        api.post(
            "/orders",
            json=order_body(catalog["sku"], metadata={"password": "hunter2-horse"}),
            headers={"Idempotency-Key": "log-order-1", "User-Agent": "acme-server/1.4"},
        )
    )
    assert created.status_code == 201
    order = created.json
    assert served(pk_api.get(f"/orders/{order['id']}?client_secret={order['client_secret']}")).status_code == 200
    assert served(api.get("/orders/ord_missing")).status_code == 404

    developer = member("developer")
    page = developer.text("/portal/developers/logs")
    assert rows_on(page) == [
        "GET /api/v1/orders/ord_missing",
        f"GET /api/v1/orders/{order['id']}",
        "POST /api/v1/orders",
    ]  # newest first
    assert f"sk_test_…{merchant.secret_key[-4:]}" in page and f"pk_test_…{merchant.publishable_key[-4:]}" in page
    assert ">201<" in page and ">404<" in page and " ms<" in page

    detail = html.unescape(developer.text(detail_link(page, "POST /api/v1/orders")))
    assert "log-order-1" in detail and "acme-server/1.4" in detail  # Idempotency-Key and User-Agent
    assert created.headers["X-Request-Id"] in detail
    assert f'href="/portal/orders/{order["id"]}"' in detail  # the order it created
    assert '"password": "[redacted]"' in detail and "hunter2-horse" not in detail
    assert '"client_secret": "[redacted]"' in detail and order["client_secret"] not in detail
    assert '"sku": "sku_test_month"' in detail and '"email": "shopper@example.test"' in detail  # structure stays

    read = html.unescape(developer.text(detail_link(page, f"GET /api/v1/orders/{order['id']}")))
    assert "?client_secret=[redacted]" in read and order["client_secret"] not in read
    assert f"pk_test_…{merchant.publishable_key[-4:]}" in read

    # Nowhere in the table: no key, no client secret, no password.
    stored = repr(stored_rows(app))
    for secret in (merchant.secret_key, merchant.publishable_key, order["client_secret"], "hunter2-horse"):
        assert secret not in stored


def test_a_named_key_is_shown_by_its_name(client, portal):
    shown = portal.post("/portal/developers/keys", {"name": "Production server", "kind": "secret", "mode": "test"})
    raw = re.search(r"sk_test_[A-Za-z0-9]{20,}", shown.get_data(as_text=True)).group(0)
    served(Api(client, raw).get("/products"))
    page = portal.text("/portal/developers/logs")
    assert "Production server" in page and f"sk_test_…{raw[-4:]}" in page
    assert "Production server" in portal.text(detail_link(page, "GET /api/v1/products"))
    assert f"Production server (sk_test_…{raw[-4:]})" in page  # the key filter's choice
    assert raw not in page


def test_an_idempotent_replay_says_so_and_links_to_the_same_order(api, catalog, portal):
    first = served(api.post("/orders", json=order_body(catalog["sku"]), headers={"Idempotency-Key": "replay-1"}))
    replay = served(api.post("/orders", json=order_body(catalog["sku"]), headers={"Idempotency-Key": "replay-1"}))
    assert replay.headers["Idempotent-Replayed"] == "true"
    page = portal.text("/portal/developers/logs")
    newest = html.unescape(portal.text(detail_link(page, "POST /api/v1/orders")))
    assert "Idempotent-Replayed (response)" in newest and "replay-1" in newest
    assert f'href="/portal/orders/{first.json["id"]}"' in newest
    same_id = f"/portal/developers/logs?request_id={replay.headers['X-Request-Id']}"
    assert f'href="{same_id}"' in newest and rows_on(portal.text(same_id)) == ["POST /api/v1/orders"]


def test_a_checkout_session_url_does_not_leak_its_client_secret(api, catalog, portal):
    session = served(
        api.post(
            "/checkout_sessions",
            json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "cus_log"}},
        )
    ).json
    assert session["client_secret"] in session["url"]  # the URL the merchant hands the shopper carries it
    detail = html.unescape(
        portal.text(detail_link(portal.text("/portal/developers/logs"), "POST /api/v1/checkout_sessions"))
    )
    assert session["client_secret"] not in detail
    assert f"/checkout/sessions/{session['id']}?client_secret=[redacted]" in detail


def test_a_checkout_sessions_client_secret_sent_by_the_browser_is_hidden(
    app, api, pk_api, merchant, catalog, member, sandbox
):
    """The session's client secret is the shopper's key to the customer's wallet: the browser names it in its own
    calls (``checkout_session``), and a developer reading those calls must not read it (else they could spend the
    customer's wallet on the session's basket, or top it up, as that customer)."""
    session = api.post(
        "/checkout_sessions", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "cus_log"}}
    ).json
    ordered = served(
        pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    )
    assert ordered.status_code == 201, ordered.json
    topped = served(
        pk_api.post(
            "/customers/cus_log/topups",
            json={
                "amount": 500,
                "currency": "usd",
                "channel": "sandbox_card",
                "checkout_session": session["client_secret"],
            },
        )
    )
    assert topped.status_code == 201, topped.json

    developer = member("developer")
    page = developer.text("/portal/developers/logs")
    detail = html.unescape(developer.text(detail_link(page, "POST /api/v1/orders")))
    assert '"checkout_session": "[redacted]"' in detail and '"agreement_accepted": true' in detail
    for row in stored_rows(app, merchant.id):
        assert session["client_secret"] not in repr(row), row["path"]


def test_card_data_and_keys_in_bodies_are_hidden_wherever_they_sit(app, api, merchant):
    from app.request_log.redaction import redact_body, redact_query

    body = (
        b'{"card": {"number": "4242 4242 4242 4242", "cvc": "123", "exp_month": 12}, "note": "card 4000056655665556",'
        b' "api_key": "x", "leaked": "%s", "quantity": 1234567890123, "items": [{"sku": "sku_1", "token": "t"}]}'
        % merchant.secret_key.encode()
    )
    kept = redact_body(body)
    for secret in ("4242 4242", "4000056655665556", '"123"', merchant.secret_key, '"x"', '"t"'):
        assert secret not in kept
    assert '"sku": "sku_1"' in kept and '"quantity": 1234567890123' in kept  # not a card number (Luhn)
    assert len(redact_body(b'{"blob": "%s"}' % (b"a" * 20_000))) < 8 * 1024 + 100
    assert redact_query("limit=3&client_secret=cs_abc") == "limit=3&client_secret=[redacted]"
    # A customer's self-service link is a credential in its path.
    assert "tok_live_link" not in redact_body(b'{"url": "https://pay.example/checkout/billing/tok_live_link"}')


def test_the_filters_narrow_the_list(app, api, pk_api, merchant, catalog, portal):
    from sqlalchemy import update

    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.request_log.models import ApiRequestLog

    served(api.get("/products", headers={"X-Request-Id": "req-from-acme-42"}))
    served(api.post("/orders", json=order_body(catalog["sku"])))
    served(api.post("/orders", json={"items": []}))  # 400
    served(pk_api.get("/orders"))  # a publishable key on a secret route: 403, still logged
    old = served(api.get(f"/products/{catalog['product']}"))
    with app.app_context():
        db.session.execute(
            update(ApiRequestLog)
            .where(ApiRequestLog.request_id == old.headers["X-Request-Id"])
            .values(created_at=utcnow() - timedelta(days=3))
        )
        db.session.commit()
        pk_id = db.session.scalar(db.select(ApiRequestLog.key_id).where(ApiRequestLog.status_code == 403))

    def listed(query: str) -> list[str]:
        return rows_on(portal.text(f"/portal/developers/logs?{query}"))

    assert len(listed("")) == 5
    assert listed("status=4xx") == ["GET /api/v1/orders", "POST /api/v1/orders"]
    assert listed("status=2xx&method=POST") == ["POST /api/v1/orders"]
    assert listed("path=products") == [f"GET /api/v1/products/{catalog['product']}", "GET /api/v1/products"]
    assert listed("path=%25") == []  # a literal %, not a wildcard
    assert listed(f"key={pk_id}") == ["GET /api/v1/orders"]
    assert listed("request_id=req-from-acme-42") == ["GET /api/v1/products"]
    today = utcnow().date()
    assert listed(f"until={today - timedelta(days=2)}") == [f"GET /api/v1/products/{catalog['product']}"]
    assert len(listed(f"since={today}&until={today}")) == 4

    bad = portal.get(f"/portal/developers/logs?since={today}&until={today - timedelta(days=1)}")
    assert bad.status_code == 422 and "Choose a date on or after the From date." in bad.get_data(as_text=True)
    assert portal.get("/portal/developers/logs?status=6xx").status_code == 422
    assert "No requests match these filters" in portal.text("/portal/developers/logs?path=nothing-like-this")


def test_pages_walk_older_and_back_newer(api, portal):
    for _ in range(52):
        served(api.get("/products"))
    served(api.get("/orders"))
    first = portal.text("/portal/developers/logs?method=GET")
    assert len(rows_on(first)) == 50 and rows_on(first)[0] == "GET /api/v1/orders"
    older_url = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "method=GET" in older_url and "starting_after=areq_" in older_url
    second = portal.text(older_url)
    assert rows_on(second) == ["GET /api/v1/products"] * 3 and 'rel="next"' not in second
    newer_url = re.search(r'href="([^"]+)" rel="prev"', second).group(1).replace("&amp;", "&")
    assert rows_on(portal.text(newer_url)) == rows_on(first)


def test_a_merchant_with_no_requests_sees_how_to_start(portal):
    page = portal.text("/portal/developers/logs")
    assert "No API requests yet" in page and 'href="/portal/developers"' in page


def test_a_merchant_never_sees_another_merchants_requests(app, client, api, merchant, other_merchant, portal):
    theirs = served(Api(client, other_merchant.secret_key).get("/products", headers={"X-Request-Id": "rival-req-1"}))
    assert theirs.status_code == 200
    served(api.get("/orders"))
    page = portal.text("/portal/developers/logs")
    assert rows_on(page) == ["GET /api/v1/orders"] and "rival-req-1" not in page
    assert rows_on(portal.text("/portal/developers/logs?request_id=rival-req-1")) == []
    their_row = next(r["id"] for r in stored_rows(app) if r["merchant_id"] == other_merchant.id)
    assert portal.get(f"/portal/developers/logs/{their_row}").status_code == 404


def test_roles_without_developer_access_cannot_open_the_logs(api, member):
    served(api.get("/orders"))
    operator = member("operator")
    refused = operator.get("/portal/developers/logs")
    assert refused.status_code == 403 and "read the API request log" in refused.get_data(as_text=True)
    assert "Logs" in member("developer").text("/portal/developers")  # in the Developers tabs


def test_the_reaper_job_forgets_requests_past_the_retention(app, api, merchant, worker):
    from sqlalchemy import update

    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.queueing import BATCH, enqueue
    from app.request_log.models import ApiRequestLog

    served(api.get("/products"))
    recent = served(api.get("/orders")).headers["X-Request-Id"]
    with app.app_context():
        db.session.execute(
            update(ApiRequestLog)
            .where(ApiRequestLog.request_id != recent)
            .values(created_at=utcnow() - timedelta(days=31))
        )
        db.session.commit()
        enqueue("app.jobs.reap_api_request_logs", lane=BATCH)
    assert worker() == 1
    assert [row["request_id"] for row in stored_rows(app, merchant.id)] == [recent]


def test_a_log_that_cannot_be_written_never_fails_the_request(app, api, merchant):
    from sqlalchemy import create_engine

    from app.platform.observability.log_writer import writer_for

    broken = create_engine("sqlite:////nonexistent-dir/kassa-log.db")
    writer = writer_for(app)
    saved, writer.engine = writer.engine, broken
    try:
        response = served(api.get("/products"))
    finally:
        writer.engine = saved
        broken.dispose()
    assert response.status_code == 200 and response.json["data"] is not None
    assert stored_rows(app, merchant.id) == []


def test_a_real_server_writes_the_row_once_the_answer_is_sent(app, merchant, live_server):
    answer = requests.get(
        f"{live_server}/api/v1/products", timeout=10, headers={"Authorization": f"Bearer {merchant.secret_key}"}
    )
    assert answer.status_code == 200
    rows = wait_for(lambda: stored_rows(app, merchant.id), timeout=10)
    assert rows[0]["request_id"] == answer.headers["X-Request-Id"] and rows[0]["path"] == "/api/v1/products"
    assert rows[0]["ip"] == "127.0.0.1" and rows[0]["duration_ms"] is not None


def test_a_request_after_the_database_dropped_the_logs_connection_is_still_logged(app, api, merchant, catalog):
    """The log's pool does not ping before each row: when the database has dropped its connection (a restart),
    the row is written again on a new one, not lost."""
    from sqlalchemy import text

    from app.extensions import db
    from app.platform.observability.log_writer import writer_for

    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("a server that drops connections: PostgreSQL")
    assert served(api.get(f"/products/{catalog['product']}")).status_code == 200
    with writer_for(app).engine.connect() as connection:  # the pooled connection that wrote that row
        pid = connection.execute(text("SELECT pg_backend_pid()")).scalar_one()
    with app.app_context():
        assert db.session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
        db.session.commit()

    assert served(api.get("/orders/ord_missing")).status_code == 404
    assert [(r["method"], r["path"], r["status_code"]) for r in stored_rows(app, merchant.id)] == [
        ("GET", f"/api/v1/products/{catalog['product']}", 200),
        ("GET", "/api/v1/orders/ord_missing", 404),
    ]


def test_hostile_bodies_are_logged_with_their_secrets_still_hidden(app, merchant, live_server, portal):
    """A body nested 5,000 deep (the redaction hit a RecursionError) and one with a lone surrogate (the row's INSERT
    failed) were answered 400 but never reached Developers → Logs: the merchant now reads both, secrets masked."""
    headers = {"Authorization": f"Bearer {merchant.secret_key}", "Content-Type": "application/json"}
    deep = '{"password": "hunter2-deep", "note": "%s", "nest": %s%s}' % (
        merchant.secret_key,
        "[" * 5000,
        "]" * 5000,
    )
    lone = '{"customer": {"id": "cus_\\ud800", "email": "lone@example.test"}, "api_key": "hunter2-lone"}'
    answers = [
        requests.post(f"{live_server}/api/v1/orders", data=body.encode(), headers=headers, timeout=10)
        for body in (deep, lone)
    ]
    assert [answer.status_code for answer in answers] == [400, 400]

    rows = wait_for(lambda: len(stored_rows(app, merchant.id)) == 2 and stored_rows(app, merchant.id), timeout=10)
    assert [row["request_id"] for row in rows] == [answer.headers["X-Request-Id"] for answer in answers]
    page = portal.text("/portal/developers/logs")
    assert rows_on(page) == ["POST /api/v1/orders", "POST /api/v1/orders"]
    details = [html.unescape(portal.text(f"/portal/developers/logs/{row['id']}")) for row in rows]
    assert '"password": "[redacted]"' in details[0] and "[[[[" in details[0]  # its shape, as far as it is kept
    assert "cus_\\ud800" in details[1] and "lone@example.test" in details[1]  # the surrogate, written escaped
    assert '"api_key": "[redacted]"' in details[1]
    stored = repr(rows) + "".join(details)
    for secret in (merchant.secret_key, "hunter2-deep", "hunter2-lone"):
        assert secret not in stored
