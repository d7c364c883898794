"""A case's audit log as a read-only table: when, who, what, and what changed."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from dsr_desk.desk.event_text import event_detail, event_label
from dsr_desk.i18n import format_date_short, format_datetime, t
from dsr_desk.rules.case_values import parse_moment
from dsr_desk.store.audit import AuditEvent

Index = QModelIndex | QPersistentModelIndex


class AuditColumn(IntEnum):
    WHEN = 0
    WHO = 1
    WHAT = 2
    DETAIL = 3

    def title(self) -> str:
        return t(f"gui.audit_column.{self.name.lower()}")


class AuditLogModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._events: list[AuditEvent] = []

    def set_events(self, events: list[AuditEvent]) -> None:
        self.beginResetModel()
        self._events = list(reversed(events))  # newest first, as a handler reads a log
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(AuditColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return AuditColumn(section).title()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match AuditColumn(index.column()):
                case AuditColumn.WHEN:
                    moment = parse_moment(event.at)
                    # Short in the column, so the explanation keeps its width; written out in the tooltip.
                    if role == Qt.ItemDataRole.ToolTipRole:
                        return format_datetime(moment)
                    return f"{format_date_short(moment.astimezone().date())}, {moment.astimezone():%H:%M}"
                case AuditColumn.WHO:
                    return event.actor
                case AuditColumn.WHAT:
                    return event_label(event.action)
                case AuditColumn.DETAIL:
                    return event_detail(event)
        return None
