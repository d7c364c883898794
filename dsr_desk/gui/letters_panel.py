"""The letters of a case: what was sent, when, how; open one as it was sent; make a new one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.gui.letter_dialog import LetterDialog
from dsr_desk.gui.pdf_output import load_pdf
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
                channel=t(f"gui.letter.channel.{letter.channel}"),
            )
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, letter.document_id)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)

    def make_letter(self) -> LetterDialog | None:
        if self.case is None:
            return None
        dialog = LetterDialog(self.case, self)
        dialog.finished.connect(lambda _result: self.changed.emit())
        dialog.open()
        return dialog

    def open_letter(self, document_id: int) -> QDialog | None:
        if self.case is None:
            return None
        viewer = QDialog(self)
        viewer.setWindowTitle(t("gui.letters.viewer_title", reference=self.case.reference))
        viewer.resize(820, 900)
        view = QPdfView(viewer)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        viewer.document, viewer.buffer = load_pdf(self.case.letter_pdf(document_id), viewer)
        view.setDocument(viewer.document)
        QVBoxLayout(viewer).addWidget(view)
        viewer.open()
        return viewer

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_letter(int(item.data(Qt.ItemDataRole.UserRole)))


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
