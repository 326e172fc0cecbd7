"""Risk control: one assessment for every order (lists, rules, velocity), review, and their API."""
