"""A synthetic Dutch-style identity card, drawn here: specimen data only (BSN 999999990)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from dsr_desk.resources import resource_path

MRZ = ("I<NLDSPECI20142999999990<<<<<8", "6503101F2403096NLD<<<<<<<<<<<8", "DE<BRUIJN<<WILLEKE<LISELOTTE<<")


def specimen_card_back(width: int = 1011, height: int = 638) -> Image.Image:
    """The back of a pre-2021 ID card: some printed lines and the three MRZ lines at the bottom."""
    image = Image.new("RGB", (width, height), (226, 234, 240))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(resource_path("fonts", "NotoSans-Regular.ttf")), height // 24)
    draw.text((40, 40), "Lengte / Height 1,75 m", font=font, fill=(40, 40, 60))
    draw.text((40, 90), "Persoonsnummer / Personal no. 9999.99.990", font=font, fill=(40, 40, 60))
    draw.rectangle((0, int(height * 0.62), width, height), fill=(250, 250, 250))
    mono = ImageFont.truetype("DejaVuSansMono.ttf", height // 13) if _has_mono() else font
    for row, line in enumerate(MRZ):
        draw.text(
            (int(width * 0.05), int(height * 0.655) + row * int(height * 0.105)),
            line,
            font=mono,
            fill=(0, 0, 0),
        )
    return image


def specimen_card_front(width: int = 1011, height: int = 638) -> Image.Image:
    image = Image.new("RGB", (width, height), (214, 226, 238))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(resource_path("fonts", "NotoSans-Regular.ttf")), height // 22)
    bold = ImageFont.truetype(str(resource_path("fonts", "NotoSans-Bold.ttf")), height // 18)
    draw.text((40, 25), "IDENTITEITSKAART  ·  SPECIMEN", font=bold, fill=(20, 60, 110))
    draw.rectangle((40, 130, 330, 550), fill=(150, 165, 180))
    draw.ellipse((120, 190, 250, 330), fill=(220, 195, 170))
    draw.rectangle((110, 340, 260, 550), fill=(60, 80, 110))
    for row, (label, value) in enumerate(
        (
            ("Naam", "De Bruijn"),
            ("Voornamen", "Willeke Liselotte"),
            ("Geboortedatum", "10 03 1965"),
            ("Geldig tot", "09 03 2024"),
        )
    ):
        draw.text((370, 130 + row * 80), label, font=font, fill=(80, 90, 110))
        draw.text((370, 160 + row * 80), value, font=bold, fill=(10, 20, 40))
    draw.text((370, 480), "BSN 999999990", font=bold, fill=(10, 20, 40))
    return image


def _has_mono() -> bool:
    try:
        ImageFont.truetype("DejaVuSansMono.ttf", 10)
    except OSError:
        return False
    return True
