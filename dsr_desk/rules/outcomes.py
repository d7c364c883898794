"""What was decided on one request type, and what the law allows to be decided (LEGAL.md §6).

Some outcomes are not the controller's to choose: a withdrawal of consent takes effect when it is received,
and processing for direct marketing stops on objection, without balancing (Art. 7(3), 21(2)-(3)). Where a
request may be refused, in whole or in part, the ground is one of a known list, so a letter says it in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dsr_desk.rules.requests import RequestType

Problem = tuple[str, str, dict[str, object]]


class Outcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    REFUSED = "refused"


# The grounds on which each request type may be refused or granted in part; for a withdrawal of consent,
# the other legal basis on which some processing goes on (Art. 6(1)).
GROUNDS: dict[RequestType, tuple[str, ...]] = {
    RequestType.ERASURE: ("17(3)(a)", "17(3)(b)", "17(3)(c)", "17(3)(d)", "17(3)(e)", "17(1)"),
    RequestType.RECTIFICATION: ("accurate", "opinion"),
    RequestType.RESTRICTION: ("18(1)",),
    RequestType.OBJECTION: ("compelling_grounds", "legal_claims"),
    RequestType.WITHDRAW_CONSENT: ("6(1)(b)", "6(1)(c)", "6(1)(e)", "6(1)(f)"),
    RequestType.AUTOMATED_DECISION: ("not_solely_automated", "no_significant_effects", "22(2)(b)"),
    RequestType.PORTABILITY: ("not_feasible", "20(1)"),
    RequestType.ACCESS: (),
}
ERASURE_GROUNDS = GROUNDS[RequestType.ERASURE]
# Art. 19: the recipients are told of a rectification, an erasure and a restriction; the objection and the
# withdrawal letters say so too, for the processing that stopped.
RECIPIENTS_TOLD = frozenset(
    {
        RequestType.RECTIFICATION,
        RequestType.ERASURE,
        RequestType.RESTRICTION,
        RequestType.OBJECTION,
        RequestType.WITHDRAW_CONSENT,
    }
)


@dataclass(frozen=True)
class Decision:
    """What was done with one request type, as the confirmation letters and the archive report it."""

    request_type: RequestType
    outcome: Outcome
    what: str = ""  # what was erased, corrected, restricted, stopped, reviewed, transmitted
    ground: str = ""  # for partly/refused: one of GROUNDS[request_type]
    explanation: str = ""  # e.g. the 7-year fiscal retention duty (art. 52 AWR)
    recipients_informed: tuple[str, ...] | None = None  # Art. 19; () = there were none; None = not recorded
    direct_marketing: bool = False  # an objection (or unsubscribing) concerning direct marketing
    entries: tuple[str, ...] = ()  # the register entries this decision concerns

    @property
    def refuses_something(self) -> bool:
        """Less than was asked, so the letter must carry the remedies (Art. 12(4)). A withdrawal of consent
        granted with some processing going on under another basis counts: the person may disagree."""
        return self.outcome is not Outcome.DONE


def decision_problems(decision: Decision) -> list[Problem]:
    """What the law does not allow in this decision: checked when it is recorded."""
    kind, outcome = decision.request_type, decision.outcome
    out: list[Problem] = []
    if kind is RequestType.WITHDRAW_CONSENT and outcome is Outcome.REFUSED:
        out.append(("outcome", "decision.withdrawal_cannot_be_refused", {}))
    if kind is RequestType.OBJECTION and decision.direct_marketing and outcome is Outcome.REFUSED:
        out.append(("outcome", "decision.direct_marketing_cannot_be_refused", {}))
    if kind is RequestType.AUTOMATED_DECISION and outcome is Outcome.PARTLY:
        # A decision is reviewed by a person or it is not; what the review decided is the answer.
        out.append(("outcome", "decision.review_is_whole", {}))
    if decision.direct_marketing and kind is not RequestType.OBJECTION:
        out.append(("direct_marketing", "decision.direct_marketing_only_objection", {}))
    if decision.ground and decision.ground not in GROUNDS.get(kind, ()):
        known = ", ".join(GROUNDS.get(kind, ())) or "-"
        out.append(
            (
                "ground",
                "decision.unknown_ground",
                {"ground": decision.ground, "type": kind.value, "known": known},
            )
        )
    return out
