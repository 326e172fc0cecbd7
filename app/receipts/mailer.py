"""The SMTP server receipts go out through: an outside system behind one small interface, chosen by config."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from typing import Mapping, Protocol


class MailFailed(Exception):
    """The mail server did not take the message (down, refused, timed out); worth trying again later."""


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None:
        """Hand ``message`` to the mail server, or raise MailFailed."""


class SmtpMailer:
    """Sends through one SMTP server, with STARTTLS and a login when configured."""

    def __init__(
        self, host: str, port: int, *, user: str = "", password: str = "", starttls: bool = False, timeout: float = 10.0
    ) -> None:
        self.host, self.port, self.user, self.password = host, port, user, password
        self.starttls, self.timeout = starttls, timeout

    def send(self, message: EmailMessage) -> None:
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.user:
                    smtp.login(self.user, self.password)
                smtp.send_message(message)
        except (smtplib.SMTPException, OSError) as exc:
            raise MailFailed(f"{type(exc).__name__}: {exc}"[:500]) from exc


def mailer_from_config(config: Mapping) -> Mailer | None:
    """The configured mailer, or None when no SMTP_HOST is set (receipts are then off)."""
    if not config.get("SMTP_HOST"):
        return None
    return SmtpMailer(
        config["SMTP_HOST"],
        config["SMTP_PORT"],
        user=config["SMTP_USER"],
        password=config["SMTP_PASSWORD"],
        starttls=config["SMTP_STARTTLS"],
        timeout=config["SMTP_TIMEOUT_SECONDS"],
    )
