"""The letter's colours and paragraph styles, shared by the layout and the letterhead."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from dsr_desk.documents.fonts import BOLD, REGULAR

GREY = Color(0.38, 0.40, 0.43)
ACCENT = Color(0.12, 0.37, 0.55)


def letter_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=10, leading=14.2, alignment=TA_LEFT, spaceAfter=7
    )
    return {
        "body": base,
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=BOLD,
            fontSize=10.5,
            spaceBefore=6,
            spaceAfter=3,
            textColor=ACCENT,
        ),
        "bullet": ParagraphStyle("bullet", parent=base, spaceAfter=2),
        "address": ParagraphStyle("address", parent=base, fontSize=10.5, leading=13.5, spaceAfter=0),
        "small": ParagraphStyle(
            "small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY, spaceAfter=0
        ),
        "label": ParagraphStyle("label", parent=base, fontSize=8, leading=10, textColor=GREY, spaceAfter=0),
        "value": ParagraphStyle("value", parent=base, fontSize=9.5, leading=12, spaceAfter=0),
    }
