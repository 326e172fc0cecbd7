"""A loopback TCP relay in front of a server whose open connections can be dropped silently: they stay open at both
ends but carry nothing more, as when a firewall or NAT forgets the flow or the host behind it is replaced. Newer
connections carry bytes as usual. Or the server behind it can seem to go down and come back: its connections close
at once, as a crash or restart closes them, and new ones are closed as they arrive until it is back."""

from __future__ import annotations

import socket
import threading

from tests.conftest import free_port

_POLL_SECONDS = 0.1  # how often the relay's threads look whether it was closed


class SilentLink:
    def __init__(self, target_port: int) -> None:
        self.target_port, self.port = target_port, free_port()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._listener.settimeout(_POLL_SECONDS)
        self._flows: list[tuple[socket.socket, socket.socket, threading.Event]] = []
        self._closed, self._down = threading.Event(), threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, name="silent-link", daemon=True).start()

    def drop_open_flows(self) -> None:
        """Every connection open now goes silent for good, both ways, without either end being told."""
        with self._lock:
            for _, _, dropped in self._flows:
                dropped.set()

    def go_down(self) -> None:
        """The server behind it crashes: every open connection closes, and none is let through until ``come_back``."""
        self._down.set()
        with self._lock:
            flows, self._flows = self._flows, []
        for sock in (end for client, server, _ in flows for end in (client, server)):
            try:
                sock.shutdown(socket.SHUT_RDWR)  # told to the peer at once, whatever the relay's threads are doing
            except OSError:
                pass
            sock.close()

    def come_back(self) -> None:
        self._down.clear()

    def close(self) -> None:
        self._closed.set()
        self._listener.close()
        with self._lock:
            for client, server, _ in self._flows:
                client.close()
                server.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            if self._down.is_set():
                client.close()
                continue
            server = socket.create_connection(("127.0.0.1", self.target_port), timeout=2)
            dropped = threading.Event()
            with self._lock:
                self._flows.append((client, server, dropped))
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink, dropped), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, dropped: threading.Event) -> None:
        source.settimeout(_POLL_SECONDS)
        while not self._closed.is_set():
            try:
                data = source.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if dropped.is_set():  # swallowed; an end that closes is not told to the other either
                if not data:
                    return
                continue
            if not data:
                sink.close()
                return
            try:
                sink.sendall(data)
            except OSError:
                return
