import pytest

from app.config import ConfigError, load_config


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.setenv("KASSA_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_config()


def test_production_refuses_to_start_without_keys_for_channel_credentials(monkeypatch):
    monkeypatch.setenv("KASSA_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret")
    monkeypatch.delenv("CHANNEL_CREDENTIALS_KEYS", raising=False)
    with pytest.raises(ConfigError, match="CHANNEL_CREDENTIALS_KEYS"):
        load_config()


def test_production_with_a_secret_key_uses_secure_cookies(monkeypatch):
    monkeypatch.setenv("KASSA_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a-long-random-production-secret")
    monkeypatch.setenv("CHANNEL_CREDENTIALS_KEYS", "bm90LWNoZWNrZWQtaGVyZS1vbmx5LXByZXNlbmNlLTAwMA==")
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
