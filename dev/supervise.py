"""Keep one long-running process alive: ``python -m dev.supervise NAME -- COMMAND [ARG…]``.

The RQ worker and ``rq cron`` live on Redis. When Redis restarts, ``rq cron`` dies at its next
call and the worker quits on a Redis timeout; under ``make run`` honcho would then stop every
process. The supervisor runs COMMAND, and whenever it exits starts it again after a back-off that
doubles from ``--min-backoff`` up to ``--max-backoff`` seconds (and starts over once a run lasted
``--stable-after`` seconds), logging how the command ended and when it restarts. SIGTERM and SIGINT
are passed on to the command; the supervisor then waits for it and exits with its code.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import logging
import os
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Sequence

# Named as Kassa's own loggers are, so the supervisor's lines read like the processes' it runs (docs/operations.md).
log = logging.getLogger("kassa.supervise")


class JsonLines(logging.Formatter):
    """One JSON object a line, in the fields Kassa's processes log: ts, level, logger, msg, then the record's own
    ``fields`` (``extra={"fields": {...}}``)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def log_to_stderr() -> None:
    """Send the supervisor's log lines to stderr as JSON, at INFO."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


@dataclass(frozen=True)
class Backoff:
    """How long to wait before the next start: doubling, capped, reset by a stable run."""

    minimum: float = 1.0
    maximum: float = 30.0
    stable_after: float = 60.0

    def next_delay(self, previous: float | None, ran_for: float) -> float:
        """The wait before restarting a command that ran ``ran_for`` seconds after waiting ``previous``."""
        if previous is None or ran_for >= self.stable_after:
            return self.minimum
        return min(previous * 2, self.maximum)


def describe_exit(code: int) -> str:
    """``exit code 1`` or ``killed by SIGKILL`` (Popen reports a signal as a negative code)."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _die_with_parent() -> None:
    """Linux: the command gets SIGTERM if the supervisor itself is killed, so it is never orphaned."""
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class Supervisor:
    """Runs one command again and again until told to stop.

    ``stop`` is called from a signal handler, which runs in the main thread between any two bytecodes, even while
    the loop itself holds a lock or is starting the next command. So it takes no lock (an Event's would deadlock
    against the loop's own wait on it) and signals no process: it only notes the signal and wakes the loop through
    a pipe, and the loop passes the signal on to whichever command is running then (one started just as the
    signal came in included).
    """

    POLL_SECONDS = 0.1  # how often the loop looks at the command besides being woken

    def __init__(
        self,
        name: str,
        command: Sequence[str],
        backoff: Backoff,
        spawn: Callable[..., subprocess.Popen] = subprocess.Popen,
    ) -> None:
        self.name, self.command, self.backoff, self._spawn = name, list(command), backoff, spawn
        self._stopping = False
        self._received: list[int] = []  # signals noted by ``stop``, not yet passed on
        self._wake_read, self._wake_write = os.pipe()
        os.set_blocking(self._wake_read, False)
        os.set_blocking(self._wake_write, False)
        self._child: subprocess.Popen | None = None

    def stop(self, signum: int = signal.SIGTERM) -> None:
        """Stop restarting, and have ``signum`` passed on to the running command (safe in a signal handler)."""
        self._received.append(signum)
        self._stopping = True
        try:
            os.write(self._wake_write, b"\0")
        except BlockingIOError:
            pass  # the pipe is full: the loop is awake already

    def _sleep(self, seconds: float) -> None:
        """Wait up to ``seconds``, less if ``stop`` is called."""
        select.select([self._wake_read], [], [], max(seconds, 0))
        try:
            while os.read(self._wake_read, 512):
                pass
        except BlockingIOError:
            pass

    def _wait_for_child(self) -> int:
        """Wait for the running command to exit, passing on every signal ``stop`` noted meanwhile."""
        while True:
            while self._received:
                signum = self._received.pop(0)
                if self._child.poll() is None:
                    self._child.send_signal(signum)
            code = self._child.poll()
            if code is not None:
                return code
            self._sleep(self.POLL_SECONDS)

    def run(self) -> int:
        """Run until stopped; returns the command's last exit code."""
        delay: float | None = None
        code = 0
        while not self._stopping:
            started = time.monotonic()
            # Its own process group: a signal meant for the supervisor reaches the command once, from us.
            self._child = self._spawn(
                self.command, process_group=0, preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None
            )
            log.info(
                "%s started (pid %s)",
                self.name,
                self._child.pid,
                extra={"fields": {"process": self.name, "pid": self._child.pid}},
            )
            code = self._wait_for_child()
            ran_for = time.monotonic() - started
            if self._stopping:
                break
            delay = self.backoff.next_delay(delay, ran_for)
            log.warning(
                "%s stopped (%s) after %.1f s; restarting in %.1f s",
                self.name,
                describe_exit(code),
                ran_for,
                delay,
                extra={
                    "fields": {
                        "process": self.name,
                        "exit": describe_exit(code),
                        "ran_seconds": round(ran_for, 1),
                        "restart_in": delay,
                    }
                },
            )
            restart_at = time.monotonic() + delay
            while not self._stopping and time.monotonic() < restart_at:
                self._sleep(restart_at - time.monotonic())
        log.info(
            "%s stopped (%s); not restarting", self.name, describe_exit(code), extra={"fields": {"process": self.name}}
        )
        return code


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m dev.supervise", description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the process name used in log lines (e.g. worker, cron)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command and its arguments")
    parser.add_argument("--min-backoff", type=float, default=Backoff.minimum)
    parser.add_argument("--max-backoff", type=float, default=Backoff.maximum)
    parser.add_argument("--stable-after", type=float, default=Backoff.stable_after)
    args = parser.parse_args(argv)
    if args.command[:1] == ["--"]:
        args.command = args.command[1:]
    if not args.command:
        parser.error("give the command to supervise after --")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m dev.supervise``."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    log_to_stderr()
    supervisor = Supervisor(args.name, args.command, Backoff(args.min_backoff, args.max_backoff, args.stable_after))
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda received, _frame: supervisor.stop(received))
    code = supervisor.run()
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
