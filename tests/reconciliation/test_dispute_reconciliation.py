"""Disputes on the provider's daily statement, reconciled: the sandbox lists each dispute's withdrawal, its fee and a
won one's reversal, and a run (through the API, on a real worker) matches them against Kassa's disputes, finds what
differs, and fetches a dispute whose callback was lost."""

from __future__ import annotations

import csv
import io
import re

import requests

from tests.conftest import wait_for
from tests.payments.disputes.test_disputes import (
    FEE,
    close_dispute,
    disputes_of,
    ledger_is_whole,
    open_dispute,
    set_dispute_fee,
)
from tests.reconciliation.test_reconciliation import discrepancies, found, paid_order, reconcile, today


def statement_lines(sandbox, api_key: str, kind: str, payment: dict) -> list[dict]:
    """Today's statement lines of one type about one payment (its own or one of its refunds), as the provider serves
    them (the sandbox account is every test's)."""
    answer = requests.get(
        f"{sandbox.url}/sandbox/api/statements/{today()}.csv",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    ours = {payment["id"]} | {r["id"] for r in payment.get("refunds", [])}
    return [
        row
        for row in csv.DictReader(io.StringIO(answer.text))
        if row["type"] == kind and row["reference"].split(".")[0] in ours
    ]


def disputed(api, app, sandbox, sku: str, **body) -> tuple[dict, dict, dict]:
    """A paid order disputed at the provider, Kassa told (unless the callback is dropped): (order, payment, dispute)."""
    order, payment = paid_order(api, sandbox, sku)
    order = api.get(f"/orders/{order['id']}").json
    opened = open_dispute(sandbox, order, **body)
    if body.get("callback") != "drop":
        wait_for(lambda: disputes_of(app, order["id"]))
    return order, payment, opened


def test_a_day_with_a_dispute_its_fee_and_its_reversal_reconciles_clean(app, api, merchant, catalog, sandbox, worker):
    set_dispute_fee(app, merchant.id, 1500)
    order, payment, opened = disputed(api, app, sandbox, catalog["sku"], amount=600, fee=1500)
    close_dispute(sandbox, opened["id"], "won")
    wait_for(lambda: disputes_of(app, order["id"])[0][2] == "won")

    key = app.config["SANDBOX_API_KEY"]
    [withdrawal] = statement_lines(sandbox, key, "dispute", payment)
    # The withdrawal gets back the capture fee's part a refund of $6.00 would (35 of 59); the reversal takes it again.
    assert (withdrawal["id"], withdrawal["reference"], withdrawal["amount"], withdrawal["fee"]) == (
        opened["id"],
        payment["id"],
        "600",
        "-35",
    )
    [fee] = statement_lines(sandbox, key, "dispute_fee", payment)
    assert (fee["id"], fee["amount"], fee["fee"]) == (opened["id"], "1500", "0")
    [reversal] = statement_lines(sandbox, key, "dispute_reversal", payment)
    assert (reversal["id"], reversal["amount"], reversal["fee"]) == (opened["id"], "600", "35")

    run = reconcile(api, worker)
    assert found(run) == {}
    assert run["lines"] == run["matched"] == 4  # the capture, the withdrawal, its fee and its reversal


def test_a_dispute_whose_callback_was_lost_is_found_and_fetched_from_the_provider(app, api, catalog, sandbox, worker):
    """The provider withdrew $4.00 but its callback never arrived: the merchant's books and refundable amount still
    counted money the bank had taken."""
    order, payment, opened = disputed(api, app, sandbox, catalog["sku"], amount=400, callback="drop")
    assert disputes_of(app, order["id"]) == []

    run = reconcile(api, worker)
    assert found(run) == {"missing_in_kassa": 1} and run["auto_resolved"] == 1
    [missing] = discrepancies(api, run)
    assert (missing["line_type"], missing["reference"], missing["kassa_object"]) == (
        "dispute",
        opened["id"],
        payment["id"],
    )
    assert missing["provider"]["amount"] == 400 and missing["status"] == "resolved"
    assert missing["resolution"] == "auto" and "fetched dispute" in missing["resolution_note"]

    [dispute] = api.get("/disputes").json["data"]
    assert (dispute["amount"], dispute["status"], dispute["order"]) == (400, "needs_response", order["id"])
    too_much = api.post(f"/orders/{order['id']}/refunds", json={"amount": 600})
    assert too_much.status_code == 422 and too_much.json["error"]["code"] == "amount_too_large"
    assert ledger_is_whole(app) == []
    assert found(reconcile(api, worker)) == {}  # Kassa's books now agree with the provider's


def test_a_won_dispute_whose_closing_was_lost_is_brought_back_by_the_run(app, api, catalog, sandbox, worker):
    order, _, opened = disputed(api, app, sandbox, catalog["sku"], amount=300)
    close_dispute(sandbox, opened["id"], "won", callback="drop")

    run = reconcile(api, worker)
    assert found(run) == {"status_mismatch": 1} and run["auto_resolved"] == 1
    [late] = discrepancies(api, run)
    assert (late["line_type"], late["kassa"]["status"], late["provider"]["status"]) == (
        "dispute_reversal",
        "needs_response",
        "succeeded",
    )
    assert disputes_of(app, order["id"])[0][2] == "won"
    assert api.get(f"/orders/{order['id']}").json["disputes"][0]["status"] == "won"
    assert ledger_is_whole(app) == []


def test_a_dispute_fee_or_amount_the_provider_booked_differently_is_an_amount_mismatch(
    app, api, merchant, catalog, sandbox, worker, portal
):
    """Kassa books a $15.00 dispute fee (the merchant's channel setting), the provider charged $20.00; another
    dispute the provider's line lists at another amount than its callback said."""
    set_dispute_fee(app, merchant.id, 1500)
    _, _, charged = disputed(api, app, sandbox, catalog["sku"], amount=200, fee=2000)

    run = reconcile(api, worker)
    assert found(run) == {"amount_mismatch": 1} and run["auto_resolved"] == 0
    [mismatch] = discrepancies(api, run)
    assert (mismatch["line_type"], mismatch["reference"]) == ("dispute_fee", charged["id"])
    assert (mismatch["kassa"]["amount"], mismatch["provider"]["amount"]) == (1500, 2000)
    page = portal.text("/portal/reconciliation")
    [row] = [row for row in re.findall(r"<tr>.*?</tr>", page, re.S) if charged["id"] in row]
    assert "dispute fee" in row and "$15.00" in row and "$20.00" in row, row
    assert "Fetch the dispute" not in row  # asking the provider proves no fee: a person decides


def test_a_dispute_kassa_lacks_can_be_fetched_from_the_portal(app, api, catalog, sandbox, worker, portal, monkeypatch):
    """The run could not reach the provider to fetch the missing dispute; the merchant fetches it from the queue."""
    from app.payments.channels.adapters.sandbox_card import SandboxCardAdapter
    from app.payments.channels.interface import ProviderUnavailable

    order, _, opened = disputed(api, app, sandbox, catalog["sku"], amount=500, callback="drop")

    def unreachable(self, provider_dispute_id):
        raise ProviderUnavailable("sandbox provider unreachable: ConnectError")

    with monkeypatch.context() as patched:
        patched.setattr(SandboxCardAdapter, "find_dispute", unreachable)
        run = reconcile(api, worker)
    assert found(run) == {"missing_in_kassa": 1} and run["auto_resolved"] == 0
    [missing] = discrepancies(api, run)
    page = portal.text("/portal/reconciliation")
    assert "Fetch the dispute from the provider" in page and opened["id"] in page

    fetched = portal.post(f"/portal/reconciliation/discrepancies/{missing['id']}/fetch")
    assert fetched.status_code == 302, fetched.get_data(as_text=True)
    assert disputes_of(app, order["id"])[0][:3] == (opened["id"], 500, "needs_response")
    [after] = discrepancies(api, run)
    assert (after["status"], after["resolution"]) == ("resolved", "corrected")
    assert after["resolved_by"].startswith("portal:")
    assert ledger_is_whole(app) == []


def test_a_refund_after_a_dispute_gets_the_same_fee_back_on_both_sides(app, api, catalog, sandbox, worker):
    """$1.00 disputed, then $4.50 refunded: Kassa counts the dispute as given back before the refund (26 cents of the
    fee back); the provider counted only earlier refunds (27), and the refund's line was an amount mismatch."""
    order, payment, opened = disputed(api, app, sandbox, catalog["sku"], amount=100)
    key = app.config["SANDBOX_API_KEY"]
    refunded = api.post(f"/orders/{order['id']}/refunds", json={"amount": 450})
    assert refunded.status_code == 201 and refunded.json["refund"]["status"] == "succeeded", refunded.json
    [line] = statement_lines(sandbox, key, "refund", {"id": payment["id"], "refunds": [refunded.json["refund"]]})
    assert line["fee"] == "-26"
    # The rest refunded too: the fee comes back whole, 6 + 26 + 27 = 59.
    rest = api.post(f"/orders/{order['id']}/refunds", json={})
    assert rest.status_code == 201
    refunds = {"id": payment["id"], "refunds": [refunded.json["refund"], rest.json["refund"]]}
    backs = [int(r["fee"]) for r in statement_lines(sandbox, key, "refund", refunds)]
    [withdrawal] = statement_lines(sandbox, key, "dispute", payment)
    assert -int(withdrawal["fee"]) - sum(backs) == FEE

    run = reconcile(api, worker)
    assert found(run) == {} and run["matched"] == 4
