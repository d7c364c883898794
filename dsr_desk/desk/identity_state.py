"""Where a case's identity check stands, read back from its audit events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from dsr_desk.rules.identity import IdentityOutcome, Method, RequesterRole
from dsr_desk.store.audit import AuditEvent

ASSESSED = "identity.assessed"
METHOD_CHOSEN = "identity.method_chosen"
CODE_ISSUED = "identity.code_issued"
CODE_CHECKED = "identity.code_checked"
COPY_STORED = "identity.copy_stored"
COPY_DELETED = "identity.copy_deleted"
RECORDED = "identity.recorded"


@dataclass(frozen=True)
class IdentityState:
    role: RequesterRole | None = None
    proof: str = ""
    doubt: bool | None = None
    reasoning: str = ""
    method: Method | None = None
    copy_reason: str = ""
    code_salt: str = ""
    code_digest: str = ""
    code_matched: bool | None = None
    copies: tuple[int, ...] = ()  # stored and not yet deleted
    outcome: IdentityOutcome | None = None
    outcome_at: str = ""
    outcome_reasoning: str = ""
    document_type: str = ""
    warnings: tuple[str, ...] = field(default=())

    @property
    def finished(self) -> bool:
        return self.outcome is not None


def identity_from_events(events: Iterable[AuditEvent]) -> IdentityState:
    values: dict[str, object] = {}
    copies: list[int] = []
    for event in events:
        d = event.details
        if event.action == ASSESSED:
            values.update(
                role=RequesterRole(d["role"]),
                proof=d.get("proof", ""),
                doubt=d["doubt"],
                reasoning=d.get("reasoning", ""),
            )
        elif event.action == METHOD_CHOSEN:
            values.update(method=Method(d["method"]), copy_reason=d.get("copy_reason", ""), code_matched=None)
        elif event.action == CODE_ISSUED:
            values.update(code_salt=d["salt"], code_digest=d["digest"], code_matched=None)
        elif event.action == CODE_CHECKED:
            values["code_matched"] = bool(d["matched"])
        elif event.action == COPY_STORED:
            copies.append(int(d["copy"]))
        elif event.action == COPY_DELETED:
            copies = [c for c in copies if c != int(d["copy"])]
        elif event.action == RECORDED:
            values.update(
                outcome=IdentityOutcome(d["outcome"]),
                outcome_at=event.at,
                outcome_reasoning=d.get("reasoning", ""),
                document_type=d.get("document_type", ""),
                warnings=tuple(d.get("warnings", ())),
                method=Method(d["method"]) if d.get("method") else values.get("method"),
            )
    return IdentityState(**values, copies=tuple(copies))  # type: ignore[arg-type]
