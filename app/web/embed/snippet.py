"""The zero-code embed snippet a merchant pastes into a page (shown by the CLI and the portal)."""

from __future__ import annotations

from markupsafe import Markup, escape

KEY_PLACEHOLDER = "pk_live_or_test_…"


def embed_snippet(
    base_url: str, product_id: str, *, publishable_key: str | None = None, sku: str | None = None
) -> Markup:
    """One <script> tag that renders Kassa's panel for ``product_id`` where it stands."""
    attrs = [
        f'src="{escape(base_url.rstrip("/"))}/static/sdk/kassa.js"',
        f'data-kassa-key="{escape(publishable_key or KEY_PLACEHOLDER)}"',
        f'data-kassa-product="{escape(product_id)}"',
    ]
    if sku:
        attrs.append(f'data-kassa-sku="{escape(sku)}"')
    return Markup(f"<script {' '.join(attrs)} async></script>")  # every value above is escaped
