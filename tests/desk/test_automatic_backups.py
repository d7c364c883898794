"""Automatic backups: a folder outside the workspace, on quit or daily, keeping the last N; the warning."""

from __future__ import annotations

import pytest

from dsr_desk.errors import BackupInsideWorkspaceError, ValidationError, WriteFailedError
from dsr_desk.store.backup_file import verify_backup


def test_daily_backups_keep_the_last_n_and_touch_nothing_else(desk, clock, tmp_path):
    nas = tmp_path / "nas"
    nas.mkdir()
    (nas / "vakantiefoto.jpg").write_bytes(b"jpeg")
    (nas / "dsr-desk-anders00-20260101-000000.dsrbackup").write_bytes(b"another workspace's")
    assert desk.backup_overdue() and not desk.automatic_backup_due()
    desk.update_backup_settings(folder=str(nas), when="daily", keep=2)
    made = []
    for _day in range(3):
        assert desk.automatic_backup_due()
        made.append(desk.run_automatic_backup())
        assert not desk.automatic_backup_due()
        clock.advance(days=1)
    ours = sorted(p for p in nas.iterdir() if p.name.startswith(f"dsr-desk-{desk.keyfile.workspace_id[:8]}"))
    assert ours == made[1:] and all(verify_backup(p).ok for p in ours)
    assert (nas / "vakantiefoto.jpg").exists() and (
        nas / "dsr-desk-anders00-20260101-000000.dsrbackup"
    ).exists()
    assert not desk.backup_overdue()
    clock.advance(days=7)
    assert desk.backup_overdue()
    desk._save(lambda current: current.with_changes(last_backup_at="gisteren"))  # edited by hand
    assert desk.last_backup_at() is None and desk.backup_overdue()
    (tmp_path / "ro").write_bytes(b"a file, not a folder")
    desk.update_backup_settings(folder=str(tmp_path / "ro" / "sub"), when="daily", keep=2)
    with pytest.raises(WriteFailedError):
        desk.run_automatic_backup()


def test_the_setting_is_checked(desk, tmp_path):
    with pytest.raises(BackupInsideWorkspaceError):
        desk.update_backup_settings(folder=str(desk.paths.backups), when="daily", keep=3)
    with pytest.raises(ValidationError):
        desk.update_backup_settings(folder="", when="quit", keep=3)
    with pytest.raises(ValidationError):
        desk.update_backup_settings(folder=str(tmp_path), when="quit", keep=0)
    desk.update_backup_settings(folder=str(tmp_path / "usb"), when="quit", keep=3)
    assert desk.automatic_backup_due(quitting=True) and not desk.automatic_backup_due()
    assert (desk.settings.backup_folder, desk.settings.backup_when, desk.settings.backup_keep) == (
        str(tmp_path / "usb"),
        "quit",
        3,
    )
