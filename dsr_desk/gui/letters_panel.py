"""The letters of a case: what was sent, when, how; open one as it was sent; make a new one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.letter_dialog import LetterDialog
from dsr_desk.gui.messages import show_error
from dsr_desk.gui.pdf_output import ask_and_print, ask_and_save, load_pdf
from dsr_desk.gui.screen_fit import fit_to_screen
from dsr_desk.i18n import format_date, t


class LettersPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        heading = QLabel(t("gui.letters.heading"), self)
        heading.setObjectName("sectionHeading")
        self.make_button = QPushButton(t("gui.letters.make"), self)
        self.make_button.clicked.connect(self.make_letter)
        self.list = QListWidget(self)
        self.list.itemActivated.connect(self._open_item)
        self.empty = QLabel(t("gui.letters.none"), self)
        self.empty.setObjectName("hint")
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        # Whichever of the two shows takes the height, so the heading stays at the top.
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.list, 1)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.list.clear()
        for letter in reversed(case.letters()):
            text = t(
                "gui.letters.item",
                date=format_date(_date(letter.sent_on)),
                kind=t(f"letter.kind.{letter.kind}"),
                lang=letter.lang.upper(),
                channel=t(f"gui.letter.channel_phrase.{letter.channel}"),
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, letter.document_id)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)

    def make_letter(self) -> LetterDialog | None:
        if self.case is None:
            return None
        dialog = LetterDialog(self.case, self)
        # A letter printed or saved is in the log at once, while the dialog stays open for the next one.
        dialog.recorded.connect(lambda _document: self.changed.emit())
        dialog.finished.connect(lambda _result: self.changed.emit())
        dialog.open()
        return dialog

    def open_letter(self, document_id: int) -> SentLetterViewer | None:
        if self.case is None:
            return None
        letter = next(item for item in self.case.letters() if item.document_id == document_id)
        viewer = SentLetterViewer(self.case.reference, letter, self.case.letter_pdf(document_id), self)
        viewer.open()
        return viewer

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_letter(int(item.data(Qt.ItemDataRole.UserRole)))


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class SentLetterViewer(QDialog):
    """A letter as it was sent, to read again, print again or save a copy of; nothing is recorded anew."""

    def __init__(self, reference: str, letter, pdf: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        kind = t(f"letter.kind.{letter.kind}")
        self.setWindowTitle(t("gui.letters.viewer_title", reference=reference, kind=kind))
        self.file_name = f"{reference} {kind}.pdf"
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.document, self.buffer = load_pdf(pdf, self)
        view.setDocument(self.document)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(t("gui.letter.print"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: ask_and_print(self.pdf, self))
        self.save_button = buttons.addButton(
            t("gui.letters.save_copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save_copy)
        close = buttons.addButton(t("gui.close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 900)

    def save_copy(self) -> None:
        try:
            ask_and_save(self.pdf, self, self.file_name)
        except DsrDeskError as error:
            show_error(self, error)
