"""Run the sandbox provider for development: `python -m sandbox` (port from SANDBOX_PORT, default 5001)."""

import os

from sandbox import create_sandbox_app

if __name__ == "__main__":
    # threaded: the hosted page and the API must answer while callbacks are in flight.
    create_sandbox_app().run(host="127.0.0.1", port=int(os.environ.get("SANDBOX_PORT", "5001")), threaded=True)
