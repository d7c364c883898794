"""What the law does not let a controller decide, and register texts a letter may not quote (LEGAL.md §6)."""

from __future__ import annotations

import pytest

from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.outcomes import GROUNDS, Decision, Outcome, decision_problems
from dsr_desk.rules.register_rules import entry_problems, retention_is_vague
from dsr_desk.rules.requests import RequestType


def _keys(problems):
    return [key for _field, key, _values in problems]


def test_a_withdrawal_of_consent_cannot_be_refused_but_may_name_another_basis():
    refused = Decision(RequestType.WITHDRAW_CONSENT, Outcome.REFUSED)
    assert _keys(decision_problems(refused)) == ["decision.withdrawal_cannot_be_refused"]
    other_basis = Decision(RequestType.WITHDRAW_CONSENT, Outcome.PARTLY, "nieuwsbrief", "6(1)(c)", "AWR")
    assert decision_problems(other_basis) == []


def test_an_objection_to_direct_marketing_cannot_be_refused_an_article_21_1_objection_can():
    marketing = Decision(RequestType.OBJECTION, Outcome.REFUSED, direct_marketing=True)
    assert _keys(decision_problems(marketing)) == ["decision.direct_marketing_cannot_be_refused"]
    balanced = Decision(RequestType.OBJECTION, Outcome.REFUSED, "", "compelling_grounds", "fraude")
    assert decision_problems(balanced) == []
    partly = Decision(
        RequestType.OBJECTION, Outcome.PARTLY, "mailing", "legal_claims", "x", direct_marketing=True
    )
    assert decision_problems(partly) == []  # marketing stops; other processing may go on


@pytest.mark.parametrize("kind", list(RequestType))
def test_a_ground_is_one_the_letters_can_say_in_words(kind):
    assert _keys(decision_problems(Decision(kind, Outcome.REFUSED, ground="16"))) in (
        ["decision.unknown_ground"],
        ["decision.withdrawal_cannot_be_refused", "decision.unknown_ground"],
    )
    for ground in GROUNDS[kind]:
        assert "decision.unknown_ground" not in _keys(
            decision_problems(Decision(kind, Outcome.PARTLY, ground=ground))
        )


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("zolang nodig", True),
        ("Zo lang als nodig is voor het doel.", True),
        ("as long as necessary", True),
        ("zolang nodig voor de uitvoering van de overeenkomst", False),
        ("7 jaar na de laatste factuur", False),
        ("tot u zich afmeldt", False),
    ],
)
def test_a_retention_gives_a_period_or_the_criteria(text, vague):
    assert retention_is_vague(text) is vague


def test_transfers_name_their_true_basis_and_privacy_shield_is_none():
    entry = RegisterEntry("n", "Nieuwsbrief", transfers="Verenigde Staten", safeguards="Privacy Shield")
    assert "register.problem.privacy_shield" in _keys(entry_problems(entry))
    dpf = RegisterEntry(
        "n", "Nieuwsbrief", transfers="VS", safeguards="het EU-VS Data Privacy Framework", transfer_basis="46"
    )
    assert _keys(entry_problems(dpf)) == ["register.problem.dpf_is_adequacy"]
    sound = RegisterEntry(
        "n", "N", transfers="VS", safeguards="het EU-VS Data Privacy Framework", transfer_basis="45"
    )
    assert entry_problems(sound) == []
    processor = RegisterEntry("w", "Webwinkels", role="processor")
    assert _keys(entry_problems(processor)) == ["register.problem.controller"]


def test_a_forwarded_part_suggests_the_forwarding_letter_and_not_its_answer():
    import datetime as dt

    from dsr_desk.rules.clock import ClockFacts, ClockSettings, Forward, clock_state
    from dsr_desk.rules.letter_suggestions import suggested_letters
    from dsr_desk.rules.letters import LetterKind

    types = (RequestType.ACCESS, RequestType.ERASURE)
    forward = Forward("Bakkerij Noord B.V.", dt.date(2026, 11, 3), "email", (RequestType.ERASURE,))
    clock = clock_state(
        dt.date(2026, 11, 2), ClockFacts(forwards=(forward,)), ClockSettings(), dt.date(2026, 11, 5)
    )
    suggested = suggested_letters(types, clock, {"acknowledgement"})
    assert LetterKind.FORWARDED in suggested and LetterKind.ACCESS_RESPONSE in suggested
    assert LetterKind.ERASURE_CONFIRMATION not in suggested  # the controller answers that part
