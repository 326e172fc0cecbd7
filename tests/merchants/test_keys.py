from app.merchants.keys import generate_key, hash_key, parse_key


def test_generated_keys_carry_kind_and_mode():
    secret = generate_key("secret", "test")
    publishable = generate_key("publishable", "live")
    assert secret.startswith("sk_test_") and len(secret) == 40
    assert publishable.startswith("pk_live_")
    assert parse_key(secret).kind == "secret" and parse_key(secret).mode == "test"
    assert parse_key(publishable).kind == "publishable" and parse_key(publishable).mode == "live"


def test_keys_are_random_and_hashing_is_one_way_and_stable():
    a, b = generate_key("secret", "test"), generate_key("secret", "test")
    assert a != b
    assert hash_key(a) == hash_key(a) and hash_key(a) != hash_key(b)
    assert a not in hash_key(a) and len(hash_key(a)) == 64


def test_malformed_keys_are_not_parsed():
    for raw in ["", "sk_test_short", "xk_test_" + "a" * 32, "sk_prod_" + "a" * 32, "sk_test_" + "a" * 31 + "!"]:
        assert parse_key(raw) is None
