"""The risk lists' Bloom filter: never misses a listed value, and rules out almost every other one."""

from app.risk.list_filter import FALSE_POSITIVE_RATE, ListedValues


def test_every_listed_value_is_found_and_few_others_are():
    listed = [("email", f"user{i}@spam.example") for i in range(20_000)]
    values = ListedValues(listed, len(listed))
    assert all(pair in values for pair in listed)
    strangers = [("email", f"user{i}@good.example") for i in range(20_000)]
    wrongly_maybe = sum(pair in values for pair in strangers)
    assert wrongly_maybe <= 2 * FALSE_POSITIVE_RATE * len(strangers)
    assert ("device", "user1@spam.example") not in values or ("device", "user2@spam.example") not in values


def test_an_empty_list_holds_nothing():
    assert ("customer", "cus_1") not in ListedValues([], 0)
