"""Migration 0109: the paid-renewal-order handler moved module, and the outbox's record of events it already
handled follows it, so an event still being dispatched across the deploy does not run it a second time."""
from __future__ import annotations

from sqlalchemy import select

from tests.migration_steps import load_migration, run_migration_step

MIGRATION = "0109_renewal_handler_moved.py"


def _run(app, step: str) -> None:
    run_migration_step(app, MIGRATION, step)


def test_the_handled_record_of_an_event_not_yet_dispatched_follows_the_moved_handler(app):
    from app.platform.db.types import utcnow
    from app.platform.outbox.events import Event, EventHandling, subscriptions_for
    from app.extensions import db
    from app.platform.values.ids import new_id

    moved = load_migration(MIGRATION)
    # The name the migration writes is the one the outbox now runs the handler under.
    assert moved.NEW in {s.name for s in subscriptions_for("order.paid")}
    assert moved.OLD not in {s.name for s in subscriptions_for("order.paid")}
    with app.app_context():
        waiting, done = new_id("evt"), new_id("evt")
        for event_id, dispatched in ((waiting, None), (done, utcnow())):
            db.session.add(Event(id=event_id, merchant_id="mch_moved", type="order.paid", data={},
                                 dispatched_at=dispatched))
            db.session.add(EventHandling(event_id=event_id, handler=moved.OLD))
            db.session.add(EventHandling(event_id=event_id, handler="app.orders.fulfilment.fulfil_paid_order"))
        db.session.commit()

    def handlers(event_id: str) -> set[str]:
        with app.app_context():
            return set(db.session.scalars(select(EventHandling.handler).where(EventHandling.event_id == event_id)))

    _run(app, "upgrade")
    assert handlers(waiting) == {moved.NEW, "app.orders.fulfilment.fulfil_paid_order"}
    assert handlers(done) == {moved.OLD, "app.orders.fulfilment.fulfil_paid_order"}  # never read again
    _run(app, "downgrade")
    assert handlers(waiting) == {moved.OLD, "app.orders.fulfilment.fulfil_paid_order"}
