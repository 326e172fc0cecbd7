"""The languages the shopper-facing checkout speaks. The merchant's portal stays English.

Adding one: translate translations/<code>/LC_MESSAGES/messages.po (docs/languages.md) and list it here."""

from __future__ import annotations

# code → the language's name in itself, as a merchant picks it in the portal.
CHECKOUT_LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "fr": "Français"}
DEFAULT_LANGUAGE = "en"
