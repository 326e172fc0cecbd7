"""Payment hub: channel configs and routing, attempts, adapters, applying channel results."""
