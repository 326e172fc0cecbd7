"""The audit log of portal changes (who, what, when, before and after)."""
