"""Request types (LEGAL.md §1), intake channels and the case status machine."""

from __future__ import annotations

from enum import StrEnum

from dsr_desk.i18n import current_language, t
from dsr_desk.rules.articles import article_number


class RequestType(StrEnum):
    """The codes are a contract: the command line, JSON output and stored case files use them."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"
    AUTOMATED_DECISION = "automated_decision"
    WITHDRAW_CONSENT = "withdraw_consent"

    @property
    def article(self) -> str:
        return _ARTICLES[self]

    def label(self, lang: str | None = None) -> str:
        return t(f"request_type.{self.value}", lang)

    def label_with_article(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        return t(
            "request_type.with_article",
            lang,
            label=self.label(lang),
            article=article_number(self.article, lang),
        )


_ARTICLES = {
    RequestType.ACCESS: "15",
    RequestType.RECTIFICATION: "16",
    RequestType.ERASURE: "17",
    RequestType.RESTRICTION: "18",
    RequestType.PORTABILITY: "20",
    RequestType.OBJECTION: "21",
    RequestType.AUTOMATED_DECISION: "22",
    RequestType.WITHDRAW_CONSENT: "7(3)",
}


class Channel(StrEnum):
    EMAIL = "email"
    POST = "post"
    PHONE = "phone"
    WEB_FORM = "web_form"
    IN_PERSON = "in_person"

    def label(self, lang: str | None = None) -> str:
        return t(f"channel.{self.value}", lang)


class CaseStatus(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    WAITING = "waiting"  # waiting for the requester: identity information or clarification
    CLOSED = "closed"
    # All of the case went to the controller (we are its processor): closed, but never "answered on time".
    FORWARDED = "forwarded"

    def label(self, lang: str | None = None) -> str:
        return t(f"status.{self.value}", lang)

    @property
    def is_open(self) -> bool:
        return self not in (CaseStatus.CLOSED, CaseStatus.FORWARDED)


_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NEW: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.WAITING, CaseStatus.CLOSED}),
    CaseStatus.IN_PROGRESS: frozenset({CaseStatus.WAITING, CaseStatus.CLOSED}),
    CaseStatus.WAITING: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.CLOSED}),
    # Reopening is allowed (a late reply, a complaint), but always with a reason in the audit log.
    CaseStatus.CLOSED: frozenset({CaseStatus.IN_PROGRESS}),
    # Taken back from the controller (it was ours after all): the case runs again on its first clock.
    CaseStatus.FORWARDED: frozenset({CaseStatus.IN_PROGRESS}),
}
# Reached only by forwarding (Case.forward), which records to whom, when and how.
SET_BY_FORWARDING = frozenset({CaseStatus.FORWARDED})


def allowed_transitions(status: CaseStatus) -> frozenset[CaseStatus]:
    return _TRANSITIONS[status]


def can_transition(current: CaseStatus, new: CaseStatus) -> bool:
    return new in _TRANSITIONS[current]


def transition_needs_reason(current: CaseStatus, new: CaseStatus) -> bool:
    return not current.is_open and new.is_open


def parse_request_types(text: str) -> list[RequestType]:
    """'access,erasure' -> [ACCESS, ERASURE]; raises ValueError naming the unknown code."""
    codes = [part.strip() for part in text.split(",") if part.strip()]
    result: list[RequestType] = []
    for code in codes:
        try:
            kind = RequestType(code)
        except ValueError:
            raise ValueError(code) from None
        if kind not in result:
            result.append(kind)
    return result
