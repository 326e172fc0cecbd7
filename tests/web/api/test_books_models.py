"""The books' routes (partners, settlements, reconciliation) as a client generated from the document meets them:
the document says what the server enforces, the server takes what the document allows, and every live answer
matches its schema (issue 52: the reconciliation answers violated theirs)."""

from __future__ import annotations

import time

from tests.reconciliation.test_reconciliation import paid_order, reconcile, tamper, today
from tests.support.portal import _books_world
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


def _parameters(spec: dict, path: str) -> dict:  # noqa: F811
    return {p["name"]: p for p in spec["paths"][path]["get"].get("parameters", [])}


def _refused(answer, param: str) -> str:
    assert answer.status_code == 400, answer.get_data(as_text=True)[:300]
    error = answer.json["error"]
    assert error["code"] == "parameter_invalid" and error["param"] == param, error
    return error["message"]


def test_partner_bodies_are_what_the_document_says(spec, api):  # noqa: F811
    schemas = spec["components"]["schemas"]
    assert schemas["PartnerInput"]["required"] == ["name"]
    assert schemas["PartnerInput"]["properties"]["payout_account"]["anyOf"][0]["pattern"].startswith(r"^\s*[A-Za-z0-9]")
    assert schemas["PartnerInput"]["properties"]["reserve_bps"]["maximum"] == 10_000
    assert "null" not in str(schemas["PartnerPatch"]["properties"]["cycle"])  # left out, yes; null, no

    # true is no whole number, a list is no name, and a patch's cycle may be left out but not sent as null.
    assert "reserve_bps" in _refused(api.post("/partners", json={"name": "Studio", "reserve_bps": True}), "reserve_bps")
    _refused(api.post("/partners", json={"name": ["Studio"]}), "name")
    _refused(api.post("/partners", json={"name": "Studio", "payout_account": "a?"}), "payout_account")
    check(spec, "post", "/partners", api.post("/partners", json={"name": "   "}))
    check(spec, "patch", "/partners/{id}", api.patch("/partners/self", json={"cycle": None}))

    created = api.post(
        "/partners",
        json={
            "name": "  Studio  ",
            "payout_account": "acct_studio_0001",
            "cycle": "weekly",
            "reserve_bps": 10_000,
            "reserve_days": 365,
        },
    )
    check(spec, "post", "/partners", created)
    assert created.json["name"] == "Studio" and created.json["reserve_days"] == 365
    patched = api.patch(f"/partners/{created.json['id']}", json={"payout_account": None})
    check(spec, "patch", "/partners/{id}", patched)
    # What the patch left out stays as it was.
    assert patched.json["payout_account"] is None and patched.json["cycle"] == "weekly"
    check(spec, "get", "/partners", api.get("/partners"))
    check(spec, "get", "/partners/{id}", api.get(f"/partners/{created.json['id']}"))
    check(spec, "get", "/partners/{id}", api.get("/partners/ptn_missing"))
    check(spec, "patch", "/partners/{id}", api.patch("/partners/ptn_missing", json={"cycle": "daily"}))


def test_settlement_routes_are_what_the_document_says(spec, app, api, merchant):  # noqa: F811
    listing = _parameters(spec, "/settlements")
    assert listing["starting_after"]["schema"]["pattern"] == "^stl_"
    assert listing["status"]["schema"]["enum"] == ["pending", "paying", "paid", "failed"]
    lines = _parameters(spec, "/settlements/{id}/lines")
    assert lines["starting_after"]["schema"]["pattern"] == "^[0-9]{1,19}$"
    assert lines["limit"]["schema"]["maximum"] == 1000
    run = spec["paths"]["/settlements/run"]["post"]
    assert run["requestBody"]["required"] is False and "test_mode_only" in run["responses"]["400"]["description"]
    retry = spec["paths"]["/settlements/{id}/retry_payout"]["post"]["responses"]
    assert "payout_state_invalid" in retry["409"]["description"] and "404" in retry

    check(spec, "get", "/settlements", api.get("/settlements", query_string={"status": "lost"}))
    _refused(api.get("/settlements", query_string={"status": "lost"}), "status")
    _refused(api.get("/settlements", query_string={"starting_after": "po_1"}), "starting_after")
    _refused(api.post("/settlements/run", json={"until": [1]}), "until")
    check(spec, "post", "/settlements/run", api.post("/settlements/run", json={"until": "tomorrow"}))

    with app.app_context():
        partner, settlement, _ = _books_world(merchant.id)
    listed = api.get("/settlements", query_string={"status": "failed", "partner": partner})
    check(spec, "get", "/settlements", listed)
    assert [s["id"] for s in listed.json["data"]] == [settlement]
    after = api.get("/settlements", query_string={"starting_after": settlement})
    assert after.status_code == 200 and after.json["data"] == []
    check(spec, "get", "/settlements/{id}", api.get(f"/settlements/{settlement}"))
    check(spec, "get", "/settlements/{id}", api.get("/settlements/stl_missing"))
    page = api.get(f"/settlements/{settlement}/lines", query_string={"starting_after": "0", "limit": 1000})
    check(spec, "get", "/settlements/{id}/lines", page)
    check(spec, "get", "/settlements/{id}/lines", api.get(f"/settlements/{settlement}/lines?limit=1001"))
    assert api.get(f"/settlements/{settlement}/statement.csv").mimetype == "text/csv"
    check(spec, "post", "/settlements/{id}/retry_payout", api.post(f"/settlements/{settlement}/retry_payout"))
    check(spec, "post", "/settlements/{id}/retry_payout", api.post(f"/settlements/{settlement}/retry_payout"))
    check(spec, "post", "/settlements/run", api.post("/settlements/run"))
    check(spec, "post", "/settlements/run", api.post("/settlements/run", json={"until": int(time.time())}))


def test_reconciliation_routes_are_what_the_document_says(spec, api, sandbox, worker, catalog):  # noqa: F811
    schemas = spec["components"]["schemas"]
    assert schemas["ReconciliationRunInput"]["properties"]["date"]["format"] == "date"
    assert _parameters(spec, "/reconciliation_runs")["starting_after"]["schema"]["pattern"] == "^rcn_"
    found = _parameters(spec, "/reconciliation_runs/{id}/discrepancies")
    assert found["starting_after"]["schema"]["pattern"] == "^dsc_"
    assert found["limit"]["schema"]["maximum"] == 1000
    assert "amount_mismatch" in found["kind"]["schema"]["enum"]
    create = spec["paths"]["/reconciliation_runs"]["post"]["responses"]
    assert "live_key_required" in create["403"]["description"]
    assert "secret_key_required" in create["403"]["description"]

    # 20261127 is a day to Python's date.fromisoformat, but not the YYYY-MM-DD the document promises.
    assert "YYYY-MM-DD" in _refused(
        api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": "20261127"}), "date"
    )
    _refused(api.post("/reconciliation_runs", json={"channel": ["sandbox_card"], "date": today()}), "channel")
    check(spec, "post", "/reconciliation_runs", api.post("/reconciliation_runs", json={"channel": "sandbox_card"}))

    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], amount=payment["amount"] + 500)
    run = reconcile(api, worker)
    check(spec, "get", "/reconciliation_runs/{id}", api.get(f"/reconciliation_runs/{run['id']}"))
    check(spec, "get", "/reconciliation_runs/{id}", api.get("/reconciliation_runs/rcn_missing"))
    check(
        spec, "get", "/reconciliation_runs", api.get("/reconciliation_runs", query_string={"channel": "sandbox_card"})
    )
    older = api.get("/reconciliation_runs", query_string={"starting_after": run["id"]})
    check(spec, "get", "/reconciliation_runs", older)
    check(spec, "get", "/reconciliation_runs", api.get("/reconciliation_runs?starting_after=rcn_missing"))
    path = f"/reconciliation_runs/{run['id']}/discrepancies"
    listed = api.get(path, query_string={"kind": "amount_mismatch", "status": "open", "limit": 1000})
    check(spec, "get", "/reconciliation_runs/{id}/discrepancies", listed)
    [mismatch] = listed.json["data"]
    assert mismatch["provider"]["amount"] == payment["amount"] + 500
    after = api.get(path, query_string={"starting_after": mismatch["id"]})
    assert after.status_code == 200 and after.json["data"] == []
    _refused(api.get(path, query_string={"kind": "typo"}), "kind")
    check(spec, "get", "/reconciliation_runs/{id}/discrepancies", api.get(path, query_string={"kind": "typo"}))
    check(spec, "get", "/reconciliation_runs/{id}/discrepancies", api.get("/reconciliation_runs/rcn_x/discrepancies"))
