"""The Stripe Customer Kassa keeps per merchant, mode and customer (stripe_customers.py): made once and reused, kept
apart per mode and merchant, and when two first payments make one each at the same moment, both get the one kept."""

from __future__ import annotations

from sqlalchemy import insert


def test_a_customer_is_made_once_per_merchant_and_mode(app, merchant, other_merchant):
    from app.payments.channels.adapters.stripe_customers import stripe_customer_for

    made: list[str] = []

    def create(name: str):
        def make() -> str:
            made.append(name)
            return name

        return make

    with app.app_context():
        assert stripe_customer_for(merchant.id, False, "cus_1", create=create("cus_test_a")) == "cus_test_a"
        assert stripe_customer_for(merchant.id, False, "cus_1", create=create("cus_never")) == "cus_test_a"
        assert stripe_customer_for(merchant.id, True, "cus_1", create=create("cus_live_a")) == "cus_live_a"
        assert stripe_customer_for(other_merchant.id, False, "cus_1", create=create("cus_other")) == "cus_other"
    assert made == ["cus_test_a", "cus_live_a", "cus_other"]


def test_two_first_payments_at_once_both_use_the_customer_kept_first(app, merchant):
    from app.extensions import db
    from app.payments.channels.adapters.stripe_customers import StripeCustomer, stripe_customer_for
    from app.platform.db.types import utcnow

    def create_while_another_payment_keeps_its_own() -> str:
        # The other payment, on its own connection, keeps its Customer between this one's look-up and its insert.
        with db.engine.begin() as other:
            other.execute(
                insert(StripeCustomer).values(
                    merchant_id=merchant.id,
                    livemode=False,
                    customer_id="cus_race",
                    stripe_customer_id="cus_first",
                    created_at=utcnow(),
                )
            )
        return "cus_second"

    with app.app_context():
        kept = stripe_customer_for(merchant.id, False, "cus_race", create=create_while_another_payment_keeps_its_own)
        assert kept == "cus_first"
        rows = db.session.query(StripeCustomer).filter_by(customer_id="cus_race").all()
        assert [r.stripe_customer_id for r in rows] == ["cus_first"]
