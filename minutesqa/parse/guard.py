"""The guard around the readers of risky formats (PDF, DOCX, HTML): each runs in a forked
child process with a time limit and a cap on its memory, because their libraries can loop
or balloon on hostile files. A child that overruns, crashes or raises becomes an
InputError with a one-line reason."""

from __future__ import annotations

import multiprocessing as mp
import resource
import time
from collections.abc import Callable
from multiprocessing.connection import Connection

from minutesqa.errors import InputError

CHILD_MEMORY_BYTES = 2 * 1024**3

Reader = Callable[[bytes], str]


def in_child(fmt: str, reader: Reader, data: bytes, timeout_s: float) -> str:
    """`reader(data)` run in a child process; `fmt` names the format in messages."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(fmt, reader, data, child), daemon=True)
    proc.start()
    child.close()
    try:
        ok, payload = _answer(fmt, parent, timeout_s)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if not ok:
        raise InputError(payload)
    return str(payload)


def _answer(fmt: str, parent: Connection, timeout_s: float) -> tuple[bool, str]:
    """The child's (ok, payload) within `timeout_s`, plus the time it asks for on the way
    (`allow_more`)."""
    deadline = time.monotonic() + timeout_s
    while True:
        if not parent.poll(max(0.0, deadline - time.monotonic())):
            raise InputError(f"took longer than {timeout_s:.0f} s to parse (MINUTES_PARSE_TIMEOUT)")
        try:
            message = parent.recv()
        except EOFError:
            raise InputError(
                f"could not be parsed: the {fmt} reader ran out of memory or crashed"
            ) from None
        if message[0] == _MORE:
            deadline += float(message[1])
            timeout_s += float(message[1])
            continue
        return bool(message[0]), str(message[1])


_MORE = "more"
_conn: Connection | None = None  # the child's end of the pipe, in the child only


def allow_more(seconds: float) -> None:
    """In a reader run by `in_child`: ask for `seconds` more than MINUTES_PARSE_TIMEOUT,
    for work whose size is known only once the file is open (OCR of N scanned pages).
    Nothing where the reader runs in this process."""
    if _conn is not None and seconds > 0:
        _conn.send((_MORE, seconds))


def _address_space_bytes() -> int:
    """This process's current virtual size (VmSize), 0 where /proc cannot tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _child_main(fmt: str, reader: Reader, data: bytes, conn: Connection) -> None:
    # The child is a fork of a process that may already map gigabytes (torch, Chroma, the
    # app's threads), so the cap is what it has plus the allowance, not an absolute size:
    # an absolute cap below the inherited size makes every allocation fail.
    limit = _address_space_bytes() + CHILD_MEMORY_BYTES
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass
    global _conn
    _conn = conn
    try:
        conn.send((True, reader(data)))
    except InputError as exc:
        conn.send((False, str(exc)))
    except MemoryError:
        conn.send((False, f"could not be parsed: the {fmt} needs more memory than allowed"))
    except Exception as exc:  # a library's own error on a broken file
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        conn.send((False, f"is a damaged {fmt} file ({reason})"))
    finally:
        conn.close()
