"""The Procfile's stream process (uvicorn) started for a test, on the test database and Redis."""

from __future__ import annotations

from tests.conftest import DATABASE_URL, REDIS_URL, free_port
from tests.support.processes import Service, http_answers, kassa_environment


def start_stream_process(tmp_path_factory, database_url: str = DATABASE_URL, **settings: str) -> tuple[Service, str]:
    """Start the stream process on ``database_url`` with ``settings`` of its own (caps, ORDER_STREAM_SECONDS);
    returns the running service and its base URL. The caller stops it."""
    port = free_port()
    env = kassa_environment(
        database_url=database_url,
        redis_url=REDIS_URL,
        var_dir=tmp_path_factory.mktemp("streams"),
        kassa_port=free_port(),
        sandbox_port=free_port(),
        STREAM_PORT=str(port),
        **settings,
    )
    url = f"http://127.0.0.1:{port}"
    service = Service.from_procfile(
        "stream", env, tmp_path_factory.mktemp("stream-logs"), ready=http_answers(f"{url}/healthz")
    )
    return service.start(), url
