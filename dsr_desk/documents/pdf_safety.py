"""reportlab, locked down: no URL or file may be fetched from inside a PDF's markup, no colour string is
evaluated, and every piece of user text is escaped before it reaches a Paragraph.

User text never carries markup in DSR Desk (it is escaped); this is the second wall, for the day a bug lets
some through: the CVE-2023-33733 payload and `<img src="file:...">` then still load and run nothing.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab import rl_config

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Signs the embedded font lacks, replaced by ones it has (an arrow would otherwise print as nothing).
_FALLBACKS = str.maketrans({"→": "»", "←": "«", "✓": "✔", "✗": "×"})


def harden_reportlab() -> None:
    rl_config.trustedHosts = None  # no host is trusted for <img src> or any URL
    rl_config.trustedSchemes = []  # and no scheme either: no file:, data:, http(s):
    rl_config.toColorCanUse = None  # colour attributes are never evaluated as expressions


def markup_safe(text: str) -> str:
    """User text as reportlab Paragraph content: control characters gone, &, < and > escaped."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return escape(text.translate(_FALLBACKS))
