"""The identity actions on a case: assess, choose the least intrusive method, the verification code, the
masked ID copy, and the outcome; after which any copy is deleted and only the record remains."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from dsr_desk.desk.identity_state import (
    ASSESSED,
    CODE_CHECKED,
    CODE_ISSUED,
    COPY_DELETED,
    COPY_STORED,
    METHOD_CHOSEN,
    RECORDED,
    IdentityState,
    identity_from_events,
)
from dsr_desk.errors import ValidationError
from dsr_desk.rules.case_values import parse_moment
from dsr_desk.rules.clock import InformationNeeded
from dsr_desk.rules.identity import (
    DocumentType,
    IdentityOutcome,
    Method,
    Proposal,
    RequesterRole,
    choice_problems,
    code_digest,
    code_matches,
    new_verification_code,
    outcome_problems,
    propose,
)
from dsr_desk.rules.intake import clean_block

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case


class IdentityActions:
    """Mixed into Case; relies on its record(), events(), clock(), _file, _write() and _desk."""

    def identity(self: Case) -> IdentityState:
        return identity_from_events(self.events())

    def assess_identity(
        self: Case,
        *,
        role: RequesterRole,
        proof: str = "",
        doubt: bool,
        from_known_address: bool,
        reasoning: str,
    ) -> Proposal:
        """Records who is asking and whether there is reasonable doubt; returns the proposal (the least
        intrusive method that fits, or none when there is no doubt, and why)."""
        proof, reasoning = clean_block(proof), clean_block(reasoning)
        if problems := choice_problems(role, proof, None, ""):
            raise ValidationError(problems)
        proposal = propose(
            self.record().channel, doubt=doubt, from_known_address=from_known_address, role=role
        )
        details = {
            "role": role.value,
            "proof": proof,
            "doubt": doubt,
            "from_known_address": from_known_address,
            "reasoning": reasoning,
            "proposed": proposal.method.value if proposal.method else None,
        }
        self._touch(ASSESSED, details)
        return proposal

    def choose_identity_method(self: Case, method: Method, copy_reason: str = "") -> None:
        state = self.identity()
        copy_reason = clean_block(copy_reason)
        if problems := choice_problems(
            state.role or RequesterRole.SELF, state.proof or "-", method, copy_reason
        ):
            raise ValidationError(problems)
        details: dict[str, object] = {"method": method.value}
        if method is Method.ID_COPY:
            details["copy_reason"] = copy_reason
        self._touch(METHOD_CHOSEN, details)

    def issue_verification_code(self: Case) -> str:
        """A new code for the handler to send through their own mail; only its salted hash is kept."""
        code, salt = new_verification_code(), secrets.token_hex(8)
        details = {"salt": salt, "digest": code_digest(code, salt)}
        self._touch(CODE_ISSUED, details)
        if self.clock().facts.waiting_since is None and self.record().status.is_open:
            self.request_information(InformationNeeded.IDENTITY)
        return code

    def check_verification_code(self: Case, typed: str) -> bool:
        state = self.identity()
        matched = bool(state.code_digest) and code_matches(typed, state.code_salt, state.code_digest)
        self._touch(CODE_CHECKED, {"matched": matched})
        return matched

    def store_id_copy(self: Case, masked_png: bytes, document_type: DocumentType) -> int:
        """Keeps a masked, watermarked copy (never an unmasked one) until the outcome is recorded."""
        if self.identity().method is not Method.ID_COPY:
            raise ValidationError([("method", "identity.problem.copy_not_chosen", {})])
        copy_id, event = self._file.store_id_copy(
            document_type=document_type.value,
            image=masked_png,
            at=self._desk.now(),
            actor=self._desk.actor,
            action=COPY_STORED,
            details={"document_type": document_type.value},
        )
        self._indexed(event)
        return copy_id

    def id_copy_image(self: Case, copy_id: int) -> bytes:
        return self._file.id_copy_image(copy_id)

    def record_identity(
        self: Case,
        outcome: IdentityOutcome,
        *,
        method: Method | None,
        reasoning: str,
        document_type: DocumentType | None = None,
        warnings: tuple[str, ...] = (),
    ) -> None:
        """The outcome, with method, date, handler and reasoning; never a document number or BSN."""
        reasoning = clean_block(reasoning)
        if problems := outcome_problems(outcome, method, reasoning):
            raise ValidationError(problems)
        details = {
            "outcome": outcome.value,
            "method": method.value if method else None,
            "reasoning": reasoning,
            "verified_on": self._desk.today().isoformat(),
            "warnings": list(warnings),
        }
        if document_type is not None:
            details["document_type"] = document_type.value
        self._touch(RECORDED, details)
        if outcome is IdentityOutcome.VERIFIED and self.clock().facts.waiting_since is not None:
            self.information_received()
        self.sweep_id_copies()

    def sweep_id_copies(self: Case) -> int:
        """Deletes copies whose time is up: at the outcome (or the set days after it), or at closing."""
        state = self.identity()
        if not state.copies:
            return 0
        keep_days = self._desk.settings.id_copy_keep_days
        due = state.finished and (
            keep_days == 0
            or parse_moment(state.outcome_at) + dt.timedelta(days=keep_days) <= self._desk.now()
        )
        closed = not self.record().status.is_open
        if not (due or closed):
            return 0
        events = self._file.delete_id_copies(
            at=self._desk.now(),
            actor=self._desk.actor,
            action=COPY_DELETED,
            reason="closed" if closed and not due else "verification_recorded",
        )
        self._indexed(events[-1])
        return len(events)
