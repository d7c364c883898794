"""What every PDF the app makes shares: hardened reportlab with the embedded fonts and the house styles, a
bullet list, and a canvas that knows the page count, so each page can say 'page X of Y'."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

from dsr_desk import APP_NAME
from dsr_desk.documents.fonts import REGULAR, register_fonts
from dsr_desk.documents.letters.pdf_style import GREY, letter_styles
from dsr_desk.documents.pdf_safety import harden_reportlab, markup_safe

Footer = Callable[[int, int], list[str]]  # (page, pages) -> the footer's lines, top one first


def pdf_styles() -> dict[str, ParagraphStyle]:
    """Call before building any Paragraph: Paragraphs parse their markup when they are made."""
    harden_reportlab()
    register_fonts()
    return letter_styles()


def bullet_list(lines: list[str], styles: dict[str, ParagraphStyle], **options) -> ListFlowable:
    items = [ListItem(Paragraph(markup_safe(line), styles["bullet"]), leftIndent=12) for line in lines]
    return ListFlowable(
        items, bulletType="bullet", start="•", leftIndent=12, bulletFontName=REGULAR, **options
    )


def numbered_canvas(footer: Footer, left: float):
    """A canvas class that draws `footer` on every page once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            # Start every page in the embedded font, so no unembedded standard font enters the file.
            kwargs["initialFontName"] = REGULAR
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(REGULAR, 7.5)
                self.setFillColor(GREY)
                for row, line in enumerate(footer(number, total)):
                    self.drawString(left, (14 - 4 * row) * mm, line[:140])
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def simple_pdf(
    story: list, *, title: str, margins: tuple[float, float, float, float], footer: Footer
) -> bytes:
    """An A4 document of flowing text: margins are left, right, top, bottom."""
    left, right, top, bottom = margins
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        creator=APP_NAME,
        initialFontName=REGULAR,
    )
    document.build(story, canvasmaker=numbered_canvas(footer, left))
    return buffer.getvalue()
