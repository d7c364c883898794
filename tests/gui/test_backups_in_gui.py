"""Backups in the window: the last backup's age in the status bar, a backup by hand, one on quit."""

from __future__ import annotations


def test_the_window_warns_without_a_recent_backup_and_backs_up_on_quit(qtbot, window, desk, tmp_path):
    assert window.backup_label.objectName() == "backupWarning"
    task = window.make_backup(tmp_path / "hand.dsrbackup")
    qtbot.waitUntil(lambda: window.backup_label.objectName() == "backupState", timeout=20000)
    assert task is not None and (tmp_path / "hand.dsrbackup").exists()
    assert "Laatste reservekopie" in window.backup_label.text()
    desk.update_backup_settings(folder=str(tmp_path / "usb"), when="quit", keep=2)
    window.close()
    assert len(list((tmp_path / "usb").glob("*.dsrbackup"))) == 1
