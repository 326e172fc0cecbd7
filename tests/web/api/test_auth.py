"""Auth on every API route: missing/bad keys are 401, publishable keys on secret routes 403."""

import json
from pathlib import Path

import pytest

from tests.conftest import Api

# The document the code generates, as committed for the SDK (tests/web/api/test_sdk_api_document.py holds it to
# the code): read at collection, where the app is not built yet.
PATHS = json.loads((Path(__file__).parents[3] / "sdk" / "openapi.json").read_text())["paths"]

# Every documented route that takes a key (the OpenAPI test proves the document lists every served
# route); the order stream documents `security: []`: its client secret is the credential.
ROUTES = sorted(
    (method, path.replace("{id}", "x_1"))
    for path, ops in PATHS.items()
    for method, op in ops.items()
    if op.get("security") != []
)
# Routes whose document says only a secret key may call them.
SECRET_ONLY = sorted(
    (method, path.replace("{id}", "x_1"))
    for path, ops in PATHS.items()
    for method, op in ops.items()
    if op.get("security") == [{"secret_key": []}]
)


@pytest.mark.parametrize("method, path", ROUTES)
@pytest.mark.parametrize("key", [None, "sk_test_" + "x" * 32, "not-a-key", "pk_test_" + "y" * 32])
def test_missing_or_unknown_keys_get_401(client, merchant, method, path, key):
    caller = Api(client, key)
    response = caller.client.open(f"/api/v1{path}", method=method.upper(), headers=caller._headers(None))
    assert response.status_code == 401
    assert response.json["error"]["type"] == "authentication_error"
    assert response.json["error"]["message"]


@pytest.mark.parametrize("method, path", SECRET_ONLY)
def test_publishable_key_on_secret_route_gets_403(pk_api, method, path):
    response = pk_api.client.open(f"/api/v1{path}", method=method.upper(), headers=pk_api._headers(None))
    assert response.status_code == 403
    assert response.json["error"]["type"] == "permission_error"


def test_a_revoked_key_stops_working(app, api, merchant):
    from app.extensions import db
    from app.merchants.keys import hash_key
    from app.merchants.models import ApiKey
    from app.platform.db.types import utcnow

    assert api.get("/products").status_code == 200
    with app.app_context():
        key = db.session.query(ApiKey).filter_by(key_hash=hash_key(merchant.secret_key)).one()
        key.revoked_at = utcnow()
        db.session.commit()
    assert api.get("/products").status_code == 401


def test_keys_are_stored_hashed(app, merchant):
    from app.extensions import db
    from app.merchants.models import ApiKey

    with app.app_context():
        stored = [k.key_hash for k in db.session.query(ApiKey).filter_by(merchant_id=merchant.id)]
    assert len(stored) == 2
    assert merchant.secret_key not in stored and merchant.publishable_key not in stored


@pytest.mark.parametrize(
    "key, says",
    [
        ("pk_test_doesnotexist", "the API key is unknown: a pk_test_ key has 32 letters and digits after pk_test_"),
        ("pk_test_" + "y" * 32, "the API key is unknown or revoked"),
        ("not-a-key", "the API key is malformed: keys start with sk_test_, sk_live_, pk_test_ or pk_live_"),
    ],
)
def test_an_unknown_key_is_told_apart_from_a_malformed_one(client, merchant, key, says):
    # A mistyped publishable key in the SDK starts with pk_: telling its developer to start it with pk_ sends them
    # looking in the wrong place. The code stays invalid_api_key (API.md); only the message says what to fix.
    response = Api(client, key).get("/products/prod_x")
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_api_key"
    assert response.json["error"]["message"].startswith(says)
