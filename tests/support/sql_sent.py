"""What Kassa's engine sends to the database while a block runs, for tests that count or explain statements."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


@contextmanager
def statements_sent(app) -> Iterator[list[tuple[str, object]]]:
    """Each statement sent (an executemany's once) with its parameters, from any thread of this process."""
    from sqlalchemy import event

    from app.extensions import db

    sent: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, params, _context, executemany) -> None:
        sent.append((statement, None if executemany else params))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


@contextmanager
def statements(app) -> Iterator[list[str]]:
    """The SQL sent while the block runs, each statement on one line; filled in as the block ends."""
    seen: list[str] = []
    with statements_sent(app) as sent:
        yield seen
    seen.extend(" ".join(statement.split()) for statement, _ in sent)
