"""bench/chaos_run.py and bench/multi_host.py, shortened: checkouts while web and workers are SIGKILLed and
Redis and PostgreSQL (the run's own cluster) restart; and checkouts over two hosts (network namespaces) with
every provider callback delivered to both. Each run starts its own processes; the money must add up and
nothing may be applied twice. The full runs are by hand (bench/README.md)."""

from __future__ import annotations

import os
import shutil

import pytest

from bench.chaos_run import chaos_run
from bench.multi_host import multi_host_run

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]


def test_checkouts_survive_killed_processes_and_restarted_redis_and_postgres():
    checkouts = int(os.environ.get("KASSA_CHAOS_CHECKOUTS", "60"))
    counts, problems = chaos_run(checkouts, shoppers=8, every=(1.5, 3.0), give_up_seconds=40)
    assert not problems, f"{counts}\n" + "\n".join(problems)
    assert sum(counts["kills"].values()) >= 2 and set(counts["restarts"]) == {"redis", "postgresql"}, counts
    assert counts["orders"].get("fulfilled", 0) >= checkouts // 2, counts  # most got through the chaos


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("ip") is None, reason="network namespaces need root and iproute2")
def test_two_hosts_sharing_the_database_and_redis_apply_nothing_twice():
    counts, problems = multi_host_run(int(os.environ.get("KASSA_MULTI_CHECKOUTS", "40")), shoppers=8)
    assert not problems, f"{counts}\n" + "\n".join(problems)
    assert counts["orders"] == {"fulfilled": counts["callbacks replayed to both hosts"]}, counts
