"""Locking on idle and on a locked screen, as KeePassXC does: the window with the case in it goes, the
workspace is closed, the unlock dialog returns, and unlocking brings the window back where it was."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from dsr_desk.errors import ValidationError
from dsr_desk.gui import idle_lock
from dsr_desk.gui.idle_lock import IdleLock, watch_screen_lock
from dsr_desk.gui.main_window import MainWindow
from dsr_desk.gui.session import Session
from dsr_desk.gui.unlock_dialog import UnlockDialog
from dsr_desk.store.settings import load_settings
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case


@pytest.fixture
def fast_minutes(monkeypatch):
    """A minute of 150 ms: the idle lock's own timer, at a speed a test can wait for."""
    monkeypatch.setattr(idle_lock, "MINUTE_MS", 150)


def _session(qtbot, passphrase_desk) -> tuple[Session, str]:
    reference = make_case(passphrase_desk, name="Jan de Vries").reference
    passphrase_desk.close()
    session = Session(passphrase_desk.paths.root)
    session.begin()
    unlock = session.start.dialog
    assert isinstance(unlock, UnlockDialog)
    qtbot.addWidget(unlock)
    unlock.passphrase.setText(PASSPHRASE)
    unlock.open_button.click()
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    return session, reference


def test_idle_minutes_lock_the_workspace_and_unlocking_brings_the_case_back(
    qtbot, passphrase_desk, fast_minutes
):
    session, reference = _session(qtbot, passphrase_desk)
    window, unlock_at_start = session.window, session.start.dialog
    window.select_case(reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    message = QMessageBox(window)  # an open dialog goes with the window
    message.open()
    qtbot.waitUntil(lambda: session.start.dialog is not unlock_at_start and session.start.dialog.isVisible())
    unlock = session.start.dialog
    qtbot.addWidget(unlock)
    assert unlock.explanation.text() == (
        "De werkmap is vergrendeld: er is 10 minuten niet mee gewerkt. "
        "Geef de wachtwoordzin om verder te werken."
    )
    qtbot.waitUntil(lambda: not shiboken6.isValid(window) and not shiboken6.isValid(message))
    assert session.window is None
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert session.window is None and session.start.dialog is unlock  # nothing holds the old workspace
    unlock.passphrase.setText(PASSPHRASE)
    unlock.open_button.click()
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    assert session.window.case_view.case is not None and session.window.case_view.case.reference == reference
    session.window.idle_lock.set_minutes(0)
    session.close()


def test_activity_in_any_window_starts_the_idle_time_again(qtbot, fast_minutes):
    lock = IdleLock(2)  # 300 ms here
    locked = []
    lock.lock_requested.connect(locked.append)
    qtbot.waitUntil(lambda: lock.timer.remainingTime() < 150)
    field = QLineEdit()
    qtbot.addWidget(field)
    qtbot.keyClick(field, "a")  # typing anywhere in the application
    later = QTimer()
    later.setSingleShot(True)
    with qtbot.waitSignal(later.timeout):
        later.start(200)  # past the first deadline
    assert locked == []
    qtbot.waitUntil(lambda: locked == ["idle"], timeout=2000)  # then idle again for the whole time
    lock.stop()


def test_long_work_in_progress_is_not_idleness(qtbot, window, fast_minutes, monkeypatch):
    monkeypatch.setattr(idle_lock, "background_work_running", lambda: True)
    locked = []
    window.idle_lock.lock_requested.connect(locked.append)
    window.idle_lock.set_minutes(1)
    qtbot.waitUntil(lambda: window.idle_lock.timer.remainingTime() > 100 and len(locked) == 0)
    qtbot.waitSignal(window.idle_lock.timer.timeout, timeout=2000).wait()
    assert locked == [] and window.idle_lock.timer.isActive()  # it waits again instead
    window.idle_lock.set_minutes(0)


def test_idle_lock_is_a_setting_of_ten_minutes_by_default(desk):
    assert desk.settings.idle_lock_minutes == 10
    desk.update_lock_settings(idle_lock_minutes=0)
    assert load_settings(desk.paths.settings).idle_lock_minutes == 0
    with pytest.raises(ValidationError):
        desk.update_lock_settings(idle_lock_minutes=241)


def test_the_settings_dialog_sets_the_idle_minutes(qtbot, window, desk):
    dialog = window.show_settings()
    dialog.general.idle_lock.setValue(25)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert desk.settings.idle_lock_minutes == 25 and window.idle_lock.minutes == 25


def test_a_suspend_that_qt_reports_locks_at_once(qtbot):
    lock = IdleLock(10)
    with qtbot.waitSignal(lock.lock_requested) as locked:
        QGuiApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert locked.args == ["suspend"]
    lock.stop()


@pytest.mark.skipif(not shutil.which("dbus-daemon") or not shutil.which("dbus-send"), reason="needs D-Bus")
def test_a_locked_screen_locks_at_once(qtbot, tmp_path):
    from PySide6.QtDBus import QDBusConnection

    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1",
         f"--address=unix:path={tmp_path / 'bus'}"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        address = daemon.stdout.readline().strip()
        bus = QDBusConnection.connectToBus(address, "idle-lock-test")
        lock = IdleLock(0)
        assert "org.freedesktop.ScreenSaver.ActiveChanged" in watch_screen_lock(lock, session=bus, system=bus)
        with qtbot.waitSignal(lock.lock_requested, timeout=5000) as locked:
            subprocess.run(
                ["dbus-send", f"--bus={address}", "--type=signal", "/org/freedesktop/ScreenSaver",
                 "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:true"],
                check=True,
            )  # fmt: skip
        assert locked.args == ["screen"]
        lock.stop()
        QDBusConnection.disconnectFromBus("idle-lock-test")
    finally:
        daemon.terminate()
        daemon.wait()
        daemon.stdout.close()
