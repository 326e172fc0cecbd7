"""The developer CLI, run as a developer runs it: ``flask kassa events listen`` as a real process forwarding
signed events to a real receiver on loopback, and ``flask kassa events trigger`` producing real test-mode events."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.webhooks.test_webhooks import _receiver_server, receiver  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]


class Listener:
    """``flask kassa events listen …`` as a subprocess, its output read line by line with a bound on every wait."""

    def __init__(self, app, tmp_path: Path, *args: str) -> None:
        env = {
            **os.environ,
            "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": app.config["REDIS_URL"],
            "KASSA_RQ_QUEUE": app.config["RQ_QUEUE"],
            "KASSA_VAR_DIR": str(tmp_path),
            "SANDBOX_URL": app.config["SANDBOX_URL"],
            "KASSA_PUBLIC_URL": app.config["PUBLIC_URL"],
        }
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("flask")), "--app", "wsgi", "kassa", "events", "listen", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def line_with(self, text: str, timeout: float = 60) -> str:
        """The next output line containing ``text`` (the lines before it are kept in ``output``)."""
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no line with {text!r} within {timeout}s; output so far: {self.output}") from None
            self.output.append(line)
            if text in line:
                return line

    def secret(self) -> str:
        line = self.line_with("signing secret is ")
        return line.split("signing secret is ", 1)[1].split()[0]

    def finish(self, timeout: float = 60) -> int:
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=10)  # the pipe is at its end once the process has exited
        self.process.stdout.close()
        while not self.lines.empty():
            self.output.append(self.lines.get())
        return code

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        if not self.process.stdout.closed:
            self.finish(timeout=10)


@pytest.fixture
def listeners(app, tmp_path):
    started: list[Listener] = []

    def start(*args: str) -> Listener:
        started.append(Listener(app, tmp_path, *args))
        return started[-1]

    yield start
    for listener in started:
        listener.kill()


def trigger(app, *args: str):
    return app.test_cli_runner().invoke(args=["kassa", "events", "trigger", *args])


def test_listen_forwards_a_triggered_order_paid_signed_like_a_real_delivery(
    app, merchant, sandbox, receiver, listeners
):
    hook = receiver.hook("/local-hooks")
    listener = listeners(
        "--forward-to",
        f"{receiver.url}/local-hooks",
        "--events",
        "order.paid",
        "--merchant",
        merchant.id,
        "--max-events",
        "1",
        "--timeout",
        "90",
        "--poll-interval",
        "0.1",
    )
    hook.secret = listener.secret()
    assert hook.secret.startswith("whsec_")

    result = trigger(app, "order.paid", "--merchant", merchant.id)
    assert result.exit_code == 0, result.output
    assert "approved it through the sandbox provider's control API" in result.output

    line = listener.line_with("order.paid")
    assert listener.finish() == 0
    # The receiver checked the Kassa-Signature with the secret the listener printed, and answered 200.
    assert hook.rejected == []
    assert [event["type"] for event in hook.accepted] == ["order.paid"]
    event = hook.accepted[0]
    assert event["livemode"] is False and event["data"]["object"]["status"] == "paid"
    assert event["id"] in line and line.endswith("→ 200")
    assert "Stopped after forwarding 1 event." in listener.output[-1]


def test_the_listener_secret_is_the_same_every_run_and_ctrl_c_stops_it_cleanly(app, merchant, receiver, listeners):
    first = listeners("--forward-to", f"{receiver.url}/x", "--merchant", merchant.id)
    secret = first.secret()
    first.process.send_signal(signal.SIGINT)
    assert first.finish() == 0, first.output
    assert "Stopped after forwarding 0 events." in first.output[-1]
    assert not any("Traceback" in line for line in first.output)

    second = listeners("--forward-to", f"{receiver.url}/x", "--merchant", merchant.id, "--timeout", "0.5")
    assert second.secret() == secret
    assert second.finish() == 0


def test_listen_says_what_to_fix_in_its_options(app, merchant):
    runner = app.test_cli_runner()
    bad_url = runner.invoke(
        args=[
            "kassa",
            "events",
            "listen",
            "--forward-to",
            "localhost:4242",
            "--merchant",
            merchant.id,
            "--timeout",
            "1",
        ]
    )
    assert bad_url.exit_code == 2 and "--forward-to must be an http(s) URL" in bad_url.output
    bad_type = runner.invoke(
        args=[
            "kassa",
            "events",
            "listen",
            "--forward-to",
            "http://127.0.0.1:9/",
            "--events",
            "order.payed",
            "--merchant",
            merchant.id,
            "--timeout",
            "1",
        ]
    )
    assert bad_type.exit_code == 2 and "unknown event type order.payed" in bad_type.output
    no_merchant = runner.invoke(
        args=[
            "kassa",
            "events",
            "listen",
            "--forward-to",
            "http://127.0.0.1:9/",
            "--merchant",
            "mch_nobody",
            "--timeout",
            "1",
        ]
    )
    assert no_merchant.exit_code == 2 and "no merchant mch_nobody" in no_merchant.output


def test_a_receiver_that_is_down_is_reported_not_fatal(app, merchant, listeners):
    from tests.conftest import free_port

    listener = listeners(
        "--forward-to",
        f"http://127.0.0.1:{free_port()}/hooks",
        "--merchant",
        merchant.id,
        "--max-events",
        "1",
        "--timeout",
        "90",
        "--poll-interval",
        "0.1",
    )
    listener.secret()
    assert trigger(app, "settlement.paid", "--merchant", merchant.id).exit_code == 0
    line = listener.line_with("settlement.paid")
    assert "→ failed: ConnectionError" in line
    assert listener.finish() == 0


def test_trigger_order_paid_shows_in_get_events(app, api, merchant, sandbox):
    result = trigger(app, "order.paid", "--merchant", merchant.id)
    assert result.exit_code == 0, result.output
    paid = api.get("/events?type=order.paid").json["data"]
    assert len(paid) == 1 and paid[0]["data"]["object"]["status"] == "paid"
    assert paid[0]["data"]["object"]["id"] in result.output
    # The fixture product is made once and reused.
    assert trigger(app, "order.paid", "--merchant", merchant.id).exit_code == 0
    assert len(api.get("/events?type=order.paid").json["data"]) == 2
    assert [p["name"] for p in api.get("/products").json["data"]] == ["Test fixture (kassa events trigger)"]


def test_trigger_says_the_test_orders_amount_in_its_currency(app, api, merchant, sandbox):
    # A Japanese merchant priced the fixture in yen (the portal lets them edit it like any product).
    assert trigger(app, "order.created", "--merchant", merchant.id).exit_code == 0
    sku = api.get("/products").json["data"][0]["skus"][0]["id"]
    assert api.patch(f"/skus/{sku}", json={"price": {"amount": 1000, "currency": "jpy"}}).status_code == 200
    result = trigger(app, "order.created", "--merchant", merchant.id)
    assert result.exit_code == 0 and " for ¥1,000" in result.output, result.output  # not "10.00 JPY"


def test_trigger_refund_succeeded_refunds_a_real_test_order(app, api, merchant, sandbox):
    result = trigger(app, "refund.succeeded", "--merchant", merchant.id)
    assert result.exit_code == 0, result.output
    refunds = api.get("/events?type=refund.succeeded").json["data"]
    assert len(refunds) == 1 and "sample" not in refunds[0]["data"]["object"]
    order = api.get(f"/orders/{refunds[0]['data']['object']['order']}").json
    assert order["status"] == "refunded" and order["livemode"] is False


def test_trigger_without_a_cheap_flow_writes_a_marked_sample_event(app, api, merchant):
    result = trigger(app, "settlement.paid", "--merchant", merchant.id)
    assert result.exit_code == 0, result.output
    assert "sample event" in result.output
    [event] = api.get("/events?type=settlement.paid").json["data"]
    assert event["data"]["object"]["sample"] is True and event["livemode"] is False
    # Without --merchant, the only merchant there is.
    assert trigger(app, "payout.failed").exit_code == 0
    assert len(api.get("/events?type=payout.failed").json["data"]) == 1


def test_without_merchant_and_with_several_the_cli_asks_for_one(app, merchant, other_merchant):
    result = trigger(app, "payout.failed")
    assert result.exit_code == 2 and "name the merchant with --merchant" in result.output


def test_trigger_refuses_an_unknown_type_and_a_missing_merchant(app, merchant):
    unknown = trigger(app, "order.payed", "--merchant", merchant.id)
    assert unknown.exit_code == 2 and "unknown event type 'order.payed'" in unknown.output
    missing = trigger(app, "order.paid", "--merchant", "mch_nobody")
    assert missing.exit_code == 2 and "no merchant mch_nobody" in missing.output


def test_the_listener_forwards_an_event_whose_transaction_committed_late_once(app, merchant, ctx):
    from app.extensions import db
    from app.platform.outbox.events import record_event
    from app.platform.values.ids import new_id
    from app.webhooks.listener import EventFollower

    follower = EventFollower(merchant.id)
    late_id = new_id("evt")  # a slow transaction took its event id first …
    time.sleep(0.005)
    record_event(merchant.id, "settlement.paid", {"id": "stl_first", "object": "settlement"}, livemode=False)
    db.session.commit()
    assert [e.type for e in follower.poll()] == ["settlement.paid"]

    late = record_event(merchant.id, "payout.failed", {"id": "po_late", "object": "payout"}, livemode=False)
    late.id = late_id  # … and commits after a later one was already forwarded
    db.session.commit()
    assert [e.id for e in follower.poll()] == [late_id]
    assert follower.poll() == []  # nothing is forwarded twice


def test_the_listener_leaves_a_test_event_to_the_endpoint_it_was_sent_to(app, api, merchant, ctx):
    from app.webhooks.listener import EventFollower

    follower = EventFollower(merchant.id)
    endpoint = api.post("/webhook_endpoints", json={"url": "https://merchant.example/hooks", "events": ["*"]}).json
    assert api.post(f"/webhook_endpoints/{endpoint['id']}/test").status_code == 201
    assert follower.poll() == []
