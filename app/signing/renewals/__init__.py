"""Renewals: each due period deducted once through the mandate, in batches, with dunning and notices."""
