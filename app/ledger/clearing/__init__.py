"""Clearing: what a completed order kept, split among the merchant, the platform and partners (DESIGN.md §5)."""
