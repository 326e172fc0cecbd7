"""Order status streams (server-sent events) for the hosted and embedded panels and the SDK, served by a small
asyncio process of their own (``python -m app.web.streams``, the Procfile's ``stream``) so that thousands of
waiting shoppers hold sockets, not gunicorn threads. ``snapshot.py`` is what every stream sends, ``watch.py``
learns of changes (one Redis pub/sub connection, one batched re-read), ``server.py`` speaks HTTP.
``ping_listener.py`` does what ``watch.py`` does for the streams the web process serves on its own threads."""
