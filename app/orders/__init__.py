"""Orders: items, the state machine, timeline and timeouts."""
