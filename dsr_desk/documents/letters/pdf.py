"""The letter as an A4 PDF: letterhead with logo, the address in the envelope window, reference and date
on every page, page numbers, the embedded Unicode font. Rendered in memory; nothing touches the disk."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
)

from dsr_desk import APP_NAME
from dsr_desk.documents.letters.body import LetterBody
from dsr_desk.documents.letters.context import LetterFacts
from dsr_desk.documents.letters.letterhead import (
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    first_page,
    later_page,
    numbered_canvas,
)
from dsr_desk.documents.pdf_document import bullet_list, pdf_styles
from dsr_desk.documents.pdf_safety import markup_safe
from dsr_desk.i18n import format_date, t
from dsr_desk.rules.letter_layout import WindowPosition
from dsr_desk.rules.organisation import OrganisationProfile

BOTTOM = 28 * mm


@dataclass(frozen=True)
class LetterLayout:
    """Everything the layout needs that is not the body text."""

    profile: OrganisationProfile
    reference: str
    date_text: str  # '22 november 2026'
    received_text: str
    recipient_lines: tuple[str, ...]
    lang: str
    window: WindowPosition
    logo: bytes | None = None
    specimen: bool = False  # a demo workspace's letter: marked across every page as an example


def render_letter_pdf(body: LetterBody, layout: LetterLayout) -> bytes:
    styles = pdf_styles()
    buffer = io.BytesIO()
    first_top = (
        layout.window.top_mm * mm + layout.window.height_mm * mm + 33 * mm
    )  # the reference block and subject fill the 33 mm below the window
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=20 * mm,
        bottomMargin=BOTTOM,
        title=f"{body.subject} ({layout.reference})",
        author=layout.profile.name,
        creator=APP_NAME,
        lang=layout.lang,
    )
    width = PAGE_WIDTH - LEFT - RIGHT
    first = Frame(
        LEFT, BOTTOM, width, PAGE_HEIGHT - first_top - BOTTOM, id="first", leftPadding=0, rightPadding=0
    )
    later = Frame(
        LEFT, BOTTOM, width, PAGE_HEIGHT - 32 * mm - BOTTOM, id="later", leftPadding=0, rightPadding=0
    )
    document.addPageTemplates(
        [
            PageTemplate(
                "first",
                [first],
                onPage=lambda c, d: first_page(c, layout, body, styles),
                autoNextPageTemplate="later",
            ),
            PageTemplate("later", [later], onPage=lambda c, d: later_page(c, layout)),
        ]
    )
    document.build(_story(body, layout, styles), canvasmaker=numbered_canvas(layout))
    return buffer.getvalue()


def _story(body: LetterBody, layout: LetterLayout, styles: dict[str, ParagraphStyle]) -> list:
    story: list = []
    heading = None
    for block in body.blocks:
        if block.kind == "heading":
            heading = Paragraph(markup_safe(block.lines[0]), styles["heading"])
            continue
        if block.kind == "bullets":
            flowable = bullet_list(list(block.lines), styles, spaceAfter=6)
        else:
            flowable = Paragraph(markup_safe(block.lines[0]), styles["body"])
        # A heading never stands alone at the foot of a page: it travels with what it introduces.
        story.append(KeepTogether([heading, flowable]) if heading else flowable)
        heading = None
    if heading is not None:
        story.append(heading)
    profile = layout.profile
    closing = [
        Spacer(1, 4 * mm),
        Paragraph(markup_safe(t("letter.closing", layout.lang)), styles["body"]),
        Spacer(1, 10 * mm),
        Paragraph(f"<b>{markup_safe(profile.signatory_name)}</b>", styles["value"]),
    ]
    for line in (profile.signatory_role, profile.name):
        if line:
            closing.append(Paragraph(markup_safe(line), styles["value"]))
    story.append(KeepTogether(closing))
    return story


def letter_layout_for(
    facts: LetterFacts, window: WindowPosition, logo: bytes | None, specimen: bool = False
) -> LetterLayout:
    requester, lang = facts.record.requester, facts.lang
    # By post: name and address. Without an address (an answer by e-mail): name and e-mail.
    below_name = requester.address.splitlines() if requester.address else [requester.email]
    lines = [requester.name, *below_name]
    return LetterLayout(
        facts.profile,
        facts.record.reference,
        format_date(facts.date, lang),
        format_date(facts.record.received, lang),
        tuple(line for line in lines if line.strip()),
        lang,
        window,
        logo,
        specimen,
    )
