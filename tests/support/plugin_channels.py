"""Install a payment tool as a merchant's package would (an entry point in ``kassa.channels``), for one test."""

from __future__ import annotations

from importlib.metadata import EntryPoint
from typing import Iterator


def installed(monkeypatch, code: str, target: str) -> Iterator[str]:
    """Load the channel ``target`` (``module:ATTRIBUTE``) beside the built-in ones; yields its code, then removes
    it. Use as the body of a fixture."""
    import app.payments.channels.registry as registry

    plugin = EntryPoint(code, target, registry.ENTRY_POINT_GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [plugin] if group == registry.ENTRY_POINT_GROUP else [])
    registry.reload_channels()
    yield code
    monkeypatch.undo()
    registry.reload_channels()
