"""Run localstripe (a fake but stateful Stripe server from PyPI, written by others) for the tests.

Its own ``localstripe --port N`` listens on every interface and saves its state to /tmp/localstripe.pickle,
a file every run on the machine would share; this starts the same aiohttp app on 127.0.0.1 only, with its
state in memory, so parallel test runs cannot see each other's payments. Usage: python -m
tests.support.localstripe_server PORT
"""

from __future__ import annotations

import sys

from aiohttp import web
from localstripe import resources
from localstripe.server import app


def main() -> None:
    port = int(sys.argv[1])
    resources.Store.dump_to_disk = lambda self: None  # state lives only in this process
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
