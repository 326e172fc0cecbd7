"""``python -m dev.supervise``: restarts its command with capped back-off, says why, passes stop signals on,
and never leaves the command orphaned."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from dev.supervise import Backoff, Supervisor, describe_exit

PYTHON = sys.executable
ROOT = Path(__file__).resolve().parents[2]  # `python -m dev.supervise` runs from the project root


def wait_for(predicate: Callable[[], object], timeout: float) -> None:
    """Poll ``predicate`` until it holds; the test fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"not so within {timeout} s"
        time.sleep(0.05)


def test_back_off_doubles_up_to_its_cap_and_starts_over_after_a_stable_run():
    backoff = Backoff(minimum=1, maximum=8, stable_after=60)
    delays, previous = [], None
    for _ in range(6):
        previous = backoff.next_delay(previous, ran_for=0.5)
        delays.append(previous)
    assert delays == [1, 2, 4, 8, 8, 8]
    assert backoff.next_delay(8, ran_for=61) == 1


def test_an_exit_is_described_by_its_code_or_its_signal():
    assert describe_exit(3) == "exit code 3"
    assert describe_exit(-signal.SIGKILL) == "killed by SIGKILL"


def _supervise(tmp_path, script: str, *options: str) -> tuple[subprocess.Popen, object]:
    with open(tmp_path / "supervise.log", "w") as log:
        process = subprocess.Popen(
            [PYTHON, "-m", "dev.supervise", *options, "probe", "--", PYTHON, "-c", script],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return process, tmp_path / "supervise.log"


def test_a_command_that_keeps_failing_is_restarted_with_back_off_and_the_reason_logged(tmp_path):
    runs = tmp_path / "runs"
    script = f"open({str(runs)!r}, 'a').write('x'); raise SystemExit(3)"
    process, log = _supervise(tmp_path, script, "--min-backoff", "0.1", "--max-backoff", "0.4")
    try:
        wait_for(lambda: runs.exists() and len(runs.read_text()) >= 4, 10)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(10)
    lines = log.read_text()
    assert "probe stopped (exit code 3)" in lines
    assert "restarting in 0.1 s" in lines and "restarting in 0.2 s" in lines and "restarting in 0.4 s" in lines
    assert "restarting in 0.8 s" not in lines  # capped
    # JSON lines in the fields of Kassa's own logs (docs/operations.md).
    restart = next(json.loads(line) for line in lines.splitlines() if "restarting in 0.1 s" in line)
    assert restart.keys() == {"ts", "level", "logger", "msg", "process", "exit", "ran_seconds", "restart_in"}
    assert (restart["level"], restart["logger"], restart["exit"]) == ("warning", "kassa.supervise", "exit code 3")


def test_a_stop_signal_reaches_the_command_once_and_the_supervisor_exits_with_its_code(tmp_path):
    got = tmp_path / "got"
    script = (
        "import signal, time, sys\n"
        f"signal.signal(signal.SIGTERM, lambda *_: (open({str(got)!r}, 'a').write('TERM'), sys.exit(7)))\n"
        "open(" + repr(str(tmp_path / "ready")) + ", 'w').close()\n"
        "time.sleep(60)\n"
    )
    process, log = _supervise(tmp_path, script)
    wait_for(lambda: (tmp_path / "ready").exists(), 10)
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 7
    assert got.read_text() == "TERM"
    assert "restarting in" not in log.read_text()


def test_a_killed_supervisor_takes_its_command_with_it(tmp_path):
    pid_file = tmp_path / "pid"
    script = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    process, _ = _supervise(tmp_path, script)
    wait_for(lambda: pid_file.exists() and pid_file.read_text(), 10)
    command_pid = int(pid_file.read_text())
    process.kill()
    process.wait(10)

    def gone() -> bool:
        try:
            os.kill(command_pid, 0)
        except ProcessLookupError:
            return True
        try:  # an exited command waiting to be reaped (a zombie) counts as gone
            with open(f"/proc/{command_pid}/stat") as stat:
                return stat.read().split()[2] == "Z"
        except FileNotFoundError:
            return True

    wait_for(gone, 10)


class _LongRunningCommand:
    """A stand-in for a command that runs until signalled (as the RQ worker does)."""

    pid = 4242

    def __init__(self) -> None:
        self.signals: list[int] = []

    def poll(self) -> int | None:
        return -self.signals[0] if self.signals else None

    def send_signal(self, signum: int) -> None:
        self.signals.append(signum)

    def wait(self) -> int:
        if not self.signals:
            raise AssertionError("waiting for a command nobody signalled: the real one would run on forever")
        return -self.signals[0]


def test_a_stop_signal_that_lands_while_the_next_command_starts_still_reaches_that_command():
    started: list[_LongRunningCommand] = []

    def spawn(command, **_options):
        if not started:
            supervisor.stop(signal.SIGTERM)  # the signal arrives mid-start: the handler cannot see this command yet
        started.append(_LongRunningCommand())
        return started[-1]

    supervisor = Supervisor("probe", ["worker"], Backoff(0.01, 0.01), spawn=spawn)
    assert supervisor.run() == -signal.SIGTERM  # before, the supervisor waited on this command forever
    assert len(started) == 1 and started[0].signals == [signal.SIGTERM]


def test_a_supervisor_between_restarts_stops_on_sigterm_whenever_it_comes(tmp_path):
    """A signal handler that set a threading.Event could land while the loop held that Event's lock, and the
    supervisor hung for good (a CI run saw it). Signals at many different moments of the restart loop."""
    script = "raise SystemExit(3)"
    for moment in range(12):
        process, log = _supervise(tmp_path, script, "--min-backoff", "0.01", "--max-backoff", "0.02")
        try:
            wait_for(lambda: "restarting in" in log.read_text(), 10)  # its handlers are in place, and it loops
            time.sleep(moment * 0.007)
            process.send_signal(signal.SIGTERM)
            # The command's own code if it was between runs, 128 + SIGTERM if the signal reached the command.
            assert process.wait(5) in (3, 128 + signal.SIGTERM)
        finally:
            if process.poll() is None:
                process.kill()
