"""The letterhead and the first page's fixed parts: sender, the address in the envelope window, the
reference block, fold marks; the short header of later pages; the numbered footer of every page."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from dsr_desk.documents.fonts import BOLD, REGULAR
from dsr_desk.documents.letters.body import LetterBody
from dsr_desk.documents.letters.pdf_style import ACCENT, GREY
from dsr_desk.documents.pdf_document import numbered_canvas as page_numbered_canvas
from dsr_desk.documents.pdf_safety import markup_safe
from dsr_desk.i18n import t

if TYPE_CHECKING:
    from dsr_desk.documents.letters.pdf import LetterLayout
    from dsr_desk.rules.organisation import OrganisationProfile

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT = 25 * mm, 20 * mm


def first_page(
    canvas: Canvas, layout: LetterLayout, body: LetterBody, styles: dict[str, ParagraphStyle]
) -> None:
    profile, window = layout.profile, layout.window
    canvas.saveState()
    top = PAGE_HEIGHT - 18 * mm
    if layout.logo:
        _draw_logo(canvas, layout.logo, PAGE_WIDTH - RIGHT - 50 * mm, top - 20 * mm, 50 * mm, 22 * mm)
    canvas.setFont(BOLD, 14)
    canvas.setFillColor(ACCENT)
    canvas.drawString(LEFT, top - 6 * mm, profile.name[:80])
    sender = [
        *profile.postal_lines,
        profile.phone,
        profile.email,
        profile.website,
        t("letter.kvk", layout.lang, number=profile.chamber_of_commerce)
        if profile.chamber_of_commerce
        else "",
    ]
    column = [Paragraph(markup_safe(line), styles["small"]) for line in sender if line]
    _frame_at(
        canvas,
        column,
        135 * mm,
        PAGE_HEIGHT - window.top_mm * mm - window.height_mm * mm,
        PAGE_WIDTH - RIGHT - 135 * mm,
        window.height_mm * mm + 4 * mm,
    )
    # The window: a one-line return address above the recipient, both inside the envelope's window.
    win_left, win_top = window.left_mm * mm, PAGE_HEIGHT - window.top_mm * mm
    recipient = [Paragraph(markup_safe(return_line(profile)), styles["small"]), Spacer(1, 2 * mm)]
    recipient += [Paragraph(markup_safe(line), styles["address"]) for line in layout.recipient_lines]
    _frame_at(
        canvas,
        recipient,
        win_left + 3 * mm,
        win_top - window.height_mm * mm + 2 * mm,
        window.width_mm * mm - 6 * mm,
        window.height_mm * mm - 4 * mm,
    )
    _reference_block(canvas, layout, body, styles, win_top - window.height_mm * mm - 7 * mm)
    _fold_marks(canvas)
    canvas.restoreState()
    _specimen_mark(canvas, layout)


def _reference_block(canvas: Canvas, layout: LetterLayout, body: LetterBody, styles, top: float) -> None:
    lang = layout.lang
    dated = f"{layout.profile.city}, {layout.date_text}" if layout.profile.city else layout.date_text
    cells = [
        (t("letter.our_reference", lang), layout.reference),
        (t("letter.date", lang), dated),
        (t("letter.your_request_of", lang), layout.received_text),
    ]
    table = Table(
        [
            [Paragraph(markup_safe(label), styles["label"]) for label, _ in cells],
            [Paragraph(markup_safe(value), styles["value"]) for _, value in cells],
        ],
        colWidths=[45 * mm, 55 * mm, 65 * mm],
    )
    table.hAlign = "LEFT"
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        )
    )
    subject = Paragraph(
        f"<b>{markup_safe(t('letter.subject', lang))}:</b> {markup_safe(body.subject)}", styles["value"]
    )
    _frame_at(
        canvas, [table, Spacer(1, 4 * mm), subject], LEFT, top - 20 * mm, PAGE_WIDTH - LEFT - RIGHT, 20 * mm
    )


def later_page(canvas: Canvas, layout: LetterLayout) -> None:
    canvas.saveState()
    canvas.setFont(BOLD, 10)
    canvas.setFillColor(ACCENT)
    canvas.drawString(LEFT, PAGE_HEIGHT - 18 * mm, layout.profile.name[:80])
    canvas.restoreState()
    _specimen_mark(canvas, layout)


def _specimen_mark(canvas: Canvas, layout: LetterLayout) -> None:
    """Across the page, behind nothing a reader needs: this letter comes from a demo and was never sent."""
    if not layout.specimen:
        return
    canvas.saveState()
    canvas.setFillColorRGB(0.85, 0.2, 0.15, alpha=0.18)
    canvas.setFont(BOLD, 96)
    canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -30, t("letter.specimen", layout.lang))
    canvas.restoreState()


def _frame_at(canvas: Canvas, flowables: list, x: float, y: float, width: float, height: float) -> None:
    """Draws flowables in a box; what does not fit is shrunk, never spilled over the page."""
    frame = Frame(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame.addFromList([KeepInFrame(width, height, flowables, mode="shrink")], canvas)


def _draw_logo(canvas: Canvas, logo: bytes, x: float, y: float, width: float, height: float) -> None:
    image = ImageReader(io.BytesIO(logo))
    image_width, image_height = image.getSize()
    scale = min(width / image_width, height / image_height)
    w, h = image_width * scale, image_height * scale
    canvas.drawImage(image, x + width - w, y + height - h, w, h, mask="auto")


def _fold_marks(canvas: Canvas) -> None:
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.3)
    for from_top in (99 * mm, 198 * mm):
        canvas.line(4 * mm, PAGE_HEIGHT - from_top, 8 * mm, PAGE_HEIGHT - from_top)


def _privacy_line(layout: LetterLayout) -> str:
    profile = layout.profile
    parts = []
    if profile.privacy_contact or profile.privacy_email:
        who = " ".join(
            p
            for p in (profile.privacy_contact, f"<{profile.privacy_email}>" if profile.privacy_email else "")
            if p
        )
        parts.append(t("letter.privacy_contact", layout.lang, contact=who))
    if profile.dpo_name or profile.dpo_email:
        who = " ".join(
            p for p in (profile.dpo_name, f"<{profile.dpo_email}>" if profile.dpo_email else "") if p
        )
        parts.append(t("letter.dpo", layout.lang, contact=who))
    return " · ".join(parts)


def return_line(profile: OrganisationProfile, fallback: str = "") -> str:
    """The one-line sender above the address in the window; the test print shows it where letters do."""
    return " · ".join([profile.name or fallback, *profile.postal_lines][:3])


def numbered_canvas(layout: LetterLayout):
    """Every page: reference, date and 'page X of Y', and below it how to reach the privacy contact."""

    def footer(page: int, pages: int) -> list[str]:
        text = t(
            "letter.footer",
            layout.lang,
            reference=layout.reference,
            date=layout.date_text,
            page=page,
            pages=pages,
        )
        contact = _privacy_line(layout)
        return [text, contact] if contact else [text]

    return page_numbered_canvas(footer, LEFT)
