"""A PDF scan checked before PDFium draws it: PDFium holds a page's whole decoded content in memory, so a
few megabytes that inflate to a gigabyte of drawing instructions, or an image of a billion pixels, would
take gigabytes. A scan is one image and a line or two of instructions; the limits are far above that.

The check reads the first page with pypdf and inflates its content streams (and those of the forms it
draws) counting the bytes, never keeping them; images are judged by the size they declare.
"""

from __future__ import annotations

import io
import zlib

from dsr_desk.documents.images import MAX_FILE_BYTES, MAX_PIXELS
from dsr_desk.errors import ImageRefusedError

MAX_CONTENT_BYTES = 32 * 1024 * 1024  # decoded drawing instructions of the page and its forms together
MAX_OBJECTS = 2_000  # streams and images looked at; a scan has a handful
_CHUNK = 1024 * 1024


def check_scan_pdf(data: bytes) -> None:
    """ImageRefusedError when the PDF is too large, has no pages, cannot be read, or its first page would
    cost more to draw than any scan does."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if len(data) > MAX_FILE_BYTES:
        raise ImageRefusedError(reason="file_too_large", limit=MAX_FILE_BYTES // (1024 * 1024))
    try:
        reader = PdfReader(io.BytesIO(data))
        if len(reader.pages) == 0:
            raise ImageRefusedError(reason="pdf_no_pages")
        page = reader.pages[0]
        _Budget().visit(page.get("/Contents"), page.get("/Resources"), depth=0)
    except ImageRefusedError:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        zlib.error,
        RecursionError,
    ):
        # RecursionError included: a page tree or form that contains itself.
        raise ImageRefusedError(reason="pdf_unreadable") from None


class _Budget:
    def __init__(self) -> None:
        self.content = 0
        self.objects = 0

    def visit(self, contents, resources, depth: int) -> None:
        if depth > 8:
            raise ImageRefusedError(reason="pdf_too_complex")
        contents = _resolved(contents)
        for stream in contents if isinstance(contents, list) else [contents]:
            stream = _resolved(stream)
            if stream is not None:
                self._count(stream)
        resources = _resolved(resources)
        xobjects = _resolved(resources.get("/XObject")) if hasattr(resources, "get") else None
        for name in list(xobjects or {}):
            xobject = _resolved(xobjects[name])
            self.objects += 1
            if self.objects > MAX_OBJECTS:
                raise ImageRefusedError(reason="pdf_too_complex")
            if xobject.get("/Subtype") == "/Image":
                if int(xobject.get("/Width", 0)) * int(xobject.get("/Height", 0)) > MAX_PIXELS:
                    raise ImageRefusedError(reason="too_many_pixels")
            elif xobject.get("/Subtype") == "/Form":
                self.visit(xobject, xobject.get("/Resources"), depth + 1)

    def _count(self, stream) -> None:
        """Adds the stream's decoded size, inflating FlateDecode in chunks and stopping at the limit."""
        self.objects += 1
        filters = stream.get("/Filter")
        filters = [filters] if not isinstance(filters, list) else list(filters)
        raw = stream._data if hasattr(stream, "_data") else stream.get_data()  # the bytes as stored
        if filters == [None] or not filters:
            self._add(len(raw))
        elif filters == ["/FlateDecode"]:
            inflate = zlib.decompressobj()
            for start in range(0, len(raw), _CHUNK):
                piece = raw[start : start + _CHUNK]
                while piece:
                    self._add(len(inflate.decompress(piece, _CHUNK)))
                    piece = inflate.unconsumed_tail
        else:
            self._add(len(stream.get_data()))  # other filters: pypdf decodes, within its own limits

    def _add(self, size: int) -> None:
        self.content += size
        if self.content > MAX_CONTENT_BYTES:
            raise ImageRefusedError(reason="pdf_too_complex")


def _resolved(value):
    seen = 0
    while hasattr(value, "get_object") and seen < 16:
        value, seen = value.get_object(), seen + 1
    return value
