"""htmx template fragments: a fragment is a named block of its page template. An htmx
request gets the block; a plain request gets the whole page, so every state has a URL."""

from __future__ import annotations

from flask import current_app, render_template, request
from flask.signals import before_render_template


def is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


def render_block(template_name: str, block: str, **context: object) -> str:
    """Render just ``block`` of ``template_name`` with the usual template context."""
    env = current_app.jinja_env
    template = env.get_template(template_name)
    current_app.update_template_context(context)
    # As render_template does: listeners (the shopper's language, app/web/shopper_locale.py) see every render.
    before_render_template.send(
        current_app._get_current_object(), _async_wrapper=current_app.ensure_sync, template=template, context=context
    )
    return "".join(template.blocks[block](template.new_context(context)))


def render_page_or_block(template_name: str, block: str, **context: object) -> str:
    return render_block(template_name, block, **context) if is_htmx() else render_template(template_name, **context)
