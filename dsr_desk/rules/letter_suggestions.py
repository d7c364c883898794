"""Which letter fits the case now: the next letters a careful handler would send, in that order."""

from __future__ import annotations

from dsr_desk.rules.clock import ClockState, InformationNeeded
from dsr_desk.rules.letters import CONFIRMS, LetterKind
from dsr_desk.rules.requests import RequestType


def suggested_letters(types: tuple[RequestType, ...], clock: ClockState, sent: set[str]) -> list[LetterKind]:
    """Letters that fit, the most pressing first; `sent` holds the kinds already sent."""
    out: list[LetterKind] = [LetterKind.ACKNOWLEDGEMENT]
    waiting_for_identity = any(
        r.what is InformationNeeded.IDENTITY and r.received_on is None
        for r in clock.facts.information_requests
    )
    if waiting_for_identity:
        out.append(LetterKind.IDENTITY_REQUEST)
    extension = clock.facts.extension
    if extension is not None and extension.notified_on is None:
        out.append(LetterKind.EXTENSION)
    forwarded = clock.facts.forwarded_types
    if forwarded:
        out.append(LetterKind.FORWARDED)
    ours = [kind for kind in types if kind not in forwarded]  # what was forwarded the controller answers
    if RequestType.ACCESS in ours or RequestType.PORTABILITY in ours:
        out.append(LetterKind.ACCESS_RESPONSE)
    if RequestType.PORTABILITY in ours:
        out.append(LetterKind.EXPORT_COVER)
    # Direct transmission (Art. 20(2)) only where the person asks for it: chosen, not suggested.
    out += [
        kind
        for kind, request_type in CONFIRMS.items()
        if request_type in ours and kind is not LetterKind.DIRECT_TRANSMISSION
    ]
    # Sent letters drop out; an extension notice stays while the extension is not yet recorded as told.
    return [kind for kind in out if kind.value not in sent or kind is LetterKind.EXTENSION]


def letter_order(types: tuple[RequestType, ...], clock: ClockState, sent: set[str]) -> list[LetterKind]:
    """Every kind, the suggested ones first, so the handler never has to hunt."""
    first = suggested_letters(types, clock, sent)
    return first + [kind for kind in LetterKind if kind not in first]
