"""The identity check (Art. 12(2) and 12(6) GDPR; EDPB Guidelines 01/2022; the AP's guidance; LEGAL.md §3).

Ask for more only when there is reasonable doubt, and then the least intrusive method that fits; a copy of
an identity document only as the last resort, with a written reason, masked, and deleted after the check.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

from dsr_desk.rules.readable_code import readable_code
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import Channel

Problem = tuple[str, str, dict[str, object]]
MIN_COPY_REASON = 20  # a proportionality reason is a sentence, not a word


class RequesterRole(StrEnum):
    SELF = "self"
    REPRESENTATIVE = "representative"  # a lawyer, a family member with a written authorisation
    PARENT = "parent"  # the parent or guardian with parental authority ('gezag') of a child under 16
    ORGANISATION = "organisation"  # an employee acting for their organisation: a KvK extract or mandate


# The identity check's 'who is asking' for each relation recorded on a case.
ROLE_FOR_RELATION = {
    Relation.PARENT: RequesterRole.PARENT,
    Relation.GUARDIAN: RequesterRole.PARENT,
    Relation.REPRESENTATIVE: RequesterRole.REPRESENTATIVE,
    Relation.ORGANISATION: RequesterRole.ORGANISATION,
}


class Method(StrEnum):
    """In order: the least intrusive first. An ID copy is the last resort."""

    KNOWN_CHANNEL = "known_channel"
    VERIFICATION_CODE = "verification_code"
    QUESTIONS = "questions"
    # For someone acting for an organisation: its authority, shown by a KvK extract (who may represent it)
    # or a letter of authority signed by someone who may (LEGAL.md §6).
    AUTHORITY_DOCUMENT = "authority_document"
    IN_PERSON = "in_person"
    ID_COPY = "id_copy"


class IdentityOutcome(StrEnum):
    VERIFIED = "verified"
    NOT_VERIFIED = "not_verified"
    NOT_NEEDED = "not_needed"


class DocumentType(StrEnum):
    ID_CARD_2014 = "id_card_2014"  # issued before August 2021: BSN on the front and in the MRZ
    ID_CARD_2021 = "id_card_2021"  # BSN on the back, and a QR code
    PASSPORT_2014 = "passport_2014"  # BSN in the MRZ's personal-number field
    PASSPORT_2021 = "passport_2021"
    DRIVING_LICENCE = "driving_licence"
    OTHER = "other"


@dataclass(frozen=True)
class Proposal:
    method: Method | None  # None: no reasonable doubt, so no check is needed
    reason_key: str  # the sentence that says why, for the wizard and the record


def propose(
    channel: Channel, *, doubt: bool, from_known_address: bool, role: RequesterRole = RequesterRole.SELF
) -> Proposal:
    """The least intrusive method that fits how the request came in, and who is asking."""
    if not doubt:
        return Proposal(None, "identity.propose.no_doubt")
    if role is RequesterRole.ORGANISATION:
        return Proposal(Method.AUTHORITY_DOCUMENT, "identity.propose.authority_document")
    if from_known_address:
        return Proposal(Method.KNOWN_CHANNEL, "identity.propose.known_channel")
    if channel in (Channel.EMAIL, Channel.WEB_FORM):
        return Proposal(Method.VERIFICATION_CODE, "identity.propose.verification_code")
    if channel is Channel.IN_PERSON:
        return Proposal(Method.IN_PERSON, "identity.propose.in_person")
    return Proposal(Method.QUESTIONS, "identity.propose.questions")


def choice_problems(
    role: RequesterRole, proof: str, method: Method | None, copy_reason: str
) -> list[Problem]:
    problems: list[Problem] = []
    if role is not RequesterRole.SELF and not proof.strip():
        problems.append(("proof", f"identity.problem.proof_{role.value}", {}))
    if method is Method.AUTHORITY_DOCUMENT and role is not RequesterRole.ORGANISATION:
        problems.append(("method", "identity.problem.authority_for_organisation", {}))
    if method is Method.ID_COPY and len(copy_reason.strip()) < MIN_COPY_REASON:
        problems.append(("copy_reason", "identity.problem.copy_reason", {"min": MIN_COPY_REASON}))
    return problems


def outcome_problems(outcome: IdentityOutcome, method: Method | None, reasoning: str) -> list[Problem]:
    problems: list[Problem] = []
    if not reasoning.strip():
        problems.append(("reasoning", "identity.problem.reasoning", {}))
    if outcome is not IdentityOutcome.NOT_NEEDED and method is None:
        problems.append(("method", "identity.problem.method", {}))
    return problems


# -- the verification code: made here, sent by the handler through their own mail, typed back by the person --


def new_verification_code() -> str:
    return readable_code(2, 4)


def code_digest(code: str, salt: str) -> str:
    """Only a salted hash of the code is kept: the record proves the match without holding the secret."""
    return hashlib.sha256(f"{salt}:{normalise_code(code)}".encode()).hexdigest()


def normalise_code(code: str) -> str:
    return code.upper().replace("-", "").replace(" ", "")


def code_matches(typed: str, salt: str, digest: str) -> bool:
    return hmac.compare_digest(code_digest(typed, salt), digest)
