"""The built-in channels' own names in the shopper's language. A merchant who named a channel (portal → Channels)
is shown as they wrote it; only Kassa's default names, which a shopper would otherwise read in English on a German
or French page, are translated."""

from __future__ import annotations

from flask_babel import lazy_gettext

from app.web.checkout import bp

# Keyed by each adapter's ``default_name`` (app/payments/channels/adapters/); tests/web/checkout checks they match.
_DEFAULT_NAMES = {
    "Card (sandbox)": lazy_gettext("Card (sandbox)"),
    "QR code (sandbox)": lazy_gettext("QR code (sandbox)"),
    "Card (Stripe)": lazy_gettext("Card (Stripe)"),
    "Wallet balance": lazy_gettext("Wallet balance"),
}


@bp.app_template_filter("channel_name")
def shown_channel_name(name: str | None) -> str | None:
    """``{{ channel.name|channel_name }}``: a built-in channel's default name in the page's language."""
    translated = _DEFAULT_NAMES.get(name) if name else None
    return str(translated) if translated is not None else name
