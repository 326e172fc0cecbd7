"""An HTTP server of a test's own on 127.0.0.1 (a free port), answering on a thread: what stands in for a part of
Stripe that localstripe does not model."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackServer:
    def serve(self, handler: type[BaseHTTPRequestHandler]) -> None:
        """Start answering with ``handler``; ``url`` is where."""
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
