"""Who may open what: every route is guarded, each role meets the permission table, a merchant never
reaches another merchant's objects, and no form is accepted without its CSRF token."""

from __future__ import annotations

import pytest

from tests.support.portal import Portal, build_world, fill

ROLES = ("owner", "operator", "finance", "developer")


def portal_rules(app):
    """Every portal route but signing in and out, with its view's permission."""
    from app.web.portal import PUBLIC_ENDPOINTS

    rules = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("portal.") and rule.endpoint not in PUBLIC_ENDPOINTS:
            view = app.view_functions[rule.endpoint]
            rules.append((rule, getattr(view, "permission", None)))
    assert rules, "no portal route in the URL map: a walk over them would test nothing"
    return sorted(rules, key=lambda item: (item[0].rule, item[0].endpoint))


def test_every_portal_route_names_a_permission(app):
    unguarded = [rule.rule for rule, permission in portal_rules(app) if permission is None]
    assert unguarded == []
    assert len(portal_rules(app)) >= 33  # a guard against the walk silently finding nothing


def test_signed_out_visitors_are_sent_to_sign_in(app, client, world):
    for rule, _ in portal_rules(app):
        method = "get" if "GET" in rule.methods else "post"
        response = getattr(client, method)(fill(rule.rule, world))
        # A POST without a session has no CSRF token either: refused before anything else.
        assert response.status_code in ((302,) if method == "get" else (302, 400)), rule.rule
        if response.status_code == 302:
            assert "/portal/login" in response.headers["Location"]


_SECRET_KEY_ACTIONS = {
    "portal.developers_key_roll": "api_keys.secret",
    "portal.developers_key_revoke": "api_keys.secret",
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_the_routes_of_the_permission_table(app, merchant, member, world, role):
    from app.merchants.permissions import can

    signed = member(role)
    wrong = []
    for rule, permission in portal_rules(app):
        # The world's API key is the secret key: rolling or revoking it takes the permission that mints one.
        permission = _SECRET_KEY_ACTIONS.get(rule.endpoint, permission)
        path, allowed = fill(rule.rule, world), can(role, permission)
        if "GET" in rule.methods:
            status = signed.get(path).status_code
        elif not allowed:
            status = signed.post(path, {}).status_code  # refused before it could change anything
        else:
            continue  # allowed changes are exercised by the feature tests
        if (status == 403) == allowed or status >= 500:
            wrong.append((rule.endpoint, status))
    assert wrong == []


def test_an_operator_cannot_manage_api_keys(app, merchant, member, world):
    operator = member("operator")
    for path in ("/portal/developers", f"/portal/developers/keys/{world.api_key}/revoke"):
        response = operator.get(path)
        assert response.status_code == 403
        assert "Your role does not allow this" in response.get_data(as_text=True)
    assert operator.post("/portal/developers/keys", {"kind": "secret", "mode": "test"}).status_code == 403
    assert operator.post(f"/portal/developers/keys/{world.api_key}/revoke").status_code == 403
    with app.app_context():
        from app.extensions import db
        from app.merchants.models import ApiKey

        assert db.session.get(ApiKey, world.api_key).revoked_at is None
        assert db.session.query(ApiKey).filter_by(merchant_id=merchant.id).count() == 2


def test_a_developer_cannot_refund(app, member, world):
    developer = member("developer")
    response = developer.post(f"/portal/orders/{world.order}/refunds", {"amount": "1.00", "confirmed": "yes"})
    assert response.status_code == 403
    assert "Refund orders" in response.get_data(as_text=True)
    page = developer.text(f"/portal/orders/{world.order}")
    assert "Your role cannot refund orders." in page and "Refund…" not in page


def test_finance_cannot_manage_channels(app, merchant, member):
    finance = member("finance")
    assert finance.get("/portal/channels").status_code == 403
    assert finance.post("/portal/channels/sandbox_card/toggle", {"enabled": "false"}).status_code == 403
    assert finance.post("/portal/channels/sandbox_qr/move", {"direction": "up"}).status_code == 403
    with app.app_context():
        from app.payments.channels.routing import channel_offers

        assert all(o.enabled for o in channel_offers(merchant.id))


def test_the_navigation_shows_only_what_the_role_may_open(member):
    page = member("developer").text("/portal/")
    assert 'href="/portal/developers"' in page
    for hidden in ("/portal/channels", "/portal/settings", "/portal/team", "/portal/audit"):
        assert f'href="{hidden}"' not in page


# --- tenant isolation: merchant B's owner uses merchant A's ids -------------------------------------------

OBJECT_ARGS = {
    "order": ("order_id", "refund_id"),
    "delivery": ("delivery_id",),
    "api_key": ("key_id",),
    "webhook_endpoint": ("endpoint_id",),
    "user": ("user_id",),
    "product": ("product_id", "image_id"),
    "sku": ("sku_id",),
    "coupon": ("coupon_id",),
    "campaign": ("campaign_id",),
    "risk": ("entry_id", "rule_id"),
    "subscription": ("subscription_id", "clock_id"),
    "refund_request": ("request_id",),
    "books": ("partner_id", "settlement_id", "account"),
    "manual_action": ("action_id",),
    "withdrawal": ("withdrawal_id",),
    "api_request": ("log_id",),
    "dispute": ("dispute_id",),
}


@pytest.fixture
def rival(app, other_merchant) -> Portal:
    signed = Portal(app.test_client())
    assert signed.sign_in(other_merchant.email, other_merchant.password).status_code == 302
    return signed


@pytest.mark.parametrize("object_type", sorted(OBJECT_ARGS))
def test_another_merchants_objects_are_not_found(app, merchant, catalog, other_merchant, rival, object_type):
    from app.extensions import db
    from app.merchants.models import ApiKey, MerchantUser
    from app.webhooks.models import WebhookEndpoint

    world = build_world(app, merchant.id, catalog["sku"])
    rules = [rule for rule, _ in portal_rules(app) if any(f"<{arg}>" in rule.rule for arg in OBJECT_ARGS[object_type])]
    assert rules, object_type
    answers = []
    for rule in rules:
        path = fill(rule.rule, world)
        if "GET" in rule.methods:
            answers.append((rule.rule, "GET", rival.get(path).status_code))
        if "POST" in rule.methods:
            data = {
                "amount": "1.00",
                "confirmed": "yes",
                "direction": "up",
                "enabled": "false",
                f"{world.user}-role": "owner",
                "confirm": "yes",
            }
            answers.append((rule.rule, "POST", rival.post(path, data).status_code))
    assert [a for a in answers if a[2] != 404] == []
    with app.app_context():  # and nothing of A's changed
        assert db.session.get(ApiKey, world.api_key).revoked_at is None
        assert db.session.get(WebhookEndpoint, world.webhook_endpoint).deleted_at is None
        assert db.session.get(MerchantUser, world.user).role == "operator"


def test_lists_and_exports_show_only_the_merchants_own_objects(app, merchant, catalog, rival, world):
    with app.app_context():
        from app.extensions import db
        from app.merchants.models import ApiKey

        a_keys = [k.last4 for k in db.session.query(ApiKey).filter_by(merchant_id=merchant.id)]
    pages = {
        path: rival.text(path)
        for path in (
            "/portal/",
            "/portal/developers/deliveries",
            "/portal/developers",
            "/portal/developers/webhooks",
            "/portal/developers/logs",
            "/portal/team",
            "/portal/audit",
        )
    }
    pages["csv"] = rival.get("/portal/orders/export.csv").get_data(as_text=True)
    for name, page in pages.items():
        for foreign in (world.order, world.delivery, "hooks.example.test", "staff-", *(f"…{k}" for k in a_keys)):
            assert foreign not in page, (name, foreign)


# --- CSRF ------------------------------------------------------------------------------------------------


def test_no_form_is_accepted_without_its_csrf_token(app, merchant, portal, world):
    from app.extensions import db
    from app.merchants.models import ApiKey, MerchantUser

    refused = []
    for rule, _ in portal_rules(app):
        if "POST" in rule.methods:
            response = portal.post(
                fill(rule.rule, world),
                {"direction": "up", "kind": "secret", "mode": "test", "confirmed": "yes", "name": "Hijacked"},
                csrf=False,
            )
            refused.append(response.status_code == 400 and "CSRF" in response.get_data(as_text=True))
    assert refused and all(refused)
    forged = portal.post(
        "/portal/team",
        {"email": "x@evil.test", "role": "owner", "temporary_password": "x" * 10, "csrf_token": "forged"},
        csrf=False,
    )
    assert forged.status_code == 400
    with app.app_context():
        assert db.session.get(ApiKey, world.api_key).revoked_at is None
        assert db.session.query(MerchantUser).filter_by(email="x@evil.test").count() == 0
        assert db.session.query(ApiKey).filter_by(merchant_id=merchant.id).count() == 2


def _refuses_framing(response) -> bool:
    return response.headers.get("X-Frame-Options") == "DENY" and "frame-ancestors 'none'" in response.headers.get(
        "Content-Security-Policy", ""
    )


def test_no_site_may_frame_any_portal_page(app, client, portal, world):
    # Signed out: the sign-in page and the redirect to it.
    assert _refuses_framing(client.get("/portal/login"))
    assert _refuses_framing(client.get("/portal/"))
    unframed = []
    for rule, _ in portal_rules(app):
        if "GET" in rule.methods:
            response = portal.get(fill(rule.rule, world))
            if not _refuses_framing(response):
                unframed.append((rule.rule, response.status_code))
    assert unframed == []
    assert _refuses_framing(portal.get("/portal/orders/ord_missing"))  # an error page too
