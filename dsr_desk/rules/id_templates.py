"""Where to place the redaction boxes on common Dutch documents, as fractions of the cropped document.

Starting positions, not gospel: the handler sees the boxes on the image and moves or resizes them. What
they cover, per LEGAL.md §3: the photo, the printed BSN, the MRZ's BSN field and its check digit, and the
QR code on the 2021 cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from dsr_desk.rules.identity import DocumentType


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    width: int
    height: int
    label: str = ""

    def clipped(self, width: int, height: int) -> Box:
        x, y = max(0, min(self.x, width)), max(0, min(self.y, height))
        return Box(
            x,
            y,
            max(0, min(self.x + self.width, width) - x),
            max(0, min(self.y + self.height, height) - y),
            self.label,
        )


@dataclass(frozen=True)
class RelativeBox:
    x: float
    y: float
    width: float
    height: float
    label: str

    def on(self, width: int, height: int) -> Box:
        return Box(
            round(self.x * width),
            round(self.y * height),
            round(self.width * width),
            round(self.height * height),
            self.label,
        )


# TD1 MRZ line 1 on an ID card's back: characters 16-30 (the optional data with the BSN) of 30.
_TD1_OPTIONAL = RelativeBox(0.05 + 0.90 * 15 / 30, 0.655, 0.90 * 15 / 30 + 0.02, 0.10, "mrz_bsn")
# TD3 MRZ line 2 on a passport's data page: characters 29-43 (personal number and its check digit) of 44.
_TD3_PERSONAL = RelativeBox(0.04 + 0.92 * 28 / 44, 0.875, 0.92 * 15 / 44 + 0.01, 0.085, "mrz_bsn")

TEMPLATES: dict[str, tuple[RelativeBox, ...]] = {
    "id_card_2014_front": (
        RelativeBox(0.03, 0.19, 0.31, 0.69, "photo"),
        RelativeBox(0.36, 0.74, 0.42, 0.10, "bsn"),
    ),
    "id_card_2014_back": (_TD1_OPTIONAL,),
    "id_card_2021_front": (RelativeBox(0.03, 0.19, 0.31, 0.69, "photo"),),
    "id_card_2021_back": (
        RelativeBox(0.04, 0.08, 0.46, 0.12, "bsn"),
        RelativeBox(0.74, 0.06, 0.22, 0.36, "qr_code"),
    ),
    "passport_2014": (
        RelativeBox(0.035, 0.19, 0.31, 0.58, "photo"),
        RelativeBox(0.38, 0.66, 0.40, 0.08, "bsn"),
        _TD3_PERSONAL,
    ),
    "passport_2021": (
        RelativeBox(0.035, 0.19, 0.31, 0.58, "photo"),
        RelativeBox(0.38, 0.66, 0.40, 0.08, "bsn"),
        _TD3_PERSONAL,
    ),
    "driving_licence_front": (
        RelativeBox(0.03, 0.21, 0.29, 0.65, "photo"),
        RelativeBox(0.36, 0.72, 0.40, 0.09, "bsn"),
    ),
}

DOCUMENT_OF_TEMPLATE = {
    "id_card_2014_front": DocumentType.ID_CARD_2014,
    "id_card_2014_back": DocumentType.ID_CARD_2014,
    "id_card_2021_front": DocumentType.ID_CARD_2021,
    "id_card_2021_back": DocumentType.ID_CARD_2021,
    "passport_2014": DocumentType.PASSPORT_2014,
    "passport_2021": DocumentType.PASSPORT_2021,
    "driving_licence_front": DocumentType.DRIVING_LICENCE,
}


def boxes_for(template: str, width: int, height: int) -> list[Box]:
    """The template's boxes on an image of this size; raises KeyError for an unknown template."""
    return [box.on(width, height) for box in TEMPLATES[template]]
