"""A rendered template as a letter body: a subject line and blocks (headings, paragraphs, bulleted lists).

Structure comes only from the template's own text: a line that begins with an inserted value (marked by
the template language) is never read as a heading or a list item, whatever the requester typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from dsr_desk.documents.letters.template_language import VALUE_END, VALUE_START, strip_markers


@dataclass(frozen=True)
class Block:
    kind: str  # heading | paragraph | bullets
    lines: tuple[str, ...]  # one for headings and paragraphs, one per item for bullets


@dataclass(frozen=True)
class LetterBody:
    subject: str
    blocks: tuple[Block, ...]


def split_body(text: str) -> LetterBody:
    # A value that ends a sentence ("Telgen B.V.") followed by the template's own full stop: one stop.
    text = text.replace("." + VALUE_END + ".", "." + VALUE_END)
    lines = text.split("\n")
    subject = ""
    if lines and lines[0].startswith("subject:"):
        subject = _clean(lines.pop(0)[len("subject:") :])
    blocks: list[Block] = []
    paragraph: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", (_clean(" ".join(paragraph)),)))
            paragraph.clear()
        if bullets:
            blocks.append(Block("bullets", tuple(_clean(item) for item in bullets)))
            bullets.clear()

    for line in lines:
        visible = strip_markers(line).strip()
        structural = not line.lstrip().startswith(VALUE_START)
        if not visible:
            flush()
        elif structural and line.lstrip().startswith("## "):
            flush()
            blocks.append(Block("heading", (_clean(line.lstrip()[3:]),)))
        elif structural and line.lstrip().startswith("- "):
            if paragraph:
                flush()
            bullets.append(line.lstrip()[2:])
        elif bullets and line.startswith("  "):
            bullets[-1] += " " + line.strip()  # an item continued on an indented line
        else:
            if bullets:
                flush()
            paragraph.append(line.strip())
    flush()
    return LetterBody(subject, tuple(block for block in blocks if any(block.lines)))


def _clean(text: str) -> str:
    return " ".join(strip_markers(text).split())
