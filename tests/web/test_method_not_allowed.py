"""A method a path does not serve is a 405 that says which it does (``Allow``, as RFC 9110 requires): a client
generated from the OpenAPI document, or a fuzzer sending TRACE, learns what to send instead. Every path of the
app's URL map is asked, so a new route is covered the day it is added."""

from __future__ import annotations

import re

from werkzeug.exceptions import MethodNotAllowed, NotFound


def _placeholder_url(rule) -> str:
    return re.sub(r"<[^>]+>", "x", rule.rule)


def test_every_path_answers_a_method_it_does_not_serve_with_allow(app, client):
    adapter = app.url_map.bind("localhost")
    wrong: dict[str, tuple] = {}
    asked = 0
    for url in sorted({_placeholder_url(rule) for rule in app.url_map.iter_rules()}):
        try:
            adapter.match(url, method="TRACE")
        except MethodNotAllowed as refused:
            served = set(refused.valid_methods)
        except NotFound:
            continue  # the placeholder does not fit this path's converter (an <int:…>)
        response = client.open(url, method="TRACE")
        asked += 1
        allowed = {method.strip() for method in response.headers.get("Allow", "").split(",") if method.strip()}
        if response.status_code != 405 or allowed != served:
            wrong[url] = (response.status_code, response.headers.get("Allow"), sorted(served))
    assert asked >= 150
    assert wrong == {}


def test_the_apis_405_names_the_method_and_the_path_in_the_error_envelope(client, merchant):
    response = client.delete("/api/v1/orders", headers={"Authorization": f"Bearer {merchant.secret_key}"})
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    assert "DELETE" not in response.headers["Allow"]
    error = response.get_json()["error"]
    assert (error["type"], error["code"]) == ("invalid_request_error", "method_not_allowed")
    assert error["message"] == "DELETE is not allowed on /api/v1/orders"


def test_an_api_paths_options_names_only_its_own_methods(client):
    """werkzeug's automatic OPTIONS joined the methods of every route a path could match: POST
    /risk/list_entries/import also advertised the DELETE of /risk/list_entries/{id}, which the document (and
    schemathesis' Allow check) knows only on list entries."""
    allowed = {
        "/api/v1/risk/list_entries/import": "OPTIONS, POST",
        "/api/v1/risk/list_entries/export": "GET, HEAD, OPTIONS",
        "/api/v1/settlements/run": "OPTIONS, POST",
        "/api/v1/risk/list_entries/rle_1": "DELETE, OPTIONS",
        "/api/v1/orders": "GET, HEAD, OPTIONS, POST",
    }
    assert {path: client.open(path, method="OPTIONS").headers.get("Allow") for path in allowed} == allowed
