"""Merchant webhooks: endpoints a merchant registers, and the signed, retried delivery of
outbox events to them (DESIGN.md §6.2, shared/API.md "Merchant webhooks")."""
