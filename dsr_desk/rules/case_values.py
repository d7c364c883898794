"""The values a case is made of, as the core hands them to the GUI, the command line and the letters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dsr_desk.rules.clock import ClockFacts
from dsr_desk.rules.intake import Requester
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType


@dataclass(frozen=True)
class CaseSummary:
    """What the case list shows without opening the case file (kept in the encrypted index)."""

    reference: str
    name: str
    email: str
    types: tuple[RequestType, ...]
    received: dt.date
    status: CaseStatus
    channel: Channel
    created_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None = None
    clock: ClockFacts = field(default_factory=ClockFacts)

    @property
    def closed_on(self) -> dt.date | None:
        """The local day it was closed: what the deadline is measured against."""
        return self.closed_at.astimezone().date() if self.closed_at else None

    def to_json(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "name": self.name,
            "email": self.email,
            "types": [kind.value for kind in self.types],
            "received": self.received.isoformat(),
            "status": self.status.value,
            "channel": self.channel.value,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "closed_at": _iso(self.closed_at) if self.closed_at else None,
        }


@dataclass(frozen=True)
class CaseRecord:
    """The whole case as the case file holds it."""

    reference: str
    requester: Requester
    received: dt.date
    types: tuple[RequestType, ...]
    channel: Channel
    status: CaseStatus
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None = None
    # The requester may ask for someone else (LEGAL.md §6): then letters greet the requester and name
    # the data subject. Empty and None: the requester is the data subject.
    data_subject: str = ""
    relation: Relation | None = None

    @property
    def closed_on(self) -> dt.date | None:
        """The local day it was closed: what the deadline is measured against."""
        return self.closed_at.astimezone().date() if self.closed_at else None

    @property
    def subject_name(self) -> str:
        """Whose data it is."""
        return self.data_subject or self.requester.name

    def summary(self) -> CaseSummary:
        return CaseSummary(
            reference=self.reference,
            name=self.requester.name,
            email=self.requester.email,
            types=self.types,
            received=self.received,
            status=self.status,
            channel=self.channel,
            created_at=self.created_at,
            updated_at=self.updated_at,
            closed_at=self.closed_at,
        )

    def to_json(self) -> dict[str, object]:
        data = self.summary().to_json()
        data["address"] = self.requester.address
        data["notes"] = self.notes
        data["data_subject"] = self.data_subject or None
        data["relation"] = self.relation.value if self.relation else None
        return data


@dataclass(frozen=True)
class DestructionRecord:
    """What remains of a destroyed case: no personal data, only that it existed and why it is gone."""

    reference: str
    received: dt.date
    closed_at: dt.datetime | None
    destroyed_at: dt.datetime
    destroyed_by: str
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "received": self.received.isoformat(),
            "closed_at": _iso(self.closed_at) if self.closed_at else None,
            "destroyed_at": _iso(self.destroyed_at),
            "destroyed_by": self.destroyed_by,
            "reason": self.reason,
        }


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def parse_moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def stamp(moment: dt.datetime) -> str:
    """How a moment is stored: UTC, microseconds, Z. Sorts as text in time order."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def reference_for(year: int, number: int) -> str:
    return f"DSR-{year}-{number:04d}"
