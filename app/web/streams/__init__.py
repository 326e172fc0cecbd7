"""Order status streams (server-sent events) for the hosted and embedded panels and the SDK, served by a process of
their own (Starlette and sse-starlette on uvicorn: ``asgi.py``, the Procfile's ``stream``) so that thousands of
waiting shoppers hold sockets, never web threads (the web route only points here: app/web/api/stream.py).
``snapshot.py`` is what every stream sends, ``watch.py`` learns of changes (one Redis pub/sub connection, one
batched re-read), ``caps.py`` bounds the open streams, ``server.py`` speaks HTTP."""
