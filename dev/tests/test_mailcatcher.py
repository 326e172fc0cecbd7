"""`make run`'s mail catcher: what an SMTP client sends it is listed on its page, text and HTML alike."""

import smtplib
import socket
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from dev.mailcatcher.store import MailStore
from dev.mailcatcher.web import create_web_app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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


def test_a_message_in_a_charset_python_does_not_know_is_still_readable(tmp_path):
    # Any program on the machine may send to the catcher: a part declaring charset=x-unknown made its page a 500.
    store = MailStore(tmp_path / "mail")
    raw = (
        b"From: a@kassa.test\r\nTo: b@example.test\r\nSubject: Odd\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/alternative; boundary=zz\r\n\r\n"
        b"--zz\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nTotal 5 \xff\r\n"
        b"--zz\r\nContent-Type: text/html; charset=x-unknown\r\n\r\n<p>Total <b>5</b></p>\r\n--zz--\r\n"
    )
    (tmp_path / "mail" / "00000000000000000001-0001.eml").write_bytes(raw)
    web = create_web_app(store).test_client()
    shown = web.get("/messages/00000000000000000001-0001.eml")
    assert shown.status_code == 200 and "Total 5 \ufffd" in shown.get_data(as_text=True)
    html = web.get("/messages/00000000000000000001-0001.eml/html")
    assert html.status_code == 200 and "<b>5</b>" in html.get_data(as_text=True)
