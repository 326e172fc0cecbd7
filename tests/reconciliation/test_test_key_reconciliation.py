"""A test secret key never reconciles a live channel: a run settles the live payments the provider vouches for and
tells live webhook endpoints of live discrepancies, and test keys end up in CI configs and with contractors."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from app.payments.channels.registry import ChannelSpec
from tests.support.plugin_channels import installed
from tests.web.api.test_livemode import live  # noqa: F401  (fixture)


def _today() -> str:
    """Today in UTC, as Kassa counts days: a run of a day after that is refused as in the future, and the machine's
    local date is a day ahead of UTC's for some hours in every zone east of UTC."""
    return datetime.now(timezone.utc).date().isoformat()


class _BankAdapter:
    """A live provider's adapter as a merchant's installed package brings it (no call is made here)."""

    @classmethod
    def from_settings(cls, config, settings):
        return cls()


BANK = ChannelSpec(
    code="acme_bank", name="Acme Bank", adapter=_BankAdapter, capabilities=frozenset({"redirect", "statements"})
)


@pytest.fixture
def live_bank(monkeypatch):
    """A live payment channel that publishes statements, installed as a plugin."""
    yield from installed(monkeypatch, "acme_bank", f"{__name__}:BANK")


def test_a_test_key_cannot_reconcile_a_live_channel(api, live, live_bank):
    day = _today()
    refused = api.post("/reconciliation_runs", json={"channel": live_bank, "date": day})
    assert refused.status_code == 403
    error = refused.json["error"]
    assert (error["type"], error["code"], error["param"]) == ("permission_error", "live_key_required", "channel")
    assert "live money" in error["message"] and "live secret key" in error["message"]
    assert live.get("/reconciliation_runs").json["data"] == []  # nothing was started

    assert live.post("/reconciliation_runs", json={"channel": live_bank, "date": day}).status_code == 201
    # Its own sandbox statements a test key still reconciles.
    assert api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": day}).status_code == 201


def test_a_test_key_reads_no_run_of_a_live_channel(api, live, live_bank):
    day = _today()
    live_run = live.post("/reconciliation_runs", json={"channel": live_bank, "date": day}).json
    test_run = api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": day}).json

    assert [run["id"] for run in api.get("/reconciliation_runs").json["data"]] == [test_run["id"]]
    assert api.get(f"/reconciliation_runs/{live_run['id']}").status_code == 404
    assert api.get(f"/reconciliation_runs/{live_run['id']}/discrepancies").status_code == 404
    assert api.get(f"/reconciliation_runs?starting_after={live_run['id']}").status_code == 404
    assert api.get(f"/reconciliation_runs/{test_run['id']}").status_code == 200
    # The live key reads both: a test run shows no live money.
    assert {run["id"] for run in live.get("/reconciliation_runs").json["data"]} == {live_run["id"], test_run["id"]}


def test_the_portals_test_view_shows_no_run_of_a_live_channel(api, live, live_bank, portal):  # noqa: F811
    """The portal's Test/Live switch shows one world: in test, the runs a test key reads, and a run form offering
    only the channels a test key may reconcile."""
    day = _today()
    live_run = live.post("/reconciliation_runs", json={"channel": live_bank, "date": day}).json
    test_run = api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": day}).json

    in_test = portal.get("/portal/reconciliation").get_data(as_text=True)
    assert test_run["id"] in in_test and live_run["id"] not in in_test
    assert 'value="acme_bank"' not in in_test and 'value="sandbox_card"' in in_test
    assert portal.get(f"/portal/reconciliation/runs/{live_run['id']}").status_code == 404

    assert portal.post("/portal/mode", {"mode": "live"}).status_code == 302
    in_live = portal.get("/portal/reconciliation").get_data(as_text=True)
    assert test_run["id"] in in_live and live_run["id"] in in_live and 'value="acme_bank"' in in_live
    assert portal.get(f"/portal/reconciliation/runs/{live_run['id']}").status_code == 200
