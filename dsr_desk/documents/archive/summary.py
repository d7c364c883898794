"""summary.pdf: the whole case on a few pages, as the AP would ask for it (LEGAL.md §5): the request, the
deadline, identity steps and their reasoning, decisions with grounds, letters with dates, what was searched
and found, the outcome against the deadline, and the timeline of who did what when."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from dsr_desk.documents.fonts import REGULAR
from dsr_desk.documents.letters.pdf_style import GREY
from dsr_desk.documents.pdf_document import pdf_styles, simple_pdf
from dsr_desk.documents.pdf_safety import markup_safe
from dsr_desk.i18n import t


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[tuple[str, ...]]  # label/value pairs, or table rows under `header`
    header: tuple[str, ...] = ()
    note: str = ""


def render_summary(title: str, subtitle: str, sections: list[Section], lang: str) -> bytes:
    styles = pdf_styles()
    small = styles["small"]
    width = A4[0] - 36 * mm
    story: list = [
        Paragraph(markup_safe(title), styles["heading"]),
        Paragraph(markup_safe(subtitle), small),
        Spacer(1, 4 * mm),
    ]
    for section in sections:
        story.append(Paragraph(markup_safe(section.title), styles["heading"]))
        if section.note:
            story.append(Paragraph(markup_safe(section.note), styles["body"]))
        if not section.rows:
            story.append(Paragraph(markup_safe(t("archive.nothing", lang)), small))
            continue
        cell = styles["value"]
        if section.header:
            data = [[Paragraph(f"<b>{markup_safe(h)}</b>", small) for h in section.header]]
            data += [[Paragraph(markup_safe(v), small) for v in row] for row in section.rows]
            widths = _widths(len(section.header), width)
        else:
            data = [
                [Paragraph(markup_safe(row[0]), small), Paragraph(markup_safe(row[1]), cell)]
                for row in section.rows
            ]
            widths = [45 * mm, width - 45 * mm]
        # A long note may fill more than a page: its row continues on the next rather than failing.
        table = Table(data, colWidths=widths, repeatRows=1 if section.header else 0, splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, GREY),
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ]
            )
        )
        story.append(table)
    return simple_pdf(
        story,
        title=title,
        margins=(18 * mm, 18 * mm, 18 * mm, 22 * mm),
        footer=lambda page, pages: [t("archive.footer", lang, title=title, page=page, pages=pages)],
    )


def _widths(columns: int, width: float) -> list[float]:
    if columns == 4:  # the timeline: when, who, what, details
        return [28 * mm, 28 * mm, 40 * mm, width - 96 * mm]
    return [width / columns] * columns
