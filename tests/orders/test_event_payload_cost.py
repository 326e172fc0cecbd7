"""Order events carry the whole order (items included) and are written in the checkout's own transactions, so
building them must cost no query: the lines come with the order's read in the same statement, never as a read of
their own while an order event is built."""

from __future__ import annotations

from tests.support.provider_api import SandboxApi, signed_callback
from tests.support.sql_sent import statements


def test_the_checkout_steps_write_whole_order_events_without_reading_the_lines_apart(
    app, client, merchant, catalog, sandbox_server, live_server
):
    from app.extensions import db
    from app.platform.outbox.events import Event

    auth = {"Authorization": f"Bearer {merchant.secret_key}"}
    with statements(app) as sent:
        created = client.post(
            "/api/v1/orders",
            headers=auth,
            json={
                "items": [{"sku": catalog["sku"], "quantity": 2}],
                "customer": {"id": "cus_cost", "email": "c@example.test"},
                "agreement_accepted": True,
                "metadata": {"ref": "r1"},
            },
        )
        assert created.status_code == 201, created.get_json()
        order_id = created.get_json()["id"]
        paying = client.post(f"/api/v1/orders/{order_id}/pay", headers=auth, json={"channel": "sandbox_card"})
        assert paying.status_code == 200, paying.get_json()
        body, headers = signed_callback(
            SandboxApi(sandbox_server).decide(paying.get_json()["payment"]["provider_reference"], callback="drop")
        )
        assert client.post("/hooks/channels/sandbox_card", data=body, headers=headers).status_code == 200

    lines_read_apart = [s for s in sent if "FROM order_items WHERE" in s]
    assert lines_read_apart == []
    with app.app_context():
        events = {e.type: e.data["object"] for e in db.session.query(Event).filter_by(order_id=order_id)}
    assert {"order.created", "order.paying", "order.paid"} <= set(events)
    for name in ("order.created", "order.paying", "order.paid"):
        assert [(i["sku"], i["quantity"]) for i in events[name]["items"]] == [(catalog["sku"], 2)], name
        assert events[name]["customer"]["email"] == "c@example.test" and events[name]["metadata"] == {"ref": "r1"}
