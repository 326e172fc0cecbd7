"""Payment channels: the registry of adapters, routing, per-merchant configs and credentials, health and breaker."""
