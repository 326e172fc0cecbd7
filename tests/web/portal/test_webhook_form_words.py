"""The webhook endpoint form says what to fix in its own words. Before, an endpoint added with no event ticked came
back with the API's message, 'events must be a non-empty list of event types, or ["*"] for every event', which
names a JSON list the merchant never saw; now the form asks them to tick "Every event" or some events."""

from __future__ import annotations

from html import unescape


def test_no_event_ticked_is_explained_in_the_forms_words(portal):
    page = portal.post("/portal/developers/webhooks", {"url": "https://hooks.example.test/kassa"})
    assert page.status_code == 422
    text = unescape(page.get_data(as_text=True))
    assert "Tick “Every event”, or at least one of these events." in text
    assert '["*"]' not in text and "non-empty list" not in text
    assert 'value="https://hooks.example.test/kassa"' in text  # what was typed is kept
    assert "No test webhook endpoints yet" in text  # nothing was added


def test_every_event_alone_still_adds_the_endpoint(portal):
    page = portal.post("/portal/developers/webhooks", {"url": "https://hooks.example.test/kassa", "all_events": "y"})
    assert page.status_code == 200 and "Endpoint added" in page.get_data(as_text=True)
