"""Images from outside (a logo now, scans of ID documents later), read safely in memory.

The header is read first and the pixel count checked before any pixel is decoded, so a small file that
claims enormous dimensions (a decompression bomb) is refused without allocating the image.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from dsr_desk.errors import ImageRefusedError

MAX_FILE_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 60_000_000  # about 9,000 x 6,600: more than any scanner at 600 dpi makes of an A4 page


def open_image(
    data: bytes, *, max_pixels: int = MAX_PIXELS, allowed: tuple[str, ...] | None = None
) -> Image.Image:
    """A fully decoded image, or ImageRefusedError with the reason (corrupt, too large, unsupported)."""
    if len(data) > MAX_FILE_BYTES:
        raise ImageRefusedError(reason="file_too_large", limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))  # reads the header only
            width, height = image.size
            if width * height > max_pixels or width <= 0 or height <= 0:
                raise ImageRefusedError(reason="too_many_pixels")
            if allowed is not None and image.format not in allowed:
                raise ImageRefusedError(reason="unsupported", format=image.format or "?")
            image.load()
    except ImageRefusedError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageRefusedError(reason="too_many_pixels") from None
    except UnidentifiedImageError:
        raise ImageRefusedError(reason="not_an_image") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise ImageRefusedError(reason="corrupt") from None
    return image


def as_png(image: Image.Image, max_side: int | None = None) -> bytes:
    if max_side and max(image.size) > max_side:
        image = image.copy()
        image.thumbnail((max_side, max_side))
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
