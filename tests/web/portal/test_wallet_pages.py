"""Customer wallets in the portal, as finance staff and the owner use them: find a customer by id or email among
pages of wallet holders, read their balances and statement with running balances, download it, follow their
withdrawals' payouts, and decide a withdrawal held for review."""

from __future__ import annotations

import re

from tests.support.wallet import books_are_clean, fund, withdraw


def test_finance_finds_a_wallet_and_reads_its_statement_and_withdrawals(app, api, merchant, catalog, member, portal):
    finance = member("finance")
    assert "No customer has a wallet yet" in finance.text("/portal/wallets")
    assert member("developer").get("/portal/wallets").status_code == 403

    for n in range(26):  # more than a page of holders
        fund(app, merchant.id, f"cus_{n:02d}", 100 + n)
    api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": "cus_07", "email": "ada@example.com"},
        },
    )
    assert (
        api.post("/customers/cus_07/transfers", json={"to": "cus_08", "amount": 7, "currency": "usd"}).status_code
        == 201
    )
    paid_out = withdraw(api, "cus_07", 50).json["withdrawal"]
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_07", "action": "review"})
    held = withdraw(api, "cus_07", 20).json["withdrawal"]

    first = finance.text("/portal/wallets")
    assert "cus_00" in first and "cus_24" in first and "cus_25" not in first
    more = re.search(r'href="([^"]+)" rel="next">Next customers', first).group(1).replace("&amp;", "&")
    assert "cus_25" in finance.text(more)
    assert "Withdrawals waiting for your review" in first and held["id"] in first
    found = finance.text("/portal/wallets?q=ADA@example")  # by the email its orders gave, any case
    assert "cus_07" in found and "ada@example.com" in found and "cus_08" not in found
    assert "cus_08" in finance.text("/portal/wallets?q=s_08") and "No customer" in finance.text("/portal/wallets?q=zz")

    page = finance.text("/portal/wallets/cus_07")
    # 107 funded, 7 sent to cus_08, 50 and 20 frozen for withdrawals: $0.30 available, $0.70 frozen.
    assert "$0.30" in page and "$0.70" in page
    statement_part = page.split('id="statement-title"')[1]
    assert statement_part.index("withdrawal") < statement_part.index("transfer out") < statement_part.index("topup")
    assert paid_out["id"] in page and held["id"] in page and "review" in page
    assert "Approve" not in page  # finance may read, not decide
    statement = finance.get("/portal/wallets/cus_07/statement.csv?currency=usd")
    assert statement.status_code == 200 and statement.mimetype == "text/csv"
    assert ",withdrawal,withdrawal," in statement.get_data(as_text=True)

    owner_page = portal.text("/portal/wallets/cus_07")
    assert f"/portal/wallets/withdrawals/{held['id']}/review" in owner_page and "Approve" in owner_page
    decided = portal.post(f"/portal/wallets/withdrawals/{held['id']}/review", {"decision": "reject"})
    assert decided.status_code == 302
    assert api.get(f"/withdrawals/{held['id']}").json["status"] == "canceled"
    assert "$0.50" in portal.text("/portal/wallets/cus_07")  # the 20 is available again
    audit = portal.text("/portal/audit")
    assert "wallet.withdrawal_review" in audit
    books_are_clean(app)


def test_the_owner_sets_a_withdrawal_velocity_limit_on_the_risk_page(api, portal):
    added = portal.post(
        "/portal/risk/rules",
        {
            "kind": "velocity",
            "by": "customer",
            "window_minutes": "60",
            "max_count": "3",
            "applies_to": "withdrawals",
            "action": "block",
        },
    )
    assert added.status_code == 302
    rule = api.get("/risk/rules").json["data"][0]
    assert rule["params"] == {"by": "customer", "window_seconds": 3600, "max_count": 3, "applies_to": "withdrawals"}
    assert "At most 3 withdrawals per customer in 60 min" in portal.text("/portal/risk")
    refused = portal.post(
        "/portal/risk/rules",
        {
            "kind": "velocity",
            "by": "ip",
            "window_minutes": "60",
            "max_count": "3",
            "applies_to": "withdrawals",
            "action": "block",
        },
    )
    assert refused.status_code == 422 and "counts per customer" in refused.get_data(as_text=True)
