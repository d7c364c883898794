"""Small shared pieces of form dialogs: the problem banner and field highlighting."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from dsr_desk.errors import ValidationError


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
