"""Saved payment methods: a card a vouched-for customer let the merchant keep, offered first at their next checkout
and paid with in one press. Only a customer the merchant's server named (a checkout session, a secret key) saves,
sees or pays with one; a publishable key or a URL never does (app/orders/customers.py)."""
