"""Where JSON Schema and Python read the same request differently, the server follows the document a client was
generated from (issue 52; schemathesis' long runs found each of these)."""

from __future__ import annotations

import re

from tests.payments.attempts.test_payment_flow import create_order


def test_a_whole_number_written_with_a_fraction_is_that_integer(api, catalog):
    # 2.0 is an integer to JSON Schema: a generated client may send it so, in a body or a query string.
    quote = api.post("/quotes", json={"items": [{"sku": catalog["sku"], "quantity": 2.0}]})
    assert quote.status_code == 200, quote.json
    assert quote.json["lines"][0]["quantity"] == 2
    assert api.get("/orders?limit=2.0").status_code == 200
    half = api.post("/quotes", json={"items": [{"sku": catalog["sku"], "quantity": 1.5}]})
    assert (half.status_code, half.json["error"]["param"]) == (400, "items[0].quantity")


def test_an_ignored_field_must_still_be_sound_json_and_the_document_says_so(api, catalog, client):
    body = {"items": [{"sku": catalog["sku"], "quantity": 1}], "note_for_later": "ok"}
    assert api.post("/quotes", json=body).status_code == 200
    refused = api.post("/quotes", json={**body, "note_for_later": "nul\x00"})
    assert (refused.status_code, refused.json["error"]["param"]) == (400, "note_for_later")
    schemas = client.get("/api/v1/openapi.json").json["components"]["schemas"]
    assert schemas["QuoteInput"]["additionalProperties"] == {"$ref": "#/components/schemas/JsonValue"}
    assert {"type": "string", "pattern": "^[^\\u0000]*$"} in schemas["JsonValue"]["anyOf"]


def test_a_url_the_document_allows_is_one_the_server_takes(api, client, catalog):
    schema = client.get("/api/v1/openapi.json").json["components"]["schemas"]["PayInput"]["properties"]["return_url"]
    pattern = next(choice["pattern"] for choice in schema["anyOf"] if "pattern" in choice)
    order = create_order(api, catalog["sku"])
    for url, taken in (("https://", False), ("https://shop.example/back", True), ("ftp://shop.example/", False)):
        assert bool(re.match(pattern, url)) is taken, url
        answer = api.post(f"/orders/{order['id']}/pay", json={"channel": "nope", "return_url": url})
        # Refused for its return_url, or (taken) got past it to the unknown channel.
        assert answer.json["error"]["param"] == ("channel" if taken else "return_url"), answer.json
