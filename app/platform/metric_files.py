"""The web's request-latency samples on a full disk: an error the request survives, not a crash of its process.

In multiprocess mode (gunicorn.conf.py) prometheus_client keeps each process's samples in a file under
``PROMETHEUS_MULTIPROC_DIR`` (``$KASSA_VAR_DIR/prometheus``) and writes them through a memory map. It makes and
grows that file by truncating it, which allocates nothing, so on a full disk the first write to a page the file
system cannot back kills the process with SIGBUS: every gunicorn worker died at its first answer (a 503 included),
the shoppers' connections were reset and ``/healthz`` never answered. Here the file's blocks are allocated before
they are mapped (``posix_fallocate``), so a full disk is an ``OSError`` at that moment, which the caller handles.
"""

from __future__ import annotations

import os

from prometheus_client import mmap_dict, values


def _allocate(fileno: int, size: int) -> None:
    if hasattr(os, "posix_fallocate"):  # Linux and the BSDs; elsewhere prometheus_client's own way
        os.posix_fallocate(fileno, 0, size)


class AllocatedMmapedDict(mmap_dict.MmapedDict):
    """prometheus_client's sample file, whose every mapped page has its disk block before it is written."""

    def __init__(self, filename: str, read_mode: bool = False) -> None:
        if not read_mode:
            with open(filename, "a+b") as file:  # a new file is made at the size the parent maps it at
                _allocate(file.fileno(), max(os.fstat(file.fileno()).st_size, mmap_dict._INITIAL_MMAP_SIZE))
        super().__init__(filename, read_mode)

    def _init_value(self, key: str) -> None:
        encoded = len(key.encode("utf-8"))
        needed = self._used + 4 + encoded + (8 - (encoded + 4) % 8) + 16  # the parent's entry: length, key, 2 doubles
        capacity = self._capacity
        while needed > capacity:  # the parent doubles it until the entry fits
            capacity *= 2
        if capacity != self._capacity:
            _allocate(self._f.fileno(), capacity)
        super()._init_value(key)


def allocate_sample_files() -> None:
    """Make prometheus_client's multiprocess values use ``AllocatedMmapedDict`` (the name its values module calls)."""
    values.MmapedDict = AllocatedMmapedDict
