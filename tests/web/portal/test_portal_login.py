"""Portal sign-in: real forms with CSRF, wrong passwords explained, orders scoped to the merchant."""

import re

import pytest

from tests.payments.attempts.test_payment_flow import create_order


@pytest.fixture
def csrf_client(app):
    """A test client; CSRF protection stays on in tests, as in production."""
    assert app.config.get("WTF_CSRF_ENABLED", True)
    return app.test_client()


def sign_in(client, email: str, password: str):
    page = client.get("/portal/login").get_data(as_text=True)
    csrf = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post("/portal/login", data={"email": email, "password": password, "csrf_token": csrf})


def test_the_portal_needs_a_sign_in(client):
    response = client.get("/portal/")
    assert response.status_code == 302 and "/portal/login" in response.headers["Location"]


def test_sign_in_shows_the_merchants_own_orders_only(csrf_client, api, merchant, catalog, other_merchant):
    mine = create_order(api, catalog["sku"])
    response = sign_in(csrf_client, merchant.email, merchant.password)
    assert response.status_code == 302
    page = csrf_client.get("/portal/").get_data(as_text=True)
    assert mine["id"] in page and "$9.99" in page

    rival = csrf_client.application.test_client()
    sign_in(rival, other_merchant.email, other_merchant.password)
    rival_page = rival.get("/portal/").get_data(as_text=True)
    assert mine["id"] not in rival_page and "No orders" in rival_page


def test_a_wrong_password_is_explained_and_does_not_sign_in(csrf_client, merchant):
    response = sign_in(csrf_client, merchant.email, "wrong-password")
    assert response.status_code == 422
    assert "Email or password is incorrect." in response.get_data(as_text=True)
    assert csrf_client.get("/portal/").status_code == 302


def test_a_form_post_without_csrf_token_is_refused(csrf_client, merchant):
    response = csrf_client.post("/portal/login", data={"email": merchant.email, "password": merchant.password})
    assert response.status_code == 400
    assert csrf_client.get("/portal/").status_code == 302


def test_sign_out_ends_the_session(csrf_client, merchant):
    sign_in(csrf_client, merchant.email, merchant.password)
    page = csrf_client.get("/portal/").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert csrf_client.post("/portal/logout", data={"csrf_token": csrf}).status_code == 302
    assert csrf_client.get("/portal/").status_code == 302


def test_login_never_redirects_off_site(csrf_client, merchant):
    page = csrf_client.get("/portal/login?next=//evil.test/x").get_data(as_text=True)
    csrf = re.search(r'id="csrf_token" name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = csrf_client.post(
        "/portal/login?next=//evil.test/x",
        data={"email": merchant.email, "password": merchant.password, "csrf_token": csrf},
    )
    assert response.headers["Location"].endswith("/portal/dashboard")  # where signing in lands, not off site


def test_signing_in_lands_on_the_dashboard(csrf_client, merchant):
    response = sign_in(csrf_client, merchant.email, merchant.password)
    assert response.status_code == 302 and response.headers["Location"].endswith("/portal/dashboard")
    assert csrf_client.get("/portal/login").headers["Location"].endswith("/portal/dashboard")
