"""Rapportage: a period's figures and charts in the window, the same as `dsr-desk report` and its PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.documents.report_pdf import render_report_pdf
from dsr_desk.documents.report_text import period_text, report_rows, type_label
from dsr_desk.errors import WriteFailedError
from dsr_desk.gui.forms import date_edit
from dsr_desk.gui.messages import show_error, show_message
from dsr_desk.gui.report_chart import ACCENT, LATE_RED, BarChart
from dsr_desk.i18n import current_language, t
from dsr_desk.rules.report import Period, Report
from dsr_desk.store.atomic import atomic_write

_OTHER = "other"


class ReportView(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.report: Report | None = None
        self.setWindowTitle(t("gui.report.title"))
        self.resize(980, 700)
        today = desk.today()
        self.choice = QComboBox(self)
        for year in range(today.year, today.year - 6, -1):
            self.choice.addItem(str(year), year)
        self.choice.addItem(t("gui.report.other_period"), _OTHER)
        self.first = date_edit(self, dt.date(today.year, 1, 1))
        self.last = date_edit(self, today)
        for signal in (self.choice.currentIndexChanged, self.first.dateChanged, self.last.dateChanged):
            signal.connect(self.refresh)
        period_row = QHBoxLayout()
        for widget in (
            self.choice,
            QLabel(t("gui.report.from"), self),
            self.first,
            QLabel(t("gui.report.to"), self),
            self.last,
        ):
            period_row.addWidget(widget)
        period_row.addStretch(1)
        self.heading = QLabel(self)
        self.heading.setObjectName("reportPeriod")
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([t("report.figures"), ""])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.months, self.on_time, self.types = BarChart(self), BarChart(self), BarChart(self)
        charts = QWidget(self)
        chart_column = QVBoxLayout(charts)
        for title, chart in (
            (t("report.chart_months"), self.months),
            (t("report.chart_on_time"), self.on_time),
            (t("report.chart_types"), self.types),
        ):
            box = QGroupBox(title, charts)
            QVBoxLayout(box).addWidget(chart)
            chart_column.addWidget(box)
        chart_column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(scroll, 1)
        basis = QLabel(t("report.basis"), self)
        basis.setWordWrap(True)
        basis.setObjectName("hint")
        buttons = QDialogButtonBox(self)
        buttons.addButton(t("gui.close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button = buttons.addButton(t("gui.report.save_pdf"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(t("gui.report.period"), period_row)
        layout.addLayout(form)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        layout.addWidget(basis)
        layout.addWidget(buttons)
        self.refresh()

    def period(self) -> Period:
        chosen = self.choice.currentData()
        if chosen != _OTHER:
            return Period.year(int(chosen))
        return Period(self.first.date().toPython(), self.last.date().toPython())

    def refresh(self) -> None:
        other = self.choice.currentData() == _OTHER
        self.first.setEnabled(other)
        self.last.setEnabled(other)
        period = self.period()
        if period.last < period.first:
            self.heading.setText(t("validation.report_period_reversed"))
            return
        self.report = report = self.desk.report(period)
        self.heading.setText(period_text(report))
        rows = report_rows(report)
        self.table.setRowCount(len(rows))
        for number, (label, value, depth) in enumerate(rows):
            label_item = QTableWidgetItem("      " * depth + label)
            if depth == 0:
                font = label_item.font()
                font.setBold(True)
                label_item.setFont(font)
            self.table.setItem(number, 0, label_item)
            self.table.setItem(number, 1, QTableWidgetItem(value))
        self.table.resizeColumnToContents(1)
        self.months.set_bars([(_month(m), n, ACCENT) for m, n in report.by_month.items()])
        self.on_time.set_bars(
            [(t("report.on_time"), report.on_time, ACCENT), (t("report.late"), report.late, LATE_RED)]
        )
        self.types.set_bars([(type_label(code), n, ACCENT) for code, n in report.by_type.items()])

    def save_pdf(self) -> Path | None:
        period = self.period()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            t("gui.report.save_pdf"),
            str(
                Path.home()
                / t("gui.report.file_name", first=period.first.isoformat(), last=period.last.isoformat())
            ),
            t("gui.report.pdf_filter"),
        )
        if not name or self.report is None:
            return None
        target = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        pdf = render_report_pdf(
            self.report,
            organisation=self.desk.settings.organisation_name,
            made_on=self.desk.today(),
            lang=current_language(),
        )
        try:
            atomic_write(target, pdf)
        except OSError as error:
            show_error(
                self, WriteFailedError(path=str(target), reason=error.strerror or type(error).__name__)
            )
            return None
        show_message(self, self.windowTitle(), t("gui.report.saved", path=str(target)))
        return target


def _month(month: str) -> str:
    return f"{t(f'month_short.{int(month[5:])}')} {month[:4]}"
