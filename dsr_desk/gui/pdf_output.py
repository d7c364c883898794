"""PDFs made in memory, printed through the platform's print dialog or saved where the user chooses.

Printing renders each page with QtPdf from the bytes in memory: no temp file of the document is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from dsr_desk.errors import WriteFailedError
from dsr_desk.i18n import t
from dsr_desk.store.atomic import atomic_write

PRINT_DPI = 300


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over bytes in memory; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Draws every page onto the printer, scaled to its page; returns the number of pages printed."""
    document, _buffer = load_pdf(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() / 72 * PRINT_DPI), int(points.height() / 72 * PRINT_DPI))
            image: QImage = document.render(page, size)
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
    return document.pageCount()


def ask_and_print(pdf: bytes, parent: QWidget) -> QPrintDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.accepted.connect(lambda: print_pdf(pdf, printer))
    dialog.open()
    return dialog


def ask_and_save(pdf: bytes, parent: QWidget, suggested_name: str, outputs=None) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, t("gui.save_pdf_title"), str(Path.home() / suggested_name), t("gui.pdf_filter")
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        atomic_write(path, pdf, output=outputs)
    except OSError as exc:
        raise WriteFailedError(path=str(path), reason=exc.strerror or type(exc).__name__) from None
    return path
