"""Images from outside (a logo, scans of ID documents), read safely in memory.

The header is read first and the pixel count checked before any pixel is decoded, so a small file that
claims enormous dimensions (a decompression bomb) is refused without allocating the image. What is
accepted is reduced on load to a working size, so masking, the watermark and OCR work on a few
megapixels whatever came in, and no accepted image costs much more than its own decoded pixels once
(Pillow keeps 4 bytes a pixel: under 250 MB at MAX_PIXELS).
"""

from __future__ import annotations

import io
import math
import warnings

from PIL import Image, UnidentifiedImageError

from dsr_desk.errors import ImageRefusedError

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 60_000_000  # about 9,000 x 6,600: more than any scanner at 600 dpi makes of an A4 page
# An A4 page at 200 dpi (as a PDF scan is drawn), an ID card at 600: plenty to check, mask and read.
WORKING_PIXELS = 4_000_000
_MODES = ("L", "LA", "RGB", "RGBA", "CMYK", "YCbCr", "I", "F")  # reduced by averaging, as they are


def open_image(
    data: bytes,
    *,
    max_pixels: int = MAX_PIXELS,
    working_pixels: int = WORKING_PIXELS,
    allowed: tuple[str, ...] | None = None,
) -> Image.Image:
    """A decoded image of at most `working_pixels`, or ImageRefusedError with the reason (corrupt, too
    large, unsupported)."""
    if len(data) > MAX_FILE_BYTES:
        raise ImageRefusedError(reason="file_too_large", limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
            width, height = image.size
            # Reducing an image with transparency takes a second full-size copy: half the pixels, then.
            limit = max_pixels // 2 if _transparent(image) else max_pixels
            if width * height > limit or width <= 0 or height <= 0:
                raise ImageRefusedError(reason="too_many_pixels")
            if allowed is not None and image.format not in allowed:
                raise ImageRefusedError(reason="unsupported", format=image.format or "?")
            if width * height <= working_pixels:
                image.load()
                return image
            return _reduced(image, working_pixels)
    except ImageRefusedError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefusedError(reason="too_many_pixels") from None
    except UnidentifiedImageError:
        raise ImageRefusedError(reason="not_an_image") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ImageRefusedError(reason="corrupt") from None


def _reduced(image: Image.Image, working_pixels: int) -> Image.Image:
    """Reduced to about `working_pixels`: a JPEG decoded at a fraction of its size (draft); anything else
    decoded once and reduced by a whole factor before the final resample, never copied at full size."""
    scale = math.sqrt(working_pixels / (image.width * image.height))
    target = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    image.draft("RGB", target)  # JPEG only: decoded at 1/2, 1/4 or 1/8 straight away
    image.load()
    if image.mode.startswith("I;16"):  # 16-bit grey: averaged as it is, then to 8 bits
        small = image.resize(target, Image.Resampling.BOX).convert("I")
        return small.point(lambda value: value * (1 / 256)).convert("L")
    if image.mode not in _MODES:  # a palette is averaged as the colours it stands for
        image = image.convert("RGBA" if _transparent(image) else "RGB")
    factor = math.floor(math.sqrt(image.width * image.height / working_pixels))  # after any draft
    if factor >= 2:
        image = image.reduce(factor)
    image.thumbnail(target)
    return image


def _transparent(image: Image.Image) -> bool:
    return "A" in image.getbands() or "transparency" in image.info


def as_png(image: Image.Image, max_side: int | None = None) -> bytes:
    if max_side and max(image.size) > max_side:
        image = image.copy()
        image.thumbnail((max_side, max_side))
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
