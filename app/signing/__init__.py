"""Signing: recurring contracts (subscriptions), their mandates, renewals, dunning and test clocks."""
