"""Backups of the whole workspace, as the desk takes them: a consistent snapshot under the workspace lock.

Under the lock no case is created or destroyed and no setting, handler or key file changes. Case changes do
not take that lock, so each database is copied by SQLite's backup API, which reads one committed state of
it; the index is copied first and the cases after it, so a case may be a change ahead of the index (which
the desk brings up to date when the case is opened, as after a crash between the two writes) but never
behind it, which would look like a case rolled back.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from dsr_desk.errors import (
    BackupInsideWorkspaceError,
    CaseKeyMissingError,
    IndexCorruptError,
    WriteFailedError,
)
from dsr_desk.store.backup_file import BackupMember, write_backup
from dsr_desk.store.sqlcipher import NotReadableError, snapshot
from dsr_desk.store.workspace import CASE_SUFFIX, is_reference

if TYPE_CHECKING:
    from dsr_desk.desk.workspace import Desk

_SKIPPED_ENDINGS = ("-journal", "-wal", "-shm", ".tmp")


class BackupActions:
    """Mixed into Desk; relies on its paths, lock, keys and settings."""

    def write_backup(self: Desk, path: Path) -> dict:
        """One `.dsrbackup` file at `path`, outside the workspace; returns its manifest. A case whose file
        cannot be read with its key is carried as the bytes it is (listed in the manifest's `as_is`)."""
        path = Path(path).absolute()
        if path.is_relative_to(self.paths.root.absolute()):
            raise BackupInsideWorkspaceError(path=str(path))
        try:
            staging = Path(tempfile.mkdtemp(prefix=".dsrbackup-", dir=path.parent))
            try:
                with self.workspace_lock():
                    members, as_is = _snapshot(self, staging)
                    taken_at = self.now()
                meta = {
                    "workspace_id": self.keyfile.workspace_id,
                    "created_at": taken_at.isoformat(timespec="seconds"),
                    "as_is": as_is,
                }
                manifest = write_backup(path, members, meta)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        except OSError as exc:  # a NAS not mounted, a full USB disk: a plain sentence, nothing left behind
            raise WriteFailedError(path=str(path), reason=exc.strerror or type(exc).__name__) from None
        if not self.read_only:  # the window says when the last backup was made, in every process
            self._save(lambda current: current.with_changes(last_backup_at=meta["created_at"]))
        return manifest


def _snapshot(desk: Desk, staging: Path) -> tuple[list[BackupMember], list[str]]:
    root = desk.paths.root
    try:
        members = [_database(desk.paths.index, desk.index_key(), staging, "index.dsrdb")]
    except NotReadableError as exc:
        raise IndexCorruptError(reason=exc.reason) from None
    for name in ("keyfile.json", "settings.toml", "signing.json"):
        if (root / name).exists():
            members.append(_copied(root / name, staging, name))
    as_is: list[str] = []
    (staging / "cases").mkdir()
    attachments = desk.paths.attachment_folders_on_disk()
    for entry in sorted(_files(desk.paths.cases), key=lambda p: p.name):
        name = f"cases/{entry.name}"
        reference = entry.name[: -len(CASE_SUFFIX)]
        if entry.name.endswith(CASE_SUFFIX) and is_reference(reference):
            # A case's large attachments are copied while its snapshot's read lock is held: every file the
            # snapshot names is there (a removal happens after its commit, which waits for the lock).
            files = _Attachments(desk, reference, staging) if reference in attachments else None
            try:
                members.append(_database(entry, desk.case_key(reference), staging, name, files))
                members += files.copied if files else []
                continue
            except (NotReadableError, CaseKeyMissingError):
                as_is.append(reference)
                members += files.copy() if files else []
        members.append(_copied(entry, staging, name))
    for folder in ("letters", "letterhead"):
        for entry in sorted(_files(root / folder, recursive=True)):
            name = entry.relative_to(root).as_posix()
            members.append(_copied(entry, staging, name))
    return members, as_is


def _files(folder: Path, recursive: bool = False) -> list[Path]:
    """The workspace's own files: no temp file, journal or hidden file of an interrupted write."""
    if not folder.is_dir():
        return []
    found = folder.rglob("*") if recursive else folder.iterdir()
    return [
        p
        for p in found
        if p.is_file()
        and not p.is_symlink()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and not p.name.endswith(_SKIPPED_ENDINGS)
    ]


class _Attachments:
    """The files of `cases/<ref>.files/`, copied when called (under the case's read lock)."""

    def __init__(self, desk: Desk, reference: str, staging: Path) -> None:
        self.folder = desk.paths.case_attachments(reference)
        self.staging = staging
        self.copied: list[BackupMember] = []

    def copy(self) -> list[BackupMember]:
        self.copied = [
            _copied(entry, self.staging, f"cases/{self.folder.name}/{entry.name}")
            for entry in sorted(_files(self.folder), key=lambda p: p.name)
        ]
        return self.copied

    def __call__(self) -> None:
        self.copy()


def _database(source: Path, key: bytes, staging: Path, name: str, while_held=None) -> BackupMember:
    destination = staging / name
    try:
        snapshot(source, key, destination, while_held)
    except NotReadableError:
        destination.unlink(missing_ok=True)
        raise
    return BackupMember(name, destination)


def _copied(source: Path, staging: Path, name: str) -> BackupMember:
    destination = staging / name
    destination.parent.mkdir(parents=True, exist_ok=True)
    with open(source, "rb") as origin:
        fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as copy:
            shutil.copyfileobj(origin, copy)
    return BackupMember(name, destination)
