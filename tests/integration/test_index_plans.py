"""Every statement of a paid order is answered by an index on PostgreSQL, so a payment costs the same for a merchant
with a million orders, contracts or renewals as for a new one. A missing index does not show in a test's small
tables (the planner scans them gladly), so each statement is explained again with scans priced out: a scan that
remains is one no index can replace. (The payment's contract look-up scanned every contract, and fulfilment every
renewal, until 0107_renewal_order_index.)"""
from __future__ import annotations

import re

import pytest

from tests.conftest import IS_POSTGRES
from tests.faults.provider_api import SandboxApi, signed_callback

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="PostgreSQL's plans")

# Read whole on purpose: the degradation switches, a handful of rows cached by every process.
READ_WHOLE = {"switches"}


def _scans(app, sent: list[tuple[str, object]]) -> dict[str, set[str]]:
    """{statement: tables it scans} for the statements that scan a table outside READ_WHOLE."""
    from app.extensions import db

    found: dict[str, set[str]] = {}
    with app.app_context():
        connection = db.session.connection()
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        for statement, params in sent:
            if statement.split(None, 1)[0].upper() not in ("SELECT", "WITH", "INSERT", "UPDATE", "DELETE"):
                continue
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", params))
            tables = set(re.findall(r"Seq Scan on (\w+)", plan)) - READ_WHOLE
            if tables:
                found[" ".join(statement.split())[:200]] = tables
        db.session.rollback()
    return found


def test_no_statement_of_a_paid_order_scans_a_table(app, client, merchant, sandbox_server, live_server):
    from sqlalchemy import event

    from app.events import dispatch_until_drained
    from app.extensions import db

    auth = {"Authorization": f"Bearer {merchant.secret_key}"}
    product = client.post("/api/v1/products", headers=auth, json={
        "name": "Plans", "description": "Membership.",
        "skus": [{"name": "30 days", "price": {"amount": 999, "currency": "usd"},
                  "fulfilment": {"membership_days": 30}}]}).get_json()
    sku = product["skus"][0]["id"]

    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, params, _context, executemany) -> None:
        if not executemany:
            sent.append((statement, params))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        order = client.post("/api/v1/orders", headers=auth, json={
            "items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_plans"},
            "agreement_accepted": True}).get_json()
        payment = client.post(f"/api/v1/orders/{order['id']}/pay", headers=auth,
                              json={"channel": "sandbox_card"}).get_json()["payment"]
        body, headers = signed_callback(SandboxApi(sandbox_server).decide(payment["provider_reference"],
                                                                          callback="drop"))
        assert client.post("/hooks/channels/sandbox_card", data=body, headers=headers).status_code == 200
        stream = client.get(f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}",
                            buffered=True)
        assert b"decided" in stream.data
        with app.app_context():
            dispatch_until_drained()
            db.session.remove()
        shown = client.get(f"/api/v1/orders/{order['id']}", headers=auth).get_json()
    finally:
        event.remove(engine, "before_cursor_execute", record)

    assert shown["status"] in ("fulfilled", "completed"), shown["status"]
    assert len(sent) > 20  # the whole order's statements were seen
    assert _scans(app, sent) == {}
