"""Privacy: a shopper's right to erasure. The merchant erases one customer's personal data (emails, addresses
and devices) from everything Kassa keeps about them, while the money records (orders, amounts, the ledger) stay,
as the law keeps them."""
