"""Shared steps of the order-lifecycle tests: a paid order, SKU fulfilment, a merchant webhook receiver."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of


def paid_order(api, sandbox, sku: str, quantity: int = 1) -> dict:
    """An order paid through the sandbox provider (real HTTP callback), still ``paid``."""
    order = create_order(api, sku, quantity)
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    return api.get(f"/orders/{order['id']}").json


def set_fulfilment(app, sku_id: str, spec: dict | None) -> None:
    """Say what a SKU grants, as the merchant's catalog would."""
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        db.session.get(Sku, sku_id).fulfilment = spec
        db.session.commit()


def set_auto_confirm(app, merchant_id: str, minutes: int) -> None:
    from app.extensions import db
    from app.merchants.models import Merchant

    with app.app_context():
        db.session.get(Merchant, merchant_id).auto_confirm_minutes = minutes
        db.session.commit()


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass
class Receiver:
    """A merchant's fulfilment endpoint on a real local port, answering a fixed status."""

    url: str
    status: int = 200
    received: list[tuple[dict, bytes]] = field(default_factory=list)


class ReceiverServer:
    def __init__(self, status: int) -> None:
        self.receiver = Receiver(url="", status=status)

        @Request.application
        def wsgi(request: Request) -> Response:
            self.receiver.received.append((dict(request.headers), request.get_data()))
            return Response("{}", status=self.receiver.status, mimetype="application/json")

        self.server = make_server("127.0.0.1", 0, wsgi, threaded=True)
        self.receiver.url = f"http://127.0.0.1:{self.server.server_port}/fulfil"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=2)
