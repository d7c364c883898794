"""Making a letter: choose the kind and language, fill in what it needs, check the preview, then print
or save it — either way it is kept in the case file as sent."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.desk.recorded_files import kept_if_recorded
from dsr_desk.documents.fonts import missing_glyphs
from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.gui.forms import ProblemBanner
from dsr_desk.gui.letter_inputs_form import LetterInputsForm
from dsr_desk.gui.messages import show_error
from dsr_desk.gui.pdf_output import ask_and_print, ask_and_save, load_pdf
from dsr_desk.i18n import LANGUAGES, current_language, t
from dsr_desk.rules.letter_suggestions import letter_order, suggested_letters
from dsr_desk.rules.letters import LETTER_CHANNELS, LetterKind


class LetterDialog(QDialog):
    recorded = Signal(int)  # the document id of the letter kept in the case file
    rendered = Signal()  # a preview (or the reason there is none) is shown

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.pdf: bytes | None = None
        self.rendering: BackgroundTask | None = None
        self._render_again = False
        self.setWindowTitle(t("gui.letter.title", reference=case.reference))
        self.resize(1180, 820)
        record, clock = case.record(), case.clock()
        sent = {letter.kind for letter in case.letters()}
        suggested = set(suggested_letters(record.types, clock, sent))
        self.kind = QComboBox(self)
        for kind in letter_order(record.types, clock, sent):
            label = t(f"letter.kind.{kind.value}") + (" ★" if kind in suggested else "")
            self.kind.addItem(label, kind.value)
        self.lang = QComboBox(self)
        for lang in LANGUAGES:
            self.lang.addItem(t(f"gui.language.{lang}"), lang)
        self.lang.setCurrentIndex(LANGUAGES.index(current_language()))
        self.banner = ProblemBanner(self)
        self.glyph_warning = QLabel(self)
        self.glyph_warning.setObjectName("clockWarning")
        self.glyph_warning.setWordWrap(True)
        self.glyph_warning.setTextFormat(Qt.TextFormat.PlainText)
        missing = sorted(missing_glyphs(record.requester.name + record.requester.address))
        self.glyph_warning.setText(t("gui.letter.missing_glyphs", chars=" ".join(missing)) if missing else "")
        self.glyph_warning.setVisible(bool(missing))
        self.form_area = QScrollArea(self)
        self.form_area.setWidgetResizable(True)
        self.preview_button = QPushButton(t("gui.letter.preview"), self)
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.record_and_refresh)

        choose = QFormLayout()
        choose.addRow(t("gui.letter.kind"), self.kind)
        choose.addRow(t("gui.letter.language"), self.lang)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addLayout(choose)
        column.addWidget(self.banner)
        column.addWidget(self.glyph_warning)
        column.addWidget(self.form_area, 1)
        column.addWidget(self.preview_button)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._document = None
        self.no_preview = QLabel(t("gui.letter.no_preview"), self)
        self.no_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_preview.setObjectName("placeholder")
        self.preview = QStackedWidget(self)
        self.preview.addWidget(self.no_preview)
        self.preview.addWidget(self.view)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([420, 760])

        self.channel = QComboBox(self)
        for channel in LETTER_CHANNELS:
            self.channel.addItem(t(f"gui.letter.channel.{channel}"), channel)
        self.print_button = QPushButton(t("gui.letter.print"), self)
        self.print_button.clicked.connect(self.print_letter)
        self.save_button = QPushButton(t("gui.letter.save"), self)
        self.save_button.clicked.connect(self.save_letter)
        close = QPushButton(t("gui.close"), self)
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(t("gui.letter.sent_by"), self))
        actions.addWidget(self.channel)
        actions.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.lang.currentIndexChanged.connect(self.refresh)
        self._kind_changed()

    def current_kind(self) -> LetterKind:
        return LetterKind(self.kind.currentData())

    def select_kind(self, kind: LetterKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def _kind_changed(self) -> None:
        self.form = LetterInputsForm(
            self.current_kind(), self.case.letter_inputs(), self.case.register(), self
        )
        self.form_area.setWidget(self.form)
        self.refresh()

    def record_and_refresh(self) -> None:
        """Records the answers given (each change in the audit log), then renders the letter again."""
        try:
            self._record_answers()
        except ValidationError as error:
            self.banner.show_problems(error.problem_messages())
            return
        except DsrDeskError as error:
            self.banner.show_problems([error.message()])
            return
        self.refresh()

    def refresh(self) -> None:
        """Renders the letter from what is recorded, or says what is still missing. Off the window's
        thread: a long letter takes a while, and the window must not freeze meanwhile."""
        if self.rendering is not None:
            self._render_again = True  # the choice changed while rendering: render once more after
            return
        self.pdf = None
        self._set_busy(True)
        kind, lang, case = self.current_kind(), self.lang.currentData(), self.case
        self.rendering = BackgroundTask(
            self,
            t("gui.letter.rendering_title"),
            t("gui.letter.rendering"),
            lambda _progress, _cancelled: case.make_letter(kind, lang),
            cancellable=False,
            show_after_ms=600,
        )
        self.rendering.dialog.bar.setRange(0, 0)  # nothing to count: a busy bar
        self.rendering.succeeded.connect(self._rendered)
        self.rendering.failed.connect(self._not_rendered)
        self.rendering.start()

    def _rendered(self, pdf: bytes) -> None:
        self.banner.show_problems([])
        self._done_rendering(pdf)

    def _not_rendered(self, error: DsrDeskError) -> None:
        messages = error.problem_messages() if isinstance(error, ValidationError) else [error.message()]
        self.banner.show_problems(messages)
        self._done_rendering(None)

    def _done_rendering(self, pdf: bytes | None) -> None:
        self.rendering = None
        self.pdf = pdf
        self._show_pdf(pdf)
        self._set_busy(False)
        if self._render_again:
            self._render_again = False
            self.refresh()
            return
        self.rendered.emit()

    def _set_busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy and self.pdf is not None)
        self.save_button.setEnabled(not busy and self.pdf is not None)

    def _record_answers(self) -> None:
        self.case.record_letter_answers(self.current_kind(), self.form.answers(), self.form.decision_values())

    def _show_pdf(self, pdf: bytes | None) -> None:
        if pdf is None:
            self.preview.setCurrentWidget(self.no_preview)
            return
        self._document, self._buffer = load_pdf(pdf, self)
        self.view.setDocument(self._document)
        self.preview.setCurrentWidget(self.view)

    def print_letter(self) -> None:
        if self.pdf is not None:
            dialog = ask_and_print(self.pdf, self)
            dialog.accepted.connect(self._record_printed)

    def _record_printed(self) -> None:
        try:
            self._record()
        except DsrDeskError as error:
            show_error(self, error)  # on paper already: the handler must hear it was not recorded

    def save_letter(self) -> None:
        if self.pdf is None:
            return
        try:
            saved = ask_and_save(
                self.pdf,
                self,
                f"{self.case.reference} {t(f'letter.kind.{self.current_kind().value}')}.pdf",
                self.case.outputs,
            )
        except DsrDeskError as error:
            show_error(self, error)
            return
        if saved is not None:
            try:
                kept_if_recorded(saved, self._record, "letter")
            except DsrDeskError as error:
                show_error(self, error)  # the saved file was removed again: it was never recorded as sent

    def reject(self) -> None:
        if self.rendering is not None:
            # Closed within the moment before the progress shows: the case the letter reads must stay
            # open until it is done, and a letter takes seconds at most (every text has a limit).
            self.rendering.worker.wait()
        super().reject()

    def _record(self) -> None:
        if self.pdf is not None:
            document_id = self.case.record_letter(
                self.current_kind(), self.lang.currentData(), self.pdf, self.channel.currentData()
            )
            self.recorded.emit(document_id)
