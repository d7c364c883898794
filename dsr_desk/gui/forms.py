"""Small shared pieces of form dialogs: the form dialog itself, the problem banner and field highlighting."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

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
    """Outlines the widgets of the fields that have a problem (and clears the rest)."""
    wrong = error.fields_with_problems() if error else set()
    for name, widget in fields.items():
        widget.setProperty("invalid", name in wrong)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


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
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(t("gui.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
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
