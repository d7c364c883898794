"""Characters that change how text looks without being seen: bidirectional controls and zero-width marks.

A name holding U+202E (RIGHT-TO-LEFT OVERRIDE) prints backwards from that point on, in `case list`, in the
window and on a letter; a zero-width space makes two e-mail addresses that look the same differ. Names and
e-mail addresses with them are refused, naming the character, and text from outside that is only shown
(a file name in an archive) has them made visible instead.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional embeddings, overrides, isolates and marks; zero-width and invisible formatting characters.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
_HIDDEN = re.compile(f"[{_BIDI}{_INVISIBLE}]")
_SHOWN_AS_CODE = re.compile(f"[{_BIDI}{_INVISIBLE}\x00-\x1f\x7f-\x9f]")
# Zero-width (non-)joiners are part of how Persian, Arabic and Indic names are written, between letters.
_JOINERS = "\u200c\u200d"


def hidden_characters(text: str, *, joiners_allowed: bool = False) -> list[str]:
    """Each hidden character in `text` once, as 'U+202E RIGHT-TO-LEFT OVERRIDE', in order of appearance."""
    found: dict[str, None] = {}
    for match in _HIDDEN.finditer(text):
        char = match.group()
        if joiners_allowed and char in _JOINERS and _between_letters(text, match.start()):
            continue
        found[describe(char)] = None
    return list(found)


def hidden_character_problems(field: str, text: str) -> list[tuple[str, str, dict[str, object]]]:
    """A validation problem for a name (joiners between letters allowed) or an e-mail address (none)."""
    found = hidden_characters(text, joiners_allowed=field != "email")
    if not found:
        return []
    return [(field, f"validation.{field}_hidden_characters", {"characters": ", ".join(found)})]


def visible(text: str) -> str:
    """For showing text from outside: every hidden or control character as <U+XXXX>, the rest as it is."""
    return _SHOWN_AS_CODE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text)


def escaped_in_json(text: str) -> str:
    """JSON text with every hidden character written as its \\u escape: the same data for a script, and
    nothing a terminal would obey. (They can only occur inside strings, where \\u is valid.)"""
    return _HIDDEN.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"


def _between_letters(text: str, position: int) -> bool:
    before = text[position - 1] if position > 0 else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    return (
        bool(before and after)
        and unicodedata.category(before)[0] in "LM"
        and unicodedata.category(after)[0] in "LM"
    )
