"""Risk control through the API, the way a merchant sets it up and a shopper meets it: lists, rules,
velocity under concurrency, review holding fulfilment, and a neutral message for blocked shoppers."""

from __future__ import annotations

import csv
import io
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import Api, wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of


def order_body(sku: str, customer: str = "cus_risk", email: str | None = None, quantity: int = 1) -> dict:
    return {
        "items": [{"sku": sku, "quantity": quantity}],
        "customer": {"id": customer, **({"email": email} if email else {})},
        "agreement_accepted": True,
    }


def test_a_blocked_email_domain_gets_a_neutral_402_and_nothing_is_created(api, catalog, worker):
    listed = api.post(
        "/risk/list_entries",
        json={"kind": "email_domain", "value": "@Fraud.example", "action": "block", "note": "chargebacks in May"},
    )
    assert listed.status_code == 201, listed.json
    assert listed.json["value"] == "fraud.example"

    blocked = api.post("/orders", json=order_body(catalog["sku"], email="mallory@fraud.example"))
    assert blocked.status_code == 402
    assert blocked.json["error"]["type"] == "risk_error" and blocked.json["error"]["code"] == "risk_blocked"
    assert "fraud.example" not in blocked.json["error"]["message"]  # the shopper learns nothing
    assert api.get("/orders").json["data"] == []
    # The merchant sees why, as an event.
    events = api.get("/events", query_string={"type": "risk.blocked"}).json["data"]
    assert len(events) == 1
    assert events[0]["data"]["object"]["reasons"] == [
        "email_domain fraud.example is on the block list (chargebacks in May)"
    ]
    assert api.post("/orders", json=order_body(catalog["sku"], email="alice@good.example")).status_code == 201


def test_an_allow_list_entry_lets_a_trusted_customer_past_the_rules(api, catalog):
    assert (
        api.post(
            "/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 500}, "action": "block"}
        ).status_code
        == 201
    )
    assert api.post("/orders", json=order_body(catalog["sku"])).status_code == 402
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_vip", "action": "allow"})
    allowed = api.post("/orders", json=order_body(catalog["sku"], customer="cus_vip"))
    assert allowed.status_code == 201
    assert allowed.json["risk"]["decision"] == "allow"


def test_fifty_parallel_orders_against_a_velocity_rule_of_five_let_exactly_five_through(app, client, merchant, catalog):
    api = Api(client, merchant.secret_key)
    rule = api.post(
        "/risk/rules",
        json={
            "kind": "velocity",
            "action": "block",
            "params": {"by": "customer", "window_seconds": 3600, "max_count": 5},
        },
    )
    assert rule.status_code == 201, rule.json

    def place(_: int) -> int:
        return Api(app.test_client(), merchant.secret_key).post("/orders", json=order_body(catalog["sku"])).status_code

    with ThreadPoolExecutor(10) as pool:
        statuses = list(pool.map(place, range(50)))
    assert statuses.count(201) == 5 and statuses.count(402) == 45
    # Another customer has an allowance of its own.
    assert api.post("/orders", json=order_body(catalog["sku"], customer="cus_other")).status_code == 201


def test_review_lets_the_payment_through_and_holds_fulfilment_until_approved(api, catalog, sandbox, worker):
    api.post("/risk/rules", json={"kind": "first_purchase_limit", "params": {"max_amount": 500}, "action": "review"})
    order = api.post("/orders", json=order_body(catalog["sku"], customer="cus_new"))
    assert order.status_code == 201
    assert order.json["risk"]["decision"] == "review"
    assert order.json["risk"]["reasons"] == ["a first purchase of $9.99 is above the first-purchase limit of $5.00"]

    payment = pay(api, order.json["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order.json["id"]) == "paid")
    worker()
    assert status_of(api, order.json["id"]) == "paid"  # held: not fulfilled

    approved = api.post(f"/orders/{order.json['id']}/review", json={"decision": "approve"})
    assert approved.status_code == 200, approved.json
    assert approved.json["status"] == "fulfilled"
    assert approved.json["risk"]["review"]["decision"] == "approve"
    again = api.post(f"/orders/{order.json['id']}/review", json={"decision": "reject"})
    assert again.status_code == 409 and "already approved" in again.json["error"]["message"]


def test_rejecting_a_reviewed_order_refunds_it_in_full(api, catalog, sandbox, worker):
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_watch", "action": "review"})
    order = api.post("/orders", json=order_body(catalog["sku"], customer="cus_watch")).json
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    rejected = api.post(f"/orders/{order['id']}/review", json={"decision": "reject"})
    assert rejected.status_code == 200, rejected.json
    wait_for(lambda: status_of(api, order["id"]) == "refunded")
    assert api.get(f"/orders/{order['id']}").json["refunded_amount"] == 999


def test_csv_import_reports_bad_lines_by_number_and_export_gives_them_back(api, client, merchant):
    body = (
        "kind,value,action,expires_at,note\n"
        "email,Bob@Example.com,block,,stolen card\n"
        "ip,203.0.113.0/24,review\n"
        "colour,blue,block\n"
        "email,not-an-email,block\n"
        "email,bob@example.com,allow\n"
        "device,dev_1,block,1,expired\n"
    )
    response = client.post(
        "/api/v1/risk/list_entries/import",
        data=body,
        content_type="text/csv",
        headers={"Authorization": f"Bearer {merchant.secret_key}"},
    )
    assert response.status_code == 200, response.json
    assert response.json["imported"] == 2 and response.json["skipped"] == 1
    assert [e["line"] for e in response.json["errors"]] == [4, 5, 7]
    assert "kind must be one of" in response.json["errors"][0]["message"]

    exported = client.get(
        "/api/v1/risk/list_entries/export", headers={"Authorization": f"Bearer {merchant.secret_key}"}
    ).get_data(as_text=True)
    assert exported.splitlines() == [
        "kind,value,action,expires_at,note",
        "email,bob@example.com,block,,stolen card",
        "ip,203.0.113.0/24,review,,",
    ]
    found = api.get("/risk/list_entries", query_string={"kind": "email", "value": "BOB@example.com"}).json["data"]
    assert [e["action"] for e in found] == ["block"]


def import_list(client, merchant, body: bytes):
    return client.post(
        "/api/v1/risk/list_entries/import",
        data=body,
        content_type="text/csv",
        headers={"Authorization": f"Bearer {merchant.secret_key}"},
    )


def test_a_nul_in_an_imported_line_is_that_lines_error_not_a_500(api, client, merchant):
    # A NUL (a file saved by another program, a bad paste) reached PostgreSQL, which cannot store it: a 500 and
    # nothing imported (on SQLite the NUL was stored and listed).
    response = import_list(
        client,
        merchant,
        b"email,bob@example.com,block\nemail,mal\x00lory@example.com,block\ndevice,dev_1,review,,bad\x00note\n",
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.json["imported"] == 1
    assert [e["line"] for e in response.json["errors"]] == [2, 3]
    assert all("NUL" in e["message"] for e in response.json["errors"]), response.json["errors"]
    assert [e["value"] for e in api.get("/risk/list_entries").json["data"]] == ["bob@example.com"]


def test_a_list_saved_with_carriage_returns_alone_is_read_line_by_line(api, client, merchant):
    # Lines ended by CR alone (Excel for Mac's "CSV (Macintosh)", old Mac editors) were a 500: the reader split
    # lines on LF only and met a CR in the middle of a field. A quoted field keeps a CR or LF it holds.
    response = import_list(
        client,
        merchant,
        b'kind,value,action,expires_at,note\remail,bob@example.com,block\rdevice,dev_1,review,,"two\rlines"\r',
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert (response.json["imported"], response.json["errors"]) == (2, [])
    listed = {e["value"]: e["note"] for e in api.get("/risk/list_entries").json["data"]}
    assert listed == {"bob@example.com": None, "dev_1": "two\rlines"}


def test_a_line_with_a_field_too_long_to_read_is_that_lines_error(api, client, merchant):
    # A field past the csv reader's limit (128 KB: a pasted blob, or an unclosed quote running on) was a 500 and
    # nothing of the file was imported.
    response = import_list(
        client,
        merchant,
        b"email,bob@example.com,block\nemail," + b"x" * 200_000 + b"@example.com,block\ndevice,dev_1,review\n",
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.json["imported"] == 2
    [error] = response.json["errors"]
    assert error["line"] == 2 and "a value is at most 320 characters" in error["message"], error
    assert sorted(e["value"] for e in api.get("/risk/list_entries").json["data"]) == ["bob@example.com", "dev_1"]


@pytest.mark.parametrize(
    "broken",
    [
        b'email,"mallory@example.com,block\n',  # the value's quote
        b'device,dev_9,block,,"chargeback, twice\n',  # the note's quote
        b'email,"mallory@example.com"x,block\n',
    ],
)  # text after the closing quote
def test_a_quote_left_open_is_that_lines_error_and_the_lines_after_it_are_imported(api, client, merchant, broken):
    # The reader ran an unclosed quote on to the end of the file: the lines after it became part of one value (a
    # note "chargeback, twice\nemail,bob@…" imported, or a line of too few fields), never imported nor reported.
    response = import_list(
        client,
        merchant,
        b"kind,value,action,expires_at,note\n"
        + broken
        + b"email,bob@example.com,block\n"
        + b'device,dev_1,review,,"two\nlines"\n'
        + b"ip,203.0.113.7,block\n",
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    [error] = response.json["errors"]
    assert error["line"] == 2, error
    assert 'write a quote inside a value twice ("")' in error["message"], error
    assert "never closed" in error["message"] or "after its closing quote" in error["message"], error
    listed = {e["value"]: e["note"] for e in api.get("/risk/list_entries").json["data"]}
    assert listed == {"bob@example.com": None, "dev_1": "two\nlines", "203.0.113.7": None}


def test_a_bad_line_after_a_note_of_two_lines_is_reported_by_the_line_it_is_on(api, client, merchant):
    response = import_list(client, merchant, b'device,dev_1,review,,"two\nlines"\ncolour,blue,block\n')
    assert [e["line"] for e in response.json["errors"]] == [3]  # the file's third line, as an editor shows it


def test_the_export_runs_no_formula_in_a_spreadsheet_and_imports_back_as_it_was(api, client, merchant):
    # A customer id or note starting with = + - @ was written as it was: a spreadsheet opening the export ran it.
    for value, note in (('=HYPERLINK("http://evil.example","open")', "+1 chargeback"), ("@SUM(1+1)", None)):
        assert (
            api.post(
                "/risk/list_entries", json={"kind": "customer", "value": value, "action": "block", "note": note}
            ).status_code
            == 201
        )
    exported = client.get(
        "/api/v1/risk/list_entries/export", headers={"Authorization": f"Bearer {merchant.secret_key}"}
    ).get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(exported)))
    assert rows[1:] == [
        ["customer", '\'=HYPERLINK("http://evil.example","open")', "block", "", "'+1 chargeback"],
        ["customer", "'@SUM(1+1)", "block", "", ""],
    ]
    # The export is the import's format: read back, it names the very same entries.
    again = import_list(client, merchant, exported.encode())
    assert (again.json["imported"], again.json["skipped"], again.json["errors"]) == (0, 2, [])
    assert sorted(e["value"] for e in api.get("/risk/list_entries").json["data"]) == [
        '=HYPERLINK("http://evil.example","open")',
        "@SUM(1+1)",
    ]


def test_an_address_in_a_listed_range_is_caught_from_a_browser_but_the_merchants_server_is_not(
    client, merchant, pk_api, api, catalog
):
    api.post("/risk/list_entries", json={"kind": "ip", "value": "198.51.100.0/24", "action": "block"})
    shopper = {"REMOTE_ADDR": "198.51.100.23"}
    body = order_body(catalog["sku"], customer="guest_1")
    from_browser = client.post(
        "/api/v1/orders",
        json=body,
        environ_base=shopper,
        headers={"Authorization": f"Bearer {merchant.publishable_key}"},
    )
    assert from_browser.status_code == 402
    from_server = client.post(
        "/api/v1/orders", json=body, environ_base=shopper, headers={"Authorization": f"Bearer {merchant.secret_key}"}
    )
    assert from_server.status_code == 201


@pytest.mark.parametrize(
    "body, param",
    [
        (
            {"kind": "velocity", "params": {"by": "planet", "window_seconds": 60, "max_count": 1}, "action": "block"},
            "params.by",
        ),
        ({"kind": "velocity", "params": {"by": "ip", "window_seconds": 60}, "action": "block"}, "params"),
        ({"kind": "amount_limit", "params": {"max_amount": -5}, "action": "block"}, "params.max_amount"),
        ({"kind": "amount_limit", "params": {"max_amount": 5}, "action": "shrug"}, "action"),
        ({"kind": "telepathy", "params": {}, "action": "block"}, "kind"),
    ],
)
def test_bad_rules_are_refused_naming_the_field(api, body, param):
    response = api.post("/risk/rules", json=body)
    assert response.status_code == 400
    assert response.json["error"]["param"] == param
    assert api.get("/risk/rules").json["data"] == []


def test_rules_can_be_disabled_and_deleted(api, catalog):
    rule = api.post("/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 100}, "action": "block"}).json
    assert api.post("/orders", json=order_body(catalog["sku"])).status_code == 402
    assert api.patch(f"/risk/rules/{rule['id']}", json={"enabled": False}).json["enabled"] is False
    assert api.post("/orders", json=order_body(catalog["sku"])).status_code == 201
    assert api.delete(f"/risk/rules/{rule['id']}").status_code == 200
    assert api.delete(f"/risk/rules/{rule['id']}").status_code == 404


def test_a_top_up_is_assessed_and_its_credit_waits_for_review(api, sandbox, worker):
    from tests.ledger.wallet.test_wallet import balance

    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_flow", "action": "review"})
    created = api.post(
        "/customers/cus_flow/topups", json={"amount": 2000, "currency": "usd", "channel": "sandbox_card"}
    )
    assert created.status_code == 201, created.json
    topup = created.json["topup"]["id"]
    assert api.get(f"/orders/{topup}").json["risk"]["decision"] == "review"
    sandbox.simulate(created.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{topup}").json["status"] == "paid")
    worker()
    assert balance(api)["available"] == []  # held: nothing spendable yet
    assert api.post(f"/orders/{topup}/review", json={"decision": "approve"}).status_code == 200
    assert balance(api)["available"] == [{"amount": 2000, "currency": "usd"}]

    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_blocked", "action": "block"})
    blocked = api.post(
        "/customers/cus_blocked/topups", json={"amount": 2000, "currency": "usd", "channel": "sandbox_card"}
    )
    assert blocked.status_code == 402 and blocked.json["error"]["code"] == "risk_blocked"


def test_a_payment_is_assessed_again_with_the_shoppers_device_and_the_lists_of_now(
    client, merchant, pk_api, api, catalog, sandbox
):
    order = pk_api.post("/orders", json=order_body(catalog["sku"], customer="guest_pay")).json
    api.post("/risk/list_entries", json={"kind": "device", "value": "dev_stolen_phone", "action": "block"})
    paying = {"channel": "sandbox_card", "client_secret": order["client_secret"]}
    blocked = client.post(
        f"/api/v1/orders/{order['id']}/pay",
        json=paying,
        headers={"Authorization": f"Bearer {merchant.publishable_key}", "Kassa-Device-Id": "dev_stolen_phone"},
    )
    assert blocked.status_code == 402 and blocked.json["error"]["code"] == "risk_blocked"
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "created" and after["payments"] == []  # nothing was charged or even started
    reasons = api.get("/events", query_string={"type": "risk.blocked"}).json["data"][0]["data"]["object"]["reasons"]
    assert reasons == ["device dev_stolen_phone is on the block list"]
    # Another device pays the same order.
    other = client.post(
        f"/api/v1/orders/{order['id']}/pay",
        json=paying,
        headers={"Authorization": f"Bearer {merchant.publishable_key}", "Kassa-Device-Id": "dev_own"},
    )
    assert other.status_code == 200, other.json


def test_a_customer_put_on_review_after_ordering_is_held_at_payment(api, catalog, sandbox, worker):
    order = api.post("/orders", json=order_body(catalog["sku"], customer="cus_later")).json
    assert order["risk"]["decision"] == "allow"
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_later", "action": "review"})
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    worker()
    held = api.get(f"/orders/{order['id']}").json
    assert held["status"] == "paid" and held["risk"]["decision"] == "review"  # not fulfilled: waits for a decision
    assert held["risk"]["reasons"] == ["at payment: customer cus_later is on the review list"]


def test_a_payment_in_a_currency_from_an_unexpected_country_gets_the_rules_action(
    app, client, merchant, api, catalog, monkeypatch
):
    monkeypatch.setitem(app.config, "TRUSTED_COUNTRY_HEADER", "CF-IPCountry")
    bad = api.post(
        "/risk/rules",
        json={"kind": "currency_country_mismatch", "params": {"currencies": {"usd": ["U"]}}, "action": "review"},
    )
    assert bad.status_code == 400 and bad.json["error"]["param"] == "params.currencies.usd"
    rule = api.post(
        "/risk/rules",
        json={"kind": "currency_country_mismatch", "params": {"currencies": {"USD": ["us", "CA"]}}, "action": "review"},
    )
    assert rule.status_code == 201 and rule.json["params"] == {"currencies": {"usd": ["CA", "US"]}}

    def order_from(country: str | None) -> dict:
        """The order's risk as the merchant reads it (the shopper's browser sees the decision, not the reasons)."""
        headers = {
            "Authorization": f"Bearer {merchant.publishable_key}",
            **({"CF-IPCountry": country} if country else {}),
        }
        response = client.post("/api/v1/orders", json=order_body(catalog["sku"], customer="guest_c"), headers=headers)
        assert response.status_code == 201, response.json
        return api.get(f"/orders/{response.json['id']}").json["risk"]

    assert order_from("US")["decision"] == "allow"
    assert order_from(None)["decision"] == "allow"  # no country known: nothing to compare
    flagged = order_from("BR")
    assert flagged["decision"] == "review"
    assert flagged["reasons"] == ["a USD payment from BR, where USD payments are expected from CA, US"]
    monkeypatch.setitem(app.config, "TRUSTED_COUNTRY_HEADER", "")
    assert order_from("BR")["decision"] == "allow"  # an untrusted header is never read


def test_a_rule_is_tried_on_the_last_30_days_before_it_is_saved(app, api, catalog, sandbox):
    from datetime import timedelta

    from sqlalchemy import update

    from app.extensions import db
    from app.orders.models import Order
    from app.platform.db.types import utcnow

    for i in range(3):  # small orders, counted by the preview and not flagged
        api.post("/orders", json=order_body(catalog["sku"], customer=f"cus_p{i}"))
    big = api.post("/orders", json=order_body(catalog["limited_sku"], customer="cus_big", quantity=2)).json  # $50.00
    burst = [api.post("/orders", json=order_body(catalog["sku"], customer="cus_burst")).json for _ in range(4)]
    old = api.post("/orders", json=order_body(catalog["limited_sku"], customer="cus_old")).json  # $25.00
    with app.app_context():  # one order from two months ago: outside the window
        db.session.execute(update(Order).where(Order.id == old["id"]).values(created_at=utcnow() - timedelta(days=60)))
        db.session.commit()

    limit = api.post(
        "/risk/rules/preview", json={"kind": "amount_limit", "params": {"max_amount": 2000}, "action": "review"}
    )
    assert limit.status_code == 200, limit.json
    assert limit.json == {
        "object": "risk_rule_preview",
        "since_days": 30,
        "orders": 8,
        "would_flag": 1,
        "action": "review",
        "examples": [big["id"]],
    }
    velocity = api.post(
        "/risk/rules/preview",
        json={
            "kind": "velocity",
            "params": {"by": "customer", "window_seconds": 3600, "max_count": 2},
            "action": "block",
        },
    ).json
    assert velocity["would_flag"] == 2 and set(velocity["examples"]) == {burst[2]["id"], burst[3]["id"]}
    assert api.get("/risk/rules").json["data"] == []  # nothing was saved
    unavailable = api.post(
        "/risk/rules/preview",
        json={"kind": "velocity", "params": {"by": "ip", "window_seconds": 60, "max_count": 1}, "action": "block"},
    )
    assert unavailable.status_code == 400 and unavailable.json["error"]["code"] == "preview_unavailable"
    assert (
        api.post("/risk/rules/preview", json={"kind": "amount_limit", "params": {}, "action": "review"}).json["error"][
            "param"
        ]
        == "params.max_amount"
    )


def test_a_card_on_the_block_list_is_refunded_as_soon_as_the_provider_names_it(api, catalog, sandbox, worker):
    import requests

    assert (
        api.post(
            "/risk/list_entries", json={"kind": "card_fingerprint", "value": "fp_stolen_card", "action": "block"}
        ).status_code
        == 201
    )
    honest = api.post("/orders", json=order_body(catalog["sku"], customer="cus_card_a")).json
    stolen = api.post("/orders", json=order_body(catalog["sku"], customer="cus_card_b")).json
    for order, fingerprint in ((honest, "fp_own_card"), (stolen, "fp_stolen_card")):
        payment = pay(api, order["id"])
        answer = requests.post(
            f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}/simulate",
            json={"outcome": "succeeded", "card_fingerprint": fingerprint},
            timeout=5,
        )
        assert answer.status_code == 200 and answer.json()["card_fingerprint"] == fingerprint
    wait_for(lambda: status_of(api, stolen["id"]) == "refunded")
    worker()
    refunded = api.get(f"/orders/{stolen['id']}").json
    assert refunded["payments"][0]["card_fingerprint"] == "fp_stolen_card"
    assert refunded["risk"]["decision"] == "block"
    assert refunded["risk"]["reasons"][-1] == "after payment: card_fingerprint fp_stolen_card is on the block list"
    assert refunded["refunded_amount"] == 999
    wait_for(lambda: status_of(api, honest["id"]) in ("paid", "fulfilled"))
    assert api.get(f"/orders/{honest['id']}").json["refunded_amount"] == 0


def test_an_entry_listed_after_the_lists_were_read_blocks_the_next_order_and_a_deleted_one_stops(api, catalog):
    # Orders already read this merchant's lists (each process keeps a filter of them) before the entry exists.
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_earlier", "action": "review"})
    assert api.post("/orders", json=order_body(catalog["sku"], customer="cus_late")).status_code == 201
    entry = api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_late", "action": "block"}).json
    assert api.post("/orders", json=order_body(catalog["sku"], customer="cus_late")).status_code == 402
    assert api.delete(f"/risk/list_entries/{entry['id']}").status_code == 200
    assert api.post("/orders", json=order_body(catalog["sku"], customer="cus_late")).status_code == 201


def test_an_orders_list_reasons_follow_the_order_the_lists_are_checked_in(api, pk_api, catalog):
    """Customer, email, domain, address (exact before a range), device: whatever order the entries were added in or
    the database returns them in, so the merchant reads the same reasons every time."""
    from app.risk.context import DEVICE_HEADER

    for kind, value in (
        ("device", "dev-42"),
        ("ip", "203.0.113.0/24"),
        ("ip", "203.0.113.7"),
        ("email_domain", "odd.example"),
        ("email", "eve@odd.example"),
        ("customer", "pk:cus_eve"),
    ):
        assert (
            api.post("/risk/list_entries", json={"kind": kind, "value": value, "action": "review"}).status_code == 201
        )
    # The shopper's browser sends its address and device.
    created = pk_api.post(
        "/orders",
        json=order_body(catalog["sku"], customer="cus_eve", email="eve@odd.example"),
        headers={DEVICE_HEADER: "dev-42"},
        environ_base={"REMOTE_ADDR": "203.0.113.7"},
    )
    assert created.status_code == 201, created.json
    assert api.get(f"/orders/{created.json['id']}").json["risk"]["reasons"] == [
        f"{kind} {value} is on the review list"
        for kind, value in (
            ("customer", "pk:cus_eve"),
            ("email", "eve@odd.example"),
            ("email_domain", "odd.example"),
            ("ip", "203.0.113.7"),
            ("ip", "203.0.113.0/24"),
            ("device", "dev-42"),
        )
    ]


def test_a_blocked_order_sent_with_an_idempotency_key_is_a_402_and_the_merchant_hears_why(api, catalog, worker):
    """The key's claim is written in the request's transaction before the order is assessed: the block's event,
    written beside it, must not wait for that transaction (on SQLite it held the one write lock until it gave up)."""
    api.post("/risk/list_entries", json={"kind": "email_domain", "value": "fraud.example", "action": "block"})
    body = order_body(catalog["sku"], email="mallory@fraud.example")
    for _ in range(2):  # and its retry, with the same key
        blocked = api.post("/orders", json=body, headers={"Idempotency-Key": "order-blocked-1"})
        assert blocked.status_code == 402, blocked.json
        assert blocked.json["error"]["code"] == "risk_blocked"
    assert api.get("/orders").json["data"] == []
    assert len(api.get("/events", query_string={"type": "risk.blocked"}).json["data"]) == 2
