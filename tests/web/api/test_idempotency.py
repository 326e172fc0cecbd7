"""Idempotency-Key on POSTs: replays, reuse with another body, in-flight requests, retention."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import requests

from tests.conftest import Api
from tests.support.lifecycle import paid_order


def body(sku: str, quantity: int = 1) -> dict:
    return {"items": [{"sku": sku, "quantity": quantity}], "customer": {"id": "cus_i"}, "agreement_accepted": True}


def key(k: str) -> dict:
    return {"Idempotency-Key": k}


def test_a_retry_with_the_same_key_replays_the_first_response(api, catalog):
    first = api.post("/orders", json=body(catalog["sku"]), headers=key("order-1"))
    retry = api.post("/orders", json=body(catalog["sku"]), headers=key("order-1"))
    assert first.status_code == retry.status_code == 201
    assert retry.json["id"] == first.json["id"]
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert len(api.get("/orders").json["data"]) == 1


def test_the_same_key_with_another_body_is_a_409(api, catalog):
    api.post("/orders", json=body(catalog["sku"], 1), headers=key("order-2"))
    reused = api.post("/orders", json=body(catalog["sku"], 2), headers=key("order-2"))
    assert reused.status_code == 409
    assert reused.json["error"]["code"] == "idempotency_key_reused"
    assert len(api.get("/orders").json["data"]) == 1


def test_a_request_still_in_flight_is_a_409(app, api, merchant, catalog):
    from app.platform.idempotency import KeyScope, claim_key, fingerprint

    with app.app_context():  # another process has claimed the key and not finished yet
        claim_key(
            KeyScope(merchant.id, "secret", "test"),
            "order-3",
            fingerprint("POST", "/api/v1/orders", b"{}", mode="test"),
        )
    response = api.post("/orders", json=body(catalog["sku"]), headers=key("order-3"))
    assert response.status_code == 409
    assert response.json["error"]["code"] in ("idempotency_request_in_progress", "idempotency_key_reused")
    same = api.client.post(
        "/api/v1/orders",
        data=b"{}",
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.key}", **key("order-3")},
    )
    assert same.status_code == 409 and same.json["error"]["code"] == "idempotency_request_in_progress"


def test_a_failed_request_does_not_burn_its_key(api, catalog):
    bad = api.post("/orders", json={**body(catalog["sku"]), "agreement_accepted": False}, headers=key("order-4"))
    assert bad.status_code == 422
    good = api.post("/orders", json=body(catalog["sku"]), headers=key("order-4"))
    assert good.status_code == 201


def test_keys_belong_to_one_merchant(client, api, catalog, other_merchant):
    mine = api.post("/orders", json=body(catalog["sku"]), headers=key("shared-key"))
    theirs = Api(client, other_merchant.secret_key).post(
        "/orders", json=body(catalog["sku"]), headers=key("shared-key")
    )
    assert mine.status_code == 201
    assert theirs.status_code == 400  # their own request ran (and failed: not their SKU), not a replay of ours


def test_a_publishable_key_never_gets_a_secret_keys_stored_answer(api, pk_api, catalog, sandbox):
    """A replay answers with what the first caller was allowed to see. The merchant's server (secret key) creates
    an order for its verified customer and pays it; a web page holding only the publishable key, sending the same
    key and body, must not be handed that order's client secret, nor a payment of an order whose client secret it
    never gave (a publishable key pays only with it): the key is another scope's, so its request runs as new."""
    created = api.post("/orders", json=body(catalog["sku"]), headers=key("srv-order-1"))
    assert created.status_code == 201
    order = created.json
    page = pk_api.post("/orders", json=body(catalog["sku"]), headers=key("srv-order-1"))
    assert page.status_code == 201 and "Idempotent-Replayed" not in page.headers
    assert page.json["id"] != order["id"]
    assert order["client_secret"] not in page.get_data(as_text=True)

    paid = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}, headers=key("srv-pay-1"))
    assert paid.status_code == 200
    without_secret = pk_api.post(
        f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}, headers=key("srv-pay-1")
    )
    assert 400 <= without_secret.status_code < 500 and "Idempotent-Replayed" not in without_secret.headers
    assert paid.json["payment"]["id"] not in without_secret.get_data(as_text=True)


def test_a_page_cannot_block_the_servers_refund_key(api, pk_api, catalog, sandbox):
    """The attack of issue 54: a browser holding the publishable key spends the key the merchant's server will use
    for a refund. Keys are scoped by key kind, so the server's refund runs (and its own retry still replays)."""
    order = paid_order(api, sandbox, catalog["sku"])
    squatted = pk_api.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "agreement_accepted": True},
        headers=key(f"refund-{order['id']}"),
    )
    assert squatted.status_code == 201

    refund = {"amount": 100, "reason": "requested_by_customer"}
    refunded = api.post(f"/orders/{order['id']}/refunds", json=refund, headers=key(f"refund-{order['id']}"))
    assert refunded.status_code in (200, 201), refunded.json
    again = api.post(f"/orders/{order['id']}/refunds", json=refund, headers=key(f"refund-{order['id']}"))
    assert again.status_code == refunded.status_code and again.headers["Idempotent-Replayed"] == "true"
    assert again.json == refunded.json
    other = api.post(
        f"/orders/{order['id']}/refunds", json={**refund, "amount": 1}, headers=key(f"refund-{order['id']}")
    )
    assert other.status_code == 409 and other.json["error"]["code"] == "idempotency_key_reused"
    assert len(api.get(f"/orders/{order['id']}").json["refunds"]) == 1


def test_test_and_live_keys_have_their_own_idempotency_keys(app, client, merchant, api, catalog):
    from tests.web.api.test_livemode import live_key

    live = live_key(app, client, merchant, "secret")
    in_test = api.post("/orders", json=body(catalog["sku"]), headers=key("sale-1"))
    in_live = live.post("/orders", json=body(catalog["sku"]), headers=key("sale-1"))
    assert in_test.status_code == in_live.status_code == 201
    assert "Idempotent-Replayed" not in in_live.headers and in_live.json["id"] != in_test.json["id"]
    assert (in_test.json["livemode"], in_live.json["livemode"]) == (False, True)
    # Within each mode the key still replays, and still refuses another body.
    again = live.post("/orders", json=body(catalog["sku"]), headers=key("sale-1"))
    assert again.headers["Idempotent-Replayed"] == "true" and again.json["id"] == in_live.json["id"]
    reused = api.post("/orders", json=body(catalog["sku"], 2), headers=key("sale-1"))
    assert reused.status_code == 409 and reused.json["error"]["code"] == "idempotency_key_reused"


def test_the_same_key_with_another_query_string_is_another_request(pk_api, catalog, sandbox):
    """The page pays its order with the client secret in the address (``?client_secret=``). The same key sent with
    another secret (a wrong one, or another order's) is another request: it must not be handed the stored payment,
    since a replay skips the check the first request passed."""
    order = pk_api.post(
        "/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "agreement_accepted": True}
    ).json
    path = f"/orders/{order['id']}/pay"
    paid = pk_api.post(
        f"{path}?client_secret={order['client_secret']}", json={"channel": "sandbox_card"}, headers=key("page-pay-1")
    )
    assert paid.status_code == 200, paid.json
    again = pk_api.post(
        f"{path}?client_secret={order['client_secret']}", json={"channel": "sandbox_card"}, headers=key("page-pay-1")
    )
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    forged = pk_api.post(
        f"{path}?client_secret={order['id']}_secret_guess", json={"channel": "sandbox_card"}, headers=key("page-pay-1")
    )
    assert forged.status_code == 409 and forged.json["error"]["code"] == "idempotency_key_reused"
    assert paid.json["payment"]["id"] not in forged.get_data(as_text=True)


def test_an_overlong_key_is_refused(api, catalog):
    response = api.post("/orders", json=body(catalog["sku"]), headers=key("k" * 256))
    assert response.status_code == 400 and response.json["error"]["param"] == "Idempotency-Key"


def test_a_key_with_control_characters_is_refused_and_creates_nothing(api, catalog):
    # A NUL cannot be stored at all (it was a 500); a tab or DEL would be a key no log shows as it is.
    for bad in ("order\x001", "order\x011", "order\t1", "order\x7f1"):
        response = api.post("/orders", json=body(catalog["sku"]), headers=key(bad))
        assert response.status_code == 400, (bad, response.get_data(as_text=True))
        assert response.json["error"]["param"] == "Idempotency-Key"
        assert "control characters" in response.json["error"]["message"]
    assert api.get("/orders").json["data"] == []
    assert api.post("/orders", json=body(catalog["sku"]), headers=key("order 1 \u00e9")).status_code == 201


def test_keys_expire_after_24_hours_and_the_reaper_removes_them(app, api, catalog, worker):
    from sqlalchemy import select, update

    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.idempotency import IdempotencyKey
    from app.platform.queueing import BATCH, enqueue

    first = api.post("/orders", json=body(catalog["sku"]), headers=key("old-key")).json
    api.post("/orders", json=body(catalog["sku"]), headers=key("recent-key"))
    with app.app_context():
        db.session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.key == "old-key")
            .values(created_at=utcnow() - timedelta(hours=25))
        )
        db.session.commit()
    again = api.post("/orders", json=body(catalog["sku"]), headers=key("old-key"))
    assert again.status_code == 201 and again.json["id"] != first["id"]

    with app.app_context():
        db.session.execute(update(IdempotencyKey).values(created_at=utcnow() - timedelta(hours=25)))
        db.session.execute(update(IdempotencyKey).where(IdempotencyKey.key == "recent-key").values(created_at=utcnow()))
        db.session.commit()
        enqueue("app.jobs.reap_idempotency_keys", lane=BATCH)
    worker()
    with app.app_context():
        assert db.session.scalars(select(IdempotencyKey.key)).all() == ["recent-key"]


@pytest.mark.postgres_only
def test_100_parallel_posts_with_one_key_create_one_order(api, catalog, live_server, merchant):
    barrier = threading.Barrier(20)
    results: list[tuple[int, str | None]] = []

    def post() -> None:
        session = requests.Session()
        barrier.wait()
        for _ in range(5):
            r = session.post(
                f"{live_server}/api/v1/orders",
                json=body(catalog["sku"]),
                timeout=30,
                headers={"Authorization": f"Bearer {merchant.secret_key}", **key("burst")},
            )
            results.append((r.status_code, r.json().get("id") or r.json()["error"]["code"]))

    threads = [threading.Thread(target=post) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 100
    created_ids = {ident for status, ident in results if status == 201}
    assert len(created_ids) == 1
    assert {ident for status, ident in results if status == 409} <= {"idempotency_request_in_progress"}
    assert len(api.get("/orders").json["data"]) == 1


class ProcessDied(BaseException):
    """What a SIGKILL between the action's commit and the stored response looks like to the code after it."""


def die_before_storing_the_response(monkeypatch) -> None:
    from app.web.api import idempotent as wrapper

    real = wrapper.store_response

    def dies_once(*args, **kwargs):
        monkeypatch.setattr(wrapper, "store_response", real)  # the restarted process stores normally
        raise ProcessDied()

    monkeypatch.setattr(wrapper, "store_response", dies_once)


def as_if_a_minute_passed(app, k: str) -> None:
    from sqlalchemy import update

    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.idempotency import IdempotencyKey

    with app.app_context():
        db.session.execute(
            update(IdempotencyKey).where(IdempotencyKey.key == k).values(created_at=utcnow() - timedelta(seconds=61))
        )
        db.session.commit()


def test_a_create_whose_process_died_after_commit_is_answered_with_its_order_not_a_409_for_a_day(
    app, api, catalog, monkeypatch
):
    die_before_storing_the_response(monkeypatch)
    with pytest.raises(ProcessDied):
        api.post("/orders", json=body(catalog["sku"]), headers=key("died-1"))
    [made] = api.get("/orders").json["data"]  # the order was committed; its answer never left

    soon = api.post("/orders", json=body(catalog["sku"]), headers=key("died-1"))
    assert soon.status_code == 409 and soon.json["error"]["code"] == "idempotency_request_in_progress"

    as_if_a_minute_passed(app, "died-1")
    retry = api.post("/orders", json=body(catalog["sku"]), headers=key("died-1"))
    again = api.post("/orders", json=body(catalog["sku"]), headers=key("died-1"))
    assert retry.status_code == again.status_code == 201
    assert retry.json["id"] == again.json["id"] == made["id"] and retry.json["amount"] == made["amount"]
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert len(api.get("/orders").json["data"]) == 1
    other = api.post("/orders", json=body(catalog["sku"], 2), headers=key("died-1"))
    assert other.status_code == 409 and other.json["error"]["code"] == "idempotency_key_reused"


def test_a_pay_whose_process_died_after_commit_is_answered_with_its_payment_and_never_pays_twice(
    app, api, catalog, sandbox, monkeypatch
):
    order = api.post("/orders", json=body(catalog["sku"])).json
    die_before_storing_the_response(monkeypatch)
    with pytest.raises(ProcessDied):
        api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}, headers=key("died-pay"))
    as_if_a_minute_passed(app, "died-pay")

    retry = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}, headers=key("died-pay"))
    assert retry.status_code == 200 and retry.headers["Idempotent-Replayed"] == "true"
    payment = retry.json["payment"]
    assert payment["channel"] == "sandbox_card" and payment["next_action"]["url"].startswith("http")
    from sqlalchemy import func, select

    from app.extensions import db
    from app.payments.models import PaymentAttempt

    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PaymentAttempt)) == 1


def test_an_action_that_died_after_commit_and_names_no_object_says_to_read_it_instead(app, api, catalog, monkeypatch):
    order = api.post("/orders", json=body(catalog["sku"])).json
    die_before_storing_the_response(monkeypatch)
    with pytest.raises(ProcessDied):
        api.post(f"/orders/{order['id']}/cancel", json={}, headers=key("died-cancel"))
    as_if_a_minute_passed(app, "died-cancel")
    retry = api.post(f"/orders/{order['id']}/cancel", json={}, headers=key("died-cancel"))
    assert retry.status_code == 409 and "read the object" in retry.json["error"]["message"]
    assert api.get(f"/orders/{order['id']}").json["status"] == "closed"
