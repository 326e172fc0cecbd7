"""Signing in: rate limits per email and address, sessions that end when they should, password changes."""

from __future__ import annotations

from tests.support.portal import Portal, add_user


def test_repeated_failures_for_one_email_and_address_are_paused_with_a_clear_page(app, merchant):
    guesser = Portal(app.test_client(), ip="10.0.0.1")
    for _ in range(5):
        assert guesser.sign_in(merchant.email, "wrong-password").status_code == 422
    paused = guesser.sign_in(merchant.email, merchant.password)  # even the right password, from here
    assert paused.status_code == 429
    page = paused.get_data(as_text=True)
    assert "Too many sign-in attempts" in page and "Wait 15 minutes" in page
    assert guesser.get("/portal/").status_code == 302  # not signed in

    # The real user, elsewhere, is not locked out.
    owner = Portal(app.test_client(), ip="10.0.0.2")
    assert owner.sign_in(merchant.email, merchant.password).status_code == 302
    # Nor is another account from the guesser's address.
    add_user(app, merchant.id, "colleague@acme.test", "finance")
    assert Portal(app.test_client(), ip="10.0.0.1").sign_in("colleague@acme.test", "staff-pass-123").status_code == 302


def test_successful_sign_ins_are_not_counted(app, merchant):
    for _ in range(7):
        assert Portal(app.test_client(), ip="10.0.0.3").sign_in(merchant.email, merchant.password).status_code == 302
    guesser = Portal(app.test_client(), ip="10.0.0.3")
    for _ in range(4):
        assert guesser.sign_in(merchant.email, "wrong-password").status_code == 422
    assert guesser.sign_in(merchant.email, merchant.password).status_code == 302


def test_one_address_trying_many_emails_is_paused_too(app, merchant, monkeypatch):
    monkeypatch.setitem(app.config, "LOGIN_IP_RATE_LIMIT", "3 per hour")
    sprayer = Portal(app.test_client(), ip="10.0.0.4")
    for n in range(3):
        assert sprayer.sign_in(f"user{n}@acme.test", "guess-123").status_code == 422
    assert sprayer.sign_in("someone@acme.test", "guess-123").status_code == 429


def test_changing_the_password_needs_the_current_one_and_signs_out_other_sessions(app, merchant, portal):
    other_device = Portal(app.test_client())
    other_device.sign_in(merchant.email, merchant.password)
    assert other_device.get("/portal/").status_code == 200

    wrong = portal.post(
        "/portal/account/password",
        {"current_password": "nope", "new_password": "brand-new-pass", "confirm_password": "brand-new-pass"},
    )
    assert wrong.status_code == 422 and "The current password is not correct." in wrong.get_data(as_text=True)
    short = portal.post(
        "/portal/account/password",
        {"current_password": merchant.password, "new_password": "short", "confirm_password": "short"},
    )
    assert short.status_code == 422 and "Use 8 to 200 characters." in short.get_data(as_text=True)
    differ = portal.post(
        "/portal/account/password",
        {"current_password": merchant.password, "new_password": "brand-new-pass", "confirm_password": "other"},
    )
    assert "The passwords differ." in differ.get_data(as_text=True)
    assert other_device.get("/portal/").status_code == 200  # nothing changed yet

    done = portal.post(
        "/portal/account/password",
        {"current_password": merchant.password, "new_password": "brand-new-pass", "confirm_password": "brand-new-pass"},
    )
    assert done.status_code == 302
    assert portal.get("/portal/").status_code == 200  # this session goes on
    assert other_device.get("/portal/").status_code == 302  # the other one ended
    assert Portal(app.test_client()).sign_in(merchant.email, merchant.password).status_code == 422
    assert Portal(app.test_client()).sign_in(merchant.email, "brand-new-pass").status_code == 302
    audit = portal.text("/portal/audit")
    assert "user.password_change" in audit and "brand-new-pass" not in audit and "password_hash" not in audit


def test_a_temporary_password_must_be_replaced_before_anything_else(app, merchant, portal):
    added = portal.post(
        "/portal/team", {"email": "new@acme.test", "role": "operator", "temporary_password": "temp-pass-123"}
    )
    assert added.status_code == 302
    newcomer = Portal(app.test_client())
    first = newcomer.sign_in("new@acme.test", "temp-pass-123")
    assert first.headers["Location"].endswith("/portal/account/password")
    blocked = newcomer.get("/portal/")
    assert blocked.status_code == 302 and blocked.headers["Location"].endswith("/portal/account/password")
    assert "temporary password" in newcomer.text("/portal/account/password")
    newcomer.post(
        "/portal/account/password",
        {"current_password": "temp-pass-123", "new_password": "my-own-pass-1", "confirm_password": "my-own-pass-1"},
    )
    assert newcomer.get("/portal/").status_code == 200


def test_a_session_lasts_until_sign_out_and_sign_out_needs_a_form(app, merchant, portal):
    assert portal.client.get("/portal/logout").status_code == 405  # a link cannot sign anyone out
    assert portal.post("/portal/logout").status_code == 302
    assert portal.get("/portal/").status_code == 302


def test_signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working(app, merchant, portal):
    domain = app.config["SERVER_NAME"].split(":")[0]
    copied = portal.client.get_cookie("session", domain=domain).value  # what a stolen cookie would carry
    thief = Portal(app.test_client())
    thief.client.set_cookie("session", copied, domain=domain)
    assert thief.get("/portal/").status_code == 200  # the copy works while the session lives

    assert portal.post("/portal/logout").status_code == 302
    replay = thief.get("/portal/")
    assert replay.status_code == 302 and "/portal/login" in replay.headers["Location"]
    # Signing in again starts a fresh session that works.
    assert Portal(app.test_client()).sign_in(merchant.email, merchant.password).status_code == 302
