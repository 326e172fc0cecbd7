"""Ledger: a double-entry journal; balances (wallet available / frozen, receivables) are derived from it."""
