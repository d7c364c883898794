"""The case's audit log tab: whether the chain is intact (its count the same as the rows shown), and the
events newest first, the explanation column taking the width the others leave."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from dsr_desk.desk.event_text import audit_report_lines
from dsr_desk.gui.audit_log_model import AuditColumn, AuditLogModel
from dsr_desk.store.audit import AuditEvent, AuditReport

# What a column may take at most before its text wraps or elides, so the explanation keeps its room.
WHAT_WIDTH = 190
DETAIL_MIN_WIDTH = 260


class AuditLogView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel(self)
        self.state.setObjectName("auditState")
        self.state.setWordWrap(True)
        self.model = AuditLogModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        for column in (AuditColumn.WHEN, AuditColumn.WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditColumn.WHAT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(AuditColumn.WHAT, WHAT_WIDTH)
        header.setSectionResizeMode(AuditColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)

    def show_events(self, events: list[AuditEvent], report: AuditReport) -> None:
        self.model.set_events(events)
        self.table.resizeRowsToContents()
        self.state.setText(("✓ " if report.ok else "⚠ ") + " ".join(audit_report_lines(report)))
        self.state.setProperty("ok", report.ok)
        self.state.style().unpolish(self.state)
        self.state.style().polish(self.state)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Narrow pane: the 'what' column gives way first, so the explanation never shrinks to a word a line.
        header = self.table.horizontalHeader()
        fixed = header.sectionSize(AuditColumn.WHEN) + header.sectionSize(AuditColumn.WHO)
        room = self.table.viewport().width() - fixed - DETAIL_MIN_WIDTH
        header.resizeSection(AuditColumn.WHAT, max(120, min(WHAT_WIDTH, room)))
        self.table.resizeRowsToContents()
