"""Refunds through the channel that captured: full and partial, returned captures, the sweep, compensation."""
