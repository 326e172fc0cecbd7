"""Signed asynchronous callbacks to the merchant, sent off the request thread."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import requests
from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from sandbox import merchant_http
from sandbox.models import CallbackDelivery, random_suffix, utcnow

log = logging.getLogger(__name__)

CALLBACK_MODES = ("normal", "delay", "drop", "duplicate")
SIGNATURE_HEADER = "Sandbox-Signature"
# Waits before the 2nd, 3rd and 4th attempt; short, because this is a test double.
RETRY_BACKOFF_SECONDS: tuple[float, ...] = (0.5, 1.0, 2.0)
REQUEST_TIMEOUT_SECONDS = 5.0
DEFAULT_TOLERANCE_SECONDS = 300

# One small pool per process: the page and the API answer at once while delivery happens here.
_executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="sandbox-callback")
# Callbacks of this process queued to go now, or sent and not yet answered and recorded (a delayed one waiting to
# go, or one between retries, is not counted).
_sending = 0
_sending_lock = threading.Lock()
_RECORD_DELIVERY = insert(CallbackDelivery.__table__)  # built once: every delivery attempt writes one


@dataclass(frozen=True)
class CallbackEvent:
    """A callback fixed at decision time: the same id and bytes on every attempt and duplicate."""

    event_id: str
    payment_id: str
    url: str
    secret: str
    body: bytes
    # Deliveries are kept per payment (the payment's page lists them); a payout's are not.
    recorded: bool = True


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """Return the `Sandbox-Signature` header value for a body sent at `timestamp`."""
    return f"t={timestamp},v1={_digest(secret, timestamp, body)}"


def verify(
    secret: str,
    header: str,
    body: bytes,
    tolerance_seconds: int | None = DEFAULT_TOLERANCE_SECONDS,
    now: int | None = None,
) -> bool:
    """Return True if `header` signs `body` with `secret` and is recent enough (None skips the age check)."""
    fields: dict[str, list[str]] = {}
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if sep:
            fields.setdefault(key, []).append(value)
    try:
        timestamp = int(fields["t"][0])
    except (KeyError, ValueError):
        return False
    if tolerance_seconds is not None:
        current = int(time.time()) if now is None else now
        if abs(current - timestamp) > tolerance_seconds:
            return False
    expected = _digest(secret, timestamp, body)
    # Several v1 values are allowed so a receiver keeps working while a secret is rotated.
    return any(hmac.compare_digest(expected, candidate) for candidate in fields.get("v1", []))


def build_event(payment: dict[str, Any], secret: str, url: str) -> CallbackEvent:
    """Build the callback event for a decided payment."""
    event_id = "evt_" + random_suffix()
    body = {
        "id": event_id,
        "type": f"payment.{payment['status']}",
        "created": int(time.time()),
        "data": payment,
    }
    raw = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
    return CallbackEvent(event_id=event_id, payment_id=payment["id"], url=url, secret=secret, body=raw)


def dispatch_callback(
    session_factory: sessionmaker[Session],
    event: CallbackEvent,
    mode: str,
    delay_seconds: float,
) -> Future[None] | None:
    """Schedule delivery of `event` according to `mode`; returns the job, or None when dropped."""
    if mode not in CALLBACK_MODES:
        raise ValueError(f"unknown callback mode {mode!r}")
    if mode == "drop":
        # The merchant has to find out by polling the status API, as with a lost real callback.
        log.info("dropping callback %s for %s", event.event_id, event.payment_id)
        return None
    copies = 2 if mode == "duplicate" else 1
    wait = delay_seconds if mode == "delay" else 0.0
    queued = _Queued() if wait == 0 else None
    return _executor.submit(_run_delivery_job, session_factory, event, copies, wait, queued)


def in_background(job: Callable[..., Any], *args: Any) -> Future[None]:
    """Run ``job`` on the delivery pool (its exceptions are logged, never lost): provider-side work that
    happens after the answer, like a decision the provider takes on its own."""

    def logged() -> None:
        try:
            job(*args)
        except Exception:
            log.exception("background job %s failed", getattr(job, "__name__", job))

    return _executor.submit(logged)


def deliver(session_factory: sessionmaker[Session], event: CallbackEvent, queued: _Queued | None = None) -> bool:
    """Send one callback, retrying connection errors and non-2xx answers; True once delivered. ``queued`` is the
    count it held while it waited for a pool thread, handed over once its first attempt is counted."""
    attempts = 1 + len(RETRY_BACKOFF_SECONDS)
    for attempt in range(1, attempts + 1):
        with _counted_as_sending():
            if queued is not None:
                queued.release()
            status_code, error = _post(event)
            _record_attempt(session_factory, event, attempt, status_code, error)
        if status_code is not None and 200 <= status_code < 300:
            return True
        if attempt < attempts:
            time.sleep(RETRY_BACKOFF_SECONDS[attempt - 1])
    log.warning("callback %s for %s not delivered after %d attempts", event.event_id, event.payment_id, attempts)
    return False


def callbacks_being_sent() -> int:
    """How many callbacks this process has sent and not yet seen answered and recorded. Once it is 0, every
    merchant that was being told has answered: a harness that saw an order paid waits for this before it runs
    what the merchant queued when it took the callback."""
    with _sending_lock:
        return _sending


def _add_sending(change: int) -> None:
    global _sending
    with _sending_lock:
        _sending += change


@contextmanager
def _counted_as_sending() -> Iterator[None]:
    _add_sending(1)
    try:
        yield
    finally:
        _add_sending(-1)


class _Queued:
    """A callback counted from the moment it is queued: a busy pool may start it only after a harness has seen
    the order paid and looked, and a count taken only when it starts would have told that harness nothing was on
    its way (then the merchant's follow-up work landed after the harness ran the queue)."""

    def __init__(self) -> None:
        self._held = True
        _add_sending(1)

    def release(self) -> None:
        if self._held:
            self._held = False
            _add_sending(-1)


def _run_delivery_job(
    session_factory: sessionmaker[Session], event: CallbackEvent, copies: int, wait: float, queued: _Queued | None
) -> None:
    # An exception inside a pool thread would vanish silently; log it instead.
    try:
        if wait > 0:
            time.sleep(wait)
        for _ in range(copies):
            deliver(session_factory, event, queued)
    except Exception:
        log.exception("callback job for %s failed", event.payment_id)
    finally:
        if queued is not None:
            queued.release()


def _post(event: CallbackEvent) -> tuple[int | None, str | None]:
    # Signed at send time, so a delayed or retried callback still passes a receiver's age check.
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(event.secret, int(time.time()), event.body),
    }
    try:
        response = _send(event.url, event.body, headers)
    except requests.RequestException as exc:
        return None, f"{type(exc).__name__}: {exc}"[:1000]
    if 200 <= response.status_code < 300:
        return response.status_code, None
    return response.status_code, f"HTTP {response.status_code}"


def _send(url: str, body: bytes, headers: dict[str, str]) -> requests.Response:
    """POST once; again at once if the merchant closed the kept-alive connection as it was reused (the same event
    twice is what a receiver must accept anyway)."""
    try:
        return merchant_http.post(url, body, headers, REQUEST_TIMEOUT_SECONDS)
    except requests.RequestException as exc:
        if not merchant_http.connection_dropped(exc):
            raise
    return merchant_http.post(url, body, headers, REQUEST_TIMEOUT_SECONDS)


def _record_attempt(
    session_factory: sessionmaker[Session],
    event: CallbackEvent,
    attempt: int,
    status_code: int | None,
    error: str | None,
) -> None:
    if not event.recorded:
        return
    with session_factory() as session:
        session.execute(
            _RECORD_DELIVERY,
            {
                "payment_id": event.payment_id,
                "event_id": event.event_id,
                "attempt": attempt,
                "status_code": status_code,
                "error": error,
                "sent_at": utcnow(),
            },
        )
        session.commit()


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
