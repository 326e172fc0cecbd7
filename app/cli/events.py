"""``flask --app wsgi kassa events …``: a local workbench for a merchant's webhook receiver.

``listen`` prints each new test-mode event and forwards it, signed like a real delivery, to a URL on the
developer's machine; ``trigger`` makes test mode produce an event. Together they test a receiver end to end
without registering a public endpoint.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Iterator
from urllib.parse import urlsplit

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from app.cli.commands import DEMO_CREDENTIALS
from app.cli.event_triggers import trigger_event
from app.errors import KassaError
from app.extensions import db
from app.merchants.models import Merchant
from app.webhooks.event_types import is_known_type
from app.webhooks.listener import EventFollower, forward_event, listener_secret

events_group = AppGroup("events", help="Follow and produce a merchant's test-mode events (webhook workbench).")


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def _merchant_id(given: str | None) -> str:
    """The merchant named, else the demo merchant, else the only merchant there is."""
    if given:
        if db.session.get(Merchant, given) is None:
            _fail(f"no merchant {given}")
        return given
    if DEMO_CREDENTIALS.exists():
        demo = json.loads(DEMO_CREDENTIALS.read_text()).get("merchant_id")
        if demo and db.session.get(Merchant, demo) is not None:
            return demo
    if db.session.scalar(select(func.count()).select_from(Merchant)) == 1:
        return db.session.scalar(select(Merchant.id))
    _fail("name the merchant with --merchant mch_… (there is no demo merchant and not exactly one merchant)")
    raise AssertionError  # unreachable: _fail exits


def _event_types(raw: str) -> frozenset[str]:
    types = frozenset(t.strip() for t in raw.split(",") if t.strip())
    unknown = sorted(t for t in types if t != "*" and not is_known_type(t))
    if unknown:
        _fail(f"unknown event type {', '.join(unknown)} in --events (for example: order.paid,refund.succeeded)")
    return frozenset() if "*" in types else types


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        _fail(f"--forward-to must be an http(s) URL with a host, like http://localhost:4242/webhooks (got {url!r})")


def _status_words(outcome) -> str:
    if outcome.status_code is not None:
        return f"{outcome.status_code}" + ("" if outcome.succeeded else " (not 2xx: a real delivery would be retried)")
    return f"failed: {outcome.error}"


@events_group.command("listen")
@click.option(
    "--forward-to", "url", required=True, metavar="URL", help="Your receiver, e.g. http://localhost:4242/hooks"
)
@click.option("--events", "types", default="*", show_default=True, help="Comma-separated event types to forward.")
@click.option("--merchant", "merchant_id", help="mch_… (default: the demo merchant, or the only one).")
@click.option("--max-events", type=click.IntRange(min=1), help="Stop after forwarding this many events.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), help="Stop after this many seconds.")
@click.option(
    "--poll-interval",
    type=click.FloatRange(min=0.05),
    default=0.5,
    show_default=True,
    help="Seconds between reads of the events table.",
)
def listen_command(
    url: str, types: str, merchant_id: str | None, max_events: int | None, timeout: float | None, poll_interval: float
) -> None:
    """Print each new test-mode event and POST it to URL, signed like a real webhook delivery."""
    _check_url(url)
    wanted = _event_types(types)
    merchant_id = _merchant_id(merchant_id)
    secret = listener_secret(merchant_id)
    follower = EventFollower(merchant_id, types=wanted)
    deadline = None if timeout is None else time.monotonic() + timeout
    forwarded = 0
    with _stop_on_ctrl_c() as stopping:
        click.echo(
            f"Ready: forwarding test-mode events of {merchant_id} ({', '.join(sorted(wanted)) or 'every type'})"
            f" to {url}"
        )
        click.echo(
            f"Your receiver's signing secret is {secret} (Kassa-Signature header; same every run). Ctrl-C quits."
        )
        while (
            not stopping.is_set()
            and (max_events is None or forwarded < max_events)
            and (deadline is None or time.monotonic() < deadline)
        ):
            for event in follower.poll():
                outcome = forward_event(url, secret, event, timeout=current_app.config["WEBHOOK_TIMEOUT_SECONDS"])
                click.echo(
                    f"{event.created_at:%Y-%m-%d %H:%M:%S}  {event.type:<26} {event.id}  → {_status_words(outcome)}"
                )
                forwarded += 1
                if forwarded == max_events or stopping.is_set():
                    break
            else:
                stopping.wait(poll_interval)
    click.echo(f"Stopped after forwarding {forwarded} event{'s' if forwarded != 1 else ''}.")


@contextmanager
def _stop_on_ctrl_c() -> Iterator[threading.Event]:
    """Ctrl-C (or SIGTERM) asks the loop to stop between reads, rather than interrupting one mid-query."""
    stopping = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stopping
        return
    previous = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stopping
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@events_group.command("trigger")
@click.argument("event_type", metavar="EVENT_TYPE")
@click.option("--merchant", "merchant_id", help="mch_… (default: the demo merchant, or the only one).")
def trigger_command(event_type: str, merchant_id: str | None) -> None:
    """Make test mode produce EVENT_TYPE (a real fixture flow where cheap, else a marked sample event)."""
    merchant_id = _merchant_id(merchant_id)
    try:
        report = trigger_event(merchant_id, event_type)
    except KassaError as exc:
        db.session.rollback()
        _fail(exc.message)
    for step in report.steps:
        click.echo(f"- {step}")
    click.echo(
        f"Triggered {event_type} for {merchant_id} (test mode); see it with GET /api/v1/events?type={event_type}"
    )
