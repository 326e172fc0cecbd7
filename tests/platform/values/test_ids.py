"""Public ids: ``prefix_`` + 10 base32 digits of milliseconds + 16 random, sortable by creation time."""

from unittest import mock

from app.platform.values import ids


def _digits(value: int, length: int) -> str:
    return "".join(ids._ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(length)))


def test_an_id_is_the_milliseconds_then_the_random_part_in_crockford_base32():
    for millis, random_bytes in ((1_763_900_000_123, bytes(range(10))), (0, b"\xff" * 10), (2**50 - 1, b"\x00" * 10)):
        with (
            mock.patch("time.time_ns", return_value=millis * 1_000_000),
            mock.patch("os.urandom", return_value=random_bytes),
        ):
            made = ids.new_id("ord")
        assert made == f"ord_{_digits(millis, 10)}{_digits(int.from_bytes(random_bytes, 'big'), 16)}"
        assert made == f"ord_{ids._b32(millis, 10)}{ids._b32(int.from_bytes(random_bytes, 'big'), 16)}"


def test_ids_made_later_sort_after_and_the_first_possible_id_before():
    with mock.patch("time.time_ns", return_value=1_763_900_000_000 * 1_000_000):
        earlier = ids.new_id("ord")
    with mock.patch("time.time_ns", return_value=1_763_900_000_001 * 1_000_000):
        later = ids.new_id("ord")
    assert ids.first_id_at("ord", 1_763_900_000_000) <= earlier < later
