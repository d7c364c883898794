"""Free text the handler typed, made fit to stand in a letter."""

from __future__ import annotations


def sentence(text: str) -> str:
    """Used as a sentence in a letter: it ends with a full stop."""
    text = text.strip()
    return text if not text or text[-1] in ".!?)»\"'" else text + "."
