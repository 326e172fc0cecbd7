"""A confirmation page that takes effect once.

The page carries a one-time key; its submit claims the key before acting. A second submit of the same page (a
double click, the back button and Confirm again, a resent POST on reload) finds the key claimed and is told so,
instead of acting again: a partial refund confirmed twice was two refunds. The claim is an idempotency key of the
merchant (app/platform/idempotency.py), committed before the action, so a concurrent second submit waits on its unique
index and then finds it. The object the action creates is noted on the claim in the action's own transaction: a
submit that died before it (a killed worker, a lost database) left a claim without one, and the page may be
confirmed again once that submit is surely dead."""

from __future__ import annotations

import secrets

from app.errors import Conflict
from app.platform.idempotency import (
    KeyScope,
    claim_key,
    fingerprint,
    note_created,
    release_key,
    retake_abandoned_claim,
    store_response,
)

_PREFIX = "portal-confirm:"


def new_confirmation_key() -> str:
    """The key a confirmation page carries in its form."""
    return secrets.token_urlsafe(18)


def claim_confirmation(merchant_id: str, key: str, *, what: str, mode: str, creates: type) -> bool:
    """Claim ``key`` for the action ``what`` (its path and the values it acts on), which creates a ``creates``:
    True when this submit is the first (or the first died before acting) and may act, False when an earlier submit
    of the same page acted or is acting."""
    try:
        earlier = claim_key(_scope(merchant_id, mode), _PREFIX + key, fingerprint("POST", what, b"", mode=mode))
    except Conflict as conflict:
        if conflict.code == "idempotency_key_reused":
            raise  # the same page's key with other values: not a resubmit
        # In flight (False), or a submit that died: with nothing created, this one acts in its place.
        taken = retake_abandoned_claim(_scope(merchant_id, mode), _PREFIX + key)
    else:
        taken = earlier is None  # else a stored response, or the object it made (Abandoned): it took effect
    if taken:
        note_created(_scope(merchant_id, mode), _PREFIX + key, creates)
    return taken


def confirmation_done(merchant_id: str, key: str, *, what: str, mode: str, result: str) -> None:
    """The action took effect: a later submit of the page is a resubmit (kept 24 hours, like API keys)."""
    store_response(
        _scope(merchant_id, mode), _PREFIX + key, 200, result, print_=fingerprint("POST", what, b"", mode=mode)
    )


def confirmation_failed(merchant_id: str, key: str, *, mode: str) -> None:
    """The action was refused with nothing changed: the same page may be confirmed again."""
    release_key(_scope(merchant_id, mode), _PREFIX + key)


def _scope(merchant_id: str, mode: str) -> KeyScope:
    # The portal's pages have a namespace of their own: no API caller can claim (or block) a page's key.
    return KeyScope(merchant_id, "portal", mode)
