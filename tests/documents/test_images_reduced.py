"""Images from outside cost little, whatever they claim: scans are reduced on load to a working size (peak
memory under 500 MB for any image that is accepted), PDFs are checked before PDFium draws them, and a logo
file that is not the one DSR Desk kept is refused, each with a plain message."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image, ImageDraw

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.documents.id_copy import load_scan
from dsr_desk.documents.images import MAX_PIXELS, WORKING_PIXELS
from dsr_desk.errors import ImageRefusedError, LogoRefusedError
from dsr_desk.rules.letters import LetterKind
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case
from tests.support.measured import run_measured


def _scan(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((size[0] // 10, size[1] // 10, size[0] // 2, size[1] // 2), fill=(20, 40, 160))
    if mode == "I;16":  # 16 bits a pixel, as a scanner writes them: 0 to 65535
        return image.convert("L").point(lambda value: value * 257, "I").convert("I;16")
    return image.convert(mode)


def _file(tmp_path, image: Image.Image, name: str, **options) -> str:
    path = tmp_path / name
    image.save(path, **options)
    return str(path)


def _mask(path: str, tmp_path):
    """`dsr-desk id mask`, measured in its own process; a passphrase workspace must exist at tmp_path/ws."""
    return run_measured(
        ["--workspace", str(tmp_path / "workspace"), "id", "mask", path, "--template", "id_card_2014_front",
         "--purpose", "identiteitscontrole", "-o", str(tmp_path / "kopie.png")],
        tmp_path, env={"DSR_DESK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    ("size", "name", "options"),
    [
        ((7700, 7700), "groot.png", {"compress_level": 1}),  # the reported 5.95 GB
        ((4960, 7016), "a4-600dpi.jpg", {"quality": 85}),  # a real 600 dpi A4 scan: 3.7 GB before
    ],
    ids=["7700x7700 PNG", "A4 at 600 dpi JPEG"],
)
def test_a_large_scan_is_masked_in_under_500_mb(passphrase_desk, tmp_path, size, name, options):
    measured = _mask(_file(tmp_path, _scan(size), name, **options), tmp_path)
    assert measured.status == 0, measured.stderr
    assert measured.peak_mib < 500
    with Image.open(tmp_path / "kopie.png") as copy:
        assert copy.width * copy.height <= WORKING_PIXELS
        assert abs(copy.width / copy.height - size[0] / size[1]) < 0.01  # reduced, not distorted


@pytest.mark.slow
def test_the_largest_image_with_transparency_that_is_accepted_stays_under_500_mb(passphrase_desk, tmp_path):
    image = _scan((6300, 4700), "RGBA")  # just under half of MAX_PIXELS: reducing it copies it once more
    measured = _mask(_file(tmp_path, image, "foto.png", compress_level=1), tmp_path)
    assert measured.status == 0, measured.stderr
    assert measured.peak_mib < 500


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "I;16", "CMYK", "P", "1"])
def test_every_kind_of_image_is_reduced_to_the_working_size_in_its_right_colours(mode):
    image = _scan((3000, 2000), mode)  # 6 megapixels
    fmt = "TIFF" if mode in ("CMYK", "I;16") else "PNG"
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    loaded = load_scan(buffer.getvalue())
    assert loaded.width * loaded.height <= WORKING_PIXELS and loaded.size[0] > 2000
    blue = loaded.getpixel((loaded.width // 4, loaded.height // 4))
    white = loaded.getpixel((loaded.width - 10, loaded.height - 10))
    assert sum(white) > sum(blue) + 150  # the dark block is still dark, the paper still light


def test_an_image_with_transparency_over_half_the_limit_is_refused():
    image = _png_header(6300, 6300, colour_type=6)  # RGBA: 39.7 megapixels
    with pytest.raises(ImageRefusedError) as refused:
        load_scan(image)
    assert refused.value.fields["reason"] == "too_many_pixels"
    assert MAX_PIXELS > 6300 * 6300


def _png_header(width: int, height: int, colour_type: int = 2) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def _pdf(objects: list[bytes]) -> bytes:
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _zlib_bomb(block: bytes, count: int) -> bytes:
    """zlib data inflating to `count` copies of `block`: fully flushed blocks repeat byte for byte."""
    compressor = zlib.compressobj(9)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.flush()[:-4]
    adler = 1
    for _ in range(count):
        adler = zlib.adler32(block, adler)
    return first + again * (count - 1) + tail + struct.pack(">I", adler)


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


@pytest.mark.slow
def test_a_pdf_whose_page_draws_a_gigabyte_of_lines_is_refused_quickly_and_cheaply(passphrase_desk, tmp_path):
    stream = _zlib_bomb(b"0 0 m 1 1 l S\n" * 65536, 1100)  # 1 GB of drawing instructions, 2 MB on disk
    pdf = _pdf(
        [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
         b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    )  # fmt: skip
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf)
    measured = _mask(str(path), tmp_path)
    assert measured.status == 2
    assert "te veel tekenopdrachten" in measured.stderr
    assert measured.peak_mib < 200


@pytest.mark.parametrize(
    "pages",
    [
        [b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"],
        [b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"],
    ],
    ids=["pages lists itself", "two pages nodes list each other"],
)
def test_a_pdf_whose_page_tree_loops_is_a_plain_refusal(pages):
    with pytest.raises(ImageRefusedError) as refused:
        load_scan(_pdf([CATALOG, *pages]))
    assert refused.value.fields["reason"] == "pdf_unreadable"


def test_an_oversized_logo_put_in_the_workspace_is_refused_with_a_message(desk, tmp_path):
    demo_organisation(desk)
    reference = make_case(desk).reference
    desk.paths.logo.parent.mkdir(exist_ok=True)
    desk.paths.logo.write_bytes(_png_header(15_000, 15_000))  # 225 megapixels: decoded it would be 900 MB
    with desk.open_case(reference) as case, pytest.raises(LogoRefusedError) as refused:
        case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
    assert "Het logo in" in refused.value.message(
        "nl"
    ) and "Instellingen → Organisatie" in refused.value.message("nl")


def test_a_logo_chosen_in_the_settings_is_kept_small_and_used(desk):
    big = io.BytesIO()
    _scan((4000, 1500)).save(big, "PNG")
    desk.set_logo(big.getvalue())
    with Image.open(io.BytesIO(desk.logo())) as kept:
        assert max(kept.size) == 1200
