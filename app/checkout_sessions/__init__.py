"""Checkout sessions: the merchant's server vouches for who the shopper is.

A session is created with a secret key for one customer and a basket (fixed items, or a product whose
option and quantity the shopper picks). Its unguessable client secret is the shopper's capability: the
hosted checkout URL carries it, and the SDK passes it to the embedded panel and to ``POST /orders``. Only
orders made through a session (or with a secret key) may show and spend that customer's wallet.
"""
