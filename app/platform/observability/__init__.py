"""What operators read: structured logs, the diagnostic logs' writer, and Prometheus metrics."""
