"""Merchants' payment-tool credentials: encrypted with Fernet, rotated with MultiFernet, shown masked."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select

from app.errors import InvalidRequest
from app.extensions import db
from app.payments.channels.credential_models import ChannelCredentials
from app.payments.channels.credentials import mask, masked_settings, rotate_channel_keys, save_channel_settings
from app.payments.channels.registry import ChannelSpec, SettingField, channels
from app.payments.channels.sealed_settings import merchant_settings

KEY = "sk_test_51Kassa0000000000000000001234"


class _Adapter:
    @classmethod
    def from_settings(cls, config, settings):
        return cls()


SPEC = ChannelSpec(
    code="keyed_pay",
    name="Keyed",
    adapter=_Adapter,
    settings=(
        SettingField(
            "secret_key",
            "Secret key",
            secret=True,
            pattern=r"sk_(test|live)_\w+",
            pattern_hint="starts with sk_test_ or sk_live_",
        ),
        SettingField("account", "Account name"),
        SettingField("webhook_secret", "Webhook secret", secret=True, required=False),
    ),
)


@pytest.fixture
def keyed_pay():
    """A payment tool with secrets in its schema, registered for the test."""
    channels()["keyed_pay"] = SPEC
    yield {"secret_key": KEY, "account": "acme", "webhook_secret": "whsec_0123456789abcdef"}
    channels().pop("keyed_pay")


def test_secrets_are_unreadable_at_rest_and_masked_when_shown(app, ctx, merchant, keyed_pay):
    save_channel_settings(merchant.id, "keyed_pay", keyed_pay)
    stored = db.session.scalar(select(ChannelCredentials.ciphertext))
    assert KEY not in stored and "whsec" not in stored
    assert merchant_settings(merchant.id, "keyed_pay")["secret_key"] == KEY
    shown = masked_settings(merchant.id, "keyed_pay")
    assert shown["secret_key"] == "••••1234" and KEY not in str(shown)
    assert mask("short") == "••••"


def test_bad_values_are_refused_naming_the_field(app, ctx, merchant, keyed_pay):
    with pytest.raises(InvalidRequest) as refused:
        save_channel_settings(merchant.id, "keyed_pay", {**keyed_pay, "secret_key": "pk_test_oops"})
    assert refused.value.param == "secret_key" and "sk_test_" in refused.value.message
    with pytest.raises(InvalidRequest, match="unknown setting 'colour'"):
        save_channel_settings(merchant.id, "keyed_pay", {**keyed_pay, "colour": "red"})
    with pytest.raises(InvalidRequest, match="unknown channel"):
        save_channel_settings(merchant.id, "paypal", {})


def test_keys_rotate_newest_first_and_old_rows_stay_readable_until_rotated(app, ctx, merchant, keyed_pay):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app.config["CHANNEL_CREDENTIALS_KEYS"] = old
    try:
        save_channel_settings(merchant.id, "keyed_pay", keyed_pay)
        before = db.session.scalar(select(ChannelCredentials.ciphertext))
        app.config["CHANNEL_CREDENTIALS_KEYS"] = f"{new},{old}"
        assert merchant_settings(merchant.id, "keyed_pay")["secret_key"] == KEY  # the old key still decrypts
        assert rotate_channel_keys() == 1
        after = db.session.scalar(select(ChannelCredentials.ciphertext).execution_options(populate_existing=True))
        assert after != before and Fernet(new).decrypt(after.encode())
        app.config["CHANNEL_CREDENTIALS_KEYS"] = new  # the old key is gone: rotated rows still read
        assert merchant_settings(merchant.id, "keyed_pay")["secret_key"] == KEY
        app.config["CHANNEL_CREDENTIALS_KEYS"] = Fernet.generate_key().decode()  # a wrong key reads nothing
        assert merchant_settings(merchant.id, "keyed_pay") == {}
    finally:
        app.config["CHANNEL_CREDENTIALS_KEYS"] = ""
