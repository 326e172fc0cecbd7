"""The velocity rules' counters in Redis: they never name a shopper's email, address or device in clear, and an
erasure drops the windows that count the erased customer's, while other customers' counts (and the other mode's)
go on."""

from __future__ import annotations

from tests.platform.test_redis_unavailable import redis_down  # noqa: F401  (a fixture)
from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, STAYS, STAYS_EMAIL
from tests.privacy.test_customer_erasure_shopper_text import BROWSER, DEVICE, SHOPPER_IP
from tests.request_log.test_request_log import served


def _counters(app, merchant_id: str) -> list[str]:
    from app.extensions import redis_client

    with app.app_context():
        return sorted(key.decode() for key in redis_client().scan_iter(match=f"kassa:risk:velocity:{merchant_id}:*"))


def test_velocity_counters_name_no_one_and_an_erasure_drops_the_erased_customers(app, api, pk_api, merchant, catalog):
    from app.risk.context import DEVICE_HEADER

    for by in ("email", "ip", "device"):
        rule = api.post(
            "/risk/rules",
            json={
                "kind": "velocity",
                "action": "review",
                "params": {"by": by, "window_seconds": 86400, "max_count": 50},
            },
        )
        assert rule.status_code == 201, rule.json
    for customer, email, address in ((GONE, GONE_EMAIL, SHOPPER_IP), (STAYS, STAYS_EMAIL, "198.51.100.9")):
        created = served(
            pk_api.post(
                "/orders",
                json={
                    "items": [{"sku": catalog["sku"], "quantity": 1}],
                    "agreement_accepted": True,
                    "customer": {"id": customer, "email": email},
                },
                headers={DEVICE_HEADER: f"{DEVICE}-{customer}", "User-Agent": BROWSER},
                environ_base={"REMOTE_ADDR": address},
            )
        )
        assert created.status_code == 201, created.json
    counted = _counters(app, merchant.id)
    assert len(counted) == 6  # three rules, two shoppers
    for value in (GONE_EMAIL, GONE_EMAIL.lower(), SHOPPER_IP, DEVICE, STAYS_EMAIL):
        assert not [key for key in counted if value in key]  # a Redis dump shows no one's email, address, device

    erased = api.post(f"/customers/pk:{GONE}/erase").json["erased"]  # a browser named them: their id is pk:…
    # Their email and the address of their own calls are known, so those windows go; their device was never
    # stored anywhere but in its (unreadable) window, which ends with the rule's day.
    assert erased["risk_counters"] == 2
    left = _counters(app, merchant.id)
    assert len(left) == 4 and set(left) < set(counted)
    assert api.post(f"/customers/pk:{GONE}/erase").json["erased"]["risk_counters"] == 0


def test_an_erasure_without_redis_is_refused_and_changes_nothing(app, api, catalog, redis_down):
    from tests.platform.test_redis_unavailable import _unavailable
    from tests.privacy.test_customer_erasure import order_for

    order = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    redis_down()
    refused = api.post(f"/customers/{GONE}/erase")
    assert _unavailable(refused), refused.json
    assert api.get(f"/orders/{order['id']}").json["customer"]["email"] == GONE_EMAIL  # nothing half-erased
    assert api.get(f"/customers/{GONE}/export").json["erasures"] == []  # and no record claims it was done
