"""Article numbers as each language writes them: '17(3)(b)' is 'artikel 17 lid 3 onder b AVG' in Dutch and
'Article 17(3)(b) GDPR' in English, so one letter never mixes the two styles."""

from __future__ import annotations

import re

_CODE = re.compile(r"^(\d+)((?:\(\d+\))?)((?:\([a-z]\))?)$")


def article_number(code: str, lang: str) -> str:
    """'17(3)(b)' -> '17 lid 3 onder b' (nl) or '17(3)(b)' (en); anything else as given."""
    match = _CODE.match(code)
    if lang != "nl" or not match:
        return code
    article, paragraph, point = match.groups()
    text = article
    if paragraph:
        text += f" lid {paragraph[1:-1]}"
    if point:
        text += f" onder {point[1:-1]}"
    return text


def cite(code: str, lang: str, act: str = "") -> str:
    """The full citation: 'artikel 12 lid 5 AVG', 'Article 12(5) GDPR'."""
    act = act or ("AVG" if lang == "nl" else "GDPR")
    word = "artikel" if lang == "nl" else "Article"
    return f"{word} {article_number(code, lang)} {act}"
