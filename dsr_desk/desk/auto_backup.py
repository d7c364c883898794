"""Automatic backups as a setting: a folder outside the workspace (a NAS, a USB disk, a synced folder: the
backup is encrypted, so it is safe there), on quit or daily, keeping the last N. And how old the last
backup is, so the window can say so and warn after a week without one."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from dsr_desk.errors import BackupInsideWorkspaceError, ValidationError, WriteFailedError
from dsr_desk.store.backup_file import SUFFIX
from dsr_desk.store.settings import BACKUP_WHEN, MAX_BACKUP_KEEP

if TYPE_CHECKING:
    from dsr_desk.desk.workspace import Desk

WARN_AFTER = dt.timedelta(days=7)
DAILY = dt.timedelta(days=1)


class AutomaticBackupActions:
    """Mixed into Desk; relies on its settings and write_backup."""

    def update_backup_settings(self: Desk, *, folder: str, when: str, keep: int) -> None:
        self.require_officer("handlers.what.backups")
        if when not in BACKUP_WHEN:
            raise ValueError(when)
        if not 1 <= keep <= MAX_BACKUP_KEEP:
            raise ValidationError([("keep", "validation.backup_keep", {"max": MAX_BACKUP_KEEP})])
        folder = folder.strip()
        if when != "off" and not folder:
            raise ValidationError([("folder", "validation.backup_folder", {})])
        if folder and Path(folder).absolute().is_relative_to(self.paths.root.absolute()):
            raise BackupInsideWorkspaceError(path=folder)
        self._save(
            lambda current: current.with_changes(backup_folder=folder, backup_when=when, backup_keep=keep)
        )

    def last_backup_at(self: Desk) -> dt.datetime | None:
        try:
            moment = dt.datetime.fromisoformat(self.settings.last_backup_at)
        except ValueError:  # none yet, or a hand-edited settings file: as if there was none
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)

    def backup_overdue(self: Desk) -> bool:
        """No backup in the last 7 days (or never): the window warns."""
        last = self.last_backup_at()
        return last is None or self.now() - last > WARN_AFTER

    def automatic_backup_due(self: Desk, quitting: bool = False) -> bool:
        when, last = self.settings.backup_when, self.last_backup_at()
        if when == "quit":
            return quitting
        if when == "daily":
            return last is None or self.now() - last >= DAILY
        return False

    def run_automatic_backup(self: Desk) -> Path:
        """A backup into the folder of the setting, named by workspace and moment; older ones beyond the
        last N of this workspace are removed (never another workspace's, never any other file)."""
        folder = Path(self.settings.backup_folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteFailedError(path=str(folder), reason=exc.strerror or type(exc).__name__) from None
        stamp = self.now().astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S")
        prefix = f"dsr-desk-{self.keyfile.workspace_id[:8]}-"
        target = folder / f"{prefix}{stamp}{SUFFIX}"
        self.write_backup(target)
        pattern = re.compile(re.escape(prefix) + r"\d{8}-\d{6}" + re.escape(SUFFIX) + "$")
        ours = sorted(p for p in folder.iterdir() if pattern.match(p.name) and p.is_file())
        for old in ours[: -self.settings.backup_keep]:
            old.unlink(missing_ok=True)  # another window's rotation may have taken it already
        return target
