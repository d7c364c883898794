"""Opening a workspace: who you are (when several handlers share it), your passphrase, or, when the
keychain fails, what happened and the way out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.forms import ProblemBanner
from dsr_desk.i18n import t


class UnlockDialog(QDialog):
    unlocked = Signal(object)  # the open Desk
    recovery_requested = Signal()

    def __init__(
        self,
        open_desk: Callable[[str | None, str | None], object],
        *,
        handlers: list[tuple[str, bool]],
        chosen: str | None = None,
        problem: str = "",
        locked: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """`handlers`: (name, opens with a passphrase) for each handler; `open_desk(name, passphrase)`.
        `locked`: why the open workspace was locked; then the dialog asks to open it again."""
        super().__init__(parent)
        self._open_desk = open_desk
        self._handlers = dict(handlers)
        self.who = QComboBox(self)
        for name, _needs in handlers:
            self.who.addItem(name, name)
        if chosen in self._handlers:
            self.who.setCurrentIndex(self.who.findData(chosen))
        needs_passphrase = self._handlers[self.who.currentData()]
        self.setWindowTitle(t("gui.unlock.title"))
        self.setMinimumWidth(460)
        self.banner = ProblemBanner(self)
        if locked:
            go_on = t("gui.unlock.locked_passphrase" if needs_passphrase else "gui.unlock.locked_open")
            intro = f"{locked} {go_on}"
        else:
            intro = t("gui.unlock.passphrase_intro" if needs_passphrase else "gui.unlock.keychain_intro")
        self.explanation = explanation = QLabel(intro, self)
        explanation.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setVisible(needs_passphrase)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            t("gui.unlock.open" if needs_passphrase or locked else "gui.unlock.retry"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.open_button.setDefault(True)
        recovery = buttons.addButton(t("gui.unlock.use_recovery_key"), QDialogButtonBox.ButtonRole.ActionRole)
        recovery.clicked.connect(self._recover)
        buttons.addButton(t("gui.quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._unlock)
        buttons.rejected.connect(self.reject)
        self.who_label = QLabel(t("gui.unlock.who"), self)
        layout = QVBoxLayout(self)
        for widget in (self.banner, self.who_label, self.who, explanation, self.passphrase, buttons):
            layout.addWidget(widget)
        # One handler needs no asking who they are.
        self.who_label.setVisible(len(handlers) > 1)
        self.who.setVisible(len(handlers) > 1)
        self.explanation = explanation
        self.who.currentIndexChanged.connect(self._handler_chosen)
        self.recovering = False
        if problem:
            self.banner.show_problems([problem])

    @property
    def _needs_passphrase(self) -> bool:
        return self._handlers[self.who.currentData()]

    def _handler_chosen(self) -> None:
        needs = self._needs_passphrase
        self.passphrase.setVisible(needs)
        self.passphrase.clear()
        self.explanation.setText(t("gui.unlock.passphrase_intro" if needs else "gui.unlock.keychain_choice"))
        self.open_button.setText(t("gui.unlock.open"))
        self.banner.show_problems([])

    def _unlock(self) -> None:
        try:
            desk = self._open_desk(
                self.who.currentData(), self.passphrase.text() if self._needs_passphrase else None
            )
        except DsrDeskError as error:
            self.banner.show_problems([error.message()])
            self.passphrase.selectAll()
            return
        self.unlocked.emit(desk)
        self.accept()

    def _recover(self) -> None:
        self.recovering = True  # closing for the recovery dialog, not quitting
        self.recovery_requested.emit()
        self.reject()
