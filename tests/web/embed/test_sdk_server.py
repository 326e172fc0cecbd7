"""The server side of the JavaScript SDK: CORS, the order status stream, the embed route."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import Api

SHOP = "https://shop.example"


@pytest.fixture
def live_pk(app, merchant) -> str:
    """A live publishable key of ``merchant``, which lists https://shop.example as its site."""
    from app.extensions import db
    from app.merchants.origins import set_allowed_origins
    from app.merchants.services import issue_key

    with app.app_context():
        _, raw = issue_key(merchant.id, "publishable", "live")
        db.session.commit()
        set_allowed_origins(merchant.id, ["https://SHOP.example:443/", "http://localhost:8080"])
    return raw


def _order(pk_api: Api, sku: str, **headers) -> dict:
    response = pk_api.post(
        "/orders",
        json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "c1"}, "agreement_accepted": True},
        headers=headers,
    )
    assert response.status_code == 201, response.json
    return response.json


def test_preflight_of_a_publishable_route_allows_the_sdk_headers(client, merchant):
    response = client.options(
        "/api/v1/orders",
        headers={
            "Origin": SHOP,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,idempotency-key",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == SHOP
    allowed = {h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "idempotency-key"} <= allowed
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Origin" in response.headers["Vary"]


def test_secret_only_routes_get_no_cors_answer(client, api):
    preflight = client.options(
        "/api/v1/orders/ord_x/refunds", headers={"Origin": SHOP, "Access-Control-Request-Method": "POST"}
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    # A secret key used from a browser page gets no CORS headers: the page cannot read the answer.
    response = api.get("/orders", headers={"Origin": SHOP})
    assert response.status_code == 200 and "Access-Control-Allow-Origin" not in response.headers


def test_test_keys_answer_any_origin_and_expose_the_replay_header(pk_api, catalog):
    body = {"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c1"}, "agreement_accepted": True}
    headers = {"Origin": "https://anyone.example", "Idempotency-Key": "k-1"}
    first, again = (
        pk_api.post("/orders", json=body, headers=headers),
        pk_api.post("/orders", json=body, headers=headers),
    )
    assert first.status_code == again.status_code == 201 and first.json["id"] == again.json["id"]
    assert again.headers["Access-Control-Allow-Origin"] == "https://anyone.example"
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" in again.headers["Access-Control-Expose-Headers"]


def test_live_keys_work_only_from_the_merchants_allowed_origins(client, catalog, live_pk):
    live = Api(client, live_pk)
    assert live.get(f"/products/{catalog['product']}", headers={"Origin": SHOP}).status_code == 200
    assert live.get(f"/products/{catalog['product']}", headers={"Origin": "http://localhost:8080"}).status_code == 200
    refused = live.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": True},
        headers={"Origin": "https://evil.example"},
    )
    assert refused.status_code == 403
    assert refused.json["error"]["type"] == "permission_error"
    assert refused.json["error"]["code"] == "origin_not_allowed"
    # Servers send no Origin: a publishable key is no secret, so that is allowed.
    assert live.get(f"/products/{catalog['product']}").status_code == 200


def test_allowed_origins_are_validated(app, merchant):
    from app.errors import InvalidRequest
    from app.merchants.origins import set_allowed_origins

    with app.app_context():
        for bad in (["shop.example"], ["https://shop.example/path"], ["ftp://shop.example"], "https://x.example"):
            with pytest.raises(InvalidRequest):
                set_allowed_origins(merchant.id, bad)
        assert set_allowed_origins(merchant.id, ["HTTPS://A.example", "https://a.example:443"]) == ["https://a.example"]


def _read_events(response, count: int) -> list[tuple[str, dict]]:
    """The first ``count`` named events of an SSE response (comments and retry lines skipped)."""
    events, buffer = [], ""
    for chunk in response.response:
        buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
        while "\n\n" in buffer:
            block, buffer = buffer.split("\n\n", 1)
            name = re.search(r"^event: (.+)$", block, re.M)
            data = re.search(r"^data: (.+)$", block, re.M)
            if name:
                events.append((name.group(1), json.loads(data.group(1))))
                if len(events) == count:
                    return events
    return events


def test_the_stream_needs_the_client_secret(client, pk_api, catalog):
    order = _order(pk_api, catalog["sku"])
    assert client.get(f"/api/v1/orders/{order['id']}/stream?client_secret=wrong").status_code == 404
    assert client.get(f"/api/v1/orders/{order['id']}/stream").status_code == 404


def test_a_stream_opens_with_one_read_that_also_checks_the_client_secret(app, client, pk_api, catalog):
    from tests.support.sql_sent import statements

    order = _order(pk_api, catalog["sku"])
    app.config["ORDER_STREAM_RECHECK_SECONDS"] = 30  # no re-read while the first event is read
    try:
        with statements(app) as sent:
            response = client.get(
                f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}", buffered=False
            )
            [(name, first)] = _read_events(response, 1)
            response.close()
        with statements(app) as refused:
            assert client.get(f"/api/v1/orders/{order['id']}/stream?client_secret=wrong").status_code == 404
    finally:
        app.config["ORDER_STREAM_RECHECK_SECONDS"] = 2
    assert (name, first["status"], first["payment"]) == ("status", "created", None)
    order_reads = [s for s in sent if s.startswith("SELECT") and "FROM orders" in s]
    assert len(order_reads) == 1 and "client_secret" in order_reads[0], sent
    assert len([s for s in refused if s.startswith("SELECT") and "FROM orders" in s]) == 1, refused


def test_without_a_stream_process_the_route_answers_at_once_and_the_client_polls(app, client, pk_api, catalog):
    """The route held a gunicorn thread for each open stream (ORDER_STREAM_SECONDS, 55 s by default): 40 sockets
    stalled the web tier. Without a stream process it now says the order's status and ends, asking for no
    reconnection: the SDK and the pages poll the order instead."""
    import time

    order = _order(pk_api, catalog["sku"])
    app.config["ORDER_STREAM_SECONDS"] = 3
    try:
        started = time.monotonic()
        response = client.get(
            f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}",
            headers={"Origin": SHOP},
            buffered=False,
        )
        events = _read_events(response, 2)
        took = time.monotonic() - started
        body = b"".join(response.response).decode()  # the rest: nothing, the answer is over
        response.close()
    finally:
        app.config["ORDER_STREAM_SECONDS"] = 55
    assert response.mimetype == "text/event-stream"
    assert response.headers["Access-Control-Allow-Origin"] == SHOP
    assert [(name, data.get("status", data.get("reason"))) for name, data in events] == [
        ("status", "created"),
        ("end", "poll"),
    ]
    assert "reconnect" not in events[1][1] and "event:" not in body
    assert took < 1, took


def test_without_a_stream_process_a_decided_order_ends_as_decided(client, api, catalog, sandbox):
    from tests.conftest import wait_for
    from tests.payments.attempts.test_payment_flow import create_order, pay

    order = create_order(api, catalog["sku"])
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled", "completed"), 10)
    answer = client.get(f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}")
    text = answer.get_data(as_text=True)
    assert answer.status_code == 200 and text.startswith("retry: 5000\n\n")
    assert '"status":"paying"' not in text and text.endswith('event: end\ndata: {"reason":"decided"}\n\n')


def test_with_a_stream_process_the_route_redirects_there_with_the_query(app, client, pk_api, catalog):
    """An EventSource follows a 307; the redirect carries CORS headers so a page on another origin (the SDK on the
    merchant's site) may follow it."""
    order = _order(pk_api, catalog["sku"])
    query = f"client_secret={order['client_secret']}&x=%C3%A9"
    app.config["STREAM_PUBLIC_URL"] = "http://127.0.0.1:5003/"
    try:
        answer = client.get(f"/api/v1/orders/{order['id']}/stream?{query}", headers={"Origin": SHOP})
    finally:
        app.config["STREAM_PUBLIC_URL"] = ""
    assert answer.status_code == 307
    assert answer.headers["Location"] == f"http://127.0.0.1:5003/api/v1/orders/{order['id']}/stream?{query}"
    assert answer.headers["Access-Control-Allow-Origin"] == SHOP
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.get_data() == b"" or b"event:" not in answer.get_data()


def test_a_page_polls_when_there_is_no_stream_process(client, api, catalog):
    from tests.payments.attempts.test_payment_flow import create_order, pay

    order = create_order(api, catalog["sku"])
    pay(api, order["id"])
    page = client.get(f"/checkout/orders/{order['id']}", query_string={"client_secret": order["client_secret"]})
    text = page.get_data(as_text=True)
    assert 'data-order-stream=""' in text and "every 1s[!window.kassaStreaming]" in text


def test_the_embed_route_frames_for_any_origin_with_a_test_key(client, merchant, catalog):
    response = client.get(f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin={SHOP}&frame=f1")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == "frame-ancestors *"
    assert "X-Frame-Options" not in response.headers  # the portal's anti-framing must not reach the embed
    page = response.get_data(as_text=True)
    assert f'data-kassa-parent="{SHOP}"' in page and 'name="embed_token"' in page
    assert "csrf_token" not in page  # the panel posts carry the signed embed token, no cookie


def test_the_embed_route_frames_only_for_allowed_origins_with_a_live_key(client, catalog, live_pk):
    ok = client.get(f"/embed/{catalog['product']}?key={live_pk}&origin={SHOP}")
    assert ok.status_code == 200
    assert ok.headers["Content-Security-Policy"] == "frame-ancestors https://shop.example http://localhost:8080"
    assert client.get(f"/embed/{catalog['product']}?key={live_pk}&origin=https://evil.example").status_code == 403


def test_a_refused_origin_gets_a_page_that_tells_the_sdk_why_and_holds_nothing_else(client, catalog, live_pk):
    """The frame of a live panel on an unlisted origin tells its parent (only that origin) the refusal's code, so the
    SDK emits the panel's error event; before, a bare error page left the integrator an empty frame and no event."""
    refused = client.get(f"/embed/{catalog['product']}?key={live_pk}&origin=https://evil.example&frame=f9")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 403
    assert 'data-kassa-parent="https://evil.example"' in page and 'data-kassa-frame="f9"' in page
    assert 'data-kassa-state="refused"' in page and 'data-kassa-code="origin_not_allowed"' in page
    assert "Checkout unavailable" in page
    assert "embed_token" not in page and "Pro membership" not in page  # nothing of the merchant's panel
    malformed = client.get(f"/embed/{catalog['product']}?key={live_pk}&origin=javascript:alert(1)")
    assert malformed.status_code == 403 and "data-kassa-state" not in malformed.get_data(as_text=True)


def test_a_refused_origin_is_told_in_the_shoppers_language(client, catalog, live_pk):
    """The refusal's sentence was English on a page whose heading was translated, and the SDK's error event carried
    it so: now it follows the panel's language (the SDK's locale, else the browser's)."""
    refused = f"/embed/{catalog['product']}?key={live_pk}&origin=https://evil.example"
    german = client.get(refused, headers={"Accept-Language": "de-DE,de;q=0.9"}).get_data(as_text=True)
    assert "Bezahlung nicht verfügbar" in german
    assert german.count("Diese Website darf die Bezahlung dieses Händlers nicht einbetten.") == 2  # text and event
    french = client.get(f"{refused}&locale=fr", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert "Ce site n’est pas autorisé à intégrer le paiement de ce marchand." in french
    assert "may not embed" not in german + french
    english = client.get(refused).get_data(as_text=True)
    assert "This page&#39;s origin may not embed this merchant&#39;s checkout." in english


def test_the_embed_route_refuses_secret_and_unknown_keys(client, merchant, catalog):
    assert client.get(f"/embed/{catalog['product']}?key={merchant.secret_key}&origin={SHOP}").status_code == 403
    unknown = client.get(f"/embed/{catalog['product']}?key=pk_test_nope&origin={SHOP}")
    assert unknown.status_code == 401
    # Shown in the frame to the page that asked (else a blank frame) and told to the SDK as a setup error.
    assert 'data-kassa-code="api_key_unknown"' in unknown.text
    assert unknown.headers["Content-Security-Policy"] == f"frame-ancestors {SHOP}"


def test_embedded_panel_posts_need_a_valid_embed_token(client, merchant, catalog, sandbox):
    form = {"sku": catalog["sku"], "quantity": "1", "channel": "sandbox_card", "agree": "on"}
    forged = client.post(f"/embed/{catalog['product']}/pay", data={**form, "embed_token": "forged"})
    assert forged.status_code == 403
    page = client.get(f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin={SHOP}").get_data(
        as_text=True
    )
    token = re.search(r'name="embed_token" value="([^"]+)"', page).group(1)
    paid = client.post(f"/embed/{catalog['product']}/pay", data={**form, "embed_token": token})
    assert paid.status_code == 303 and "/sandbox/pay/" in paid.headers["Location"]
    assert paid.headers["Content-Security-Policy"] == "frame-ancestors *"


def test_the_embed_snippet_is_one_script_tag_for_templates_and_the_cli(app, merchant, catalog):
    with app.test_request_context():
        rendered = app.jinja_env.from_string("{{ embed_snippet('https://pay.example', 'prod_1') }}").render()
    assert rendered == (
        '<script src="https://pay.example/static/sdk/kassa.js" data-kassa-key="pk_live_or_test_…" '
        'data-kassa-product="prod_1" async></script>'
    )
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "kassa",
            "embed-snippet",
            "--product-id",
            catalog["product"],
            "--publishable-key",
            merchant.publishable_key,
        ]
    )
    assert result.exit_code == 0, result.output
    assert f'data-kassa-key="{merchant.publishable_key}"' in result.output
    origins = runner.invoke(args=["kassa", "allowed-origins", "--merchant-id", merchant.id, "https://shop.example/"])
    assert origins.exit_code == 0 and "https://shop.example" in origins.output


def test_an_order_is_pinged_for_its_changes_and_not_for_its_creation(app, pk_api, catalog, sandbox):
    """Live streams hear of an order's changes over Redis (app/platform/outbox/order_pings.py). Its creation sends
    nothing:
    no one can be watching an order before its id is given out, and a create costs one Redis round trip less."""
    import time

    from redis import Redis

    from app.platform.outbox.commit_signals import order_channel
    from tests.conftest import wait_for

    listener = Redis.from_url(app.config["REDIS_URL"]).pubsub(ignore_subscribe_messages=True)
    listener.psubscribe(order_channel("*"))
    heard: list[str] = []

    def hear() -> list[str]:  # what arrives within 0.2 s (a None is also what a subscribe confirmation reads as)
        until = time.monotonic() + 0.2
        while time.monotonic() < until:
            if (message := listener.get_message(timeout=0.05)) is not None:
                heard.append(message["channel"].decode().rsplit(":", 1)[1])
        return heard

    try:
        hear()  # subscribed
        order = _order(pk_api, catalog["sku"])

        def mine() -> list[str]:  # earlier tests' orders may still be pinged on this Redis database
            return [order_id for order_id in hear() if order_id == order["id"]]

        assert mine() == []
        payment = pk_api.post(
            f"/orders/{order['id']}/pay", json={"channel": "sandbox_card", "client_secret": order["client_secret"]}
        ).json
        wait_for(lambda: mine() == [order["id"]])  # created → paying
        sandbox.simulate(payment["payment"]["provider_reference"], "succeeded")
        wait_for(lambda: mine() == [order["id"]] * 2)  # paying → paid
    finally:
        listener.close()
