"""The transactional outbox (DESIGN.md §6): events written in the business transaction, dispatched after commit."""
