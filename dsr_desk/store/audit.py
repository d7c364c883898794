"""The hash-chained audit log: each event carries the hash of the one before it.

Pure functions over event values, so the case file, the index check and the archive verifier share them.
An edited event no longer matches its own hash; a removed, inserted or reordered one breaks a link; a case
file rolled back to an older copy has fewer events than the head the index remembers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str  # UTC, ISO 8601 with Z
    actor: str
    action: str
    details: dict
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "details": self.details,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class AuditProblem:
    seq: int | None
    kind: str  # edited | broken_link | out_of_sequence | rolled_back | diverged | empty


@dataclass(frozen=True)
class AuditReport:
    count: int
    head: str
    problems: tuple[AuditProblem, ...] = field(default=())
    index_behind: bool = False  # the index missed the last writes (a crash between two commits): repairable

    @property
    def ok(self) -> bool:
        return not self.problems


def genesis_hash(reference: str) -> str:
    # Bound to the reference: a log copied in from another case does not verify.
    return hashlib.sha256(f"dsr-desk audit v1 {reference}".encode()).hexdigest()


def event_hash(seq: int, at: str, actor: str, action: str, details: dict, prev_hash: str) -> str:
    payload = {"seq": seq, "at": at, "actor": actor, "action": action, "details": details, "prev": prev_hash}
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def next_event(
    previous: AuditEvent | None, reference: str, at: str, actor: str, action: str, details: dict
) -> AuditEvent:
    seq = previous.seq + 1 if previous else 1
    prev_hash = previous.hash if previous else genesis_hash(reference)
    digest = event_hash(seq, at, actor, action, details, prev_hash)
    return AuditEvent(seq, at, actor, action, details, prev_hash, digest)


class ChainCheck:
    """Checks events one at a time, in order, so a verifier can stream a log of any length."""

    def __init__(self, reference: str) -> None:
        self.count = 0
        self.head = ""
        self._prev_hash = genesis_hash(reference)

    def add(self, event: AuditEvent) -> list[AuditProblem]:
        """The problems of this event: its place, its own hash, its link to the one before."""
        problems = []
        self.count += 1
        if event.seq != self.count:
            problems.append(AuditProblem(event.seq, "out_of_sequence"))
        if (
            event_hash(event.seq, event.at, event.actor, event.action, event.details, event.prev_hash)
            != event.hash
        ):
            problems.append(AuditProblem(event.seq, "edited"))
        if event.prev_hash != self._prev_hash:
            problems.append(AuditProblem(event.seq, "broken_link"))
        self._prev_hash = self.head = event.hash
        return problems


def verify_chain(
    events: Sequence[AuditEvent],
    reference: str,
    expected_head: str | None = None,
    expected_count: int | None = None,
) -> AuditReport:
    check = ChainCheck(reference)
    problems = [AuditProblem(None, "empty")] if not events else []
    problems += [problem for event in events for problem in check.add(event)]
    head = check.head
    index_behind = False
    if expected_head is not None and expected_count is not None and head != expected_head:
        if len(events) < expected_count:
            problems.append(AuditProblem(len(events), "rolled_back"))
        elif len(events) > expected_count and events[expected_count - 1].hash == expected_head:
            index_behind = True
        else:
            problems.append(AuditProblem(None, "diverged"))
    return AuditReport(len(events), head, tuple(problems), index_behind)
