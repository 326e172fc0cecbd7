"""``flask --app wsgi kassa …``: the operator's and developer's commands (merchants, demo, backups, events, the API
document the SDK's types are generated from)."""
