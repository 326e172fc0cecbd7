"""Plumbing every domain may use and that uses no domain: database, outbox, queueing, locks, logs, metrics,
outbound HTTP, switches, and values such as money and ids (DESIGN.md §2, checked by `lint-imports`)."""
