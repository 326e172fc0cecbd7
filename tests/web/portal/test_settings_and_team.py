"""Settings (profile, branding used by the hosted checkout, order policies) and the team (roles, last owner)."""

from __future__ import annotations

import io
import re

from tests.payments.attempts.test_payment_flow import create_order
from tests.support.portal import Portal

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_the_profile_is_validated_and_audited(app, merchant, portal):
    bad = portal.post("/portal/settings/profile", {"name": "", "email": "not-an-email"})
    assert bad.status_code == 422
    text = bad.get_data(as_text=True)
    assert "Enter the business name." in text and "Enter a valid email address." in text
    saved = portal.post("/portal/settings/profile", {"name": "Acme Games GmbH", "email": "Hello@Acme.test"})
    assert saved.status_code == 302
    page = portal.text("/portal/settings")
    assert 'value="Acme Games GmbH"' in page and 'value="hello@acme.test"' in page
    audit = portal.text("/portal/audit?action=settings.profile")
    assert "Acme Games" in audit and "Acme Games GmbH" in audit and "fulfilment_secret" not in audit


def test_branding_shows_on_the_hosted_checkout(app, client, merchant, catalog, portal):
    refused = portal.post("/portal/settings/branding", {"brand_color": "blue", "terms_text": ""})
    assert refused.status_code == 422 and "Use a colour like #3a55d8." in refused.get_data(as_text=True)
    svg = portal.post(
        "/portal/settings/branding",
        {
            "brand_color": "#ff8800",
            "logo_file": (
                io.BytesIO(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
                "logo.svg",
            ),
        },
        content_type="multipart/form-data",
    )
    assert svg.status_code == 422 and "The logo must be a PNG, JPEG, GIF or WebP image." in svg.get_data(as_text=True)

    saved = portal.post(
        "/portal/settings/branding",
        {
            "brand_color": "#FFCC00",
            "terms_text": "No refunds after 14 days.\n\nCredits never expire.",
            "logo_file": (io.BytesIO(PNG), "logo.png"),
        },
        content_type="multipart/form-data",
    )
    assert saved.status_code == 302
    panel = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    # A light brand colour gets dark text on the Pay button, so it stays readable.
    assert "background: #ffcc00" in panel and "color: #14213d" in panel
    logo_url = re.search(r'class="merchant-logo" src="([^"]+)"', panel).group(1)
    logo = client.get(logo_url)
    assert logo.data == PNG and logo.mimetype == "image/png" and logo.headers["X-Content-Type-Options"] == "nosniff"
    terms = client.get(f"/checkout/terms/{merchant.id}").get_data(as_text=True)
    assert "<p>No refunds after 14 days.</p>" in terms and "<p>Credits never expire.</p>" in terms

    portal.post("/portal/settings/branding", {"brand_color": "#1a2b3c", "remove_logo": "y"})
    panel = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert "merchant-logo" not in panel and "color: #ffffff" in panel
    assert client.get(logo_url).status_code == 404


def test_order_policies_apply_to_new_orders(app, api, merchant, catalog, portal):
    from datetime import datetime

    refused = portal.post("/portal/settings/policies", {"order_timeout_minutes": "0", "auto_confirm_minutes": "-1"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Use 1 to 1440 minutes (one day)." in text and "90 days" in text
    portal.post("/portal/settings/policies", {"order_timeout_minutes": "45", "auto_confirm_minutes": "0"})
    order = create_order(api, catalog["sku"])
    created = datetime.fromisoformat(order["created_at"].replace("Z", "+00:00"))
    expires = datetime.fromisoformat(order["expires_at"].replace("Z", "+00:00"))
    assert round((expires - created).total_seconds() / 60) == 45
    with app.app_context():
        from app.extensions import db
        from app.merchants.models import Merchant

        assert db.session.get(Merchant, merchant.id).auto_confirm_minutes == 0


def test_the_team_page_adds_changes_and_removes_users(app, merchant, portal):
    duplicate = portal.post(
        "/portal/team", {"email": merchant.email, "role": "operator", "temporary_password": "temp-pass-123"}
    )
    assert duplicate.status_code == 409 or duplicate.status_code == 422
    assert re.search(
        r'id="email-error"[^>]*>A user with email owner@acme.test already exists.', duplicate.get_data(as_text=True)
    )
    portal.post("/portal/team", {"email": "ops@acme.test", "role": "operator", "temporary_password": "temp-pass-123"})
    page = portal.text("/portal/team")
    user_id = re.search(r"/portal/team/(usr_[a-z0-9]+)/remove", page).group(1)

    ops = Portal(app.test_client())
    ops.sign_in("ops@acme.test", "temp-pass-123")
    ops.post(
        "/portal/account/password",
        {"current_password": "temp-pass-123", "new_password": "ops-own-pass", "confirm_password": "ops-own-pass"},
    )
    assert ops.get("/portal/audit").status_code == 403
    portal.post(f"/portal/team/{user_id}/role", {f"{user_id}-role": "finance"})
    assert ops.get("/portal/audit").status_code == 200  # the new role applies at once

    assert "Remove ops@acme.test?" in portal.text(f"/portal/team/{user_id}/remove")
    assert ops.get("/portal/").status_code == 200  # asking removed nobody
    assert portal.post(f"/portal/team/{user_id}/remove").status_code == 302
    assert ops.get("/portal/").status_code == 302  # their session ended
    assert f"/portal/team/{user_id}/remove" not in portal.text("/portal/team")
    audit = portal.text("/portal/audit")
    for action in ("team.add", "team.role_change", "team.remove"):
        assert action in audit


def test_the_last_owner_can_be_neither_removed_nor_demoted(app, merchant, portal, member):
    from app.extensions import db
    from app.merchants.models import MerchantUser

    with app.app_context():
        owner_id = db.session.query(MerchantUser.id).filter_by(email=merchant.email).scalar()
    portal.post(f"/portal/team/{owner_id}/role", {f"{owner_id}-role": "operator"})
    assert "the last owner cannot lose the owner role" in portal.text("/portal/team")
    refused = portal.post(f"/portal/team/{owner_id}/remove")
    assert refused.status_code == 409 and "You cannot remove yourself" in refused.get_data(as_text=True)

    second = member("owner")  # a second owner may remove the first, who is then no longer the last
    response = second.post(f"/portal/team/{owner_id}/remove")
    assert response.status_code == 302
    with app.app_context():
        last = db.session.query(MerchantUser).filter_by(merchant_id=merchant.id, role="owner").one()
        refused = second.post(f"/portal/team/{last.id}/role", {f"{last.id}-role": "developer"})
        assert refused.status_code == 302
        db.session.expire_all()
        assert db.session.get(MerchantUser, last.id).role == "owner"


def test_the_team_service_refuses_to_remove_the_last_owner(app, merchant):
    import pytest

    from app.errors import Conflict
    from app.extensions import db
    from app.merchants.models import MerchantUser
    from app.merchants.team import remove_member
    from tests.support.portal import add_user

    helper = add_user(app, merchant.id, "helper@acme.test", "operator")
    with app.app_context():
        owner_id = db.session.query(MerchantUser.id).filter_by(email=merchant.email).scalar()
        with pytest.raises(Conflict, match="last owner"):
            remove_member(merchant.id, owner_id, acting_user_id=helper)
        assert db.session.get(MerchantUser, owner_id) is not None
