"""The Unicode TrueType fonts shipped in resources/fonts (Noto Sans, SIL OFL), embedded in every PDF,
so names like Łukasz Wróbel, Şükrü Öztürk, Ζωή Παπαδοπούλου or Зоя print as written and stay searchable.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dsr_desk.resources import resource_path

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
ITALIC = "NotoSans-Italic"


@cache
def register_fonts() -> str:
    """Registers the family once per process; returns the regular face's name."""
    for name, file in (
        (REGULAR, "NotoSans-Regular.ttf"),
        (BOLD, "NotoSans-Bold.ttf"),
        (ITALIC, "NotoSans-Italic.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` the embedded font cannot draw (they would print as empty boxes)."""
    register_fonts()
    covered = pdfmetrics.getFont(REGULAR).face.charToGlyph
    return {c for c in text if not c.isspace() and ord(c) >= 32 and ord(c) not in covered}
