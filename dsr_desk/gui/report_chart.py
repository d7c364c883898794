"""A plain bar chart for the Rapportage view: labelled bars, drawn with QPainter, the same figures the PDF's
charts show (reportlab draws those; nothing here needs a chart library either)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

ACCENT = QColor(31, 94, 140)
LATE_RED = QColor(191, 56, 43)
_ROW = 22
_LABEL_WIDTH = 190


class BarChart(QWidget):
    """Horizontal bars, one row per (label, value, colour); the value is written after its bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, QColor]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[tuple[str, int, QColor]]) -> None:
        self.bars = bars
        self.setFixedHeight(max(1, len(bars)) * _ROW + 8)
        self.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value, _ in bars))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, max(1, len(self.bars)) * _ROW + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        highest = max((value for _, value, _ in self.bars), default=0) or 1
        room = max(40, self.width() - _LABEL_WIDTH - 50)
        for row, (label, value, colour) in enumerate(self.bars):
            top = 4 + row * _ROW
            painter.setPen(self.palette().text().color())
            text_box = QRectF(0, top, _LABEL_WIDTH - 8, _ROW - 4)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            width = room * value / highest
            painter.fillRect(QRectF(_LABEL_WIDTH, top + 3, width, _ROW - 10), colour)
            value_box = QRectF(_LABEL_WIDTH + width + 6, top, 60, _ROW - 4)
            painter.drawText(
                value_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(value)
            )
        painter.end()
