"""The admin CLI, run as an operator would: `flask --app wsgi kassa …`."""

import json

from tests.conftest import Api


def test_create_merchant_prints_one_json_line_with_working_keys(app, client):
    result = app.test_cli_runner().invoke(
        args=[
            "kassa",
            "create-merchant",
            "--name",
            "Shop",
            "--email",
            "Owner@Shop.test",
            "--password",
            "long-enough-pw",
        ]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    created = json.loads(lines[0])
    assert set(created) == {"merchant_id", "secret_key", "publishable_key"}
    assert created["secret_key"].startswith("sk_test_") and created["publishable_key"].startswith("pk_test_")
    assert Api(client, created["secret_key"]).get("/orders").status_code == 200
    assert Api(client, created["publishable_key"]).get("/products").status_code == 200


def test_create_merchant_explains_bad_input(app, merchant):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["kassa", "create-merchant", "--name", "S", "--email", "s@s.test", "--password", "x"])
    assert short.exit_code == 2 and "password must be at least 8 characters" in short.output
    taken = runner.invoke(
        args=["kassa", "create-merchant", "--name", "S", "--email", merchant.email, "--password", "long-enough-pw"]
    )
    assert taken.exit_code == 2 and "already exists" in taken.output


def test_seed_demo_writes_credentials_once(app, client, tmp_path, monkeypatch):
    import app.cli.commands as cli

    monkeypatch.setattr(cli, "DEMO_CREDENTIALS", tmp_path / "demo-credentials.json")
    runner = app.test_cli_runner()
    first = runner.invoke(args=["kassa", "seed-demo"])
    assert first.exit_code == 0, first.output
    creds = json.loads((tmp_path / "demo-credentials.json").read_text())
    assert set(creds) == {"merchant_id", "secret_key", "publishable_key", "portal_email", "portal_password"}
    products = Api(client, creds["publishable_key"]).get("/products").json["data"]
    assert {p["name"] for p in products} == {"Pro membership", "Credit pack"}

    second = runner.invoke(args=["kassa", "seed-demo"])
    assert second.exit_code == 0 and "already seeded" in second.output
    assert json.loads((tmp_path / "demo-credentials.json").read_text()) == creds
    assert len(Api(client, creds["publishable_key"]).get("/products").json["data"]) == 2


def test_seeded_demo_skus_grant_membership_days_and_credits(app, tmp_path, monkeypatch):
    import app.cli.commands as cli
    from app.catalog.models import Sku
    from app.extensions import db

    monkeypatch.setattr(cli, "DEMO_CREDENTIALS", tmp_path / "demo-credentials.json")
    assert app.test_cli_runner().invoke(args=["kassa", "seed-demo"]).exit_code == 0
    with app.app_context():
        grants = {s.name: s.fulfilment for s in db.session.query(Sku)}
    assert grants == {
        "30 days": {"membership_days": 30},
        "365 days": {"membership_days": 365},
        "Monthly, renews": {"membership_days": 30},
        "100 credits": {"credits": 100},
    }


def test_fulfilment_secret_is_created_once_and_printed(app, merchant):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["kassa", "fulfilment-secret", "--merchant-id", merchant.id])
    assert first.exit_code == 0 and first.output.strip().startswith("whsec_")
    assert runner.invoke(args=["kassa", "fulfilment-secret", "--merchant-id", merchant.id]).output == first.output
    missing = runner.invoke(args=["kassa", "fulfilment-secret", "--merchant-id", "mch_missing"])
    assert missing.exit_code == 2
