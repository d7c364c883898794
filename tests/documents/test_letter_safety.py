"""Hostile text in a letter prints as text: it never becomes markup, loads no file, reaches no network,
runs no code. Python's audit hooks watch everything the renderer does."""

from __future__ import annotations

import contextlib
import re
import sys
import unicodedata
from functools import cache
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dsr_desk.documents.fonts import REGULAR, register_fonts
from dsr_desk.resources import resource_path
from dsr_desk.rules.letters import LetterKind
from tests.support.letters import complete_inputs, facts, letter_pdf, pdf_text, record

CVE_2023_33733 = (
    "<para><font color=\"[ [ getattr(pow,Word('__globals__'))['os'].system('touch /tmp/dsr-desk-pwned') "
    "for Word in [orgTypeFun('Word', (str,), { 'mutated': 1, 'startswith': lambda self, x: False, "
    "'__eq__': lambda self,x: self.mutate() and self.mutated < 0 and str(self) == x, 'mutate': lambda self: "
    "{setattr(self, 'mutated', self.mutated - 1)}, '__hash__': lambda self: hash(str(self)) })] ] for "
    "orgTypeFun in [type(type(1))] ] and 'red'\">exploit</font></para>"
)
HOSTILE = [
    CVE_2023_33733,
    '<img src="file:///etc/passwd"/>',
    '<img src="/etc/passwd" width="100" height="100"/>',
    '<img src="http://127.0.0.1:9/x.png"/>',
    "<b>vet</b> & <i>schuin</i> &amp; &lt;tag&gt; \"quotes\" 'single'",
    "{{ requester_name }} {% if x %} {# comment #}",
    "## Kop\n- lijst\n\nnieuwe alinea",
    "A" * 10_000,
    ("woord " * 2_000).strip(),
]


class Watch:
    """Records what code does while `active`: files opened, sockets, processes, code compiled."""

    active = False
    events: ClassVar[list[tuple[str, str]]] = []
    templates = str(resource_path("letters"))

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if not cls.active:
            return
        if event == "open" and str(args[0]).startswith(cls.templates):
            return  # reading the letter's own template is expected; nothing else may be opened
        if event in (
            "open",
            "socket.connect",
            "socket.getaddrinfo",
            "subprocess.Popen",
            "os.system",
            "os.exec",
            "os.posix_spawn",
            "urllib.Request",
            "compile",
            "exec",
        ):
            cls.events.append((event, repr(args[0])[:80] if args else ""))


sys.addaudithook(Watch.hook)


@contextlib.contextmanager
def watching():
    # Fonts and reportlab's own lazily imported modules are read once, on the first letter of a
    # session: that is set-up, not something user text can cause, so it happens before watching.
    _render_with("opwarmen")
    Watch.events = []
    Watch.active = True
    try:
        yield Watch
    finally:
        Watch.active = False


@cache
def _covered() -> list[str]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    font = pdfmetrics.getFont(REGULAR)
    return [
        chr(code)
        for code in sorted(font.face.charToGlyph)
        if unicodedata.category(chr(code))[0] in "LNPS" and 0x20 < code < 0xE000
    ]


def _printable(text: str) -> str:
    """What a reader of the PDF can find: no control or formatting characters, no whitespace."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf") and not c.isspace())


def _render_with(value: str):
    case = record(name=value, address=value + "\nPostcode 1234 AB")
    inputs = complete_inputs(refusal_reasons=value)
    return letter_pdf(facts(LetterKind.REFUSAL, inputs=inputs, case=case))


@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: v[:20])
def test_hostile_text_prints_as_text_and_does_nothing(value):
    with watching() as watch:
        pdf = _render_with(value)
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert watch.events == []
    found = re.sub(r"\s+", "", pdf_text(pdf))
    assert _printable(value) in found


def test_the_cve_2023_33733_payload_as_a_name_runs_nothing():
    import os

    with watching() as watch:
        pdf = letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT, case=record(name=CVE_2023_33733)))
    assert not os.path.exists("/tmp/dsr-desk-pwned")
    assert watch.events == []
    assert "getattr(pow" in pdf_text(pdf)


@settings(max_examples=40, deadline=None)
@given(
    st.one_of(
        st.text(
            alphabet=st.sampled_from(_covered() + list("<>&\"'/ \n\t\x00\x07\x1b")), min_size=1, max_size=300
        ),
        st.text(min_size=1, max_size=60),  # any Unicode at all: must still give a valid PDF
        st.sampled_from(HOSTILE),
    )
)
def test_any_text_gives_a_valid_pdf_that_contains_it(value):
    with watching() as watch:
        pdf = _render_with(value)
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF")
    assert watch.events == []
    printable = _printable(value)
    if printable and all(c in _covered() for c in printable):
        assert printable in re.sub(r"\s+", "", pdf_text(pdf))
