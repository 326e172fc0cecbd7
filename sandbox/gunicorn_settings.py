"""Gunicorn settings for the sandbox provider (the Procfile's `sandbox` line names them with -c).

Without -c, gunicorn reads ./gunicorn.conf.py, the web's: the sandbox then took the web's shape, and its
start-up cleared the directory of the web's /metrics samples, so a sandbox started after the web wiped the
web's figures. The provider has its own, small shape: a worker per core, a few threads each.
"""

import os

workers = int(os.environ.get("SANDBOX_WORKERS", os.cpu_count() or 2))
threads = 4
timeout = 30
