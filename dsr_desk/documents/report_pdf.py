"""The report as a PDF: the figures in a table and three charts (requests per month, the share answered on
time, the types), drawn with reportlab's own graphics so no chart library is needed."""

from __future__ import annotations

import datetime as dt

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from dsr_desk.documents.fonts import BOLD, REGULAR
from dsr_desk.documents.letters.pdf_style import ACCENT, GREY
from dsr_desk.documents.pdf_document import pdf_styles, simple_pdf
from dsr_desk.documents.pdf_safety import markup_safe
from dsr_desk.documents.report_text import period_text, report_rows, share_text, type_label
from dsr_desk.i18n import format_date, t
from dsr_desk.rules.report import Report

LATE_RED = Color(0.75, 0.22, 0.17)
_WIDTH = 170 * mm
_MARGINS = (20 * mm, 20 * mm, 18 * mm, 22 * mm)


def render_report_pdf(report: Report, *, organisation: str, made_on: dt.date, lang: str) -> bytes:
    styles = pdf_styles()
    story: list = [
        Paragraph(markup_safe(t("report.title", lang)), styles["heading"]),
        Paragraph(markup_safe(period_text(report, lang)), styles["body"]),
        Paragraph(
            markup_safe(
                t("report.subtitle", lang, organisation=organisation, date=format_date(made_on, lang))
            ),
            styles["small"],
        ),
        Spacer(1, 4 * mm),
        _figures(report, lang, styles),
        Spacer(1, 3 * mm),
        Paragraph(markup_safe(t("report.basis", lang)), styles["small"]),
        Spacer(1, 6 * mm),
        _titled(t("report.chart_months", lang), _months_chart(report, lang), styles),
        _titled(t("report.chart_on_time", lang), _on_time_chart(report, lang), styles),
        _titled(t("report.chart_types", lang), _types_chart(report, lang), styles),
    ]
    period = f"{report.period.first.isoformat()} – {report.period.last.isoformat()}"

    def footer(page: int, pages: int) -> list[str]:
        return [t("report.footer", lang, organisation=organisation, period=period, page=page, pages=pages)]

    return simple_pdf(story, title=t("report.title", lang), margins=_MARGINS, footer=footer)


def _figures(report: Report, lang: str, styles) -> Table:
    rows = [
        [Paragraph(markup_safe(label), styles["value"]), value]
        for label, value, _ in report_rows(report, lang)
    ]
    table = Table(rows, colWidths=[120 * mm, 50 * mm])
    commands = [
        ("FONT", (1, 0), (1, -1), REGULAR, 9.5),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, Color(0.85, 0.86, 0.88)),
    ]
    for number, (_label, _value, depth) in enumerate(report_rows(report, lang)):
        commands.append(("LEFTPADDING", (0, number), (0, number), 6 + 14 * depth))
        if depth == 0:
            commands.append(("FONT", (1, number), (1, number), BOLD, 9.5))
    table.setStyle(TableStyle(commands))
    return table


def _titled(title: str, drawing: Drawing, styles) -> KeepTogether:
    return KeepTogether([Paragraph(markup_safe(title), styles["heading"]), drawing, Spacer(1, 4 * mm)])


def _months_chart(report: Report, lang: str) -> Drawing:
    months = list(report.by_month)
    drawing = Drawing(_WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 12 * mm, 10 * mm, _WIDTH - 16 * mm, 48 * mm
    chart.data = [[report.by_month[m] for m in months] or [0]]
    chart.categoryAxis.categoryNames = [_month_name(m, lang, len(months)) for m in months] or [""]
    _style_axes(chart, max(chart.data[0]))
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.categoryAxis.labels.angle = 45 if len(months) > 14 else 0
    drawing.add(chart)
    return drawing


def _on_time_chart(report: Report, lang: str) -> Drawing:
    drawing = Drawing(_WIDTH, 48 * mm)
    if not report.closed:
        drawing.add(String(0, 24 * mm, t("report.none_closed", lang), fontName=REGULAR, fontSize=9))
        return drawing
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 6 * mm, 4 * mm, 40 * mm, 40 * mm
    pie.data = [report.on_time, report.late]
    pie.labels = None
    pie.slices.strokeColor = Color(1, 1, 1)
    pie.slices[0].fillColor, pie.slices[1].fillColor = ACCENT, LATE_RED
    drawing.add(pie)
    legend = [
        (ACCENT, f"{t('report.on_time', lang)}: {report.on_time} ({share_text(report, lang)})"),
        (LATE_RED, f"{t('report.late', lang)}: {report.late}"),
    ]
    for row, (colour, text) in enumerate(legend):
        y = 30 * mm - row * 8 * mm
        drawing.add(Rect(60 * mm, y - 0.5 * mm, 4 * mm, 4 * mm, fillColor=colour, strokeColor=None))
        drawing.add(String(68 * mm, y, text, fontName=REGULAR, fontSize=10))
    return drawing


def _types_chart(report: Report, lang: str) -> Drawing:
    types = list(reversed(report.by_type)) or [""]
    height = max(24 * mm, 8 * mm * len(types) + 12 * mm)
    drawing = Drawing(_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 58 * mm, 8 * mm, _WIDTH - 64 * mm, height - 12 * mm
    chart.data = [[report.by_type.get(code, 0) for code in types]]
    chart.categoryAxis.categoryNames = [type_label(code, lang) if code else "" for code in types]
    _style_axes(chart, max(chart.data[0]))
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def _style_axes(chart, highest: int) -> None:
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(highest, 1) + (1 if highest < 5 else highest // 10 + 1)
    chart.valueAxis.valueStep = max(1, (chart.valueAxis.valueMax + 4) // 5)
    for axis in (chart.valueAxis, chart.categoryAxis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = 8
        axis.strokeColor = GREY
    chart.valueAxis.gridStrokeColor = Color(0.88, 0.89, 0.9)
    chart.valueAxis.visibleGrid = True


def _month_name(month: str, lang: str, count: int) -> str:
    name = t(f"month_short.{int(month[5:])}", lang)
    return f"{name} {month[2:4]}" if count > 12 or month[5:] == "01" else name
