"""Disk blocks for this process's latency samples, taken before prometheus_client writes into them.

In multiprocess mode (``PROMETHEUS_MULTIPROC_DIR``, set by gunicorn.conf.py) prometheus_client keeps a process's
histogram samples in ``histogram_<pid>.db`` there and writes them through a memory map of a file it makes and grows
by truncating, which allocates nothing: on a full disk the first write to a page without a block kills the process
with SIGBUS. Kassa patches none of the library's classes. Before a new series (a route, method and status not yet
seen by this process) makes the library write new entries, ``reserve_for_new_series`` allocates, with
``posix_fallocate``, every byte the file can grow to for it; a full disk is then an ``OSError`` here, which the
caller handles, and writes to existing series only touch pages that already have their blocks.
"""

from __future__ import annotations

import os
import struct
import threading
from pathlib import Path

# prometheus_client's documented sample-file layout (mmap_dict.MmapedDict): it starts at this size and doubles, and
# its first 4 bytes say how much of it is used.
FIRST_SIZE = 1 << 16
# More than one series' entries take (a histogram of 11 buckets: some 14 entries of about 300 bytes).
SERIES_MARGIN = 1 << 15

_lock = threading.Lock()


def sample_file(directory: str) -> Path:
    """Where prometheus_client keeps this process's histogram samples."""
    return Path(directory) / f"histogram_{os.getpid()}.db"


def reserve_for_new_series(directory: str) -> None:
    """Give the sample file every disk block a new series can make it grow into; ``OSError`` on a full disk.

    Callers hold ``lock()`` until the series is made, so no other thread's new entries share the margin."""
    path = sample_file(directory)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        size = os.fstat(descriptor).st_size
        used = struct.unpack("i", os.pread(descriptor, 4, 0))[0] if size >= 4 else 0
        try:
            os.posix_fallocate(descriptor, 0, _grown_size(max(used, 8) + SERIES_MARGIN))
        except OSError:
            if size == 0:  # left empty, the library would make it its way (sparse): no file until there is room
                path.unlink(missing_ok=True)
            raise
    finally:
        os.close(descriptor)


def lock() -> threading.Lock:
    """Held from a new series' reservation until the library has written its entries."""
    return _lock


def _grown_size(needed: int) -> int:
    """The size the library's doubling reaches to hold ``needed`` bytes."""
    size = FIRST_SIZE
    while size < needed:
        size *= 2
    return size
