"""Backups of a Kassa installation and their restore: the database (a consistent snapshot of a running Kassa),
the merchants' uploaded product images, and a manifest that says what the backup holds and what the books said
when it was taken, so a backup can be checked before anyone depends on it.

``snapshot`` takes one, ``verify`` checks one, ``restore`` puts one back; ``flask --app wsgi kassa backup …``
(app/cli/backups.py) runs them. Secrets (SECRET_KEY, CHANNEL_CREDENTIALS_KEYS) are never written into a backup;
the manifest names the credential keys by fingerprint so a restore can tell whether the keys it runs with can
read the merchants' channel settings. Redis holds nothing a backup needs: every job Kassa queues is found again
by its sweeps from the database (docs/operations.md).
"""
