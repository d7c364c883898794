"""Locking the workspace when nobody is there, as KeePassXC does: after a number of minutes without a key
press or a mouse movement in any of the application's windows, and at once when the screen locks or the
computer goes to sleep, where the system says so.

What tells us: Qt's application state (suspended, on platforms that report it), and on Linux the D-Bus
signals of the screen saver (freedesktop and GNOME) and of logind before a suspend. Elsewhere the idle
timer is what locks. Long work in progress (an export) keeps the workspace open: it is someone's doing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from dsr_desk.gui.background import background_work_running

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}
MINUTE_MS = 60 * 1000
# (bus, interface, signal): a bool argument, true when the screen locks or the system is about to sleep.
_LOCK_SIGNALS = (
    ("session", "org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("session", "org.gnome.ScreenSaver", "ActiveChanged"),
    ("system", "org.freedesktop.login1.Manager", "PrepareForSleep"),
)


class IdleLock(QObject):
    lock_requested = Signal(str)  # why: idle | screen | suspend

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._idle)
        self.set_minutes(minutes)
        app = QGuiApplication.instance()
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)

    def set_minutes(self, minutes: int) -> None:
        """0: never on idle (a locked screen or a suspend still locks)."""
        self.minutes = minutes
        if minutes:
            self.timer.start(minutes * MINUTE_MS)
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()
        QGuiApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.minutes and event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def _idle(self) -> None:
        if background_work_running():
            self.timer.start()  # an export running for half an hour is work, not absence
            return
        self.lock_requested.emit("idle")

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_requested.emit("suspend")

    @Slot(bool)
    def screen_locked(self, active: bool) -> None:
        """Called by the D-Bus screen saver and logind signals (see watch_screen_lock)."""
        if active:
            self.lock_requested.emit("screen")


def watch_screen_lock(lock: IdleLock, session=None, system=None) -> list[str]:
    """Connects the screen saver's and logind's signals where there is a D-Bus (Linux desktops); returns
    the interfaces listened to. Buses may be given (a test's private bus); by default the user's own."""
    try:
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # no QtDBus in this build of Qt: the idle timer alone locks
        return []
    buses = {
        "session": session if session is not None else QDBusConnection.sessionBus(),
        "system": system if system is not None else QDBusConnection.systemBus(),
    }
    connected = []
    for bus_name, interface, signal in _LOCK_SIGNALS:
        bus = buses[bus_name]
        if bus.isConnected() and bus.connect("", "", interface, signal, lock, SLOT("screen_locked(bool)")):
            connected.append(f"{interface}.{signal}")
    return connected
