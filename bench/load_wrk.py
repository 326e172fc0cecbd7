"""wrk, the load generator of the load benchmark: installed from Debian when missing, run with one of the
Lua scripts in bench/wrk/, its result read from the JSON line the scripts print, and its own CPU time
measured, so the table can show the generator was not the bottleneck."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ensure_wrk() -> str:
    """The wrk binary; installs Debian's package the way the project's scripts install theirs."""
    found = shutil.which("wrk")
    if found is None:
        subprocess.run([str(ROOT / "scripts" / "ensure-load-tools.sh")], check=True)
        found = shutil.which("wrk")
    assert found, "wrk is not installed (Debian package wrk)"
    return found


@dataclass
class WrkRun:
    """One wrk run: its counts, per-request latency, the scripts' samples and wrk's CPU use."""

    seconds: float
    requests: int
    errors: int
    latency_p50_ms: float
    latency_p99_ms: float
    samples: dict[str, list[float]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    cpu_seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    @property
    def cpu_percent(self) -> float:
        """wrk's CPU as a share of one core over the run."""
        return 100 * self.cpu_seconds / self.seconds

    def count(self, name: str) -> int:
        return len(self.samples.get(name, []))

    def percentile(self, name: str, p: float) -> float:
        return percentile(self.samples.get(name, []), p)


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank; the median when ``p`` is 50); NaN without values."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    if p == 50:
        return statistics.median(ordered)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _read_samples(directory: Path) -> tuple[dict[str, list[float]], dict[str, int]]:
    """The samples and failures the script's threads wrote (report.lua), merged."""
    samples: dict[str, list[float]] = {}
    failures: dict[str, int] = {}
    for path in directory.glob("thread-*.txt"):
        for line in path.read_text().splitlines():
            name, _, value = line.partition(" ")
            if name == "fail":
                failures[value] = failures.get(value, 0) + 1
            else:
                samples.setdefault(name, []).append(float(value))
    return samples, failures


def run_wrk(
    script: str,
    url: str,
    *,
    threads: int,
    connections: int,
    seconds: float,
    env: dict | None = None,
    timeout_seconds: float = 10,
) -> WrkRun:
    """Run ``bench/wrk/<script>`` against ``url``; fails with wrk's output when it printed no result."""
    argv = [
        ensure_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds:g}s",
        f"--timeout={timeout_seconds:g}s",
        "-s",
        f"bench/wrk/{script}",
        url,
    ]
    with tempfile.TemporaryDirectory(prefix="kassa-wrk-") as directory:
        process = subprocess.Popen(
            argv,
            cwd=ROOT,
            env={**os.environ, **(env or {}), "KASSA_BENCH_SAMPLES_DIR": directory},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)  # wrk's own CPU, from the kernel
        code = os.waitstatus_to_exitcode(status)
        line = next((line for line in output.splitlines() if line.startswith("KASSA_BENCH_RESULT ")), None)
        assert code == 0 and line, f"wrk {script} failed ({code}):\n{output}"
        samples, failures = _read_samples(Path(directory))
    result = json.loads(line.split(" ", 1)[1])
    return WrkRun(
        seconds=result["duration_s"],
        requests=int(result["requests"]),
        errors=int(result["socket_errors"]) + sum(failures.values()),
        latency_p50_ms=result["latency_p50_ms"],
        latency_p99_ms=result["latency_p99_ms"],
        samples=samples,
        failures=failures,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )
