"""Small shared pieces of form dialogs: the form dialog itself, the problem banner and field highlighting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.i18n import t


class ProblemBanner(QLabel):
    """A red box at the top of a form listing what to fix, one sentence per problem."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setWordWrap(True)
        self.hide()

    def show_problems(self, messages: list[str]) -> None:
        self.setText("\n".join(f"• {message}" for message in messages))
        self.setVisible(bool(messages))
        # Grow the dialog to fit the banner rather than squeeze the form under it.
        window = self.window()
        if window is not self:
            window.resize(window.width(), max(window.height(), window.sizeHint().height()))


def mark_fields(fields: dict[str, QWidget], error: ValidationError | None) -> None:
    """Outlines the widgets of the fields that have a problem (and clears the rest). The outline goes as
    soon as the field is changed: a red border never stays on a field that has been filled in."""
    wrong = error.fields_with_problems() if error else set()
    for name, widget in fields.items():
        _set_invalid(widget, name in wrong)
        if name in wrong and not widget.property("clearsWhenEdited"):
            widget.setProperty("clearsWhenEdited", True)
            for signal in _edited_signals(widget):
                signal.connect(lambda *_args, w=widget: _set_invalid(w, False))


def _set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


_EDITED = ("textChanged", "currentIndexChanged", "dateChanged", "toggled", "valueChanged", "itemChanged")


def _edited_signals(widget: QWidget) -> list:
    """The signal that says the field was edited; for a group of boxes, each box's."""
    for name in _EDITED:
        if (signal := getattr(widget, name, None)) is not None:
            return [signal]
    return [signal for child in widget.findChildren(QAbstractButton) for signal in _edited_signals(child)]


class FormDialog(QDialog):
    """A form whose values go to `submit`, which may refuse them; the refusal is shown, the form stays open.

    Subclasses fill `form` (label and field rows) and `extra` (anything below it), and name the widgets of
    validated fields in `fields` so a refused field is outlined.
    """

    def __init__(self, title: str, action: str, parent: QWidget | None = None, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.banner = ProblemBanner(self)
        self.form = QFormLayout()
        self.extra = QVBoxLayout()
        self.fields: dict[str, QWidget] = {}
        buttons, self.ok_button = action_buttons(self, action, self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        if intro:
            explanation = QLabel(intro, self)
            explanation.setWordWrap(True)
            layout.addWidget(explanation)
        layout.addLayout(self.form)
        layout.addLayout(self.extra)
        layout.addWidget(buttons)

    def submit(self) -> object:
        return None

    def _accept(self) -> None:
        try:
            self.submit()
        except ValidationError as error:
            mark_fields(self.fields, error)
            self.banner.show_problems(error.problem_messages())
            return
        except DsrDeskError as error:
            self.banner.show_problems([error.message()])
            return
        self.accept()


def action_buttons(
    dialog: QDialog, action: str, on_accept: Callable[[], object], cancel: str = ""
) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's own action (the default button) and Cancel (or `cancel`), which rejects."""
    buttons = QDialogButtonBox(dialog)
    button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    button.setDefault(True)
    buttons.addButton(cancel or t("gui.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, button


def date_edit(
    parent: QWidget, day: dt.date, earliest: dt.date | None = None, latest: dt.date | None = None
) -> QDateEdit:
    """A date field with a calendar, written out ('22 november 2026'), optionally bounded."""
    edit = QDateEdit(_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    if earliest is not None:
        edit.setMinimumDate(_qdate(earliest))
    if latest is not None:
        edit.setMaximumDate(_qdate(latest))
    return edit


def secret_label(text: str, parent: QWidget) -> QLabel:
    """A secret shown once (a recovery key, an export password): large, monospaced, selectable."""
    label = QLabel(text, parent)
    label.setObjectName("recoveryKey")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    font.setStyleHint(QFont.StyleHint.Monospace)
    label.setFont(font)
    return label


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def plain_label(parent: QWidget, object_name: str = "") -> QLabel:
    """A label for user text: never interpreted as rich text, so '<b>' or '<img>' in a name shows as typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def section_label(text: str, parent: QWidget, heading: bool = False) -> QLabel:
    """A field's label, or with `heading` a section's heading, in the style sheet's terms."""
    label = QLabel(text, parent)
    label.setObjectName("sectionHeading" if heading else "fieldLabel")
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
