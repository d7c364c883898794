"""Windows that fit the screen they are on: a 1366x768 laptop with a taskbar leaves about 1366x728, and
every window and dialog fits that; where a dialog is tall its content scrolls, its buttons never do. The
main window's geometry is remembered per screen (QSettings: the user's own preferences, never the
workspace, which colleagues may share)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from dsr_desk import APP_NAME

# What the window manager adds around a window: the title bar above, a thin border around.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int, area: QRect | None = None) -> None:
    """Resizes to the wished size, or to the room the screen has if that is less."""
    area = area or available_area(widget)
    widget.resize(min(width, area.width() - FRAME_WIDTH), min(height, area.height() - FRAME_HEIGHT))


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """`content` in a frameless scroll area that scrolls vertically only when the room runs out."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


def preferences() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, "window")


def _screen_key(widget: QWidget) -> str:
    area = available_area(widget)
    screen = widget.screen() or QGuiApplication.primaryScreen()
    name = "".join(c if c.isalnum() else "_" for c in (screen.name() or "screen"))
    return f"geometry/{name}_{area.width()}x{area.height()}"


def restore_geometry(widget: QWidget, width: int, height: int) -> bool:
    """The geometry last used on this screen, else the wished size fitted to it; True if restored."""
    saved = preferences().value(_screen_key(widget))
    if isinstance(saved, QByteArray) and widget.restoreGeometry(saved):
        area = available_area(widget)
        if area.contains(widget.frameGeometry().center()):
            return True
    fit_to_screen(widget, width, height)
    return False


def remember_geometry(widget: QWidget) -> None:
    settings = preferences()
    settings.setValue(_screen_key(widget), widget.saveGeometry())
    settings.sync()
