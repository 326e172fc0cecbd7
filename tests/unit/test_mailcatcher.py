"""`make run`'s mail catcher: what an SMTP client sends it is listed on its page, text and HTML alike."""
import smtplib
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from app.mailcatcher.store import MailStore
from app.mailcatcher.web import create_web_app
from tests.conftest import free_port


def test_a_sent_message_is_listed_and_readable(tmp_path):
    store = MailStore(tmp_path / "mail")
    port = free_port()
    smtp = Controller(store, hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "Acme <r@kassa.test>", "ada@example.test", "Receipt"
        message.set_content("2 x Pro membership    $19.98")
        message.add_alternative("<p>Total <b>$19.98</b><script>alert(1)</script></p>", subtype="html")
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
            client.send_message(message)
    finally:
        smtp.stop()

    web = create_web_app(store).test_client()
    listing = web.get("/").get_data(as_text=True)
    assert "ada@example.test" in listing and "Receipt" in listing
    [name] = store.names()
    shown = web.get(f"/messages/{name}").get_data(as_text=True)
    assert "2 x Pro membership    $19.98" in shown
    html = web.get(f"/messages/{name}/html")
    assert "<b>$19.98</b>" in html.get_data(as_text=True)
    # A message's HTML is shown in a sandboxed frame and may run nothing.
    assert "default-src 'none'" in html.headers["Content-Security-Policy"]
    assert web.get("/messages/../../etc/passwd").status_code == 404
    assert web.get("/messages/nope.eml").status_code == 404
