"""Web layer: one blueprint per audience (api, checkout, portal, hooks) plus health."""
