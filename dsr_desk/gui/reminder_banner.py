"""The daily reminder: a banner in the main window, and a system-tray notification where there is a tray."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QToolButton, QWidget

from dsr_desk import APP_NAME
from dsr_desk.i18n import t
from dsr_desk.rules.overview import Reminder


def reminder_text(reminder: Reminder) -> str:
    parts = []
    if reminder.overdue:
        parts.append(t("gui.reminder.overdue", count=len(reminder.overdue), first=reminder.overdue[0]))
    if reminder.due_soon:
        parts.append(t("gui.reminder.due_soon", count=len(reminder.due_soon)))
    return " ".join(parts)


class ReminderBanner(QFrame):
    show_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.show_button = QPushButton(t("gui.reminder.show"), self)
        self.show_button.clicked.connect(self.show_requested.emit)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(t("gui.reminder.dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(close)
        self.hide()

    def show_reminder(self, reminder: Reminder) -> None:
        self.text.setText(reminder_text(reminder))
        self.setVisible(bool(reminder))


class TrayNotifier:
    """A tray icon that says the same as the banner. Absent where the platform has no tray."""

    def __init__(self, icon: QIcon, parent: QWidget) -> None:
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, parent)
            self.tray.setToolTip(APP_NAME)
            self.tray.show()

    def notify(self, reminder: Reminder) -> bool:
        if self.tray is None or not reminder:
            return False
        self.tray.showMessage(
            t("gui.reminder.title"), reminder_text(reminder), QSystemTrayIcon.MessageIcon.Warning
        )
        return True
