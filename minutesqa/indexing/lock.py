"""One writer at a time: an exclusive lock file in the index folder. The kernel drops the
lock when its holder dies, even by SIGKILL, so a crash never leaves the index locked."""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path
from types import TracebackType

from minutesqa.errors import IndexLockedError

LOCK_NAME = "ingest.lock"


class IndexLock:
    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / LOCK_NAME
        self.fd: int | None = None

    def __enter__(self) -> IndexLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "unknown"
            os.close(fd)
            raise IndexLockedError(
                f"the index is locked by another ingest ({holder}; lock file {self.path}): "
                "wait for it to finish, then run again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}: {' '.join(sys.argv)[:150]}".encode(), 0)
        self.fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None

    def try_acquire(self) -> bool:
        """Take the lock if free (for a reader that wants to persist a repaired index)."""
        try:
            self.__enter__()
            return True
        except IndexLockedError:
            return False
