"""Every statement of a paid order, a refund and a provider's mandate callback is answered by an index on
PostgreSQL, so they cost the same for a merchant with a million orders, contracts or refunds as for a new one. A
missing index does not show in a test's small tables (the planner scans them gladly), so each statement is explained
again with scans priced out: a scan that remains is one no index can replace. (The payment's contract look-up
scanned every contract, fulfilment every renewal, a refund every refund and a mandate revoke every contract, until
those columns were indexed.)"""

from __future__ import annotations

import re

import pytest
import requests

from tests.conftest import IS_POSTGRES, wait_for
from tests.support.provider_api import SandboxApi, signed_callback
from tests.support.sql_sent import statements_sent

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="PostgreSQL's plans")

# Read whole on purpose: the degradation switches, a handful of rows cached by every process.
READ_WHOLE = {"switches"}


def scans(app, sent: list[tuple[str, object]]) -> dict[str, set[str]]:
    """{statement: tables it scans} for the statements that scan a table outside READ_WHOLE."""
    from app.extensions import db

    found: dict[str, set[str]] = {}
    with app.app_context():
        connection = db.session.connection()
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        for statement, params in sent:
            if params is None or statement.split(None, 1)[0].upper() not in (
                "SELECT",
                "WITH",
                "INSERT",
                "UPDATE",
                "DELETE",
            ):
                continue  # an executemany (its rows are not kept), or not a statement on a table
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {statement}", params))
            tables = set(re.findall(r"Seq Scan on (\w+)", plan)) - READ_WHOLE
            if tables:
                found[" ".join(statement.split())[:200]] = tables
        db.session.rollback()
    return found


def test_no_statement_of_a_paid_order_or_its_refund_scans_a_table(app, client, merchant, sandbox_server, live_server):
    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_until_drained

    auth = {"Authorization": f"Bearer {merchant.secret_key}"}
    product = client.post(
        "/api/v1/products",
        headers=auth,
        json={
            "name": "Plans",
            "description": "Membership.",
            "skus": [
                {"name": "30 days", "price": {"amount": 999, "currency": "usd"}, "fulfilment": {"membership_days": 30}}
            ],
        },
    ).get_json()
    sku = product["skus"][0]["id"]

    with statements_sent(app) as paying:
        order = client.post(
            "/api/v1/orders",
            headers=auth,
            json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_plans"}, "agreement_accepted": True},
        ).get_json()
        payment = client.post(
            f"/api/v1/orders/{order['id']}/pay", headers=auth, json={"channel": "sandbox_card"}
        ).get_json()["payment"]
        body, headers = signed_callback(
            SandboxApi(sandbox_server).decide(payment["provider_reference"], callback="drop")
        )
        assert client.post("/hooks/channels/sandbox_card", data=body, headers=headers).status_code == 200
        stream = client.get(
            f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}", buffered=True
        )
        assert b"decided" in stream.data
        with app.app_context():
            dispatch_until_drained()
            db.session.remove()
        shown = client.get(f"/api/v1/orders/{order['id']}", headers=auth).get_json()
    assert shown["status"] in ("fulfilled", "completed"), shown["status"]

    with statements_sent(app) as refunding:
        refund = client.post(f"/api/v1/orders/{order['id']}/refunds", headers=auth, json={"amount": 300})
    assert refund.status_code == 201, refund.get_json()

    assert len(paying) > 20 and len(refunding) > 3  # each step's statements were seen
    assert scans(app, paying) == {}
    assert scans(app, refunding) == {}


def test_a_mandate_revoke_from_the_provider_scans_no_table(app, api, sandbox, worker, catalog):
    from tests.support.signing import make_recurring, pay_first_order, subscribe

    make_recurring(app, catalog["sku"], "month")
    sub = pay_first_order(api, sandbox, worker, subscribe(api, catalog["sku"]))
    with statements_sent(app) as revoking:  # the sandbox calls Kassa's live server back, in this process
        revoked = requests.post(
            f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5
        ).json()
        assert revoked["status"] == "revoked"
        wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    assert scans(app, revoking) == {}
