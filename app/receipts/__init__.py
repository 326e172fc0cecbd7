"""Receipts: what a paid order bought, as a printable page and as an email sent once through SMTP."""
