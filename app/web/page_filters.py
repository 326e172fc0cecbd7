"""Jinja filters the portal and checkout pages share: a date read at a glance, text that reads on a brand colour."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the ``day`` and ``ink_on`` filters."""
    app.add_template_filter(day, "day")
    app.add_template_filter(ink_on, "ink_on")


def day(value: date | datetime) -> str:
    """A date people read at a glance: "23 Nov 2026"."""
    return f"{value.day} {value:%b %Y}"


def ink_on(colour: str) -> str:
    """Dark or white text, whichever reads better on a #rrggbb background (WCAG luminance)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # Contrast with white is 1.05/(L+0.05), with our ink (#14213d, L≈0.016) (L+0.05)/0.066.
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 else "#14213d"
