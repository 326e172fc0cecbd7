"""A business line's display name on the receipt (issue #56): the shopper of a line's order gets the receipt email
from the line's name, and the receipt page says it too; the merchant's other orders keep the merchant's name."""

from __future__ import annotations

import re

from tests.receipts.test_receipts import (  # noqa: F401  (fixtures: an SMTP server, shoppers on the team)
    SENDER,
    mail_server,
    parts,
    shopper_pays,
    shoppers_on_the_team,
)


def test_the_receipt_of_a_lines_order_comes_from_the_lines_name(
    app, api, client, catalog, sandbox, worker, mail_server
):
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    assert api.post("/business_lines/games", json={"display_name": "Acme Arcade"}).status_code == 200
    assert api.patch(f"/products/{catalog['product']}", json={"business_line": "games"}).status_code == 200
    mail_server.start()

    order_id = shopper_pays(client, sandbox, catalog, email="shopper@example.test", quantity=1)
    worker()
    [message] = mail_server.inbox.messages
    assert message["From"] == f"Acme Arcade <{SENDER}>"
    assert message["Subject"] == "[Test mode] Your receipt from Acme Arcade — $9.99"
    text, html = parts(message)
    assert "Acme Games" not in text and "Acme Games" not in html
    page = client.get(re.search(r"See or print this receipt: (\S+)", text).group(1)).get_data(as_text=True)
    assert "Receipt from Acme Arcade" in page and "Acme Games" not in page
    assert order_id in page


def test_a_line_without_a_display_name_sends_the_merchants(app, api, client, catalog, sandbox, worker, mail_server):
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    assert api.patch(f"/products/{catalog['product']}", json={"business_line": "games"}).status_code == 200
    mail_server.start()
    shopper_pays(client, sandbox, catalog, email="shopper@example.test", quantity=1)
    worker()
    [message] = mail_server.inbox.messages
    assert message["From"] == f"Acme Games <{SENDER}>"
