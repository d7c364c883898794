"""The identity wizard's middle step, one page per method: confirm through the known channel, the
verification code, questions, in person, or (last resort) the masked copy of an ID document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case
from dsr_desk.documents.id_copy import load_scan, masked_copy, watermark_text
from dsr_desk.documents.ocr import find_sensitive, tesseract_available
from dsr_desk.errors import DsrDeskError, ImageRefusedError
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.gui.identity.image_bridge import png_to_pixmap
from dsr_desk.gui.identity.pages import label, text_box
from dsr_desk.gui.identity.redaction_editor import RedactionEditor
from dsr_desk.i18n import format_date, t
from dsr_desk.rules.id_templates import DOCUMENT_OF_TEMPLATE, TEMPLATES
from dsr_desk.rules.identity import Method
from dsr_desk.rules.mrz import NotAnMrzError, parse_mrz

MAX_SCAN_BYTES = 40 * 1024 * 1024


class CheckPage(QStackedWidget):
    """Shows the page for the chosen method; reports what it found for the outcome step."""

    problem = Signal(str)

    def __init__(self, case: Case, organisation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(t("gui.identity.known_confirmed"), self)
        self.code_page = CodePage(case, self)
        self.questions = text_box(self, 120)
        self.in_person = text_box(self, 80)
        self.authority = text_box(self, 80)
        self.copy_page = IdCopyPage(case, organisation, self)
        self.copy_page.problem.connect(self.problem.emit)
        self.pages = {
            Method.KNOWN_CHANNEL: _page(self, t("gui.identity.known_intro"), self.known),
            Method.VERIFICATION_CODE: self.code_page,
            Method.QUESTIONS: _page(self, t("gui.identity.questions_intro"), self.questions),
            Method.AUTHORITY_DOCUMENT: _page(self, t("gui.identity.authority_intro"), self.authority),
            Method.IN_PERSON: _page(self, t("gui.identity.in_person_intro"), self.in_person),
            Method.ID_COPY: self.copy_page,
        }
        for page in self.pages.values():
            self.addWidget(page)

    def show_method(self, method: Method) -> None:
        self.method = method
        self.setCurrentWidget(self.pages[method])

    def findings(self) -> tuple[str, list[str], str | None]:
        """(a reasoning line for the record, warnings, document type) from what was done on the page."""
        if self.method is Method.KNOWN_CHANNEL:
            return (t("gui.identity.found_known") if self.known.isChecked() else ""), [], None
        if self.method is Method.VERIFICATION_CODE:
            return self.code_page.result_text, [], None
        notes = {Method.QUESTIONS: self.questions, Method.IN_PERSON: self.in_person}
        notes[Method.AUTHORITY_DOCUMENT] = self.authority
        if self.method in notes:
            return notes[self.method].toPlainText(), [], None
        return self.copy_page.findings()


def _page(parent: QWidget, intro: str, *widgets: QWidget) -> QWidget:
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.addWidget(label(intro, page))
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return page


class CodePage(QWidget):
    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case = case
        self.result_text = ""
        self.make = QPushButton(t("gui.identity.make_code"), self)
        self.make.clicked.connect(self.make_code)
        self.code = QLabel(self)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.code.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code.setFont(font)
        self.typed = QLineEdit(self)
        self.typed.setPlaceholderText(t("gui.identity.typed_code"))
        check = QPushButton(t("gui.identity.check_code"), self)
        check.clicked.connect(self.check_code)
        self.result = label("", self)
        row = QHBoxLayout()
        row.addWidget(self.typed)
        row.addWidget(check)
        layout = QVBoxLayout(self)
        for widget in (label(t("gui.identity.code_intro"), self), self.make, self.code):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def make_code(self) -> str:
        code = self._case.issue_verification_code()
        self.code.setText(code)  # shown once; only its salted hash is kept
        return code

    def check_code(self) -> bool:
        matched = self._case.check_verification_code(self.typed.text())
        self.result_text = t("gui.identity.code_matched" if matched else "gui.identity.code_mismatch")
        self.result.setText(("✓ " if matched else "✗ ") + self.result_text)
        return matched


class IdCopyPage(QWidget):
    """Import a scan (file or drag-and-drop), mask it in the editor, read the MRZ, store the masked copy."""

    problem = Signal(str)

    def __init__(self, case: Case, organisation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case, self._organisation = case, organisation
        self.warnings: list[str] = []
        self.stored = False
        self.setAcceptDrops(True)
        choose = QPushButton(t("gui.identity.choose_scan"), self)
        choose.clicked.connect(self.choose_scan)
        self.template = QComboBox(self)
        for name in TEMPLATES:
            self.template.addItem(t(f"gui.identity.template.{name}"), name)
        apply = QPushButton(t("gui.identity.apply_template"), self)
        apply.clicked.connect(lambda: self.editor.apply_template(self.template.currentData()))
        self.ocr_button = QPushButton(t("gui.identity.ocr"), self)
        self.ocr_button.setToolTip(t("gui.identity.ocr_tip"))
        self.ocr_button.setVisible(tesseract_available())
        self.ocr_button.clicked.connect(self.run_ocr)
        self.editor = RedactionEditor(self)
        self.editor.setMinimumHeight(260)
        self.mrz = QPlainTextEdit(self)
        self.mrz.setFixedHeight(64)
        self.mrz.setFont(QFont("monospace"))
        self.mrz.setPlaceholderText(t("gui.identity.mrz_placeholder"))
        read = QPushButton(t("gui.identity.read_mrz"), self)
        read.clicked.connect(self.read_mrz)
        self.mrz_result = label("", self)
        self.purpose = QLineEdit(t("gui.identity.purpose_default", reference=case.reference), self)
        self.store_button = QPushButton(t("gui.identity.store_copy"), self)
        self.store_button.clicked.connect(self.store)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tools = QHBoxLayout()
        for widget in (choose, self.template, apply, self.ocr_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        mrz_row = QHBoxLayout()
        mrz_row.addWidget(self.mrz, 1)
        mrz_row.addWidget(read)
        store_row = QHBoxLayout()
        store_row.addWidget(QLabel(t("gui.identity.purpose"), self))
        store_row.addWidget(self.purpose, 1)
        store_row.addWidget(self.store_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(t("gui.identity.copy_intro"), self, "hint"))
        layout.addLayout(tools)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.preview, 1)
        layout.addLayout(mrz_row)
        layout.addWidget(self.mrz_result)
        layout.addLayout(store_row)
        self.preview.hide()

    def choose_scan(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, t("gui.identity.choose_scan"), str(Path.home()), t("gui.identity.scan_filter")
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                self.problem.emit(
                    ImageRefusedError(reason="file_too_large", limit=MAX_SCAN_BYTES // 2**20).message()
                )
                return
            self.load_bytes(path.read_bytes())
        except OSError as exc:
            self.problem.emit(exc.strerror or type(exc).__name__)

    def load_bytes(self, data: bytes) -> None:
        """The scan is decoded in memory and shown; nothing of it is written anywhere."""
        try:
            image = load_scan(data)
        except DsrDeskError as error:
            self.problem.emit(error.message())
            return
        self.editor.show_image(image)
        self.editor.apply_template(self.template.currentData())
        self.problem.emit("")

    def run_ocr(self) -> BackgroundTask | None:
        """Boxes over what OCR finds (the MRZ's BSN field, printed BSNs), and the MRZ read from the scan.
        Tesseract can take seconds on a full scan: it runs off the GUI thread, the scan stays in memory."""
        if self.editor.image is None:
            return None
        image = self.editor.image
        self.ocr_task = BackgroundTask(
            self,
            t("gui.identity.ocr"),
            t("gui.identity.ocr_busy"),
            lambda _p, _c: find_sensitive(image),
            False,
        )
        self.ocr_task.succeeded.connect(self._ocr_found)
        self.ocr_task.failed.connect(lambda error: self.problem.emit(error.message()))
        return self.ocr_task.start()

    def _ocr_found(self, findings) -> None:
        for box in findings.boxes:
            self.editor.add_box(QRectF(box.x, box.y, box.width, box.height))
        if findings.mrz_lines:
            self.mrz.setPlainText("\n".join(findings.mrz_lines))
            self.read_mrz()
        self.problem.emit("" if findings.boxes or findings.mrz_lines else t("gui.identity.ocr_nothing"))

    def read_mrz(self) -> None:
        try:
            parsed = parse_mrz(self.mrz.toPlainText().splitlines(), self._case.today())
        except NotAnMrzError:
            self.mrz_result.setText(t("identity.mrz.not_an_mrz"))
            return
        self.warnings = parsed.warnings(self._case.today())
        lines = [
            t(
                "gui.identity.mrz_read",
                surname=parsed.surname,
                given=parsed.given_names,
                expiry=format_date(parsed.expiry_date) if parsed.expiry_date else "?",
            )
        ]
        lines += [t(f"identity.warning.{w}") for w in self.warnings]
        if parsed.bsn:
            lines.append(t("gui.identity.mrz_has_bsn"))
        self.mrz_result.setText("\n".join(lines))

    def store(self) -> bool:
        if self.editor.image is None:
            self.problem.emit(t("gui.identity.no_scan"))
            return False
        image, boxes = self.editor.cropped()
        text = watermark_text(self._organisation, self.purpose.text(), self._case.today())
        png = masked_copy(image, boxes, text)
        try:
            self._case.store_id_copy(png, DOCUMENT_OF_TEMPLATE[self.template.currentData()])
        except DsrDeskError as error:
            self.problem.emit(error.message())
            return False
        self.editor.show_image(image.crop((0, 0, 1, 1)))  # let go of the unmasked scan
        self.editor.image = None
        self.editor.hide()
        self.preview.setPixmap(
            png_to_pixmap(png).scaled(
                640, 400, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        self.preview.show()
        self.stored = True
        self.store_button.setEnabled(False)
        return True

    def findings(self) -> tuple[str, list[str], str | None]:
        document = DOCUMENT_OF_TEMPLATE[self.template.currentData()].value
        return t("gui.identity.found_copy") if self.stored else "", self.warnings, document

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [url for url in event.mimeData().urls() if url.isLocalFile()]
        if urls:
            self.load_file(Path(urls[0].toLocalFile()))
