"""A PostgreSQL cluster of the chaos and multi-host runs' own: ``initdb`` in a temporary directory, ``pg_ctl``
on a loopback port (and any extra addresses given), never the machine's cluster. As root the server runs as
the ``postgres`` system user (PostgreSQL refuses root). It can be restarted the hard way (``-m immediate``,
what a crash looks like to its clients) and is removed with its directory when stopped."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.conftest import free_port


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name)]
    assert found[-1], f"{name} not found: install Debian's postgresql package (scripts/ensure-postgres.sh)"
    return found[-1]


class PostgresCluster:
    """``initdb`` + ``pg_ctl`` on ``127.0.0.1:<free port>`` (plus ``listen`` addresses), trust authentication."""

    def __init__(self, *, listen: tuple[str, ...] = (), clients: tuple[str, ...] = ()) -> None:
        """``listen``: addresses besides loopback; ``clients``: networks (CIDR) trusted to connect to them."""
        self.port = free_port()
        self.clients = clients
        self.root = Path(tempfile.mkdtemp(prefix="kassa-pg-"))
        self.data, self.log = self.root / "data", self.root / "server.log"
        self.listen = ",".join(("127.0.0.1", *listen))
        self._as_postgres = os.geteuid() == 0

    def _run(self, *argv: str) -> None:
        command = ["runuser", "-u", "postgres", "--", *argv] if self._as_postgres else list(argv)
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}\n{self.log_tail()}"

    def start(self) -> "PostgresCluster":
        if not self.data.exists():
            if self._as_postgres:
                shutil.chown(self.root, "postgres", "postgres")
            self._run(_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
            with open(self.data / "pg_hba.conf", "a") as hba:
                hba.writelines(f"host all all {network} trust\n" for network in self.clients)
        # fsync off: a killed server loses nothing the OS already has, and these runs kill processes, not the OS.
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses='{self.listen}' -c max_connections=300 -c fsync=off"
        )
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")
        return self

    def restart(self) -> None:
        """Stop it as a crash would (``-m immediate``: every client loses its connection at once), then start."""
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self.start()

    def url(self, database: str, host: str = "127.0.0.1") -> str:
        return f"postgresql+psycopg://postgres@{host}:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        admin = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return self.url(name)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                ["runuser", "-u", "postgres", "--", _bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
                if self._as_postgres
                else [_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)
