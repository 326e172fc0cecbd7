"""Recording when an API key was last used never costs a request: without Redis the call still answers and
the use is still recorded (each process then throttles on its own)."""

from __future__ import annotations

from tests.platform.test_redis_unavailable import redis_down  # noqa: F401  (a fixture)


def test_without_redis_a_call_answers_and_its_key_use_is_recorded(app, api, merchant, redis_down):  # noqa: F811
    from app.extensions import db
    from app.merchants.keys import hash_key
    from app.merchants.models import ApiKey

    redis_down()
    assert api.get("/orders").status_code == 200
    with app.app_context():
        used = db.session.query(ApiKey.last_used_at).filter_by(key_hash=hash_key(merchant.secret_key)).scalar()
    assert used is not None
