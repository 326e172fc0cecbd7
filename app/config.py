"""Configuration from the environment, with embedded defaults for a local run.

Everything configurable lives here. Production (``KASSA_ENV=production``) refuses to
start with a default, demo or short secret (``_refuse_weak_secrets``).
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
from pathlib import Path

from app.platform.db.postgres import bounded_connections, statements_as_written

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KASSA_VAR_DIR", PROJECT_ROOT / "var"))

_DEV_SECRET = "dev-only-secret-change-me"
_DEMO_SANDBOX_API_KEY = "sbx_test_demo_key"
_DEMO_SANDBOX_CALLBACK_SECRET = "sbx_whsec_demo"
# Flask signs sessions and CSRF tokens with SECRET_KEY: shorter than this is guessable offline.
MIN_SECRET_KEY_LENGTH = 32


class ConfigError(RuntimeError):
    """Raised at start-up when the configuration cannot be used safely."""


def _number(name: str, default, parse, what: str):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be {what}, got {raw!r}") from exc


def _int(name: str, default: int) -> int:
    return _number(name, default, int, "an integer")


def _float(name: str, default: float) -> float:
    return _number(name, default, float, "a number of seconds such as 60")


def _check_networks(raw: str) -> None:
    for cidr in (part.strip() for part in raw.split(",")):
        if cidr:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError:
                raise ConfigError(f"OUTBOUND_ALLOWED_NETWORKS: {cidr!r} is not a network such as 127.0.0.0/8") from None


def _password_hash_strength(method: str) -> float:
    """How ``method`` (werkzeug's ``scrypt:N:r:p`` or ``pbkdf2:hash:iterations``) compares with werkzeug's default
    cost for its KDF (1 = the default); a ConfigError when werkzeug would not take it."""
    name, *params = method.split(":")
    try:
        if name == "scrypt" and len(params) in (0, 3):
            n, r, p = (int(x) for x in params) if params else (32768, 8, 1)
            return n * r * p / (32768 * 8)
        if name == "pbkdf2" and len(params) in (0, 1, 2) and (not params or params[0] in hashlib.algorithms_available):
            return (int(params[1]) if len(params) == 2 else 1_000_000) / 1_000_000
    except ValueError:
        pass
    raise ConfigError(
        f"PASSWORD_HASH_METHOD {method!r} is not a method such as scrypt:32768:8:1 or pbkdf2:sha256:1000000"
    )


def _refuse_weak_secrets(config: dict) -> None:
    """Production never starts on a secret anyone can read in this repository, or one short enough to guess."""
    secret = config["SECRET_KEY"]
    if not secret:
        raise ConfigError("SECRET_KEY must be set in production (KASSA_ENV=production)")
    if secret == _DEV_SECRET:
        raise ConfigError(
            "SECRET_KEY is the development default; set a random one in production (KASSA_ENV=production): "
            "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    if len(secret) < MIN_SECRET_KEY_LENGTH:
        raise ConfigError(
            f"SECRET_KEY is too short ({len(secret)} characters); production needs at least "
            f"{MIN_SECRET_KEY_LENGTH}: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )
    for name, demo in (
        ("SANDBOX_API_KEY", _DEMO_SANDBOX_API_KEY),
        ("SANDBOX_CALLBACK_SECRET", _DEMO_SANDBOX_CALLBACK_SECRET),
    ):
        if config[name] == demo:
            raise ConfigError(
                f"{name} is the demo value from the repository; set the provider's real one in "
                "production (KASSA_ENV=production)"
            )


def load_config(overrides: dict | None = None) -> dict:
    """Return the Flask config mapping: environment first, then ``overrides``."""
    env = os.environ.get("KASSA_ENV", "development")
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    config = {
        "KASSA_ENV": env,
        "SECRET_KEY": os.environ.get("SECRET_KEY", _DEV_SECRET),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kassa.db'}"),
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        # A pooled connection idle this long is pinged before use; one used more recently is not
        # (app/platform/db/pool.py).
        "POOL_PING_IDLE_SECONDS": _float("POOL_PING_IDLE_SECONDS", 2.0),
        # SQLite only (the embedded default): how long a write waits for another one to finish.
        "SQLITE_BUSY_TIMEOUT_SECONDS": float(os.environ.get("SQLITE_BUSY_TIMEOUT_SECONDS", "30")),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        # A Redis call that gets no answer in this long fails (503 for locks) instead of hanging the request.
        "REDIS_TIMEOUT_SECONDS": float(os.environ.get("REDIS_TIMEOUT_SECONDS", "2")),
        # A new PostgreSQL connection gives up after this many seconds (libpq's minimum is 2): a database that is
        # there but silent (a partition) fails requests with a 503 instead of holding their threads.
        "DB_CONNECT_TIMEOUT_SECONDS": _int("DB_CONNECT_TIMEOUT_SECONDS", 5),
        # One PostgreSQL statement gives up after this many seconds (0: never), so a lock held by a stuck or crashed
        # session, or a proxy that stopped answering, fails a request with a 503 instead of holding its thread.
        "DB_STATEMENT_TIMEOUT_SECONDS": _float("DB_STATEMENT_TIMEOUT_SECONDS", 15.0),
        # The same for the worker's jobs, which rightly run longer statements (clearing, reconciliation); under RQ's
        # 180 s job timeout, so the job fails with the database's own error rather than being cut off mid-wait.
        "JOB_STATEMENT_TIMEOUT_SECONDS": _float("JOB_STATEMENT_TIMEOUT_SECONDS", 120.0),
        # Set by the worker (app/jobs/__init__.py): this process runs jobs, and its statements take the jobs' bound.
        "RUNS_JOBS": False,
        "RQ_QUEUE": os.environ.get("KASSA_RQ_QUEUE", "kassa"),
        # The batch work's queue (reconciliation, settlement, backups, emails, webhooks; app/platform/queueing.py),
        # worked by the Procfile's `batch`; empty: RQ_QUEUE's name with "-batch".
        "RQ_BATCH_QUEUE": os.environ.get("KASSA_RQ_BATCH_QUEUE", ""),
        # How long a dispatch run holds the events it claimed: a run that dies leaves them to others after this.
        "EVENT_DISPATCH_LEASE_SECONDS": _float("EVENT_DISPATCH_LEASE_SECONDS", 60.0),
        # A dispatch job waits this long before it claims: commits meanwhile join its run instead of queuing runs
        # of their own (one client's paid order: 2.0 jobs → 0.8, a fifth less worker CPU; bench/README.md).
        "EVENT_DISPATCH_GATHER_SECONDS": _float("EVENT_DISPATCH_GATHER_SECONDS", 0.02),
        "PUBLIC_URL": os.environ.get("KASSA_PUBLIC_URL", "http://127.0.0.1:5000"),
        # The sandbox provider is an outside system reached over HTTP only.
        "SANDBOX_URL": os.environ.get("SANDBOX_URL", "http://127.0.0.1:5001"),
        "SANDBOX_API_KEY": os.environ.get("SANDBOX_API_KEY", _DEMO_SANDBOX_API_KEY),
        "SANDBOX_CALLBACK_SECRET": os.environ.get("SANDBOX_CALLBACK_SECRET", _DEMO_SANDBOX_CALLBACK_SECRET),
        "CHANNEL_HTTP_TIMEOUT_SECONDS": float(os.environ.get("CHANNEL_HTTP_TIMEOUT_SECONDS", "10")),
        "CALLBACK_TOLERANCE_SECONDS": _int("CALLBACK_TOLERANCE_SECONDS", 300),
        "ORDER_TIMEOUT_MINUTES": _int("ORDER_TIMEOUT_MINUTES", 15),
        # A payment attempt with no callback after this long is queried at the provider, and again as long after
        # each answer that it is still pending (the sweep runs every 10 s).
        "POLL_AFTER_SECONDS": _int("POLL_AFTER_SECONDS", 20),
        # A QR code shown to the shopper may be paid for this long; then the attempt is given up.
        "QR_CODE_TTL_SECONDS": _int("QR_CODE_TTL_SECONDS", 300),
        # A fulfilment webhook that failed this many times is given up and the order refunded.
        "FULFILMENT_MAX_ATTEMPTS": _int("FULFILMENT_MAX_ATTEMPTS", 5),
        # How long a merchant whose fulfilment webhook answered 202 has to report the outcome before it is chased.
        "FULFILMENT_REPORT_MINUTES": _int("FULFILMENT_REPORT_MINUTES", 24 * 60),
        "FULFILMENT_HTTP_TIMEOUT_SECONDS": float(os.environ.get("FULFILMENT_HTTP_TIMEOUT_SECONDS", "10")),
        # A refund left pending this long (a crash between its two steps) is sent again by the sweep.
        "REFUND_RESUME_AFTER_SECONDS": _int("REFUND_RESUME_AFTER_SECONDS", 120),
        # The API request log (portal → Developers → Logs) keeps each request this many days; a job deletes older ones.
        "API_REQUEST_LOG_RETENTION_DAYS": _int("API_REQUEST_LOG_RETENTION_DAYS", 30),
        # Provider exchanges (requests, answers, callbacks) are kept long enough to answer a chargeback (card
        # networks allow 120 days) and to investigate a reconciliation difference, then forgotten.
        "INTEGRATION_LOG_RETENTION_DAYS": _int("INTEGRATION_LOG_RETENTION_DAYS", 180),
        # Settlements are paid out through this channel's payout API (the sandbox provider in the embedded default).
        "PAYOUT_CHANNEL": os.environ.get("PAYOUT_CHANNEL", "sandbox_card"),
        # Circuit breaker per channel: this many provider errors in a row pause the channel
        # for the cool-down, then one trial call decides whether it reopens.
        "BREAKER_FAILURE_THRESHOLD": _int("BREAKER_FAILURE_THRESHOLD", 5),
        "BREAKER_COOLDOWN_SECONDS": float(os.environ.get("BREAKER_COOLDOWN_SECONDS", "60")),
        # Merchant webhooks: per-POST timeout, and the first retry delay (doubling, capped at 6 h).
        "WEBHOOK_TIMEOUT_SECONDS": float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "10")),
        "WEBHOOK_RETRY_BASE_SECONDS": _int("WEBHOOK_RETRY_BASE_SECONDS", 30),
        # Merchant-chosen URLs Kassa calls (webhook endpoints, fulfilment webhooks) may not reach loopback,
        # private, link-local, multicast or unspecified addresses, except these networks (comma-separated CIDRs,
        # e.g. "127.0.0.0/8,::1/128" for a receiver on this machine in development; app/platform/http/outbound.py).
        "OUTBOUND_ALLOWED_NETWORKS": os.environ.get("OUTBOUND_ALLOWED_NETWORKS", ""),
        # SDK order status streams (SSE): each ends after this long and the client reconnects;
        # the order is re-read this often even when no pub/sub ping arrives.
        "ORDER_STREAM_SECONDS": float(os.environ.get("ORDER_STREAM_SECONDS", "55")),
        "ORDER_STREAM_RECHECK_SECONDS": float(os.environ.get("ORDER_STREAM_RECHECK_SECONDS", "2")),
        # The public base URL of the stream process (uvicorn app.web.streams.asgi, the Procfile's `stream`), where
        # order status streams are served: the web route redirects there (307) and the order pages open it. Empty:
        # no stream process, and the web route answers at once (the order's status, then `end`: the client polls).
        # docs/production.md.
        "STREAM_PUBLIC_URL": os.environ.get("STREAM_PUBLIC_URL", ""),
        # The stream process's caps on open streams (app/web/streams/caps.py): past one, 429 too_many_streams.
        # Per order (a shopper's tabs), per client address (shoppers behind one NAT) and in total (the process's
        # sockets and memory, about 20 KB a stream). docs/production.md, "Order streams", says how to size them.
        "STREAM_CAP_PER_ORDER": _int("STREAM_CAP_PER_ORDER", 5),
        "STREAM_CAP_PER_ADDRESS": _int("STREAM_CAP_PER_ADDRESS", 50),
        "STREAM_CAP_TOTAL": _int("STREAM_CAP_TOTAL", 10000),
        # A checkout session (the shopper's link to pay as a known customer) stays open this long by default.
        "CHECKOUT_SESSION_MINUTES": _int("CHECKOUT_SESSION_MINUTES", 24 * 60),
        # Signed embed tokens of the iframe panel expire after this long.
        "EMBED_TOKEN_MAX_AGE_SECONDS": _int("EMBED_TOKEN_MAX_AGE_SECONDS", 3600),
        # Product images: where uploads are stored and the largest accepted (bytes).
        "UPLOAD_DIR": os.environ.get("UPLOAD_DIR", str(VAR_DIR / "uploads")),
        # Scheduled backups (app/backups/schedule.py): off unless a folder is named; `make run` names var/backups.
        "BACKUP_DIR": os.environ.get("BACKUP_DIR", ""),
        "BACKUP_EVERY_HOURS": _int("BACKUP_EVERY_HOURS", 24),
        "BACKUP_KEEP": _int("BACKUP_KEEP", 7),
        "MAX_IMAGE_BYTES": _int("MAX_IMAGE_BYTES", 2 * 1024 * 1024),
        # The largest request body read (API.md: 1 MB); larger ones get 413 unread. Image uploads get room
        # for MAX_IMAGE_BYTES (app/web/body_limits.py).
        "MAX_REQUEST_BYTES": _int("MAX_REQUEST_BYTES", 1024 * 1024),
        # Empty: the app's own REDIS_URL (filled in below, after the overrides).
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", ""),
        # Portal sign-in: failed attempts allowed per email and client address, and per address alone.
        # Successful sign-ins are not counted; another address is not affected.
        "LOGIN_RATE_LIMIT": os.environ.get("LOGIN_RATE_LIMIT", "5 per 15 minutes"),
        # werkzeug's KDF and its cost for portal passwords (app/merchants/passwords.py); production refuses less.
        "PASSWORD_HASH_METHOD": os.environ.get("PASSWORD_HASH_METHOD", "scrypt:32768:8:1"),
        "LOGIN_IP_RATE_LIMIT": os.environ.get("LOGIN_IP_RATE_LIMIT", "50 per hour"),
        # How many reverse proxies in front of Kassa set X-Forwarded-For/-Proto (0 = none): the rate
        # limits and the audit log need the client's address, not the proxy's.
        "TRUSTED_PROXY_COUNT": _int("TRUSTED_PROXY_COUNT", 0),
        "PERMANENT_SESSION_LIFETIME": _int("PORTAL_SESSION_HOURS", 12) * 3600,
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "INFO"),
        # /metrics (Prometheus): with a token, scrapers send `Authorization: Bearer <token>`; without
        # one, only clients on this machine (loopback) may read it.
        "METRICS_TOKEN": os.environ.get("METRICS_TOKEN", ""),
        # Rate limits per scenario (app/web/rate_limits.py), each its own budget in Redis.
        "RATE_LIMIT_CHECKOUT": os.environ.get("RATE_LIMIT_CHECKOUT", "300 per minute"),
        "RATE_LIMIT_ORDER_CREATE": os.environ.get("RATE_LIMIT_ORDER_CREATE", "60 per minute"),
        # The header a trusted proxy or CDN puts the shopper's country in (e.g. CF-IPCountry); empty = none.
        # Only set it when every request passes that proxy: a shopper could otherwise send it themselves.
        "TRUSTED_COUNTRY_HEADER": os.environ.get("TRUSTED_COUNTRY_HEADER", ""),
        # The most a merchant may set its own per-minute budgets to (portal → Risk → Rate limits): above the
        # secret key's default, so a merchant with a bigger sale can raise its own.
        "RATE_LIMIT_MERCHANT_CEILING_PER_MINUTE": int(
            os.environ.get("RATE_LIMIT_MERCHANT_CEILING_PER_MINUTE", "30000")
        ),
        "RATE_LIMIT_PAY": os.environ.get("RATE_LIMIT_PAY", "30 per minute"),
        # A merchant's server in a sale: ~40-50 paid orders a second on two cores, a few calls each (docs/api.md,
        # "Rate limits", says how to size it); 100 a second leaves it headroom.
        "RATE_LIMIT_SECRET_KEY": os.environ.get("RATE_LIMIT_SECRET_KEY", "6000 per minute"),
        "RATE_LIMIT_CALLBACKS": os.environ.get("RATE_LIMIT_CALLBACKS", "3000 per minute"),
        # Fernet keys (comma-separated, newest first) that encrypt merchants' payment-tool credentials at rest:
        # the first encrypts, any decrypts, so a key is rotated by putting a new one in front, running
        # `flask --app wsgi kassa rotate-channel-keys`, then dropping the old one (docs/channels.md).
        # Empty outside production: a key derived from SECRET_KEY.
        "CHANNEL_CREDENTIALS_KEYS": os.environ.get("CHANNEL_CREDENTIALS_KEYS", ""),
        # Where the Stripe channel sends its API calls (a local fake Stripe in tests).
        "STRIPE_API_BASE": os.environ.get("STRIPE_API_BASE", "https://api.stripe.com"),
        # Stripe.js, which the card page loads for Stripe's card element.
        "STRIPE_JS_URL": os.environ.get("STRIPE_JS_URL", "https://js.stripe.com/v3/"),
        # Email receipts go out through this SMTP server once an order is paid (app/receipts); no host, no
        # receipts. SMTP_FROM is the sender address; the merchant's name is the sender name (docs/production.md).
        "SMTP_HOST": os.environ.get("SMTP_HOST", ""),
        # Who test-mode emails go to: "team" (the merchant's portal users; others are withheld, app/receipts/
        # test_mode.py) or "anyone", for an SMTP server that keeps every email to itself (make run's mail catcher).
        "TEST_MODE_EMAILS": os.environ.get("TEST_MODE_EMAILS", "team"),
        "SMTP_PORT": _int("SMTP_PORT", 587),
        "SMTP_USER": os.environ.get("SMTP_USER", ""),
        "SMTP_PASSWORD": os.environ.get("SMTP_PASSWORD", ""),
        "SMTP_FROM": os.environ.get("SMTP_FROM", "receipts@kassa.localhost"),
        "SMTP_STARTTLS": os.environ.get("SMTP_STARTTLS", "false").lower() in ("1", "true", "yes", "on"),
        "SMTP_TIMEOUT_SECONDS": float(os.environ.get("SMTP_TIMEOUT_SECONDS", "10")),
        # A receipt the SMTP server did not take is tried again after this long, doubling, up to this many tries.
        "RECEIPT_RETRY_BASE_SECONDS": _int("RECEIPT_RETRY_BASE_SECONDS", 60),
        "RECEIPT_MAX_ATTEMPTS": _int("RECEIPT_MAX_ATTEMPTS", 8),
    }
    if overrides:
        config.update(overrides)
    # Rate-limit counters live in the app's Redis unless told otherwise, also when a caller overrides
    # REDIS_URL: Flask-Limiter is one object per process and follows the last app configured.
    if not config["RATELIMIT_STORAGE_URI"]:
        config["RATELIMIT_STORAGE_URI"] = config["REDIS_URL"]
    redis_timeout = config["REDIS_TIMEOUT_SECONDS"]
    config.setdefault(
        "RATELIMIT_STORAGE_OPTIONS", {"socket_timeout": redis_timeout, "socket_connect_timeout": redis_timeout}
    )
    # Without Redis, the sign-in limits keep counting in each web process's memory (so they still hold,
    # per process) until Redis answers again: signing in keeps working and guessing stays limited.
    config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    uri = config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("postgresql") or (uri.startswith("sqlite:///") and ":memory:" not in uri):
        # One connection per web thread (gunicorn.conf.py: 16), and as many again: a request whose merchant
        # configuration is not in memory yet loads it on a second connection (app/merchants/config_cache.py).
        # Fewer, and a cold burst deadlocks, each thread holding one connection while it waits for another.
        options = config["SQLALCHEMY_ENGINE_OPTIONS"]
        options.setdefault("pool_size", _int("DB_POOL_SIZE", 16))
        options.setdefault("max_overflow", _int("DB_MAX_OVERFLOW", 16))
    if uri.startswith("postgresql"):
        statements_as_written(uri, config["SQLALCHEMY_ENGINE_OPTIONS"])
        bounded_connections(
            uri,
            config["SQLALCHEMY_ENGINE_OPTIONS"],
            config["DB_CONNECT_TIMEOUT_SECONDS"],
            config["JOB_STATEMENT_TIMEOUT_SECONDS" if config["RUNS_JOBS"] else "DB_STATEMENT_TIMEOUT_SECONDS"],
        )
    _check_networks(config["OUTBOUND_ALLOWED_NETWORKS"])
    for name in ("DB_STATEMENT_TIMEOUT_SECONDS", "JOB_STATEMENT_TIMEOUT_SECONDS"):
        if config[name] < 0:
            raise ConfigError(f"{name} must be a number of seconds (0: no bound), got {config[name]}")
    lease = config["EVENT_DISPATCH_LEASE_SECONDS"]
    if not lease > 0:  # a run would hand back every event it claimed, and the outbox would stall
        raise ConfigError(f"EVENT_DISPATCH_LEASE_SECONDS must be more than 0, got {lease}")
    gather = config["EVENT_DISPATCH_GATHER_SECONDS"]
    if not 0 <= gather <= 1:  # every handler (fulfilment, receipts, webhooks) starts that much later
        raise ConfigError(f"EVENT_DISPATCH_GATHER_SECONDS must be between 0 and 1 (seconds), got {gather}")
    for name in ("INTEGRATION_LOG_RETENTION_DAYS", "API_REQUEST_LOG_RETENTION_DAYS"):
        # 0 often means "keep for ever" elsewhere; here the hourly job would delete every row (a callback just
        # received, a chargeback's evidence), and a past-the-calendar number stops the job on every run.
        if not 1 <= config[name] <= 36_500:
            raise ConfigError(f"{name} must be a number of days from 1 to 36500, got {config[name]}")
    if config["TEST_MODE_EMAILS"] not in ("team", "anyone"):  # a typo must not send test emails to shoppers
        raise ConfigError(f"TEST_MODE_EMAILS must be team or anyone, got {config['TEST_MODE_EMAILS']!r}")
    strength = _password_hash_strength(config["PASSWORD_HASH_METHOD"])
    if config["KASSA_ENV"] == "production":
        _refuse_weak_secrets(config)
        if strength < 1:
            raise ConfigError(
                f"PASSWORD_HASH_METHOD {config['PASSWORD_HASH_METHOD']!r} is weaker than werkzeug's "
                "defaults (scrypt:32768:8:1, pbkdf2:sha256:1000000); production needs at least those"
            )
        if not config["CHANNEL_CREDENTIALS_KEYS"]:
            raise ConfigError(
                "CHANNEL_CREDENTIALS_KEYS must be set in production (KASSA_ENV=production): generate one "
                "with python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
            )
        config["SESSION_COOKIE_SECURE"] = True
        config["REMEMBER_COOKIE_SECURE"] = True
    return config
