"""Masked ID copies: the pixels are replaced, the watermark is there, and nothing touches the disk."""

from __future__ import annotations

import io
import struct
import tempfile
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from dsr_desk.documents.id_copy import FILL, load_scan, masked_copy
from dsr_desk.errors import ImageRefusedError
from dsr_desk.rules.id_templates import TEMPLATES, Box, boxes_for


def _empty_pdf() -> bytes:
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    return buffer.getvalue()


WATERMARK = "KOPIE — voor Bakkerij De Vries — identiteitscontrole DSR-2026-0003 — 22-11-2026"


def card(width: int = 1011, height: int = 638) -> Image.Image:
    """A synthetic ID card: a face-ish photo, a printed BSN, noise everywhere so every region is distinct."""
    image = Image.effect_noise((width, height), 40).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 130, 330, 550), fill=(140, 160, 180))
    draw.text((380, 480), "BSN 999999990", fill=(0, 0, 0))
    return image


def pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.convert("RGB").tobytes()
    return [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]


def encoded(image: Image.Image, fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_every_pixel_under_every_box_is_replaced(template):
    original = card()
    boxes = boxes_for(template, *original.size)
    result = Image.open(io.BytesIO(masked_copy(original, boxes, WATERMARK))).convert("RGB")
    for box in boxes:
        region = result.crop((box.x, box.y, box.x + box.width, box.y + box.height))
        assert set(pixels(region)) == {FILL}, box.label
        before = original.crop((box.x, box.y, box.x + box.width, box.y + box.height))
        assert pixels(region) != pixels(before)


def test_the_watermark_is_across_the_image():
    original = Image.new("RGB", (800, 500), (255, 255, 255))
    result = Image.open(io.BytesIO(masked_copy(original, [], WATERMARK))).convert("RGB")
    reddish = [p for p in pixels(result) if p[0] > p[1] + 40 and p[0] > p[2] + 40]
    assert len(reddish) > 0.01 * 800 * 500
    for quarter in ((0, 0, 400, 250), (400, 0, 800, 250), (0, 250, 400, 500), (400, 250, 800, 500)):
        assert any(p[0] > p[1] + 40 for p in pixels(result.crop(quarter)))


def test_a_jpeg_a_png_a_tiff_and_a_pdf_scan_are_read():
    image = card(400, 250)
    for fmt in ("JPEG", "PNG", "TIFF"):
        assert load_scan(encoded(image, fmt)).size == (400, 250)
    pdf = io.BytesIO()
    image.save(pdf, format="PDF")
    assert load_scan(pdf.getvalue()).size[0] > 0


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not an image at all", "not_an_image"),
        (encoded(card(200, 120))[:300], "corrupt"),
        (encoded(Image.new("RGB", (10, 10)), "GIF"), "unsupported"),
        (_empty_pdf(), "pdf_no_pages"),
        (b"%PDF-1.4 garbage", "pdf_unreadable"),
    ],
)
def test_bad_files_are_refused_with_the_reason(data, reason):
    with pytest.raises(ImageRefusedError) as raised:
        load_scan(data)
    assert raised.value.fields["reason"] == reason
    assert raised.value.message("nl")


def _png_bomb(width: int, height: int) -> bytes:
    """A valid PNG header claiming width x height, with a tiny compressed body."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def test_a_decompression_bomb_is_refused_without_allocating_the_image():
    bomb = _png_bomb(200_000, 200_000)  # 40 gigapixels, 120 GB decoded, in a file of under 100 bytes
    assert len(bomb) < 200
    tracemalloc.start()
    with pytest.raises(ImageRefusedError) as raised:
        load_scan(bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert raised.value.fields["reason"] == "too_many_pixels"
    assert peak < 5 * 1024 * 1024


def test_no_file_appears_in_the_temp_folder_during_the_whole_flow(own_temp_folder):
    watched = Path(tempfile.gettempdir())
    assert watched == own_temp_folder
    before = set(watched.iterdir())
    scan = encoded(card())
    image = load_scan(scan)
    png = masked_copy(image, boxes_for("id_card_2014_front", *image.size), WATERMARK)
    assert png.startswith(b"\x89PNG")
    assert set(watched.iterdir()) == before


def test_boxes_outside_the_image_are_clipped_not_an_error():
    result = Image.open(io.BytesIO(masked_copy(card(300, 200), [Box(250, 150, 500, 500)], WATERMARK)))
    assert result.size == (300, 200) and result.getpixel((299, 199)) == FILL


def test_a_heic_photo_from_a_phone_is_read():
    data = (Path(__file__).parents[1] / "data" / "scan-red-blue.heic").read_bytes()
    image = load_scan(data)
    assert image.size == (96, 64)
    red, blue = image.getpixel((10, 32)), image.getpixel((85, 32))
    assert red[0] > 150 > red[2] and blue[2] > 150 > blue[0]
