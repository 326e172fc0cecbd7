"""Customer wallets: balances from the journal, Try–Confirm–Cancel per payment, moves and statements."""
