"""The catcher's web page: the caught messages, newest first, each readable as text and as HTML."""

from __future__ import annotations

from flask import Flask, abort, make_response, render_template_string

from dev.mailcatcher.store import MailStore

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Caught mail</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}
td,th{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd}pre{white-space:pre-wrap;background:#f6f6f6;
padding:1rem}iframe{width:100%;height:32rem;border:1px solid #ccc}</style></head><body>
{% if caught %}
<p><a href="{{ url_for('index') }}">All messages</a></p>
<h1>{{ caught.message['Subject'] }}</h1>
<table>{% for h in ('From', 'To', 'Date', 'Message-ID') %}
<tr><th>{{ h }}</th><td>{{ caught.message[h] }}</td></tr>{% endfor %}</table>
{% if caught.html is not none %}<h2>HTML</h2>
<iframe sandbox title="HTML part" src="{{ url_for('html_part', name=caught.name) }}"></iframe>{% endif %}
<h2>Plain text</h2><pre>{{ caught.text }}</pre>
{% else %}
<h1>Caught mail</h1>
<p>Everything Kassa sends while running locally lands here instead of a real inbox.</p>
<p>Newest first; the newest 200 are kept (in var/mail/).</p>
<table><tr><th>Received</th><th>To</th><th>From</th><th>Subject</th></tr>
{% for m in messages %}<tr><td>{{ m.message['Date'] }}</td><td>{{ m.message['To'] }}</td>
<td>{{ m.message['From'] }}</td>
<td><a href="{{ url_for('message', name=m.name) }}">{{ m.message['Subject'] }}</a></td></tr>
{% else %}<tr><td colspan="4">No mail yet: pay an order with an email address in the checkout.</td></tr>{% endfor %}
</table>{% endif %}</body></html>"""


def create_web_app(store: MailStore) -> Flask:
    """The page listing ``store``'s messages."""
    app = Flask(__name__)

    @app.get("/")
    def index():
        messages = [m for m in (store.read(n) for n in store.names()) if m is not None]
        return render_template_string(_PAGE, messages=messages, caught=None)

    @app.get("/messages/<name>")
    def message(name: str):
        caught = store.read(name) or abort(404)
        return render_template_string(_PAGE, caught=caught, messages=[])

    @app.get("/messages/<name>/html")
    def html_part(name: str):
        caught = store.read(name) or abort(404)
        response = make_response(caught.html or "")
        # A message's HTML runs nothing and loads nothing from elsewhere.
        response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        return response

    return app
