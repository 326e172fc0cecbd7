"""A shopper's browser waiting on an order's status stream, as a raw socket: opening it (and reading its first
status event) and reading until a marker arrives; and an order vanishing under its stream. Used by the stream
tests and the load benchmark."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit


def open_stream(base_url: str, order: dict, *, origin: str = "https://shop.example") -> tuple[socket.socket, bytes]:
    """Open the order's stream at ``base_url``; returns the socket and what arrived up to the first status event."""
    sock = ask_for_stream(base_url, order, origin=origin)
    return sock, read_until(sock, b"event: status")


def ask_for_stream(
    base_url: str, order: dict, *, origin: str = "https://shop.example", source: str = "127.0.0.1", headers: str = ""
) -> socket.socket:
    """Send the request for the order's stream at ``base_url`` from the loopback address ``source`` (another
    address of 127.0.0.0/8 is another client to the server), with any extra ``headers`` lines."""
    parts = urlsplit(base_url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10, source_address=(source, 0))
    sock.sendall(
        f"GET /api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']} HTTP/1.1\r\n"
        f"Host: {parts.netloc}\r\nOrigin: {origin}\r\nAccept: text/event-stream\r\n{headers}\r\n".encode()
    )
    return sock


def read_until(sock: socket.socket, *markers: bytes, timeout: float = 10.0) -> bytes:
    """What arrives until any of ``markers`` has (fails if the stream closes first)."""
    sock.settimeout(timeout)
    received = b""
    while not any(marker in received for marker in markers):
        chunk = sock.recv(4096)
        assert chunk, f"stream closed before {markers!r}: {received!r}"
        received += chunk
    return received


def order_row_gone(app, order_id: str) -> None:
    """The order's row disappears under its open stream, as when the database is restored from a backup taken
    before the order (its rows in other tables are left alone: the stream reads the order's row)."""
    from sqlalchemy import text

    from app.extensions import db

    with app.app_context(), db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))  # no foreign-key checks
        conn.execute(text("DELETE FROM orders WHERE id = :id"), {"id": order_id})
