"""Restoring a backup: all or nothing, never over an existing workspace.

The whole backup is checked first. Then its files are written into a hidden folder beside the target, each
hashed again as it is written (the backup could change between the check and the copy), and only a complete,
checked copy is renamed into place. Whatever fails, the target does not appear and the hidden folder goes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
import zipfile
from pathlib import Path

from dsr_desk.errors import BackupDamagedError, RestoreTargetExistsError
from dsr_desk.store.atomic import PRIVATE, fsync_directory
from dsr_desk.store.backup_file import CHUNK, PREFIX, BackupReport, safe_name, verify_backup
from dsr_desk.store.workspace import WorkspacePaths

_FOLDER_MODE = 0o700


def restore_backup(backup: Path, target: Path) -> BackupReport:
    """The workspace in `backup` as the folder `target`, which must not exist or be empty."""
    target = Path(target).absolute()
    _refuse_existing(target)
    report = verify_backup(backup)
    if not report.ok:
        raise BackupDamagedError(reason=report.messages()[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.restoring-{secrets.token_hex(4)}"
    staging.mkdir(mode=_FOLDER_MODE)
    try:
        with zipfile.ZipFile(backup) as archive:
            for entry in report.files:
                _extract(archive, entry, staging)
        WorkspacePaths(staging).make_folders()
        _refuse_existing(target)
        if target.exists():
            target.rmdir()  # empty, checked just now
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    fsync_directory(target.parent)
    return report


def _refuse_existing(target: Path) -> None:
    if target.is_symlink() or (target.exists() and (not target.is_dir() or any(target.iterdir()))):
        raise RestoreTargetExistsError(path=str(target))


def _extract(archive: zipfile.ZipFile, entry: dict, staging: Path) -> None:
    name = str(entry["name"])
    if not safe_name(name):  # checked with the manifest already; a path outside the folder is never written
        raise BackupDamagedError(reason=name)
    path = staging.joinpath(*name.split("/"))
    for folder in reversed(path.relative_to(staging).parents[:-1]):
        (staging / folder).mkdir(mode=_FOLDER_MODE, exist_ok=True)
    digest = hashlib.sha256()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE)
    with os.fdopen(fd, "wb") as out, archive.open(PREFIX + name) as member:
        while chunk := member.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != entry["sha256"]:
        raise BackupDamagedError(reason=name)
    with contextlib.suppress(OSError):
        fsync_directory(path.parent)
