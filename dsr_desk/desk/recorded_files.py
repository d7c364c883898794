"""A file the case must account for (an export for the person, a letter saved to send) is written first
and recorded after the fact; when the record cannot be made (a read-only workspace, a full disk), the file
is removed again, so nothing went out that the audit log does not know of, and the refusal is true."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from dsr_desk.errors import DsrDeskError, FileNotRecordedError

T = TypeVar("T")


@contextlib.contextmanager
def stop_requests_held() -> Iterator[None]:
    """A stop request (SIGTERM) waits while the file is being recorded: arriving just after the record
    committed, it would otherwise remove a file the log says exists. Delivered as soon as this ends."""
    holdable = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
    if not holdable:
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def kept_if_recorded(path: Path, record: Callable[[], T], what: str) -> T:
    """Records the file at `path`, already written; if that fails, the file goes. `what`: export, letter."""
    try:
        with stop_requests_held():
            return record()
    except BaseException as error:
        Path(path).unlink(missing_ok=True)
        if isinstance(error, DsrDeskError):
            raise FileNotRecordedError(what=what, path=str(path), cause=error) from None
        raise
