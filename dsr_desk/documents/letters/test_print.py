"""The test-print page: print it, fold it in three, slide it into an envelope, and see whether the
address box falls in the window. The box drawn is exactly where letters put the address."""

from __future__ import annotations

import io

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from dsr_desk import APP_NAME
from dsr_desk.documents.fonts import BOLD, REGULAR, register_fonts
from dsr_desk.documents.letters.letterhead import return_line
from dsr_desk.documents.letters.pdf_style import ACCENT
from dsr_desk.documents.pdf_safety import harden_reportlab
from dsr_desk.i18n import t
from dsr_desk.rules.letter_layout import WindowPosition
from dsr_desk.rules.organisation import OrganisationProfile


def render_test_print(profile: OrganisationProfile, window: WindowPosition, lang: str) -> bytes:
    harden_reportlab()
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(t("test_print.title", lang))
    canvas.setCreator(APP_NAME)
    _width, height = A4
    left, top = window.left_mm * mm, height - window.top_mm * mm
    canvas.setStrokeColor(ACCENT)
    canvas.setDash(3, 2)
    canvas.rect(left, top - window.height_mm * mm, window.width_mm * mm, window.height_mm * mm)
    canvas.setDash()
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(left + 3 * mm, top - 5 * mm, return_line(profile, fallback=APP_NAME))
    canvas.setFont(REGULAR, 10.5)
    for i, line in enumerate(t("test_print.sample_address", lang).split("\n")):
        canvas.drawString(left + 3 * mm, top - 12 * mm - i * 13.5, line)
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(ACCENT)
    canvas.drawString(
        left,
        top + 2 * mm,
        t(
            "test_print.box",
            lang,
            left=window.left_mm,
            top=window.top_mm,
            width=window.width_mm,
            height=window.height_mm,
        ),
    )
    canvas.setStrokeColor(Color(0.4, 0.4, 0.4))
    for from_top in (99 * mm, 198 * mm):
        canvas.line(0, height - from_top, 12 * mm, height - from_top)
    canvas.setFillColor(Color(0, 0, 0))
    canvas.setFont(BOLD, 14)
    canvas.drawString(25 * mm, height - 125 * mm, t("test_print.title", lang))
    canvas.setFont(REGULAR, 10)
    for i, key in enumerate(("step1", "step2", "step3", "step4")):
        canvas.drawString(25 * mm, height - 135 * mm - i * 7 * mm, t(f"test_print.{key}", lang))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
