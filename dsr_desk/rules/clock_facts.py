"""What was recorded on a case that moves or explains its clock: the extension, requests for information,
forwards to the controller, the acknowledgement. Derived from the case's audit events; kept in the index too,
so the list computes every clock without opening a case file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dsr_desk.rules.requests import RequestType


class ExtensionReason(StrEnum):
    """Art. 12(3): 'taking into account the complexity and number of the requests', nothing else."""

    COMPLEXITY = "complexity"
    NUMBER_OF_REQUESTS = "number_of_requests"
    OTHER = "other"  # read back from cases of earlier releases only; never a lawful reason for a new one


LAWFUL_EXTENSION_REASONS = (ExtensionReason.COMPLEXITY, ExtensionReason.NUMBER_OF_REQUESTS)


class InformationNeeded(StrEnum):
    IDENTITY = "identity"
    CLARIFICATION = "clarification"


@dataclass(frozen=True)
class Extension:
    decided_on: dt.date
    reason: ExtensionReason
    explanation: str
    notified_on: dt.date | None = None


@dataclass(frozen=True)
class InformationRequest:
    what: InformationNeeded
    asked_on: dt.date
    received_on: dt.date | None = None


@dataclass(frozen=True)
class Forward:
    """Part or all of a request sent on to its controller (we are its processor, LEGAL.md §6)."""

    to: str
    on: dt.date
    channel: str
    types: tuple[RequestType, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "to": self.to,
            "on": self.on.isoformat(),
            "channel": self.channel,
            "types": [kind.value for kind in self.types],
        }

    @classmethod
    def from_json(cls, data: dict) -> Forward:
        return cls(
            data["to"],
            dt.date.fromisoformat(data["on"]),
            data.get("channel", ""),
            tuple(RequestType(code) for code in data.get("types", ())),
        )


@dataclass(frozen=True)
class ClockFacts:
    extension: Extension | None = None
    information_requests: tuple[InformationRequest, ...] = ()
    forwards: tuple[Forward, ...] = ()
    forwarded_on: dt.date | None = None  # the day the last part went to the controller: off the clock
    acknowledged_on: dt.date | None = None  # the first acknowledgement sent (a promise may count from it)

    @property
    def waiting_since(self) -> dt.date | None:
        open_requests = [r.asked_on for r in self.information_requests if r.received_on is None]
        return min(open_requests) if open_requests else None

    @property
    def forwarded_types(self) -> tuple[RequestType, ...]:
        return tuple(dict.fromkeys(kind for forward in self.forwards for kind in forward.types))

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {}
        if self.extension is not None:
            e = self.extension
            data["extension"] = {
                "decided_on": e.decided_on.isoformat(),
                "reason": e.reason.value,
                "explanation": e.explanation,
                "notified_on": e.notified_on.isoformat() if e.notified_on else None,
            }
        if self.information_requests:
            data["information_requests"] = [
                {
                    "what": r.what.value,
                    "asked_on": r.asked_on.isoformat(),
                    "received_on": r.received_on.isoformat() if r.received_on else None,
                }
                for r in self.information_requests
            ]
        if self.forwards:
            data["forwards"] = [forward.to_json() for forward in self.forwards]
        if self.forwarded_on:
            data["forwarded_on"] = self.forwarded_on.isoformat()
        if self.acknowledged_on:
            data["acknowledged_on"] = self.acknowledged_on.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> ClockFacts:
        e = data.get("extension")
        extension = (
            Extension(
                decided_on=dt.date.fromisoformat(e["decided_on"]),
                reason=ExtensionReason(e["reason"]),
                explanation=e.get("explanation", ""),
                notified_on=dt.date.fromisoformat(e["notified_on"]) if e.get("notified_on") else None,
            )
            if e
            else None
        )
        requests = tuple(
            InformationRequest(
                what=InformationNeeded(r["what"]),
                asked_on=dt.date.fromisoformat(r["asked_on"]),
                received_on=dt.date.fromisoformat(r["received_on"]) if r.get("received_on") else None,
            )
            for r in data.get("information_requests", [])
        )
        return cls(
            extension,
            requests,
            tuple(Forward.from_json(f) for f in data.get("forwards", [])),
            _date(data.get("forwarded_on")),
            _date(data.get("acknowledged_on")),
        )


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
