"""The state machines Kassa runs on, as the portal draws them.

Each machine is the very table its services check transitions against (orders, payment attempts, refunds,
subscriptions, manual actions); nothing here copies a status or an arrow. An order's own diagram marks the
path its timeline records and where it stands now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from markupsafe import Markup

from app.operations import diagrams, manual_state
from app.orders import state as order_state
from app.orders.models import Order
from app.payments import state as payment_state
from app.signing import state as subscription_state


@dataclass(frozen=True, eq=False)
class Machine:
    """One state table with what a reader needs to know about it."""

    key: str
    title: str
    summary: str
    statuses: tuple[str, ...]
    transitions: Mapping[str, frozenset[str]]
    initial: tuple[str, ...]

    @property
    def terminal(self) -> frozenset[str]:
        return frozenset(s for s in self.statuses if not self.transitions.get(s))

    def edges(self) -> list[diagrams.Edge]:
        """Every transition the table allows."""
        return diagrams.table_edges(self.statuses, self.transitions)

    def describe(self) -> str:
        """The table in words, for screen readers and the text beside the picture."""
        lines = [f"Starts {' or '.join(self.initial)}."]
        for status in self.statuses:
            following = [b for a, b in self.edges() if a == status]
            if following:
                lines.append(f"From {status}: {', '.join(following)}.")
        lines.append(f"Final: {', '.join(s for s in self.statuses if s in self.terminal)}.")
        return " ".join(lines)

    def layout(self) -> diagrams.Layout:
        """The placed diagram, computed once per process (tables change only with the code)."""
        if self.key not in _LAYOUTS:
            _LAYOUTS[self.key] = diagrams.layout(self.statuses, self.transitions, self.initial)
        return _LAYOUTS[self.key]

    def svg(self, *, dom_id: str | None = None, taken=(), visited=(), current: str | None = None) -> Markup:
        """The diagram as inline SVG, with a path and a current state highlighted if given."""
        return Markup(
            diagrams.render_svg(
                self.layout(),
                dom_id=dom_id or f"workflow-{self.key}",
                title=f"{self.title}: states and transitions",
                description=self.describe(),
                initial=self.initial,
                terminal=self.terminal,
                taken=taken,
                visited=visited,
                current=current,
            )
        )


_LAYOUTS: dict[str, diagrams.Layout] = {}

MACHINES: tuple[Machine, ...] = (
    Machine(
        "order",
        "Order",
        "From the basket to the money kept or given back. A declined payment returns the "
        "order to created so the shopper can try again until it expires. An order of nothing (total 0) goes "
        "from created to paid without a payment.",
        order_state.STATUSES,
        order_state.TRANSITIONS,
        ("created",),
    ),
    Machine(
        "payment",
        "Payment attempt",
        "One try to pay an order through a channel. Unknown: the provider did "
        "not answer clearly, so Kassa asks it by reference before deciding. A capture after Kassa gave up "
        "still counts.",
        payment_state.ATTEMPT_STATUSES,
        payment_state.ATTEMPT_TRANSITIONS,
        (payment_state.ATTEMPT_INITIAL,),
    ),
    Machine(
        "refund",
        "Refund",
        "Money given back through the channel that captured it. A failed refund can be tried again.",
        payment_state.REFUND_STATUSES,
        payment_state.REFUND_TRANSITIONS,
        (payment_state.REFUND_INITIAL,),
    ),
    Machine(
        "subscription",
        "Subscription",
        "A contract that renews itself: paying the first order activates "
        "it, failed renewals make it past due, dunning ends in cancel or pause.",
        subscription_state.STATUSES,
        subscription_state.TRANSITIONS,
        ("pending",),
    ),
    Machine(
        "manual_action",
        "Manual action",
        "A maintenance action on an order. One that moves money waits for "
        "an owner or finance user other than the one who asked; it then runs once.",
        manual_state.STATUSES,
        manual_state.TRANSITIONS,
        manual_state.INITIAL,
    ),
)


def machine(key: str) -> Machine:
    """The machine named ``key``."""
    return next(m for m in MACHINES if m.key == key)


@dataclass(frozen=True)
class PathStep:
    """One move on an order's path, as its timeline recorded it."""

    from_status: str | None
    status: str
    at: datetime
    reason: str
    actor: str


def order_path(order: Order) -> list[PathStep]:
    """The statuses an order went through, oldest first: its timeline without the notes that changed no
    status (a manual action's record, a returned stray capture)."""
    return [
        PathStep(e.from_status, e.status, e.at, e.reason, e.actor) for e in order.timeline if e.from_status != e.status
    ]


def order_diagram(order: Order, path: list[PathStep]) -> Markup:
    """The order machine with this order's path highlighted and its current status marked."""
    taken = {(s.from_status, s.status) for s in path if s.from_status}
    visited = {s.status for s in path} | {order.status}
    return machine("order").svg(dom_id=f"order-path-{order.id}", taken=taken, visited=visited, current=order.status)
