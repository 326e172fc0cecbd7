"""Start-up of the provider app: settings and the configured account."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sandbox import create_sandbox_app, load_settings
from sandbox.models import Account
from sandbox.runtime import EXTENSION_KEY
from sandbox.services import hash_api_key


def test_starting_twice_creates_one_account(tmp_path: Path) -> None:
    config = {"SANDBOX_DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}", "SANDBOX_API_KEY": "sbx_test_a"}
    apps = [create_sandbox_app(config), create_sandbox_app(config)]

    with apps[1].extensions[EXTENSION_KEY].session_factory() as session:
        accounts = list(session.scalars(select(Account)))
    for app in apps:
        app.extensions[EXTENSION_KEY].engine.dispose()

    assert len(accounts) == 1
    assert accounts[0].api_key_hash == hash_api_key("sbx_test_a")
    assert accounts[0].api_key_hash != "sbx_test_a"
    assert accounts[0].callback_secret == "sbx_whsec_demo"


def test_restart_with_a_new_secret_signs_with_the_new_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    create_sandbox_app({"SANDBOX_DATABASE_URL": url}).extensions[EXTENSION_KEY].engine.dispose()
    app = create_sandbox_app({"SANDBOX_DATABASE_URL": url, "SANDBOX_CALLBACK_SECRET": "rotated"})

    with app.extensions[EXTENSION_KEY].session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 1
        assert session.scalar(select(Account.callback_secret)) == "rotated"
    app.extensions[EXTENSION_KEY].engine.dispose()


def test_settings_come_from_env_and_the_dict_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SANDBOX_API_KEY", "sbx_test_from_env")
    monkeypatch.setenv("SANDBOX_CALLBACK_DELAY_SECONDS", "1.5")
    monkeypatch.setenv("SANDBOX_PUBLIC_URL", "http://env.test")

    settings = load_settings({"SANDBOX_PUBLIC_URL": "http://dict.test", "SANDBOX_DATABASE_URL": "sqlite://"})

    assert settings["SANDBOX_API_KEY"] == "sbx_test_from_env"
    assert settings["SANDBOX_CALLBACK_DELAY_SECONDS"] == 1.5
    assert settings["SANDBOX_PUBLIC_URL"] == "http://dict.test"


def test_default_database_is_a_file_under_var(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SANDBOX_DATABASE_URL", "SANDBOX_CALLBACK_DELAY_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    settings = load_settings()

    project_root = Path(__file__).resolve().parents[2]
    assert settings["SANDBOX_DATABASE_URL"] == f"sqlite:///{project_root / 'var' / 'sandbox.db'}"
    assert settings["SANDBOX_CALLBACK_DELAY_SECONDS"] == 3.0
