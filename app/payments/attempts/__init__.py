"""Payment attempts: start one on a channel, poll it, settle unknown outcomes, abandon it, or skip it (free orders)."""
