import hashlib
import hmac

import pytest

from app.payments.channels.adapters.sandbox_card import verify_signature
from app.payments.channels.interface import CallbackRejected

SECRET = "whsec_test"
BODY = b'{"type":"payment.succeeded"}'


def header(t: int, body: bytes = BODY, secret: str = SECRET) -> str:
    mac = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def test_a_correct_signature_passes():
    verify_signature(header(1_700_000_000), BODY, SECRET, tolerance=300, now=1_700_000_100)


@pytest.mark.parametrize(
    "bad",
    [
        "",  # missing
        "t=abc,v1=00",  # malformed timestamp
        "t=1700000000",  # no signature
    ],
)
def test_missing_or_malformed_headers_are_rejected(bad):
    with pytest.raises(CallbackRejected):
        verify_signature(bad, BODY, SECRET, tolerance=300, now=1_700_000_000)


def test_tampered_body_wrong_secret_and_stale_timestamp_are_rejected():
    good = header(1_700_000_000)
    with pytest.raises(CallbackRejected, match="does not match"):
        verify_signature(good, BODY.replace(b"succeeded", b"failed"), SECRET, tolerance=300, now=1_700_000_000)
    with pytest.raises(CallbackRejected, match="does not match"):
        verify_signature(header(1_700_000_000, secret="other"), BODY, SECRET, tolerance=300, now=1_700_000_000)
    with pytest.raises(CallbackRejected, match="tolerance"):
        verify_signature(good, BODY, SECRET, tolerance=300, now=1_700_000_301)
