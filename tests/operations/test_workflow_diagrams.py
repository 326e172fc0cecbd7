"""The workflow diagrams are the state tables the code obeys: read each generated SVG back and find exactly
the table's transitions, each drawn from its source state's box to its target's, and every status once."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from app.operations import manual_state
from app.orders import state as order_state
from app.payments import state as payment_state
from app.signing import state as subscription_state

SVG = "{http://www.w3.org/2000/svg}"

# The tables the services check transitions against, imported from where the services import them.
TABLES = {
    "order": (order_state.STATUSES, order_state.TRANSITIONS),
    "payment": (payment_state.ATTEMPT_STATUSES, payment_state.ATTEMPT_TRANSITIONS),
    "refund": (payment_state.REFUND_STATUSES, payment_state.REFUND_TRANSITIONS),
    "subscription": (subscription_state.STATUSES, subscription_state.TRANSITIONS),
    "manual_action": (manual_state.STATUSES, manual_state.TRANSITIONS),
}


def drawn(svg: str) -> tuple[dict[str, tuple[float, float, float, float]], list[tuple[str, str, str]]]:
    """The states (name → box) and transitions (from, to, path data) a diagram shows."""
    root = ET.fromstring(svg)
    states = {}
    for group in root.iter(f"{SVG}g"):
        if "state" in group.get("class", "").split():
            rect = group.find(f"{SVG}rect")
            assert group.find(f"{SVG}text").text == group.get("data-state")  # the label says which state it is
            states[group.get("data-state")] = tuple(float(rect.get(k)) for k in ("x", "y", "width", "height"))
    edges = [
        (p.get("data-from"), p.get("data-to"), p.get("d"))
        for p in root.iter(f"{SVG}path")
        if "transition" in p.get("class", "").split()
    ]
    return states, edges


def on_border(point: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    x, y = point
    bx, by, bw, bh = box
    return bx - 0.5 <= x <= bx + bw + 0.5 and (abs(y - by) < 0.5 or abs(y - by - bh) < 0.5)


def ends(d: str) -> tuple[tuple[float, float], tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]
    return (numbers[0], numbers[1]), (numbers[-2], numbers[-1])


def test_there_is_a_diagram_for_every_state_table():
    from app.operations.workflows import MACHINES

    assert [m.key for m in MACHINES] == list(TABLES)


@pytest.mark.parametrize("key", sorted(TABLES))
def test_every_allowed_transition_is_drawn_and_every_drawn_edge_is_allowed(key):
    from app.operations.workflows import machine

    statuses, transitions = TABLES[key]
    states, edges = drawn(str(machine(key).svg()))
    assert sorted(states) == sorted(statuses)
    allowed = sorted((a, b) for a, following in transitions.items() for b in following)
    assert sorted((a, b) for a, b, _ in edges) == allowed  # each once: no edge missing, none invented
    for a, b, d in edges:  # and each really joins its two states' boxes, arrow at the target
        start, end = ends(d)
        assert on_border(start, states[a]) and on_border(end, states[b]), (a, b, d)


def test_a_transition_added_to_a_table_appears_in_its_diagram(monkeypatch):
    from app.operations import workflows

    monkeypatch.setitem(payment_state.REFUND_TRANSITIONS, "succeeded", frozenset({"failed"}))
    monkeypatch.setattr(workflows, "_LAYOUTS", {})  # the cache holds the layout of the table as it was
    _, edges = drawn(str(workflows.machine("refund").svg()))
    assert ("succeeded", "failed") in {(a, b) for a, b, _ in edges}
    assert payment_state.refund_may_become("succeeded", "failed")  # the code obeys the same table


def test_states_do_not_overlap_and_the_order_diagram_fits_a_phone():
    from app.operations.workflows import MACHINES

    for m in MACHINES:
        states, _ = drawn(str(m.svg()))
        boxes = list(states.values())
        for i, (x1, y1, w1, h1) in enumerate(boxes):
            for x2, y2, w2, h2 in boxes[i + 1 :]:
                assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1, m.key
    order = ET.fromstring(str(MACHINES[0].svg()))
    assert float(order.get("width")) <= 366  # a 390 px phone's content width: drawn at full size, not shrunk


def test_a_path_and_the_current_state_are_marked_and_named_for_screen_readers():
    from app.operations.workflows import machine

    svg = str(
        machine("order").svg(
            dom_id="o1",
            taken={("created", "paying"), ("paying", "paid")},
            visited={"created", "paying", "paid"},
            current="paid",
        )
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "o1-title o1-desc"
    assert root.find(f"{SVG}title").text == "Order: states and transitions"
    assert "From paying: created, paid, closed." in root.find(f"{SVG}desc").text
    taken = {
        (p.get("data-from"), p.get("data-to")) for p in root.iter(f"{SVG}path") if "taken" in p.get("class", "").split()
    }
    assert taken == {("created", "paying"), ("paying", "paid")}
    current = [g.get("data-state") for g in root.iter(f"{SVG}g") if "current" in g.get("class", "").split()]
    assert current == ["paid"]
