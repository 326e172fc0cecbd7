import pytest

from app.config import ConfigError, load_config

STRONG_SECRET = "k7Qe2mVx9tLw4Rz8Yp1Hs6Nb3Jc5Fd0G"  # 32 characters, not a default


def _production(monkeypatch, **env: str) -> None:
    """A production environment with every secret set properly, then ``env`` on top."""
    monkeypatch.setenv("KASSA_ENV", "production")
    values = {
        "SECRET_KEY": STRONG_SECRET,
        "CHANNEL_CREDENTIALS_KEYS": "bm90LWNoZWNrZWQtaGVyZS1vbmx5LXByZXNlbmNlLTAwMA==",
        "SANDBOX_API_KEY": "sbx_live_4f9c1e7a2b6d8e0f",
        "SANDBOX_CALLBACK_SECRET": "whsec_9d2b7e4a1c6f8e3b",
    }
    values.update(env)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.setenv("KASSA_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config()


def test_production_refuses_to_start_without_keys_for_channel_credentials(monkeypatch):
    _production(monkeypatch)
    monkeypatch.delenv("CHANNEL_CREDENTIALS_KEYS")
    with pytest.raises(ConfigError, match="CHANNEL_CREDENTIALS_KEYS"):
        load_config()


def test_production_with_a_secret_key_uses_secure_cookies(monkeypatch):
    _production(monkeypatch)
    config = load_config()
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]


def test_development_embeds_sqlite_under_var_and_reads_the_environment(monkeypatch):
    monkeypatch.delenv("KASSA_ENV", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert load_config()["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert load_config()["SQLALCHEMY_DATABASE_URI"].endswith("/kassa.db")
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("ORDER_TIMEOUT_MINUTES", "30")
    config = load_config()
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
    assert config["ORDER_TIMEOUT_MINUTES"] == 30


def test_a_malformed_number_fails_fast(monkeypatch):
    monkeypatch.setenv("ORDER_TIMEOUT_MINUTES", "soon")
    with pytest.raises(ConfigError, match="ORDER_TIMEOUT_MINUTES"):
        load_config()


@pytest.mark.parametrize("name", ["INTEGRATION_LOG_RETENTION_DAYS", "API_REQUEST_LOG_RETENTION_DAYS"])
@pytest.mark.parametrize("days", ["0", "-1", "99999999"])
def test_a_retention_that_would_delete_everything_or_stop_the_job_fails_fast(monkeypatch, name, days):
    # "0" (keep for ever, elsewhere) or a negative number had the hourly job delete every row the moment it was
    # written, a provider's callbacks and a chargeback's evidence among them; 99999999 days stopped the job with an
    # OverflowError on each run.
    monkeypatch.setenv(name, days)
    with pytest.raises(ConfigError, match=f"{name} must be a number of days from 1 to 36500"):
        load_config()
    monkeypatch.setenv(name, "180")
    assert load_config()[name] == 180


@pytest.mark.parametrize(
    "name, value, says",
    [
        ("SECRET_KEY", "x", "SECRET_KEY is too short"),
        ("SECRET_KEY", "s" * 31, "SECRET_KEY is too short"),
        ("SECRET_KEY", "dev-only-secret-change-me", "SECRET_KEY is the development default"),
        ("SANDBOX_API_KEY", "sbx_test_demo_key", "SANDBOX_API_KEY is the demo value"),
        ("SANDBOX_CALLBACK_SECRET", "sbx_whsec_demo", "SANDBOX_CALLBACK_SECRET is the demo value"),
    ],
)
def test_production_refuses_a_default_demo_or_weak_secret_and_says_which(monkeypatch, name, value, says):
    _production(monkeypatch, **{name: value})
    with pytest.raises(ConfigError, match=says):
        load_config()


def test_production_refuses_the_demo_sandbox_secrets_when_they_are_left_unset(monkeypatch):
    _production(monkeypatch)
    monkeypatch.delenv("SANDBOX_CALLBACK_SECRET")
    with pytest.raises(ConfigError, match="SANDBOX_CALLBACK_SECRET"):
        load_config()


def test_development_keeps_its_demo_secrets(monkeypatch):
    for name in ("KASSA_ENV", "SECRET_KEY", "SANDBOX_API_KEY", "SANDBOX_CALLBACK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert load_config()["SANDBOX_API_KEY"] == "sbx_test_demo_key"


def test_passwords_get_werkzeugs_full_cost_unless_told_and_production_refuses_less(monkeypatch):
    monkeypatch.delenv("KASSA_ENV", raising=False)
    monkeypatch.delenv("PASSWORD_HASH_METHOD", raising=False)
    assert load_config()["PASSWORD_HASH_METHOD"] == "scrypt:32768:8:1"
    monkeypatch.setenv("PASSWORD_HASH_METHOD", "scrypt:1024:8:1")
    assert load_config()["PASSWORD_HASH_METHOD"] == "scrypt:1024:8:1"  # a development or test run may go cheaper
    for weak in ("scrypt:1024:8:1", "pbkdf2:sha256:1000"):
        _production(monkeypatch, PASSWORD_HASH_METHOD=weak)
        with pytest.raises(ConfigError, match="weaker than werkzeug's defaults"):
            load_config()
    for strong in ("scrypt:65536:8:1", "pbkdf2:sha256:1200000", "scrypt"):
        _production(monkeypatch, PASSWORD_HASH_METHOD=strong)
        assert load_config()["PASSWORD_HASH_METHOD"] == strong
    for nonsense in ("md5", "scrypt:lots", "pbkdf2:nohash:5", "scrypt:1:2"):
        monkeypatch.setenv("PASSWORD_HASH_METHOD", nonsense)
        with pytest.raises(ConfigError, match="not a method such as scrypt"):
            load_config()


@pytest.mark.parametrize(
    "name, value, says, good",
    [
        # A lease of 0 would hand back every event a run claimed, and the outbox would stall.
        ("EVENT_DISPATCH_LEASE_SECONDS", "0", "more than 0", "90"),
        ("EVENT_DISPATCH_LEASE_SECONDS", "-5", "more than 0", "90"),
        ("EVENT_DISPATCH_LEASE_SECONDS", "a minute", "number of seconds", "90"),
        # A long gather would hold every handler (fulfilment, receipts, webhooks) back.
        ("EVENT_DISPATCH_GATHER_SECONDS", "-0.1", "between 0 and 1", "0"),
        ("EVENT_DISPATCH_GATHER_SECONDS", "5", "between 0 and 1", "0"),
        ("EVENT_DISPATCH_GATHER_SECONDS", "soon", "number of seconds", "0"),
    ],
)
def test_an_outbox_setting_that_would_stall_or_hold_it_back_is_refused_with_what_to_set(
    monkeypatch, name, value, says, good
):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"{name} must be .*{says}"):
        load_config()
    monkeypatch.setenv(name, good)
    assert load_config()[name] == float(good)


@pytest.mark.parametrize("name", ["DB_STATEMENT_TIMEOUT_SECONDS", "JOB_STATEMENT_TIMEOUT_SECONDS"])
def test_a_negative_statement_bound_is_refused_and_0_means_none(monkeypatch, name):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://kassa@127.0.0.1/kassa")
    monkeypatch.setenv(name, "-1")
    with pytest.raises(ConfigError, match=f"{name} must be a number of seconds"):
        load_config()
    monkeypatch.setenv(name, "0")
    web, job = load_config(), load_config({"RUNS_JOBS": True})
    bounded = web if name == "JOB_STATEMENT_TIMEOUT_SECONDS" else job
    unbounded = job if bounded is web else web
    assert "statement_timeout" in bounded["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"]["options"]
    assert "options" not in unbounded["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"]
