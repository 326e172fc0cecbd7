"""One context: the id of the request that created an order follows it everywhere — its log lines, the jobs
it queued, its events, the webhook deliveries (Kassa-Request-Id) and the provider calls in the integration
log — even when the payment is decided later by the provider's callback, so one id finds a whole checkout."""

from __future__ import annotations

import json
import logging

from redis import Redis
from rq import Queue
from sqlalchemy import select

from tests.conftest import REDIS_URL, wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.webhooks.test_webhooks import _receiver_server, receiver, register  # noqa: F401  (fixtures)

REQUEST_ID = "checkout-7f3a.9"


class Lines(logging.Handler):
    """Log lines as Kassa writes them (JSON, with the bound context), formatted when they are emitted."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        from app.platform.observability.logs import JsonFormatter

        self.lines.append(json.loads(JsonFormatter().format(record)))


def test_one_request_id_finds_everything_a_paid_order_touched(app, api, catalog, sandbox, worker, receiver):
    from app.extensions import db
    from app.payments.integration_log import IntegrationLog
    from app.platform.observability.log_writer import flush_every_writer
    from app.platform.outbox.events import Event

    hook, _ = register(api, receiver, "/trace", ["order.paid"])
    lines = Lines()
    logging.getLogger("kassa").addHandler(lines)
    try:
        created = api.post(
            "/orders",
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "customer": {"id": "cus_trace"},
                "agreement_accepted": True,
            },
            headers={"X-Request-Id": REQUEST_ID},
        )
        assert created.status_code == 201 and created.headers["X-Request-Id"] == REQUEST_ID
        order = created.json
        payment = pay(api, order["id"])  # a later request of its own
        sandbox.simulate(payment["provider_reference"], "succeeded")  # the callback decides, much later
        wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"))
        queued = Queue(app.config["RQ_QUEUE"], connection=Redis.from_url(REDIS_URL)).jobs
        assert any(job.meta.get("request_id") == REQUEST_ID for job in queued)  # the dispatch run for order.paid
        wait_for(lambda: worker() is not None and hook.accepted)
    finally:
        logging.getLogger("kassa").removeHandler(lines)

    flush_every_writer()  # the integration log's rows are written on the log writer's thread
    with app.app_context():
        events = list(db.session.scalars(select(Event).where(Event.order_id == order["id"])))
        exchanges = list(
            db.session.scalars(
                select(IntegrationLog).where(
                    IntegrationLog.attempt_id == payment["id"], IntegrationLog.direction == "outbound"
                )
            )
        )
    assert {e.type for e in events} >= {"order.created", "order.paying", "order.paid"}
    assert {e.request_id for e in events} == {REQUEST_ID}
    assert exchanges and {x.request_id for x in exchanges} == {REQUEST_ID}
    assert hook.request_ids == [REQUEST_ID] and hook.accepted[0]["request_id"] == REQUEST_ID
    traced = [line for line in lines.lines if line.get("order_id") == order["id"]]
    assert traced and all(line.get("request_id") == REQUEST_ID for line in traced), traced
    # The callback's own request is not lost: its lines name it as the way the news came in.
    assert any(line.get("via_request_id") for line in traced)
