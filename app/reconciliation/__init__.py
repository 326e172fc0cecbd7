"""Reconciliation: a channel's daily statement matched against Kassa's payments, refunds and payouts."""
