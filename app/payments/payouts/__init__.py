"""Payouts: settlements and wallet withdrawals sent through a channel's payout API, and wallet transfers."""
