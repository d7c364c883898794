"""The letter actions on a case: record answers and decisions, compose a letter, record it as sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dsr_desk.desk.answers import (
    ANSWERED,
    DECIDED,
    LETTER_SENT,
    SentLetter,
    decision_to_json,
    inputs_from_events,
    letters_from_events,
)
from dsr_desk.desk.clock import EXTENSION_NOTIFIED
from dsr_desk.documents.letters.compose import compose
from dsr_desk.documents.letters.context import LetterFacts
from dsr_desk.documents.letters.pdf import letter_layout_for, render_letter_pdf
from dsr_desk.errors import ValidationError
from dsr_desk.i18n import LANGUAGES
from dsr_desk.rules.clock import InformationNeeded
from dsr_desk.rules.intake import clean_block, clean_line
from dsr_desk.rules.letters import (
    ANSWER_BOOLEANS,
    ANSWER_FIELDS,
    CONFIRMS,
    LETTER_CHANNELS,
    REFUSAL_ARTICLES,
    REFUSAL_GROUNDS_12_5,
    Decision,
    LetterInputs,
    LetterKind,
    Outcome,
)
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.outcomes import decision_problems
from dsr_desk.rules.requests import CaseStatus, RequestType

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case


class LetterActions:
    """Mixed into Case; relies on its record(), events(), clock(), _file, _write() and _desk."""

    def register(self: Case) -> tuple[RegisterEntry, ...]:
        """The organisation's processing register, from which an access response picks its entries."""
        return self._desk.settings.register

    def organisation_name(self: Case) -> str:
        return self._desk.settings.organisation_name

    def letter_inputs(self: Case) -> LetterInputs:
        return inputs_from_events(self.events())

    def set_answers(self: Case, **values: object) -> None:
        unknown = set(values) - set(ANSWER_FIELDS)
        if unknown:
            raise ValueError(f"unknown answers: {', '.join(sorted(unknown))}")
        current = self.letter_inputs()
        changes = {}
        for name, value in values.items():
            cleaned = _clean_answer(name, value)
            if (known := _CODES.get(name)) and cleaned and cleaned not in known:
                raise ValidationError(
                    [
                        (
                            name,
                            "validation.unknown_answer_code",
                            {"name": name, "value": cleaned, "known": ", ".join(known)},
                        )
                    ]
                )
            before = getattr(current, name)
            if cleaned != (list(before) if isinstance(before, tuple) else before):
                changes[name] = {
                    "before": list(before) if isinstance(before, tuple) else before,
                    "after": cleaned,
                }
        if changes:
            self._touch(ANSWERED, changes)

    def record_decision(
        self: Case,
        request_type: RequestType,
        outcome: Outcome,
        *,
        what: str = "",
        ground: str = "",
        explanation: str = "",
        recipients_informed: list[str] | tuple[str, ...] | None = None,
        direct_marketing: bool = False,
        entries: list[str] | tuple[str, ...] = (),
    ) -> Decision:
        """Records the decision on one request type, or refuses what the law does not allow (a refused
        withdrawal of consent, a refused objection to direct marketing) with ValidationError saying why."""
        if request_type not in self.record().types:
            raise ValidationError(
                [("type", "validation.decision_type_not_requested", {"type": request_type.value})]
            )
        recipients = (
            None
            if recipients_informed is None
            else tuple(r for r in (clean_line(item) for item in recipients_informed) if r)
        )
        chosen = tuple(dict.fromkeys(e for e in (clean_line(str(item)) for item in entries) if e))
        register = {entry.id: entry for entry in self.register()}
        unknown = [entry_id for entry_id in chosen if entry_id not in register]
        if unknown:
            raise ValidationError(
                [("entries", "letter.missing.register_entry_gone", {"entry": entry}) for entry in unknown]
            )
        # An objection that concerns a processing the register marks as direct marketing is one (21(2)).
        direct_marketing = direct_marketing or (
            request_type is RequestType.OBJECTION and any(register[e].direct_marketing for e in chosen)
        )
        decision = Decision(
            request_type,
            outcome,
            clean_block(what),
            clean_line(ground) if outcome is not Outcome.DONE else "",
            clean_block(explanation),
            recipients,
            direct_marketing,
            chosen,
        )
        if problems := decision_problems(decision):
            raise ValidationError(problems)
        if self.letter_inputs().decisions.get(request_type) != decision:
            self._touch(DECIDED, decision_to_json(decision))
        return decision

    def record_letter_answers(
        self: Case, kind: LetterKind, answers: dict[str, object], decision: dict[str, object] | None
    ) -> None:
        """What the letter form filled in: the answers, and for a confirmation letter the decision on the
        request it confirms (only if the case holds that request; unchanged values record nothing)."""
        self.set_answers(**answers)
        confirmed = CONFIRMS.get(kind)
        if decision is not None and confirmed is not None and confirmed in self.record().types:
            self.record_decision(confirmed, **decision)

    def letter_facts(self: Case, kind: LetterKind, lang: str) -> LetterFacts:
        if lang not in LANGUAGES:
            raise ValidationError(
                [("lang", "validation.unknown_language", {"lang": lang, "known": ", ".join(LANGUAGES)})]
            )
        settings = self._desk.settings
        return LetterFacts(
            kind,
            lang,
            self._desk.today(),
            self.record(),
            self.clock(),
            settings.organisation,
            settings.register,
            self.letter_inputs(),
            redacted=any(item.redactions for item in self.items() if item.included),
        )

    def make_letter(self: Case, kind: LetterKind, lang: str) -> bytes:
        """The letter as a PDF in memory; raises LetterIncompleteError naming what is missing."""
        facts = self.letter_facts(kind, lang)
        body = compose(facts, self._desk.paths.letter_templates)
        settings = self._desk.settings
        layout = letter_layout_for(facts, settings.window, self._desk.logo(), specimen=settings.demo)
        return render_letter_pdf(body, layout)

    def record_letter(self: Case, kind: LetterKind, lang: str, pdf: bytes, channel: str = "post") -> int:
        """Keeps the letter as sent, in the case file, with a 'letter sent' event carrying its SHA-256."""
        if channel not in LETTER_CHANNELS:
            raise ValidationError([("channel", "validation.unknown_letter_channel", {"channel": channel})])
        today = self._desk.today()
        details = {"kind": kind.value, "language": lang, "date": today.isoformat(), "channel": channel}
        document_id, event = self._file.store_document(
            kind="letter",
            subtype=kind.value,
            lang=lang,
            content=pdf,
            at=self._desk.now(),
            actor=self._desk.actor,
            action=LETTER_SENT,
            details=details,
        )
        self._indexed(event)
        facts, status = self.clock().facts, self.record().status
        if (
            kind is LetterKind.EXTENSION
            and facts.extension is not None
            and facts.extension.notified_on is None
        ):
            # The extension letter is the notice Art. 12(3) asks for.
            self._touch(EXTENSION_NOTIFIED, {"on": today.isoformat(), "by_letter": document_id})
        elif kind is LetterKind.ACKNOWLEDGEMENT and status is CaseStatus.NEW:
            self.set_status(CaseStatus.IN_PROGRESS, cause="acknowledgement_sent", only_from=CaseStatus.NEW)
        elif kind is LetterKind.IDENTITY_REQUEST and status.is_open and facts.waiting_since is None:
            self.request_information(InformationNeeded.IDENTITY)  # the case now waits for the requester
        return document_id

    def letters(self: Case) -> list[SentLetter]:
        return letters_from_events(self.events())

    def letter_pdf(self: Case, document_id: int) -> bytes:
        return self._file.document(document_id)[1]


# Answers that are codes: anything else is refused when it is given, not when a letter is made.
_CODES = {"refusal_article": REFUSAL_ARTICLES, "refusal_ground": REFUSAL_GROUNDS_12_5}


def _clean_answer(name: str, value: object) -> object:
    if name in ANSWER_BOOLEANS:
        return bool(value)
    if name == "register_entries":
        items = value.split(",") if isinstance(value, str) else list(value or [])
        return [item for item in (clean_line(str(v), field=name) for v in items) if item]
    if name in _CODES:
        return clean_line(str(value or ""), field=name)
    return clean_block(str(value or ""), field=name)
