"""The guided identity check: who is asking and is there doubt; the least intrusive method that fits;
doing the check; the outcome, after which any ID copy is deleted and only the record remains."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from dsr_desk.desk import Case
from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.gui.forms import ProblemBanner
from dsr_desk.gui.identity.check_pages import CheckPage
from dsr_desk.gui.identity.pages import MethodPage, OutcomePage, WhoPage
from dsr_desk.i18n import t
from dsr_desk.rules.identity import ROLE_FOR_RELATION, DocumentType, IdentityOutcome, Method
from dsr_desk.rules.letters import LetterKind


class IdentityWizard(QDialog):
    letter_wanted = Signal(str)  # a letter kind to make next (after 'not verified')

    def __init__(self, case: Case, organisation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.method: Method | None = None
        self.warnings: list[str] = []  # what the check page found, kept for the record
        self.setWindowTitle(t("gui.identity.title", reference=case.reference))
        self.resize(900, 760)
        self.banner = ProblemBanner(self)
        self.who, self.methods, self.outcome = WhoPage(self), MethodPage(self), OutcomePage(self)
        # Who asks for whom was recorded with the case: the check starts from it.
        relation = case.record().relation
        if relation is not None:
            self.who.roles[ROLE_FOR_RELATION[relation].value].setChecked(True)
        self.check = CheckPage(case, organisation, self)
        self.check.problem.connect(lambda text: self.banner.show_problems([text] if text else []))
        self.stack = QStackedWidget(self)
        for page in (self.who, self.methods, self.check, self.outcome):
            self.stack.addWidget(page)
        self.back_button = QPushButton(t("gui.identity.back"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(t("gui.identity.next"), self)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        cancel = QPushButton(t("gui.cancel"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._show(self.who)

    def _show(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        self.back_button.setEnabled(page is not self.who)
        self.next_button.setText(t("gui.identity.record" if page is self.outcome else "gui.identity.next"))
        self.banner.show_problems([])

    def next(self) -> None:
        try:
            self._advance()
        except ValidationError as error:
            self.banner.show_problems(error.problem_messages())
        except DsrDeskError as error:
            self.banner.show_problems([error.message()])

    def _advance(self) -> None:
        page = self.stack.currentWidget()
        if page is self.who:
            doubt = self.who.doubt["yes"].isChecked()
            proposal = self.case.assess_identity(
                role=self.who.role(),
                proof=self.who.proof.text(),
                doubt=doubt,
                from_known_address=self.who.known.isChecked(),
                reasoning=self.who.reasoning.toPlainText(),
            )
            if proposal.method is None:
                self.method = None
                self.outcome.prepare(None, self.who.reasoning.toPlainText(), [], None)
                self._show(self.outcome)
                return
            self.methods.propose(proposal.method, t(proposal.reason_key))
            self._show(self.methods)
        elif page is self.methods:
            method = self.methods.method()
            if method is None:
                self.banner.show_problems([t("identity.problem.method")])
                return
            self.case.choose_identity_method(method, self.methods.copy_reason.toPlainText())
            self.method = method
            self.check.show_method(method)
            self._show(self.check)
        elif page is self.check:
            reasoning, self.warnings, document = self.check.findings()
            self.outcome.prepare(self.method, reasoning, self.warnings, document)
            self._show(self.outcome)
        else:
            self._record()

    def _record(self) -> None:
        outcome = self.outcome.outcome()
        document = self.outcome.document.currentData() if self.method is Method.ID_COPY else None
        warnings = self.warnings if self.method else []
        self.case.record_identity(
            outcome,
            method=None if outcome is IdentityOutcome.NOT_NEEDED else self.method,
            reasoning=self.outcome.reasoning.toPlainText(),
            warnings=tuple(warnings),
            document_type=DocumentType(document) if document else None,
        )
        self.accept()
        if outcome is IdentityOutcome.NOT_VERIFIED:
            self.letter_wanted.emit(LetterKind.IDENTITY_REQUEST.value)

    def back(self) -> None:
        order = [self.who, self.methods, self.check, self.outcome]
        index = order.index(self.stack.currentWidget())
        if index and self.method is None and self.stack.currentWidget() is self.outcome:
            self._show(self.who)
        elif index:
            self._show(order[index - 1])
