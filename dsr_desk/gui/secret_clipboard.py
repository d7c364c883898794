"""A secret on the clipboard (a recovery key, an export password) is taken off it again after a while, as
KeePassXC does: whatever is pasted next, wherever, should not be the key to the workspace.

A dialog that shows a secret watches the clipboard while it is open, so a secret copied by hand (selected,
Ctrl+C) is cleared too, not only one copied with its button. Only the secret is cleared: what the user
copied after it stays. And when the application quits, a secret still there goes with it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLIPBOARD_SECONDS = 120
_PENDING: set[str] = set()
_HOOKED: list[QObject] = []  # the application whose quit clears what is still pending


def copy_secret(secret: str) -> None:
    QGuiApplication.clipboard().setText(secret)
    clear_later(secret)


def clear_later(secret: str) -> None:
    """Clears the clipboard in CLIPBOARD_SECONDS if it still holds `secret`; at quit if that comes first."""
    _PENDING.add(secret)
    app = QGuiApplication.instance()
    if app is not None and app not in _HOOKED:
        app.aboutToQuit.connect(_clear_all)
        _HOOKED[:] = [app]
    # No context object: the timer must fire even when the dialog that showed the secret is gone.
    QTimer.singleShot(int(CLIPBOARD_SECONDS * 1000), lambda: _clear(secret))


def is_pending(secret: str) -> bool:
    """Whether `secret` is still to be cleared (its time has not come yet)."""
    return secret in _PENDING


def _clear(secret: str) -> None:
    _PENDING.discard(secret)
    clipboard = QGuiApplication.clipboard()
    if _holds(clipboard.text(), secret):
        clipboard.clear()


def _clear_all() -> None:
    for secret in list(_PENDING):
        _clear(secret)


def _holds(text: str, secret: str) -> bool:
    """The secret as copied, or as selected by hand with a space or line break around it."""
    return bool(text) and secret in text and len(text) < 2 * len(secret) + 8


class SecretClipboardWatch(QObject):
    """While `parent` lives: the moment the clipboard holds `secret`, however it got there, it is set to
    be cleared."""

    def __init__(self, secret: str, parent: QObject) -> None:
        super().__init__(parent)
        self._secret = secret
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        if _holds(QGuiApplication.clipboard().text(), self._secret):
            clear_later(self._secret)
