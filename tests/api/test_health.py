from tests.conftest import dispose


def test_healthz_reports_database_and_redis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["status"] == "ok"
    assert response.json["checks"] == {"database": "ok", "redis": "ok"}
    assert response.json["channels"]["sandbox_card"] == "closed"  # every circuit breaker is shown


def test_healthz_is_503_when_redis_is_down(app):
    from app import create_app

    broken = create_app({**{k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI", "TESTING")},
                         "REDIS_URL": "redis://127.0.0.1:1/0"})
    response = broken.test_client().get("/healthz")
    dispose(broken)
    assert response.status_code == 503
    assert response.json["checks"]["database"] == "ok"
    assert response.json["checks"]["redis"].startswith("error")


def test_healthz_is_503_when_the_database_is_down(app):
    from app import create_app

    broken = create_app({"TESTING": True, "REDIS_URL": app.config["REDIS_URL"],
                         "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://nobody@127.0.0.1:1/none"})
    response = broken.test_client().get("/healthz")
    dispose(broken)
    assert response.status_code == 503
    assert response.json["checks"]["redis"] == "ok"
    assert response.json["checks"]["database"].startswith("error")
