"""KopieID-style masked copies of identity documents, made in memory.

The unmasked scan is never written anywhere: it is read from bytes, masked (the pixels under each box are
replaced, not covered by an overlay), watermarked with recipient, purpose and date, and only the result is
returned, as PNG bytes, for the case file.
"""

from __future__ import annotations

import datetime as dt
import math

from PIL import Image, ImageDraw, ImageFont, ImageOps

from dsr_desk.documents.images import WORKING_PIXELS, as_png, open_image
from dsr_desk.documents.scan_pdf import check_scan_pdf
from dsr_desk.errors import ImageRefusedError
from dsr_desk.i18n import format_date, t
from dsr_desk.resources import resource_path
from dsr_desk.rules.id_templates import Box

FILL = (0, 0, 0)
_WATERMARK_COLOUR = (200, 30, 30)
_WATERMARK_OPACITY = 110  # of 255
SCAN_FORMATS = ("JPEG", "PNG", "TIFF", "MPO", "BMP", "WEBP", "HEIF")
_PDF_SCALE = 200 / 72  # render a scanned page at 200 dpi: enough to check a document, not more

try:  # HEIC photos from iPhones: pi-heif is the decode-only build (LGPL libheif, no GPL encoder)
    import pi_heif

    pi_heif.register_heif_opener()
except ImportError:  # a platform without its wheel: HEIC is then refused with a clear message
    pass


def load_scan(data: bytes) -> Image.Image:
    """An image or the first page of a PDF scan, decoded in memory; ImageRefusedError says why not."""
    if data[:5] == b"%PDF-":
        return _first_pdf_page(data)
    if (
        data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1")
        and "HEIF" not in Image.registered_extensions().values()
    ):
        raise ImageRefusedError(reason="heic_unsupported")
    image = open_image(data, allowed=SCAN_FORMATS)
    return ImageOps.exif_transpose(image).convert("RGB")  # phone photos come in sideways otherwise


def _first_pdf_page(data: bytes) -> Image.Image:
    import pypdfium2 as pdfium

    check_scan_pdf(data)  # sizes checked before PDFium reads a byte of the page
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise ImageRefusedError(reason="pdf_unreadable") from None
    try:
        if len(document) == 0:
            raise ImageRefusedError(reason="pdf_no_pages")
        page = document[0]
        width, height = page.get_size()
        scale = min(_PDF_SCALE, math.sqrt(WORKING_PIXELS / max(width * height, 1)))
        return page.render(scale=scale).to_pil().convert("RGB")
    except pdfium.PdfiumError:  # a page PDFium cannot load or draw (a page tree that loops, say)
        raise ImageRefusedError(reason="pdf_unreadable") from None
    finally:
        document.close()


def mask(image: Image.Image, boxes: list[Box]) -> Image.Image:
    """A copy with every pixel under each box replaced by the fill colour."""
    result = image.convert("RGB")  # convert always returns a new image: the original stays as it was
    draw = ImageDraw.Draw(result)
    for box in boxes:
        box = box.clipped(*result.size)
        if box.width and box.height:
            draw.rectangle((box.x, box.y, box.x + box.width - 1, box.y + box.height - 1), fill=FILL)
    return result


def watermark(image: Image.Image, text: str) -> Image.Image:
    """The KopieID watermark: the text repeated diagonally across the whole image, half transparent.

    Drawn as a one-byte mask the size of the image's diagonal (which covers the image at any angle) and
    blended in one colour: a fraction of the image's own memory."""
    base = image.convert("RGB")
    width, height = base.size
    size = max(12, width // 28)
    font = ImageFont.truetype(str(resource_path("fonts", "NotoSans-Bold.ttf")), size)
    diagonal = math.isqrt(width * width + height * height) + 1
    layer = Image.new("L", (diagonal, diagonal), 0)
    draw = ImageDraw.Draw(layer)
    line = f"{text}     "
    text_width = max(int(draw.textlength(line, font=font)), 1)
    for row, y in enumerate(range(0, diagonal, size * 4)):
        offset = (row % 2) * text_width // 2
        for x in range(-offset, diagonal, text_width):
            draw.text((x, y), line, font=font, fill=_WATERMARK_OPACITY)
    rotated = layer.rotate(30, resample=Image.Resampling.BICUBIC)
    left, top = (diagonal - width) // 2, (diagonal - height) // 2
    base.paste(
        _WATERMARK_COLOUR, (0, 0, width, height), rotated.crop((left, top, left + width, top + height))
    )
    return base


def watermark_text(organisation: str, purpose: str, day: dt.date, lang: str | None = None) -> str:
    """'KOPIE — voor {organisation} — {purpose} — {date}', the KopieID wording, in one place."""
    return t(
        "identity.watermark",
        lang,
        organisation=organisation or "?",
        purpose=purpose.strip(),
        date=format_date(day, lang),
    )


def masked_copy(image: Image.Image, boxes: list[Box], watermark_text: str) -> bytes:
    """Watermarked, then masked (so the boxes stay solid), as PNG bytes."""
    return as_png(mask(watermark(image, watermark_text), boxes))
