"""Caught messages as .eml files in one folder, newest first; the oldest go once there are too many."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from aiosmtpd.smtp import Envelope

KEEP = 200
_counter = itertools.count()


@dataclass(frozen=True)
class Caught:
    name: str
    message: EmailMessage

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return _content(part) if part is not None else ""

    @property
    def html(self) -> str | None:
        part = self.message.get_body(preferencelist=("html",))
        return _content(part) if part is not None else None


def _content(part: EmailMessage) -> str:
    """A text part's content; in a charset Python does not know (any program may send here), its bytes read as
    UTF-8, what is not shown as U+FFFD, rather than a page that fails."""
    try:
        return part.get_content()
    except LookupError:
        return (part.get_payload(decode=True) or b"").decode("utf-8", errors="replace")


class MailStore:
    """The folder the SMTP handler writes to and the web page reads from."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope: Envelope) -> str:
        """aiosmtpd's hook: keep the message as it arrived."""
        name = f"{time.time_ns():020d}-{next(_counter):04d}.eml"
        (self.folder / name).write_bytes(envelope.original_content or envelope.content)
        for old in sorted(self.folder.glob("*.eml"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return "250 Message accepted for delivery"

    def names(self) -> list[str]:
        return sorted((p.name for p in self.folder.glob("*.eml")), reverse=True)

    def read(self, name: str) -> Caught | None:
        """One caught message, or None (also for any name that is not a file of this folder)."""
        if name not in self.names():
            return None
        data = (self.folder / name).read_bytes()
        return Caught(name, BytesParser(policy=policy.default).parsebytes(data))
