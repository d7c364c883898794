"""Optional OCR with Tesseract, where it is installed: finds the MRZ lines and any BSN on a scan, so boxes
can be placed over them. The image goes to Tesseract through a pipe, never through a file; without
Tesseract, everything works by hand."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from dsr_desk.rules.bsn import find_bsns
from dsr_desk.rules.id_templates import Box

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 60
_MRZ_LINE = re.compile(r"^[A-Z0-9<]{26,46}$")
# Where the usual installers put Tesseract, for when it is not on PATH: the Windows installer does not add
# itself to PATH by default, and an app started from the Finder gets only /usr/bin:/bin:/usr/sbin:/sbin.
USUAL_PLACES = {  # (environment variable or "", path under it)
    "win32": (
        ("ProgramFiles", "Tesseract-OCR/tesseract.exe"),
        ("LOCALAPPDATA", "Programs/Tesseract-OCR/tesseract.exe"),
    ),
    "darwin": (
        ("", "/opt/homebrew/bin/tesseract"),
        ("", "/usr/local/bin/tesseract"),
        ("", "/opt/local/bin/tesseract"),
    ),
}
CREATE_NO_WINDOW = 0x08000000  # subprocess.CREATE_NO_WINDOW, which only Windows' Python defines


@dataclass(frozen=True)
class Word:
    text: str
    box: Box
    line: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbers them


@dataclass(frozen=True)
class OcrFindings:
    mrz_lines: tuple[str, ...]
    boxes: tuple[Box, ...]  # over the MRZ's BSN field and every BSN in the text


def tesseract_command() -> str | None:
    found = shutil.which("tesseract")
    if found:
        return found
    for variable, place in USUAL_PLACES.get(sys.platform, ()):
        base = os.environ.get(variable, "") if variable else "/"
        path = Path(base, place)
        if base and path.is_file():
            return str(path)
    return None


def tesseract_available() -> bool:
    return tesseract_command() is not None


def creation_flags() -> int:
    """On Windows a console program started from a windowed one opens a console window of its own."""
    return CREATE_NO_WINDOW if sys.platform == "win32" else 0


def find_sensitive(image: Image.Image) -> OcrFindings:
    """MRZ lines (with a box over the BSN field) and boxes over BSNs printed anywhere; empty if OCR fails."""
    if not tesseract_available():
        return OcrFindings((), ())
    png = io.BytesIO()
    image.convert("L").save(png, "PNG")
    mrz_words = _words(
        png.getvalue(), ["--psm", "6", "-c", "tessedit_char_whitelist=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"]
    )
    text_words = _words(png.getvalue(), ["--psm", "11"])
    mrz = [w for w in mrz_words if _MRZ_LINE.match(w.text) and "<" in w.text]
    mrz.sort(key=lambda w: w.box.y)
    boxes = [*_mrz_bsn_boxes(mrz[-3:]), *_bsn_boxes(text_words)]
    return OcrFindings(tuple(w.text for w in mrz[-3:]), tuple(boxes))


def _words(png: bytes, options: list[str]) -> list[Word]:
    try:
        result = subprocess.run(
            [tesseract_command() or "tesseract", "stdin", "stdout", *options, "tsv"],
            input=png,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=True,
            creationflags=creation_flags(),
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("OCR did not run: %s", type(exc).__name__)
        return []
    words = []
    for row in result.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) == 12 and parts[11].strip():
            left, top, width, height = (int(v) for v in parts[6:10])
            words.append(
                Word(
                    parts[11].strip(),
                    Box(left, top, width, height),
                    (int(parts[2]), int(parts[3]), int(parts[4])),
                )
            )
    return words


def _mrz_bsn_boxes(lines: list[Word]) -> list[Box]:
    """TD1: characters 16-30 of the first line; TD3: characters 29-43 of the second (LEGAL.md §3)."""
    if len(lines) == 3:
        word, start, end = lines[0], 15, 30
    elif len(lines) >= 2 and len(lines[-1].text) >= 43:
        word, start, end = lines[-1], 28, 43
    else:
        return []
    per_char = word.box.width / max(len(word.text), 1)
    margin = round(per_char / 2)
    return [
        Box(
            word.box.x + round(start * per_char) - margin,
            word.box.y - margin,
            round((end - start) * per_char) + 2 * margin,
            word.box.height + 2 * margin,
            "mrz_bsn",
        )
    ]


def _bsn_boxes(words: list[Word]) -> list[Box]:
    boxes, covered = [], set()
    for i, word in enumerate(words):
        if i in covered:
            continue
        # A BSN may be read as one word or as groups ('9999.99.990', '999 999 990').
        for length in (1, 2, 3):
            span = words[i : i + length]
            if (
                len(span) == length
                and all(w.line == word.line for w in span)
                and find_bsns(" ".join(w.text for w in span))
            ):
                x, y = min(w.box.x for w in span), min(w.box.y for w in span)
                right = max(w.box.x + w.box.width for w in span)
                bottom = max(w.box.y + w.box.height for w in span)
                boxes.append(Box(x - 4, y - 4, right - x + 8, bottom - y + 8, "bsn"))
                covered.update(range(i, i + length))
                break
    return boxes
