import pytest

from app.orders.state import STATUSES, TERMINAL, TRANSITIONS, can_transition

ALLOWED = [
    ("created", "paying"),
    ("created", "closed"),
    ("paying", "paid"),
    ("paying", "created"),
    ("paying", "closed"),
    ("paid", "fulfilled"),
    ("paid", "refunding"),
    ("fulfilled", "completed"),
    ("completed", "refunding"),
    ("refunding", "refunded"),
    ("refunding", "paid"),
]
REFUSED = [
    ("created", "paid"),  # no capture without a payment attempt (an order of unknown total)
    ("closed", "paying"),
    ("closed", "paid"),
    ("closed", "created"),
    ("paid", "closed"),  # money was taken: only a refund undoes it
    ("paid", "created"),
    ("refunded", "refunding"),
    ("completed", "paid"),
    ("fulfilled", "paying"),
]


@pytest.mark.parametrize("current, target", ALLOWED)
def test_allowed_transitions(current, target):
    assert can_transition(current, target)


@pytest.mark.parametrize("current, target", REFUSED)
def test_refused_transitions(current, target):
    assert not can_transition(current, target)


def test_only_an_order_of_nothing_is_paid_without_a_payment_attempt():
    assert can_transition("created", "paid", total=0)  # nothing to pay (app/payments/attempts/free_orders.py)
    assert not can_transition("created", "paid", total=1)
    assert can_transition("paying", "paid", total=0) and can_transition("paying", "paid", total=999)


def test_every_status_is_known_and_terminal_states_are_final():
    assert set(TRANSITIONS) == set(STATUSES)
    assert TERMINAL == {"closed", "refunded"}
    for status in STATUSES:
        assert not can_transition(status, status)
    assert not can_transition("nonsense", "paid")
