"""The values of a case's path (rules/workflow.py judges them): the step codes, the facts a case's log
gives, each step with the sentence saying where it stands, and the short form the index keeps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from dsr_desk.i18n import format_date, t
from dsr_desk.rules.letters import Decision, LetterKind, Outcome
from dsr_desk.rules.requests import CaseStatus, RequestType


class Step(StrEnum):
    """The codes are a contract: `case next --json` and the index use them."""

    ACKNOWLEDGE = "acknowledge"
    VERIFY_IDENTITY = "verify_identity"
    SEARCH_SYSTEMS = "search_systems"
    DECIDE = "decide"
    NOTIFY_RECIPIENTS = "notify_recipients"
    EXPORT = "export"
    RESPOND = "respond"
    CLOSE = "close"
    ARCHIVE = "archive"


@dataclass(frozen=True)
class CaseProgress:
    """Where a case is on its path, kept in the index so the list shows it without opening the case."""

    known: bool = False  # False: an index row from before the workflow, until the case is next written
    next_step: Step | None = None
    request_type: RequestType | None = None  # the request a decision step is about

    @property
    def ready_to_close(self) -> bool:
        return self.next_step is Step.CLOSE

    def label(self, lang: str | None = None) -> str:
        """The list's short form: 'Besluiten: inzage', 'Afsluiten'; empty when nothing is left."""
        if not self.known:
            return ""
        if self.next_step is None:
            return t("workflow.next.none", lang)
        kind = self.request_type.label(lang).lower() if self.request_type else ""
        return t(f"workflow.next.{self.next_step.value}", lang, type=kind)

    def to_json(self) -> dict[str, object]:
        if not self.known:
            return {}
        return {
            "next": self.next_step.value if self.next_step else None,
            "type": self.request_type.value if self.request_type else None,
        }

    @classmethod
    def from_json(cls, data: dict) -> CaseProgress:
        if "next" not in data:
            return cls()
        kind = data.get("type")
        step = data["next"]
        return cls(True, Step(step) if step else None, RequestType(kind) if kind else None)


@dataclass(frozen=True)
class WorkflowFacts:
    """What the audit log says was done on a case, as far as its path is concerned."""

    status: CaseStatus
    types: tuple[RequestType, ...]
    letters_sent: frozenset[str] = frozenset()  # letter kinds
    identity_needed: bool = False  # the acknowledgement said so, doubt was recorded, or it was asked for
    identity_settled: bool = False  # an outcome recorded, and not asked again since
    waiting_since: dt.date | None = None  # information asked from the requester and not yet received
    systems: tuple[str, ...] = ()  # the register's systems and any other searched
    handled_systems: frozenset[str] = frozenset()  # searched, or recorded as not searched with a reason
    decisions: dict[RequestType, Decision] = field(default_factory=dict)
    exported: bool = False
    items_in_answer: int = 0
    processes_data: bool = True  # False: "we process no personal data about you" (Art. 15(1))
    forwarded: tuple[RequestType, ...] = ()  # sent on to their controller: answered there, not here
    closed_on: dt.date | None = None
    archived_since_closing: bool = False

    @property
    def answered_here(self) -> tuple[RequestType, ...]:
        """The request types this organisation answers itself: all but those forwarded."""
        return tuple(kind for kind in self.types if kind not in self.forwarded)


@dataclass(frozen=True)
class CaseStep:
    code: Step
    done: bool
    key: str  # the sentence saying where this step stands
    fields: dict[str, object] = field(default_factory=dict)
    request_type: RequestType | None = None
    # What is still open, each as a sentence key with its fields: what a refused close names.
    open_items: tuple[tuple[str, dict[str, object]], ...] = ()

    def text(self, lang: str | None = None) -> str:
        return t(self.key, lang, **_localised(self.fields, lang))

    def open_texts(self, lang: str | None = None) -> list[str]:
        return [t(key, lang, **_localised(values, lang)) for key, values in self.open_items]

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        return {"code": self.code.value, "done": self.done, "text": self.text(lang)}


def _localised(values: dict[str, object], lang: str | None) -> dict[str, object]:
    """Field values as words in `lang`: a date written out, request types and letters by their names."""
    out: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, dt.date):
            out[name] = format_date(value, lang)
        elif isinstance(value, RequestType):
            out[name] = value.label(lang).lower()
        elif isinstance(value, Outcome):
            out[name] = t(f"workflow.outcome.{value.value}", lang)
        elif isinstance(value, tuple):
            out[name] = _join([_word(v, lang) for v in value], lang)
        else:
            out[name] = value
    return out


def _word(value: object, lang: str | None) -> str:
    if isinstance(value, RequestType):
        return value.label(lang).lower()
    if isinstance(value, LetterKind):
        return t(f"letter.kind.{value.value}", lang).lower()
    return str(value)


def _join(words: list[str], lang: str | None) -> str:
    if len(words) <= 1:
        return "".join(words)
    return t("workflow.and", lang, first=", ".join(words[:-1]), last=words[-1])
