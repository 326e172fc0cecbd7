"""Kassa's processes as real subprocesses, started exactly as the Procfile starts them, and a private
redis-server, for tests that crash, stop and restart them (fault injection, load on the embedded default).

Every process runs in its own process group with its output in a log file; a failing test shows the
tail of each log. Nothing here touches the machine's Redis on 6379: each harness starts its own.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import time
from pathlib import Path
from typing import Callable

import requests
from redis import Redis

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def procfile_commands() -> dict[str, str]:
    """The Procfile's process types and their command lines, as honcho reads them."""
    commands = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        name, sep, command = line.partition(":")
        if sep and name.strip() and not name.startswith("#"):
            commands[name.strip()] = command.strip()
    return commands


def http_answers(url: str) -> Callable[[], bool]:
    """A readiness check: the URL answers anything at all over HTTP."""

    def check() -> bool:
        try:
            requests.get(url, timeout=1)
            return True
        except requests.RequestException:
            return False

    return check


def _children_by_parent() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # The field after the parenthesised command (which may hold spaces) is the state, then the parent.
            parent = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # it ended while we looked
        children.setdefault(parent, []).append(int(entry.name))
    return children


def children(pid: int) -> list[int]:
    """The processes ``pid`` started itself (a supervisor's command, say)."""
    return _children_by_parent().get(pid, [])


def descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (children, theirs, …), whatever group or session they moved to."""
    below_each = _children_by_parent()
    found, frontier = [], [pid]
    while frontier:
        below = below_each.get(frontier.pop(), [])
        found += below
        frontier += below
    return found


class Service:
    """One real process in its own process group, logging to a file; it can be killed, paused and
    started again with the same command."""

    def __init__(
        self, name: str, argv: list[str], env: dict, log_dir: Path, ready: Callable[[], bool] | None = None
    ) -> None:
        self.name, self.argv, self.env, self.ready = name, argv, env, ready
        self.log_path = log_dir / f"{name}.log"
        self.process: subprocess.Popen | None = None
        self.starts = 0

    @classmethod
    def from_procfile(cls, name: str, env: dict, log_dir: Path, ready: Callable[[], bool] | None = None) -> "Service":
        """The Procfile's ``name`` line, run through a shell the way honcho runs it."""
        return cls(name, ["bash", "-c", "exec " + procfile_commands()[name]], env, log_dir, ready)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, timeout: float = 30.0) -> "Service":
        """Start the process and wait until it is ready (or fail with its log)."""
        assert not self.running, f"{self.name} is already running"
        self.starts += 1
        with open(self.log_path, "a") as log:
            log.write(f"\n===== start #{self.starts}: {shlex.join(self.argv)}\n")
            log.flush()
            self.process = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while self.ready is not None and not self.ready():
            if not self.running:
                raise AssertionError(f"{self.name} exited while starting:\n{self.log_tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name} not ready within {timeout}s:\n{self.log_tail()}")
            time.sleep(0.05)
        return self

    def signal(self, signum: int) -> None:
        """Send ``signum`` to the whole process group (a gunicorn master and its workers alike)."""
        if self.running:
            os.killpg(self.process.pid, signum)

    def kill(self) -> None:
        """Crash it: SIGKILL to every process it runs, no chance to clean up. The group alone is not enough: a
        supervised command runs in a group of its own (dev/supervise.py), and on its supervisor's death it would
        only be sent SIGTERM and finish its job, where a real crash (the OOM killer, a lost host) stops it mid-job."""
        if self.running:
            tree = descendants(self.process.pid)
            self.signal(signal.SIGKILL)
            for pid in tree:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.process.wait(10)

    def stop(self, timeout: float = 10.0) -> None:
        """Ask it to stop (SIGTERM); kill it if it takes longer than ``timeout``."""
        if not self.running:
            return
        self.signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def pause(self) -> None:
        """Freeze it (SIGSTOP): connections are accepted by the kernel but nothing answers."""
        self.signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.signal(signal.SIGCONT)

    def log_tail(self, lines: int = 40, width: int = 400) -> str:
        try:
            return "\n".join(line[:width] for line in self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


class RedisServer(Service):
    """A redis-server of the test's own on a free port, with its own data directory and no persistence
    (a restart comes back empty, the harshest case)."""

    def __init__(self, data_dir: Path, log_dir: Path, *, bind: tuple[str, ...] = ()) -> None:
        self.port = free_port()
        data_dir.mkdir(parents=True, exist_ok=True)
        # Other addresses are the test's own network namespaces (bench/multi_host.py): reachable from them only.
        exposed = ["--protected-mode", "no"] if bind else []
        super().__init__(
            "redis",
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                *bind,
                *exposed,
                "--dir",
                str(data_dir),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            dict(os.environ),
            log_dir,
            ready=self._answers,
        )

    def url(self, db: int = 0, host: str = "127.0.0.1") -> str:
        return f"redis://{host}:{self.port}/{db}"

    def client(self) -> Redis:
        return Redis.from_url(self.url(), socket_timeout=2, socket_connect_timeout=2)

    def _answers(self) -> bool:
        try:
            return bool(self.client().ping())
        except Exception:
            return False


def kassa_environment(
    *,
    database_url: str,
    redis_url: str,
    var_dir: Path,
    kassa_port: int,
    sandbox_port: int,
    sandbox_url: str | None = None,
    **extra: str,
) -> dict:
    """The environment ``make run`` gives every process, pointed at the test's database, Redis and ports.
    ``sandbox_url`` is where Kassa calls the provider (a fault proxy may stand in front of it)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KASSA_", "SANDBOX_", "DATABASE_URL", "REDIS_URL", "RATELIMIT_"))
    }
    var_dir.mkdir(parents=True, exist_ok=True)
    env.update(
        {
            "KASSA_VAR_DIR": str(var_dir),
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "KASSA_PORT": str(kassa_port),
            "SANDBOX_PORT": str(sandbox_port),
            "KASSA_PUBLIC_URL": f"http://127.0.0.1:{kassa_port}",
            "SANDBOX_URL": sandbox_url or f"http://127.0.0.1:{sandbox_port}",
            "SANDBOX_PUBLIC_URL": f"http://127.0.0.1:{sandbox_port}",
            "SANDBOX_DATABASE_URL": f"sqlite:///{var_dir / 'sandbox.db'}",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8,::1/128",  # as `make run` sets it: receivers on loopback
        }
    )
    env.update(extra)
    return env


def flask_command(env: dict, *args: str) -> str:
    """Run ``flask --app wsgi …`` as ``make run`` does; returns its output (fails with it otherwise)."""
    done = subprocess.run(
        [str(ROOT / ".venv/bin/flask"), "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout
