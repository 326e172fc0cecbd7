"""Where Kassa may send a merchant-chosen request (webhook endpoints, fulfilment webhooks): never to this
machine, its private networks, link-local (cloud metadata at 169.254.169.254), multicast or unspecified
addresses, unless the operator allows a network (``OUTBOUND_ALLOWED_NETWORKS``, e.g. a local receiver).

Checked twice: when the URL is registered (an address written in the URL, or a name that resolves to a
refused one), and again when sending, on the addresses the name resolves to *then*. The request is sent to
the address that was checked (the URL's host stays in the Host header and TLS), so a DNS answer that changes
between the check and the connection (rebinding) cannot redirect it.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from urllib.parse import urlsplit, urlunsplit

import requests
from flask import current_app
from requests.adapters import HTTPAdapter

from app.errors import InvalidRequest

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class DestinationRefused(InvalidRequest):
    """The URL points (or now resolves) to an address Kassa does not send requests to."""

    code = "url_not_allowed"


def allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    raw = current_app.config.get("OUTBOUND_ALLOWED_NETWORKS") or ""
    return [ipaddress.ip_network(cidr.strip(), strict=False) for cidr in raw.split(",") if cidr.strip()]


def refusal(address: IPAddress) -> str | None:
    """Why requests may not go to ``address``, or None when they may."""
    if isinstance(address, ipaddress.IPv6Address) and (address.ipv4_mapped or address.sixtofour):
        # ::ffff:127.0.0.1 is 127.0.0.1, and 2002:7f00:1:: (6to4) reaches it too
        address = address.ipv4_mapped or address.sixtofour
    if any(address in network for network in allowed_networks()):
        return None
    # IPv6 site-local (fec0::/10) is deprecated but still routed inside some networks; Python counts it as global.
    site_local = isinstance(address, ipaddress.IPv6Address) and address.is_site_local
    for kind, refused in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("site-local", site_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("private", address.is_private),
        ("reserved", address.is_reserved),
    ):
        if refused:
            return f"{address} is a {kind} address"
    if not address.is_global:
        # What none of the above names but is no public address either: the shared address space of
        # carrier-grade NAT and cloud internals (100.64.0.0/10; Alibaba Cloud's metadata is 100.100.100.200).
        return f"{address} is not a public address"
    return None


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OSError(f"{host} does not resolve ({exc})") from exc
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def check_destination(url: str, param: str) -> None:
    """At registration: refuse a URL whose host is (or resolves to) a refused address. A name that does not
    resolve yet is accepted; sending checks it again."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    literal = _literal(host)
    named = host.removesuffix(".")  # localhost. (with the root's dot) is localhost
    if literal is None and (named == "localhost" or named.endswith(".localhost")):
        literal = ipaddress.ip_address("127.0.0.1")
    if literal is not None:
        addresses = [literal]
    else:
        try:
            addresses = _resolve(host, parts.port or 443)
        except OSError:
            return
    for address in addresses:
        reason = refusal(address)
        if reason:
            raise DestinationRefused(f"{param} must be a public address: {host} → {reason}", param=param)


def pinned_address(url: str) -> IPAddress:
    """At sending: the address to connect to, checked now; DestinationRefused or OSError otherwise."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    addresses = (
        [_literal(host)] if _literal(host) else _resolve(host, parts.port or (443 if parts.scheme == "https" else 80))
    )
    for address in addresses:  # every answer must be allowed: a mix is how rebinding hides
        reason = refusal(address)
        if reason:
            raise DestinationRefused(f"refused to send to {host}: {reason}")
    return addresses[0]


class _Deadline:
    """The whole call's time limit. ``requests``' timeout bounds each socket read, not the answer: a receiver
    that sends its answer a byte at a time, each within the timeout, held a worker for as long as it liked (and
    past the delivery's lease, so the sweep sent the same attempt again beside it). When the deadline passes,
    every socket of the call is shut down, so the read under way ends at once."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket | None) -> None:
        with self._lock:
            if sock is not None:
                self._sockets.append(sock)
            expired = self.expired
        if expired:
            self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket | None) -> None:
        try:
            if sock is not None:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed already

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:  # a timer already firing finishes first, so ``expired`` is final from here
            pass


class _Adapter(HTTPAdapter):
    """Hands every connection it opens to the call's deadline; for https, connects to an address but verifies the
    certificate (and sends SNI) for the URL's host name."""

    def __init__(self, deadline: _Deadline, hostname: str | None = None) -> None:
        self._deadline = deadline
        self._hostname = hostname
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args, **kwargs) -> None:
        if self._hostname is not None:
            kwargs["server_hostname"] = self._hostname
            kwargs["assert_hostname"] = self._hostname
        super().init_poolmanager(*args, **kwargs)

    def get_connection_with_tls_context(self, *args, **kwargs):
        pool = super().get_connection_with_tls_context(*args, **kwargs)
        base, deadline = pool.ConnectionCls, self._deadline
        if not getattr(base, "_kassa_deadline", False):

            class Watched(base):  # type: ignore[misc, valid-type]
                _kassa_deadline = True

                def connect(self) -> None:
                    super().connect()
                    deadline.watch(self.sock)

            pool.ConnectionCls = Watched
        return pool


def post(url: str, *, data: bytes, headers: dict, timeout: float, stream: bool = False) -> requests.Response:
    """POST to ``url`` at the address checked just now, without following redirects, and have the whole answer
    within ``timeout`` seconds (connecting, the status and headers, and the body read with ``stream=False``, or read
    before the streamed response is closed). Raises DestinationRefused for a refused address,
    ``requests.RequestException`` for the network's faults (``requests.Timeout`` once the time is up)."""
    try:
        address = pinned_address(url)
    except OSError as exc:
        raise requests.ConnectionError(str(exc)) from exc
    parts = urlsplit(url)
    host = parts.hostname or ""
    ip_host = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{ip_host}:{parts.port}" if parts.port else ip_host
    target = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    host_header = f"{host}:{parts.port}" if parts.port else host
    deadline = _Deadline(timeout)
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment: the checked address is the one connected to
    session.mount("http://", _Adapter(deadline))
    session.mount("https://", _Adapter(deadline, host))
    handed_over = False
    try:
        response = session.post(
            target,
            data=data,
            headers={**headers, "Host": host_header},
            timeout=timeout,
            allow_redirects=False,
            stream=stream,
        )
        if deadline.expired:  # what was read was cut off at the deadline: not an answer
            response.close()
            raise requests.Timeout(f"no complete answer within {timeout:g} s")
        if stream:
            _close_with(response, deadline, session)
            handed_over = True
        return response
    except requests.RequestException as exc:
        if deadline.expired:
            raise requests.Timeout(f"no complete answer within {timeout:g} s") from exc
        raise
    finally:
        if not handed_over:
            deadline.cancel()
            session.close()


def _close_with(response: requests.Response, deadline: _Deadline, session: requests.Session) -> None:
    """A streamed response stays under the deadline until it is closed, which also ends the call's session."""
    close = response.close

    def close_all() -> None:
        try:
            close()
        finally:
            deadline.cancel()
            session.close()
        if deadline.expired:  # the body read meanwhile was cut off at the deadline: not an answer
            raise requests.Timeout(f"no complete answer within {deadline.seconds:g} s")

    response.close = close_all  # type: ignore[method-assign]
