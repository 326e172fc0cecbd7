"""Privacy: a shopper's rights of access and erasure. The merchant exports what Kassa holds about one customer, or
erases their personal data (emails, the words they typed, addresses, devices, card fingerprints) from everything
Kassa keeps about them, while the money records (orders, amounts, the ledger) stay, as the law keeps them. The
inventory is docs/privacy.md."""
