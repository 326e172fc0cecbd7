"""Database plumbing: engines tuned for SQLite and PostgreSQL, shared column types, bulk and core writes, snapshots."""
