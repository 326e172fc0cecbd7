"""Settlement: a partner's cleared lines of a cycle added up into one batch, its cursor and its statement."""
