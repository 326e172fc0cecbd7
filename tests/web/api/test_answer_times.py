"""API.md: every time in an answer is an ISO 8601 UTC string ending in ``Z``; a time in a request may be ISO 8601
or unix seconds. Walks the answers of real objects made over the API (subscriptions and their events, billing
links, test clocks, risk list entries and rules, reviewed orders, events) for any time that is not."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.risk.test_risk_api import order_body
from tests.support.signing import CUSTOMER, make_recurring, pay_first_order, subscribe

ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
# Times whose names do not end in _at.
TIME_NAMES = {"frozen_time", "current_period_start", "current_period_end", "period_start", "period_end", "until"}


def _times(value: object, path: str = "") -> list[tuple[str, object]]:
    """Every (path, value) in an answer whose name says it is a time."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            here = f"{path}.{key}" if path else key
            if key.endswith("_at") or key == "at" or key in TIME_NAMES or key.endswith("_until"):
                found.append((here, inner))
            found += _times(inner, here)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += _times(inner, f"{path}[{i}]")
    return found


def _not_iso(answer: object) -> list[tuple[str, object]]:
    return [(p, v) for p, v in _times(answer) if v is not None and not (isinstance(v, str) and ISO_Z.match(v))]


def _unix(when: datetime) -> int:
    return int(when.timestamp())


def test_every_time_in_an_answer_is_iso_8601_utc(app, api, catalog, sandbox, worker):
    answers: dict[str, object] = {}
    now = datetime.now(timezone.utc).replace(microsecond=0)

    make_recurring(app, catalog["sku"], "month")
    sub = pay_first_order(api, sandbox, worker, subscribe(api, catalog["sku"]))
    assert sub["status"] == "active"
    answers["subscription"] = sub
    answers["subscriptions"] = api.get("/subscriptions").json
    answers["canceled subscription"] = api.post(f"/subscriptions/{sub['id']}/cancel", json={}).json
    link = api.post(f"/customers/{CUSTOMER}/billing_links", json={})
    assert link.status_code == 201, link.json
    answers["billing link"] = link.json

    # Test clocks take ISO 8601 and unix seconds alike, and answer ISO 8601.
    created = api.post("/test_clocks", json={"frozen_time": "2026-01-01T00:00:00Z"})
    assert created.status_code == 201, created.json
    clock = created.json
    assert clock["frozen_time"] == "2026-01-01T00:00:00Z"
    to = _unix(datetime(2026, 1, 3, 12, tzinfo=timezone.utc))
    advanced = api.post(f"/test_clocks/{clock['id']}/advance", json={"to": to})
    assert advanced.status_code == 200, advanced.json
    worker()
    clock = api.get(f"/test_clocks/{clock['id']}").json
    assert clock["frozen_time"] == "2026-01-03T12:00:00Z"
    answers["test clock"] = clock
    answers["test clocks"] = api.get("/test_clocks").json
    answers["unix test clock"] = api.post(
        "/test_clocks", json={"frozen_time": _unix(datetime(2027, 5, 6, 7, 8, 9, tzinfo=timezone.utc))}
    ).json
    assert answers["unix test clock"]["frozen_time"] == "2027-05-06T07:08:09Z"

    # Risk list entries take an expiry either way too.
    in_a_week = now + timedelta(days=7)
    by_iso = api.post(
        "/risk/list_entries",
        json={"kind": "customer", "value": "cus_iso", "action": "block", "expires_at": in_a_week.isoformat()},
    )
    assert by_iso.status_code == 201, by_iso.json
    assert by_iso.json["expires_at"] == in_a_week.strftime("%Y-%m-%dT%H:%M:%SZ")
    by_unix = api.post(
        "/risk/list_entries",
        json={"kind": "customer", "value": "cus_unix", "action": "block", "expires_at": _unix(in_a_week)},
    )
    assert by_unix.status_code == 201 and by_unix.json["expires_at"] == by_iso.json["expires_at"]
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_watch", "action": "review"})
    answers["risk list entries"] = api.get("/risk/list_entries").json
    rule = api.post("/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 100000}, "action": "block"})
    assert rule.status_code == 201, rule.json
    answers["risk rule"] = rule.json
    answers["risk rules"] = api.get("/risk/rules").json

    # An order held for review and approved carries when it was decided.
    order = api.post("/orders", json=order_body(catalog["limited_sku"], customer="cus_watch")).json
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    assert api.post(f"/orders/{order['id']}/review", json={"decision": "approve"}).status_code == 200
    answers["reviewed order"] = api.get(f"/orders/{order['id']}").json
    assert answers["reviewed order"]["risk"]["review"]["at"] is not None
    answers["orders"] = api.get("/orders").json
    worker()
    events = api.get("/events?limit=100").json
    assert {"subscription.activated", "subscription.canceled"} <= {e["type"] for e in events["data"]}
    answers["events"] = events

    checked = {name: _times(answer) for name, answer in answers.items()}
    assert all(checked.values()), {name: "no times" for name, found in checked.items() if not found}
    wrong = {name: _not_iso(answer) for name, answer in answers.items() if _not_iso(answer)}
    assert wrong == {}


@pytest.mark.parametrize(
    ("path", "body", "param"),
    [
        ("/test_clocks", {"frozen_time": "next tuesday"}, "frozen_time"),
        ("/test_clocks", {"frozen_time": 1.5}, "frozen_time"),
        ("/test_clocks", {"frozen_time": True}, "frozen_time"),
        (
            "/risk/list_entries",
            {"kind": "customer", "value": "c", "action": "block", "expires_at": "soon"},
            "expires_at",
        ),
    ],
)
def test_a_time_neither_iso_nor_unix_is_a_400_that_names_it(api, path, body, param):
    response = api.post(path, json=body)
    assert response.status_code == 400, response.json
    error = response.json["error"]
    assert error["param"] == param and "ISO 8601" in error["message"] and "unix seconds" in error["message"]
