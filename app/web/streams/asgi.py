"""The stream process as uvicorn runs it (the Procfile's ``stream``):
``uvicorn --factory app.web.streams.asgi:create_stream_app --host 127.0.0.1 --port $STREAM_PORT --workers 1
--no-proxy-headers``. One worker: the caps count the streams of one process. No proxy headers: the client address
is the socket's peer unless TRUSTED_PROXY_COUNT says otherwise (``caps.py``), as in the web app."""

from __future__ import annotations

import resource

from starlette.applications import Starlette

from app import create_app
from app.web.streams.server import stream_app


def raise_open_files_limit() -> int:
    """Raise this process's open-files soft limit to its hard limit (each open stream is a socket: a default soft
    limit of 1,024 would refuse connections long before the caps do); returns the limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def create_stream_app() -> Starlette:
    """uvicorn's factory: the open-files limit raised, then the Starlette app on the Flask app's settings."""
    raise_open_files_limit()
    return stream_app(create_app())
