"""The audit log reads a refund, a channel's limits and a new team member the way the merchant did them: amounts in
their currency, never raw minor units, and names a merchant knows. Before, a refund read "refunded refund re_…"
with "fee amount 22" (cents) in its diff, a channel's limits "min amount 100", and the Kind filter offered
"Team added"."""

from __future__ import annotations

from tests.web.portal.test_audit_and_dashboard import _sentences
from tests.web.portal.test_orders import _form_fields, paid  # noqa: F401  (fixture)


def test_a_refund_reads_as_its_amount_of_its_order_with_its_fee_in_money(api, merchant, portal, paid):  # noqa: F811
    path = f"/portal/orders/{paid['id']}/refunds"
    asked = portal.post(path, {"amount": "3.00", "reason": "late delivery"})
    assert portal.post(path, _form_fields(asked.get_data(as_text=True))).status_code == 302
    api.post(path.replace("/portal", ""), json={"amount": 100})  # and one by the API, with the secret key

    page = portal.text("/portal/audit?action=order.refund")
    assert _sentences(page) == [
        f"API key sk_test_…{merchant.secret_key[-4:]} refunded $1.00 of order {paid['id']}",
        f"{merchant.email} refunded $3.00 of order {paid['id']}",
    ]
    assert (
        '<th scope="row">amount</th><td data-label="Before"><del>—</del></td>'
        '<td data-label="After"><ins>$3.00</ins></td>'
    ) in page
    fee = page[page.index('<th scope="row">fee amount</th>') :][:120]
    assert "<ins>$0." in fee, fee  # the channel's fee given back, in dollars: it read "22"
    assert "refund re_" not in page


def test_a_channels_limits_read_in_their_currency(portal):
    form = {
        "enabled": "y",
        "priority": "5",
        "display_name": "Cards",
        "icon": "card",
        "min_amount": "1.00",
        "max_amount": "500.00",
        "limits_currency": "eur",
        "currencies": "usd, eur",
        "agreement_text": "You agree to pay by card.",
    }
    assert portal.post("/portal/channels/sandbox_card", form).status_code == 302
    assert portal.post("/portal/channels/sandbox_card", {**form, "min_amount": "2.50"}).status_code == 302

    page = portal.text("/portal/audit?action=channel.update")
    assert (
        '<th scope="row">max amount</th><td data-label="Before"><del>—</del></td>'
        '<td data-label="After"><ins>€500.00</ins></td>'
    ) in page
    assert (
        '<th scope="row">min amount</th><td data-label="Before"><del>€1.00</del></td>'
        '<td data-label="After"><ins>€2.50</ins></td>'
    ) in page
    assert "changed the min amount of channel sandbox_card from €1.00 to €2.50" in _sentences(page)[0]


def test_adding_a_team_member_is_a_user_added_in_the_kind_filter(merchant, portal):
    form = {"email": "ann@shop.example", "role": "finance", "temporary_password": "temporary-pass-1"}
    assert portal.post("/portal/team", form).status_code == 302

    page = portal.text("/portal/audit")
    assert '<option value="team.add">User added</option>' in page and "Team added" not in page
    assert f"{merchant.email} added user ann@shop.example" in _sentences(page)
