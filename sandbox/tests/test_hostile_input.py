"""Bad input to the sandbox provider (merchants demo with it, scripts call it): text that is no UTF-8 in the address,
a query parameter given twice, JSON with a key given twice, a lone surrogate or a NUL in its text. Each is a 400 that
says what is wrong (JSON under the API, a page elsewhere), never a 500 nor an answer made from a mangled or first
value."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox import api
from sandbox.tests.conftest import build_payment_body

PAYMENTS = "/sandbox/api/payments"


def _refused(response, param: str | None, says: str) -> None:
    assert response.status_code == 400, (response.status_code, response.get_data()[:300])
    error = response.json["error"]
    assert error["code"] == "parameter_invalid" and says in error["message"], error
    assert error["param"] == param, error


@pytest.mark.parametrize(
    "query, param", [("reference=%FF", "reference"), ("reference=caf%E9", "reference"), ("reference=a&x=%FF", "x")]
)
def test_a_query_that_is_not_utf8_is_a_400(client: FlaskClient, auth: dict[str, str], query: str, param: str) -> None:
    # Without the check, ?reference=%FF was looked up as U+FFFD: an empty list, as if no such payment existed.
    for path in (PAYMENTS, "/sandbox/api/payouts"):
        _refused(client.get(f"{path}?{query}", headers=auth), param, "must be UTF-8")


def test_a_raw_byte_that_is_not_utf8_in_the_query_is_a_400_not_a_500(client: FlaskClient, auth: dict[str, str]) -> None:
    # As the development server hands it over (python -m sandbox): Werkzeug raised decoding it, a 500.
    refused = client.get(PAYMENTS, headers=auth, environ_overrides={"QUERY_STRING": "reference=\xff"})
    _refused(refused, "reference", "must be UTF-8")


def test_a_page_address_that_is_not_utf8_is_a_400_page(client: FlaskClient, create_payment: Any) -> None:
    payment = create_payment()
    refused = client.get(f"/sandbox/pay/{payment['id']}", environ_overrides={"QUERY_STRING": "x=\xff"})
    assert refused.status_code == 400 and "text/html" in refused.content_type
    assert "UTF-8" in refused.get_data(as_text=True)


def test_a_query_parameter_given_twice_is_a_400_naming_it(
    client: FlaskClient, auth: dict[str, str], create_payment: Any
) -> None:
    payment = create_payment(reference="order_twice")
    # Without the check: the payment of the first reference, while the caller also named another.
    for path in (PAYMENTS, "/sandbox/api/payouts"):
        refused = client.get(f"{path}?reference=order_twice&reference=order_other", headers=auth)
        _refused(refused, "reference", "reference is in the query string 2 times")
    found = client.get(f"{PAYMENTS}?reference=order_twice", headers=auth).json["data"]
    assert [p["id"] for p in found] == [payment["id"]]


@pytest.mark.parametrize("field", ["description", "reference", "return_url"])
@pytest.mark.parametrize("text", ["\ud800", "a\x00b"])
def test_text_a_database_cannot_store_is_a_400_naming_the_field(
    client: FlaskClient, auth: dict[str, str], field: str, text: str
) -> None:
    # A lone surrogate made SQLite's insert raise: a 500 with a traceback in the log.
    body = build_payment_body(callback_url="http://127.0.0.1:9/cb")
    body[field] = body[field] + text if isinstance(body.get(field), str) else text
    refused = client.post(PAYMENTS, data=json.dumps(body), content_type="application/json", headers=auth)
    _refused(refused, field, "NUL" if "\x00" in text else "surrogate")


def test_a_json_key_given_twice_is_a_400(client: FlaskClient, auth: dict[str, str]) -> None:
    # Which amount was meant? json.loads kept the last one without a word.
    body = json.dumps(build_payment_body(callback_url="http://127.0.0.1:9/cb"))
    body = body[:-1] + ', "amount": 99999}'
    refused = client.post(PAYMENTS, data=body, content_type="application/json", headers=auth)
    _refused(refused, "amount", "amount is in the body 2 times")


def test_every_api_post_refuses_hostile_json_with_a_400(
    client: FlaskClient, auth: dict[str, str], create_payment: Any
) -> None:
    payment = create_payment()
    posts = [
        PAYMENTS,
        f"{PAYMENTS}/{payment['id']}/simulate",
        f"{PAYMENTS}/{payment['id']}/refunds",
        f"{PAYMENTS}/{payment['id']}/simulate_refund",
        f"{PAYMENTS}/{payment['id']}/tamper",
        "/sandbox/api/orphans",
        "/sandbox/api/payouts",
        "/sandbox/api/payouts/x/simulate",
        "/sandbox/api/mandates/m/deductions",
        "/sandbox/api/mandates/m/simulate",
    ]
    bodies = [
        b"{",
        b"\xff\xfe",
        b"[1]",
        b"null",
        b'{"amount": 1e999}',
        b'{"amount": ' + b"9" * 5000 + b"}",
        b'{"a": 1, "a": 2}',
        b'{"reference": "\\ud800", "amount": 1, "outcome": "failed"}',
        b'{"reference": "\\u0000", "amount": 1, "currency": "usd"}',
        b'{"outcome": "succeeded", "callback": "\\udfff"}',
        b'{"amount": ' + b"9" * 40 + b"}",
    ]
    server_errors = []
    for path in posts:
        for body in bodies:
            for content_type in ("application/json", "application/json; charset=latin-1"):
                answer = client.post(path, data=body, headers={**auth, "Content-Type": content_type})
                if answer.status_code >= 500:
                    server_errors.append((path, body[:30], content_type, answer.status_code))
    assert server_errors == []


def test_an_unexpected_error_is_not_called_an_invalid_request(
    sandbox: Any, client: FlaskClient, auth: dict[str, str], monkeypatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(api, "find_payment_by_reference", broken)
    sandbox.config["PROPAGATE_EXCEPTIONS"] = False
    answer = client.get(f"{PAYMENTS}?reference=x", headers=auth)
    # It said code request_invalid: a client would have thought its own request wrong and never retried.
    assert answer.status_code == 500 and answer.json["error"]["code"] == "internal_error"
    assert answer.json["error"]["type"] == "api_error"
