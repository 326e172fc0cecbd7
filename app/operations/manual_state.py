"""The manual action state machine: a maintenance action that moves money waits for a second person's
approval; every other one runs at once. Approving claims the action (``awaiting_approval → running`` by a
conditional UPDATE), so it runs once however often the button is pressed."""

from __future__ import annotations

STATUSES = ("awaiting_approval", "running", "succeeded", "failed", "rejected")
# Money-moving actions start awaiting approval; the others start running.
INITIAL = ("awaiting_approval", "running")
TRANSITIONS: dict[str, frozenset[str]] = {
    "awaiting_approval": frozenset({"running", "rejected"}),
    "running": frozenset({"succeeded", "failed"}),
    "succeeded": frozenset(),
    "failed": frozenset(),
    "rejected": frozenset(),
}


def sources(target: str) -> tuple[str, ...]:
    """The statuses from which ``target`` may follow (the WHERE of a conditional UPDATE)."""
    return tuple(status for status, following in TRANSITIONS.items() if target in following)
