"""Catalog: products (SPU), SKUs with prices and inventory."""
