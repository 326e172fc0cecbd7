"""What operators read: structured logs, and the writer of the diagnostic logs (API requests, provider calls)."""
