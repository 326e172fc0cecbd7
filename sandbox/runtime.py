"""The per-app state views and background jobs share: settings and the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

EXTENSION_KEY = "kassa_sandbox"


@dataclass(frozen=True)
class SandboxRuntime:
    """Everything a request or a callback job needs, passed explicitly so jobs need no app context."""

    engine: Engine
    session_factory: sessionmaker[Session]
    public_url: str
    callback_delay_seconds: float
    auto_outcome: str | None = None  # SANDBOX_AUTO_OUTCOME: decide each new payment at once, unasked
    # Accounts as this process found them: a key's account and an account's callback secret change only when the
    # provider starts with another configuration (ensure_account), which makes a new runtime.
    account_ids: dict[str, int] = field(default_factory=dict)  # by the key's hash
    callback_secrets: dict[int, str] = field(default_factory=dict)  # by account id

    def payment_url(self, payment_id: str) -> str:
        """Return the absolute URL of a payment's hosted page."""
        return f"{self.public_url.rstrip('/')}/sandbox/pay/{payment_id}"


def current_runtime() -> SandboxRuntime:
    """Return the runtime of the sandbox app handling the current request."""
    return current_app.extensions[EXTENSION_KEY]
