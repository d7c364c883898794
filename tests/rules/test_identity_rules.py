"""The least intrusive method first; an ID copy only with a written reason; the verification code."""

from __future__ import annotations

from dsr_desk.rules.identity import (
    IdentityOutcome,
    Method,
    RequesterRole,
    choice_problems,
    code_digest,
    code_matches,
    new_verification_code,
    outcome_problems,
    propose,
)
from dsr_desk.rules.requests import Channel


def test_no_doubt_means_no_check():
    assert propose(Channel.EMAIL, doubt=False, from_known_address=False).method is None


def test_the_least_intrusive_method_that_fits_the_channel():
    assert propose(Channel.EMAIL, doubt=True, from_known_address=True).method is Method.KNOWN_CHANNEL
    assert propose(Channel.EMAIL, doubt=True, from_known_address=False).method is Method.VERIFICATION_CODE
    assert propose(Channel.POST, doubt=True, from_known_address=False).method is Method.QUESTIONS
    assert propose(Channel.IN_PERSON, doubt=True, from_known_address=False).method is Method.IN_PERSON
    for channel in Channel:
        assert propose(channel, doubt=True, from_known_address=False).method is not Method.ID_COPY


def test_an_id_copy_needs_a_written_proportionality_reason():
    assert (
        choice_problems(RequesterRole.SELF, "", Method.ID_COPY, "te kort")[0][1]
        == "identity.problem.copy_reason"
    )
    assert (
        choice_problems(RequesterRole.SELF, "", Method.ID_COPY, "Geen account, geen e-mail, alleen post.")
        == []
    )


def test_a_representative_or_parent_needs_proof():
    assert (
        choice_problems(RequesterRole.REPRESENTATIVE, "", None, "")[0][1]
        == "identity.problem.proof_representative"
    )
    assert choice_problems(RequesterRole.PARENT, "Uittreksel gezagsregister", None, "") == []


def test_an_outcome_needs_reasoning_and_a_method():
    assert outcome_problems(IdentityOutcome.VERIFIED, None, "") != []
    assert outcome_problems(IdentityOutcome.NOT_NEEDED, None, "Bekend adres, geen twijfel.") == []


def test_the_verification_code_is_checked_against_its_salted_hash():
    code = new_verification_code()
    digest = code_digest(code, "zout")
    assert len(code) == 9 and code[4] == "-"
    assert code_matches(code.lower().replace("-", " "), "zout", digest)
    assert not code_matches("AAAA-AAAA", "zout", digest)
    assert code not in digest


def test_someone_acting_for_an_organisation_shows_authority_not_an_id_copy():
    """A KvK extract or a letter of authority (LEGAL.md §6), proposed first, and only for that role."""
    from dsr_desk.rules.identity import Method, RequesterRole, choice_problems, propose
    from dsr_desk.rules.requests import Channel

    proposal = propose(Channel.EMAIL, doubt=True, from_known_address=False, role=RequesterRole.ORGANISATION)
    assert proposal.method is Method.AUTHORITY_DOCUMENT
    assert [key for _f, key, _v in choice_problems(RequesterRole.ORGANISATION, "", None, "")] == [
        "identity.problem.proof_organisation"
    ]
    assert (
        choice_problems(
            RequesterRole.ORGANISATION, "KvK-uittreksel van 3 november", Method.AUTHORITY_DOCUMENT, ""
        )
        == []
    )
    wrong = choice_problems(RequesterRole.SELF, "", Method.AUTHORITY_DOCUMENT, "")
    assert [key for _f, key, _v in wrong] == ["identity.problem.authority_for_organisation"]
