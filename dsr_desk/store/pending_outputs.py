"""Outputs being written outside the workspace (an export for the person, an archive, a letter), recorded
while they are written so that what a killed process leaves behind is found and removed.

Such a file is written under a hidden temp name beside its target and renamed into place when whole
(store/atomic.py). A process killed in between (SIGKILL, a power cut) leaves the temp file: plain personal
data in a folder nobody looks at. So each session records the temp names it is writing, encrypted, in the
workspace's locks folder; the next desk that opens removes those of sessions that are gone. A process that
is asked to stop (SIGTERM, closing the window) removes its own at once: see `remove_own`.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
from pathlib import Path

from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_write
from dsr_desk.store.crypto import UnwrapError, derive_subkey, unwrap, wrap

log = logging.getLogger(__name__)

_PREFIX, _SUFFIX = "outputs-", ".dsrpending"
# Only a name atomic_writer makes is ever removed: a record can never make this delete a user's own file.
_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")


def pending_outputs_key(master: bytes) -> bytes:
    return derive_subkey(master, "dsr-desk/pending-outputs/v1")


class PendingOutputs:
    """One session's record, for as long as its desk is open. Its names are absolute paths on this host."""

    def __init__(self, locks: Path, session: str, key: bytes, workspace_id: str) -> None:
        self._locks, self._key, self._context = locks, key, _context(workspace_id)
        self._path = locks / f"{_PREFIX}{session}{_SUFFIX}"
        self._writing: set[Path] = set()
        self._mutex = threading.Lock()  # exports and letters are written on worker threads too

    def started(self, temp: Path) -> None:
        with self._mutex:
            self._writing.add(temp)
            self._save()

    def ended(self, temp: Path) -> None:
        with self._mutex:
            self._writing.discard(temp)
            self._save()

    def remove_own(self) -> None:
        """When the desk closes while something is still being written (a stop asked, the window closed):
        what it wrote so far goes, then the record."""
        with self._mutex:
            if not self._writing:
                return
            for temp in self._writing:
                _remove_temp(temp)
            self._writing.clear()
            self._save()

    def _save(self) -> None:
        try:
            if self._writing:
                _write_record(self._path, self._writing, self._key, self._context)
            else:
                self._path.unlink(missing_ok=True)
        except OSError:
            # The output itself may still succeed; only its clean-up after a kill is not assured.
            log.warning("could not record an output being written")


def remove_abandoned(locks: Path, alive, key: bytes, workspace_id: str) -> int:
    """Removes the unfinished outputs of sessions that are gone (`alive(session)` False); how many.

    Only a record made on this computer is acted on (the paths are this computer's); a name whose folder
    is not there now (a USB disk, a share not mounted) stays recorded for a later start."""
    removed, context = 0, _context(workspace_id)
    for record in locks.glob(f"{_PREFIX}*{_SUFFIX}"):
        session = record.name[len(_PREFIX) : -len(_SUFFIX)]
        if not session.isalnum() or alive(session):
            continue
        try:
            data = strict_json.loads(unwrap(strict_json.loads(record.read_bytes()), key, context))
            host, names = str(data["host"]), [Path(str(name)) for name in data["names"]]
        except (OSError, ValueError, UnwrapError, KeyError, TypeError):
            continue  # not ours to act on; it names nothing we would trust
        if host != socket.gethostname():
            continue
        unreachable = {name for name in names if not name.parent.is_dir()}
        removed += sum(_remove_temp(name) for name in names if name not in unreachable)
        try:
            if unreachable:
                _write_record(record, unreachable, key, context)
            else:
                record.unlink(missing_ok=True)
        except OSError:
            log.warning("could not update a record of outputs left behind")
    return removed


def _write_record(path: Path, names: set[Path], key: bytes, context: bytes) -> None:
    data = {"host": socket.gethostname(), "names": sorted(str(p) for p in names)}
    sealed = wrap(json.dumps(data).encode("utf-8"), key, context)
    atomic_write(path, json.dumps(sealed).encode("ascii"))


def _remove_temp(temp: Path) -> int:
    if not _TEMP_NAME.match(temp.name):
        return 0
    try:
        temp.unlink()
    except OSError:
        return 0  # gone already, or a folder turned read-only meanwhile: nothing more to do from here
    return 1


def _context(workspace_id: str) -> bytes:
    return f"dsr-desk/pending-outputs/{workspace_id}".encode()
