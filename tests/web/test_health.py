from tests.conftest import dispose


def test_healthz_reports_database_and_redis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert response.json["checks"] == {"database": "ok", "redis": "ok"}
    assert response.json["channels"]["sandbox_card"] == "closed"  # every circuit breaker is shown
    assert response.json["channel_health"]["sandbox_card"] == {"status": "available", "reason": None, "until": None}


def test_healthz_says_a_channel_an_operator_switched_off_is_suspended_and_why(app, client):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "kassa",
            "switch",
            "on",
            "channel_off",
            "--channel",
            "sandbox_qr",
            "--reason",
            "provider maintenance until 14:00",
        ]
    )
    assert result.exit_code == 0, result.output
    health = client.get("/healthz")
    assert health.status_code == 200  # a suspended channel is not an outage
    assert health.json["channel_health"]["sandbox_qr"] == {
        "status": "suspended",
        "reason": "switched off by an operator: provider maintenance until 14:00",
        "until": None,
    }
    assert health.json["channel_health"]["sandbox_card"]["status"] == "available"


def test_healthz_is_503_when_redis_is_down(app):
    from app import create_app

    broken = create_app(
        {**{k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI", "TESTING")}, "REDIS_URL": "redis://127.0.0.1:1/0"}
    )
    response = broken.test_client().get("/healthz")
    dispose(broken)
    assert response.status_code == 503
    assert response.json["checks"]["database"] == "ok"
    assert response.json["checks"]["redis"].startswith("error")


def test_healthz_is_503_when_the_database_is_down(app):
    from app import create_app

    broken = create_app(
        {
            "TESTING": True,
            "REDIS_URL": app.config["REDIS_URL"],
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none",
        }
    )
    response = broken.test_client().get("/healthz")
    dispose(broken)
    assert response.status_code == 503
    assert response.json["checks"]["redis"] == "ok"
    assert response.json["checks"]["database"].startswith("error")
