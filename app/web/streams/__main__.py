"""``python -m app.web.streams [--host H] [--port P]``: the order stream process (Procfile ``stream``; STREAM_PORT)."""

from __future__ import annotations

import argparse
import asyncio
import os

from app import create_app
from app.web.streams.server import serve


def main() -> None:
    """Serve order status streams until stopped (SIGTERM / Ctrl-C)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("STREAM_PORT", "5003")))
    args = parser.parse_args()
    app = create_app()
    try:
        asyncio.run(serve(app, args.host, args.port))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
