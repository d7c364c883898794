"""One window per workspace per user on a computer: a second start brings the running window to the front
instead of opening a second copy.

Who runs is decided by a lock file in the workspace (per user and computer), so two starts at the same
moment cannot both win; the winner then listens on a local socket (QLocalServer) for the others' knock.
"""

from __future__ import annotations

import getpass
import hashlib
import socket
from pathlib import Path

from filelock import FileLock, Timeout
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from dsr_desk.store.locks import locks_folder

_KNOCK = b"activate\n"
_WAIT_MS = 2000


class SingleInstance(QObject):
    activated = Signal()  # another start knocked: bring the window to the front

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        who = f"{getpass.getuser()}@{socket.gethostname()}"
        digest = hashlib.sha256(f"{who}\0{Path(root).resolve()}".encode()).hexdigest()[:24]
        self.name = f"dsr-desk-{digest}"
        folder = locks_folder(root)
        self._lock_path = folder / f"window-{digest}.lock"
        self._lock: FileLock | None = None
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this start is the one window; False when another is running (it was told to come
        to the front). A workspace folder that does not exist yet has no window: this one is it."""
        if not self._lock_path.parent.exists():
            return True  # first run: the folder is made by the set-up, and nobody else can be in it yet
        lock = FileLock(self._lock_path, mode=0o600, thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            self._knock()
            return False
        self._lock = lock
        # Holding the lock, a socket name left by a crashed window can safely be cleared.
        QLocalServer.removeServer(self.name)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._knocked)
        self._server.listen(self.name)
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.release(force=True)
            self._lock = None

    def _knock(self) -> None:
        client = QLocalSocket()
        client.connectToServer(self.name)
        if client.waitForConnected(_WAIT_MS):
            client.write(_KNOCK)
            client.waitForBytesWritten(_WAIT_MS)
            client.disconnectFromServer()
        client.close()

    def _knocked(self) -> None:
        # Only this user can connect (UserAccessOption), and a knock asks for nothing but to be seen: any
        # connection brings the window forward; nothing it sends is read.
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.disconnected.connect(connection.deleteLater)
            connection.disconnectFromServer()
            self.activated.emit()
