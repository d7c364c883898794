"""The recovery sheet: one A4 page with the recovery key, to print at set-up and keep somewhere safe.

Drawn straight onto the canvas (no markup parser), rendered in memory; the caller decides where it goes.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from dsr_desk import APP_NAME
from dsr_desk.documents.fonts import BOLD, REGULAR, register_fonts
from dsr_desk.i18n import format_date, t

_GREY = Color(0.35, 0.35, 0.35)
_BOX = Color(0.94, 0.95, 0.97)


def render_recovery_sheet(
    *,
    organisation: str,
    workspace_id: str,
    recovery_key: str,
    created: dt.date,
    workspace_path: str,
    lang: str,
) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(t("recovery_sheet.title", lang))
    canvas.setAuthor(APP_NAME)
    canvas.setCreator(APP_NAME)
    width, height = A4
    left, y = 25 * mm, height - 30 * mm

    canvas.setFont(BOLD, 20)
    canvas.drawString(left, y, t("recovery_sheet.title", lang))
    y -= 9 * mm
    canvas.setFont(REGULAR, 10.5)
    canvas.setFillColor(_GREY)
    canvas.drawString(left, y, t("recovery_sheet.subtitle", lang))
    canvas.setFillColor(black)
    y -= 14 * mm

    for label, value in (
        (t("recovery_sheet.organisation", lang), organisation or "—"),
        (t("recovery_sheet.created", lang), format_date(created, lang)),
        (t("recovery_sheet.workspace_id", lang), workspace_id),
        (t("recovery_sheet.folder", lang), workspace_path),
    ):
        canvas.setFont(BOLD, 10)
        canvas.drawString(left, y, label)
        canvas.setFont(REGULAR, 10)
        canvas.drawString(left + 38 * mm, y, _fit(value, 80))
        y -= 6.5 * mm

    y -= 8 * mm
    canvas.setFillColor(_BOX)
    canvas.roundRect(left, y - 30 * mm, width - 2 * left, 34 * mm, 3 * mm, stroke=0, fill=1)
    canvas.setFillColor(black)
    canvas.setFont(BOLD, 11)
    canvas.drawString(left + 6 * mm, y - 5 * mm, t("recovery_sheet.key_label", lang))
    size = 18.0
    while stringWidth(recovery_key, BOLD, size) > width - 2 * left - 12 * mm:
        size -= 0.5
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(width / 2, y - 20 * mm, recovery_key)
    y -= 45 * mm

    canvas.setFont(REGULAR, 10.5)
    for key in ("use", "keep", "danger", "how"):
        for line in textwrap.wrap(t(f"recovery_sheet.{key}", lang), 92, break_on_hyphens=False):
            canvas.drawString(left, y, line)
            y -= 5.5 * mm
        y -= 3 * mm

    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(_GREY)
    canvas.drawString(left, 15 * mm, t("recovery_sheet.footer", lang, app=APP_NAME))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]
