"""The locks that every process opening a workspace shares (the window, a second window, scripts, a
colleague on the same network folder), through `filelock` and the operating system's own file locks.

- The workspace lock (`locks/workspace.lock`) is exclusive. It is held for the short steps that span more
  than one file: creating and destroying a case, changing settings or handlers, and clean-up after a crash.
  Whatever one of those steps leaves half done can only be seen by someone holding the lock once the step
  is over, so anything half done that is seen under the lock was provably abandoned by a process that died.
- A session lock (`locks/session-<id>.lock`) is held by every open desk for as long as it is open. The
  operating system releases it when the process ends, however it ends (SIGKILL and power cuts included),
  so "can this lock be taken?" is an exact test of whether its owner is still alive — on another computer
  too, wherever the file system's locks work. Case claims and pending outputs name their session.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from dsr_desk.errors import WorkspaceBusyError

WAIT_SECONDS = 30.0
_MODE = 0o600
_SESSION_PREFIX = "session-"
_SUFFIX = ".lock"
_BIRTH_SECONDS = 10.0


def locks_folder(root: Path) -> Path:
    return Path(root) / "locks"


class WorkspaceLock:
    """Exclusive between processes, and between threads of one process; re-entrant within a thread."""

    def __init__(self, root: Path, wait: float = WAIT_SECONDS) -> None:
        folder = locks_folder(root)
        self.read_only = not _writable_folder(folder)
        self._file = FileLock(folder / f"workspace{_SUFFIX}", mode=_MODE, thread_local=False)
        self._threads = threading.RLock()
        self._wait = wait

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """The lock, for one step. In a workspace this process cannot write (a read-only share, a backup
        disk) there is no step to guard: reading needs no lock, and every write fails on its own."""
        # The thread lock first: FileLock counts re-entry per object, so without it a second thread of
        # this process would be let in as if it were the first one re-entering.
        if not self._threads.acquire(timeout=self._wait):
            raise WorkspaceBusyError()
        try:
            if self.read_only:
                yield
                return
            try:
                self._file.acquire(timeout=self._wait)
            except Timeout:
                raise WorkspaceBusyError() from None
            try:
                yield
            finally:
                self._file.release()
        finally:
            self._threads.release()


@dataclass(frozen=True)
class Owner:
    """Who holds something: shown to others as 'in gebruik door Piet (PC-02) sinds 10:14'."""

    session: str
    handler: str
    host: str
    pid: int
    since: dt.datetime


class Session:
    """This desk's presence in the workspace, for as long as it is open."""

    def __init__(self, root: Path, handler: str, now: dt.datetime) -> None:
        folder = locks_folder(root)
        self.owner = Owner(uuid.uuid4().hex, handler, socket.gethostname(), os.getpid(), now)
        self._lock = FileLock(_session_path(folder, self.owner.session), mode=_MODE, thread_local=False)
        self._folder = folder
        self.ended = False
        if not _writable_folder(folder):
            return  # a read-only workspace: this desk can claim nothing, so it needs no presence
        self._lock.acquire(timeout=0)  # a fresh name: nobody else can hold it
        # Written only once the lock is held: an unlocked session file with this beside it is a session
        # that ended, not one being born (whose file exists a moment before it is locked).
        _born_path(folder, self.id).touch(mode=_MODE)

    @property
    def id(self) -> str:
        return self.owner.session

    def end(self) -> None:
        self.ended = True
        if self._lock.is_locked:
            path = _session_path(self._folder, self.id)
            # Removed while still held, so no other process can mistake the name for a live session.
            with contextlib.suppress(OSError):
                path.unlink()
            self._lock.release(force=True)
            _born_path(self._folder, self.id).unlink(missing_ok=True)


def session_alive(root: Path, session: str) -> bool:
    """True while the desk that started `session` is open, in any process on any computer."""
    path = _session_path(locks_folder(root), session)
    if not path.exists():
        return False
    probe = FileLock(path, mode=_MODE, thread_local=False)
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return not path.exists()
    born = _born_path(path.parent, session)
    try:
        # A session's file exists a moment before its owner locks it: unlocked and never marked as locked,
        # it is a session being born — unless it has been like that for far longer than a birth takes.
        if not born.exists() and time.time() - path.stat().st_mtime < _BIRTH_SECONDS:
            return True
        # Nobody holds it: its owner ended without tidying up (a crash). The name is never used again.
        path.unlink()
        born.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        probe.release(force=True)
    return False


def sweep_ended_sessions(root: Path, own: str) -> int:
    """Removes the lock files of sessions whose process is gone; returns how many."""
    folder = locks_folder(root)
    ended = 0
    for path in folder.glob(f"{_SESSION_PREFIX}*{_SUFFIX}"):
        session = path.name[len(_SESSION_PREFIX) : -len(_SUFFIX)]
        if session != own and session.isalnum() and not session_alive(root, session):
            ended += 1
    for born in folder.glob(f"{_SESSION_PREFIX}*.held"):
        # Left when a process died between removing its lock file and this mark.
        if not born.with_suffix(_SUFFIX).exists() and time.time() - born.stat().st_mtime > _BIRTH_SECONDS:
            born.unlink(missing_ok=True)
    return ended


def _writable_folder(folder: Path) -> bool:
    """Makes the locks folder where it is missing; False when this process cannot write there."""
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return False
        raise
    return os.access(folder, os.W_OK)


def _born_path(folder: Path, session: str) -> Path:
    return folder / f"{_SESSION_PREFIX}{session}.held"


def _session_path(folder: Path, session: str) -> Path:
    if not session.isalnum():
        raise ValueError("not a session id")
    return folder / f"{_SESSION_PREFIX}{session}{_SUFFIX}"
