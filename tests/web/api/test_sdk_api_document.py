"""sdk/openapi.json, which the SDK's TypeScript types are generated from, is the document the code serves today."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "sdk" / "openapi.json"


def test_the_committed_sdk_document_is_what_the_code_generates(app, tmp_path):
    fresh = tmp_path / "openapi.json"
    result = app.test_cli_runner().invoke(args=["kassa", "api-document", str(fresh)])
    assert result.exit_code == 0, result.output
    assert COMMITTED.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        "sdk/openapi.json is not the document the API serves: run `make api-types` (it also regenerates the SDK's "
        "types and build from it) and commit the result"
    )


def test_the_sdk_document_is_the_served_one_on_a_fixed_server(client):
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    served = client.get("/api/v1/openapi.json").json
    # Only the server (and the curl samples that name it) depend on the deployment.
    assert committed["servers"] == [{"url": "https://kassa.example/api/v1"}]
    assert committed["components"] == served["components"]
    assert committed["paths"].keys() == served["paths"].keys()
