"""Help → Logbestand openen and Help → Over DSR Desk (the version, and the third-party licences)."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dsr_desk import APP_NAME, __version__
from dsr_desk.gui.unexpected import open_log_file
from dsr_desk.i18n import t
from dsr_desk.licences import third_party_notices


def add_log_file_action(menu: QMenu) -> None:
    menu.addAction(t("gui.help.open_log")).triggered.connect(open_log_file)


def add_about_action(menu: QMenu, parent: QWidget) -> None:
    menu.addAction(t("gui.menu.about")).triggered.connect(lambda: AboutDialog(parent).open())


def _notices() -> str:
    try:
        return third_party_notices()
    except (metadata.PackageNotFoundError, ImportError, OSError):  # an installation without the file
        return t("gui.help.notices_missing")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("gui.help.about_title"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        title = QLabel(APP_NAME, self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.version = QLabel(t("gui.help.version", version=__version__), self)
        layout.addWidget(self.version)
        about = QLabel(t("gui.about"), self)
        about.setWordWrap(True)
        layout.addWidget(about)
        layout.addWidget(QLabel(t("gui.help.notices"), self))
        self.notices = QPlainTextEdit(self)
        self.notices.setReadOnly(True)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setPlainText(_notices())
        layout.addWidget(self.notices, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 560)  # fits 1366x768 with room for the taskbar
