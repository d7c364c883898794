"""Telling the user what went wrong, in one plain sentence, without blocking the event loop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from dsr_desk.errors import DsrDeskError
from dsr_desk.i18n import t


def show_error(parent: QWidget | None, error: DsrDeskError) -> QMessageBox:
    return show_message(parent, t("gui.error_title"), error.message(), QMessageBox.Icon.Warning)


def show_message(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages can quote user input
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
