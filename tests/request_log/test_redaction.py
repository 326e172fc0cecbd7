"""The request log's redaction: values that skip the four passes must be those none of them would change."""

import random

from app.request_log import redaction


def _four_passes(text: str) -> str:
    text = redaction._BILLING_PATH.sub(
        rf"\1{redaction.REDACTED}", redaction._SECRET_PARAM.sub(rf"\1{redaction.REDACTED}", text)
    )
    return redaction._mask_cards(redaction._SECRET_VALUE.sub(redaction.REDACTED, text))


def test_each_kind_of_secret_is_still_masked():
    assert redaction.redact_text("key sk_test_abc123 here") == "key [redacted] here"
    assert redaction.redact_text("whsec_abc") == "[redacted]"
    assert redaction.redact_text("/pay/ord_1?client_secret=cs_1&x=2") == "/pay/ord_1?client_secret=[redacted]&x=2"
    assert redaction.redact_text("https://k.test/billing/tok_1/portal") == "https://k.test/billing/[redacted]/portal"
    assert redaction.redact_text("card 4242 4242 4242 4242 ok") == "card [redacted] ok"
    assert redaction.redact_text("cs_01m8e5_secret_Ab-9_z") == "[redacted]"  # a checkout session's client secret
    plain = "order ord_01m849d6a5 of 2026-11-23, 999 cents"
    assert redaction.redact_text(plain) == plain


def test_the_quick_check_agrees_with_the_four_passes_on_random_text():
    pieces = [
        "sk_test_",
        "rk_live_",
        "whsec_",
        "cs_1_secret_",
        "_SECRET_",
        "/billing/",
        "?client_secret=",
        "&token=",
        ";key=",
        "4242 4242 ",
        "4242-4242-",
        "4242424242424242",
        "0",
        "7",
        " ",
        "-",
        "=",
        "?",
        "&",
        "/",
        "a",
        "Z",
        "_",
    ]
    chooser = random.Random(12)
    for _ in range(20_000):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 14)))
        assert redaction.redact_text(text) == _four_passes(text), text
