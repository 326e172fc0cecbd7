"""The registry loads payment tools from entry points and keeps a broken one from taking the others down."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from app.payments.channels.registry import (
    ENTRY_POINT_GROUP,
    ChannelSpec,
    InvalidChannel,
    _checked,
    built_in_entry_points,
    channels,
    reload_channels,
)


class _Adapter:
    @classmethod
    def from_settings(cls, config, settings):
        return cls()


GOOD = ChannelSpec(code="good_pay", name="Good", adapter=_Adapter, capabilities=frozenset({"redirect"}))
WRONG_CODE = ChannelSpec(code="other", name="Other", adapter=_Adapter)
ODD_CAPABILITY = ChannelSpec(code="odd_pay", name="Odd", adapter=_Adapter, capabilities=frozenset({"teleport"}))
ODD_FEE_RULE = ChannelSpec(code="odd_pay", name="Odd", adapter=_Adapter, fee_returned_on_refund="half")


def _entry(name: str, attribute: str) -> EntryPoint:
    return EntryPoint(name, f"{__name__}:{attribute}", ENTRY_POINT_GROUP)


def test_built_in_channels_are_declared_as_entry_points_and_load():
    # pyproject.toml's [project.entry-points."kassa.channels"], in the order written there.
    assert [ep.name for ep in built_in_entry_points()] == ["sandbox_card", "sandbox_qr", "wallet", "stripe"]
    loaded = channels()
    assert {"sandbox_card", "sandbox_qr", "wallet"} <= set(loaded)
    assert loaded["sandbox_qr"].capabilities >= {"qr", "refunds"}
    # What each provider gives back of its fee on a refund: the sandbox its proportional part, Stripe nothing.
    assert {code: loaded[code].fee_returned_on_refund for code in ("sandbox_card", "sandbox_qr", "stripe")} == {
        "sandbox_card": "proportional",
        "sandbox_qr": "proportional",
        "stripe": "none",
    }


def test_a_spec_must_match_its_entry_point_and_name_known_capabilities():
    assert _checked(_entry("good_pay", "GOOD")) is GOOD
    with pytest.raises(InvalidChannel, match="must be equal"):
        _checked(_entry("good_pay", "WRONG_CODE"))
    with pytest.raises(InvalidChannel, match="teleport"):
        _checked(_entry("odd_pay", "ODD_CAPABILITY"))
    with pytest.raises(InvalidChannel, match="fee_returned_on_refund 'half'"):  # the books could not follow it
        _checked(_entry("odd_pay", "ODD_FEE_RULE"))
    with pytest.raises(InvalidChannel, match="not a ChannelSpec"):
        _checked(_entry("good_pay", "_entry"))


def test_a_plugin_that_fails_to_import_is_left_out_and_the_rest_load(monkeypatch, caplog):
    import app.payments.channels.registry as registry

    broken = EntryPoint("broken_pay", "no_such_module_anywhere:CHANNEL", ENTRY_POINT_GROUP)
    good = _entry("good_pay", "GOOD")
    monkeypatch.setattr(registry, "entry_points", lambda group: [broken, good] if group == ENTRY_POINT_GROUP else [])
    try:
        loaded = reload_channels()
        assert "good_pay" in loaded and "broken_pay" not in loaded and "sandbox_card" in loaded
        assert "channel broken_pay not loaded" in caplog.text
    finally:
        monkeypatch.undo()
        reload_channels()
