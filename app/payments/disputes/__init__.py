"""Disputes (chargebacks): the shopper's bank takes a captured payment back; evidence, outcome and the books."""
