"""A merchant's configuration kept in each process's memory, valid for one ``merchants.config_version``.

The hot paths (create an order, pay, list channels) read the same few rows of a merchant's configuration
on every request: its SKUs and prices, channel settings, risk rules, settings. Each domain loads its part
through ``cached(merchant_id, name, loader)``; the result is reused for as long as the merchant's
``config_version`` is unchanged. Every change bumps that version in the change's own transaction:

- ORM changes to a watched model (each domain registers its configuration models with ``watch``) are
  caught by a flush listener;
- Core statements that change watched rows call ``bump(merchant_id)`` themselves.

The version is read once per request, together with the API key (``remember_version``), or with one small
query. A transaction that changed a merchant's configuration neither reads nor fills that merchant's cache
until it ends (it sees its own uncommitted rows; a rolled-back version number must never name them).
Loaders return plain values or fully loaded, detached ORM objects that are only read, never changed.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator, TypeVar

from flask import has_request_context, request
from sqlalchemy import bindparam, select, update
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app.extensions import db
from app.merchants.models import Merchant
from app.platform.db.core_writes import after_insert_at_once
from app.platform.outbox.events import around_each_batch

T = TypeVar("T")

_WATCHED: dict[type, Callable[[object], str | None]] = {}
_CACHE: dict[tuple[str, str], tuple[int, object]] = {}
_LOCK = threading.Lock()
_MAX_ENTRIES = 20_000  # bounded: many merchants only means more loads
_DIRTY = "kassa_config_changed"  # session.info: merchants whose configuration this transaction changed


def watch(model: type, merchant_of: Callable[[object], str | None] = lambda row: row.merchant_id) -> None:
    """Count changes to ``model`` rows as changes of their merchant's configuration."""
    _WATCHED[model] = merchant_of


_PINNED: ContextVar[dict[str, int] | None] = ContextVar("kassa_config_versions", default=None)


def _versions() -> dict[str, int]:
    """Versions already read by this request (outside a request, jobs read the version each time, except inside
    ``versions_read_once``)."""
    if not has_request_context():
        pinned = _PINNED.get()
        return {} if pinned is None else pinned
    return request.environ.setdefault("kassa.config_versions", {})


@contextmanager
def versions_read_once() -> Iterator[None]:
    """Outside a request, read each merchant's version once for the block, as a request does: a job working
    through a batch of one merchant's work reads its configuration as of the batch's start."""
    token = _PINNED.set({})
    try:
        yield
    finally:
        _PINNED.reset(token)


def remember_version(merchant_id: str, version: int) -> None:
    """The version read along with something else (the API key): no query of its own this request."""
    _versions()[merchant_id] = version


_VERSION = select(Merchant.config_version).where(Merchant.id == bindparam("b_merchant"))  # built once


def _version(merchant_id: str) -> int | None:
    known = _versions()
    if merchant_id not in known:
        known[merchant_id] = db.session.scalar(_VERSION, {"b_merchant": merchant_id})
    return known[merchant_id]


def cached(merchant_id: str, name: str, loader: Callable[[Session, str], T]) -> T:
    """``loader(session, merchant_id)``, from memory while the merchant's configuration is unchanged. A value
    to keep is loaded on a session of its own, detached from it when it closes. That session works on the caller's
    connection: a request that missed the cache and took a second connection from the pool waited until the pool's
    timeout once a burst of such requests held them all (40 buyers of a new merchant's SKU did). It sees what the
    caller's transaction sees; a transaction that changed the merchant's configuration is answered above, uncached,
    so what is kept is committed configuration."""
    if merchant_id in db.session.info.get(_DIRTY, ()):
        return loader(db.session(), merchant_id)  # this transaction's own view, never kept
    version = _version(merchant_id)
    if version is None:  # no such merchant: nothing to keep
        return loader(db.session(), merchant_id)
    found = _CACHE.get((merchant_id, name))
    if found is not None and found[0] == version:
        return found[1]  # type: ignore[return-value]
    with Session(bind=db.session.connection()) as own:  # closing detaches what it loaded (no expiry)
        value = loader(own, merchant_id)
    with _LOCK:
        if len(_CACHE) >= _MAX_ENTRIES:
            _CACHE.clear()
        _CACHE[(merchant_id, name)] = (version, value)
    return value


def bump(merchant_id: str) -> None:
    """Mark the merchant's configuration changed, in the caller's transaction (for Core statements)."""
    _bump(db.session(), {merchant_id})


def _bump(session: Session, merchant_ids: set[str]) -> None:
    session.info.setdefault(_DIRTY, set()).update(merchant_ids)
    for merchant_id in merchant_ids:
        _versions().pop(merchant_id, None)
    session.execute(
        update(Merchant)
        .where(Merchant.id.in_(sorted(merchant_ids)))
        .values(config_version=Merchant.config_version + 1)
        .execution_options(synchronize_session=False)
    )


@after_insert_at_once
def _bump_inserted(rows) -> None:
    changed = set()
    for row in rows:
        merchant_of = _WATCHED.get(type(row))
        merchant_id = merchant_of(row) if merchant_of is not None else None
        if merchant_id:
            changed.add(merchant_id)
    if changed:
        _bump(db.session(), changed)


@sa_event.listens_for(Session, "after_flush")
def _bump_changed(session: Session, _context) -> None:
    changed: set[str] = set()
    for row in (*session.new, *session.dirty, *session.deleted):
        merchant_of = _WATCHED.get(type(row))
        if merchant_of is None or (row in session.dirty and not session.is_modified(row)):
            continue
        if isinstance(row, Merchant) and row in session.dirty and _only_version_changed(row):
            continue
        merchant_id = merchant_of(row)
        if merchant_id:
            changed.add(merchant_id)
    if changed:
        _bump(session, changed)


def _only_version_changed(merchant: Merchant) -> bool:
    from sqlalchemy import inspect

    state = inspect(merchant)
    return all(attr.key == "config_version" or not attr.history.has_changes() for attr in state.attrs)


@sa_event.listens_for(Session, "after_commit")
@sa_event.listens_for(Session, "after_rollback")
def _transaction_ended(session: Session) -> None:
    session.info.pop(_DIRTY, None)


def forget_all() -> None:
    """Drop every cached configuration of this process (tests that rewrite tables underneath)."""
    with _LOCK:
        _CACHE.clear()


watch(Merchant, lambda merchant: merchant.id)
# Each merchant's configuration as of a dispatch batch's start, its version read once rather than for every event a
# handler writes: a webhook endpoint created meanwhile takes the events of the next batch on.
around_each_batch(versions_read_once)
