"""CSV exports streamed in chunks (statements, order lists): rows are written to a small buffer that is handed
out and emptied, so an export of any size never sits whole in memory."""

from __future__ import annotations

import csv
import io
from typing import Iterable


class CsvChunks:
    """Write rows, then ``take()`` the CSV text written since the last take."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)

    def row(self, values: Iterable[object]) -> None:
        """Add one row."""
        self._writer.writerow(values)

    def take(self) -> str:
        """The text of the rows added since the last take."""
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; text someone else typed must not."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in _FORMULA_STARTS else text


def unmark_spreadsheet_safe(text: str) -> str:
    """A cell ``spreadsheet_safe`` wrote, as it was typed: an export read back in (an import) names the same text."""
    return text[1:] if text[:1] == "'" and text[1:2] in _FORMULA_STARTS else text
