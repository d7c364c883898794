"""Report figures for a period (Art. 5(2): the organisation shows later how it handled requests).

Pure: the figures are computed from one `ReportCase` per case, which the desk reads from the index and each
case's log. Each figure is measured on the day that makes it mean something:
- received, by type, by channel, per month: the day the request was received;
- closed, on time, late, extended, refused, days to answer: the day the case was closed (not forwarded);
- forwarded: the day the last part went to its controller;
- identity methods: the day the check's outcome was recorded; ID copies: the day each was made or deleted.
So a case received in December and closed in January counts as received in one year and closed in the next.
Every count comes with the references it counts (`cases`), so it can be checked against the case list.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from dataclasses import dataclass, field

from dsr_desk.rules.requests import CaseStatus, Channel, RequestType


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date  # included

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def __contains__(self, day: dt.date | None) -> bool:
        return day is not None and self.first <= day <= self.last

    def months(self) -> list[str]:
        """'YYYY-MM' of every month the period touches, in order."""
        months, year, month = [], self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


@dataclass(frozen=True)
class ReportCase:
    reference: str
    types: tuple[RequestType, ...]
    channel: Channel
    received: dt.date
    status: CaseStatus
    closed_on: dt.date | None
    due: dt.date
    extended: bool
    forwarded_on: dt.date | None
    refusal_grounds: tuple[str, ...] = ()  # one per request type refused or granted in part
    identity_method: str | None = None
    identity_on: dt.date | None = None
    copies_made: tuple[dt.date, ...] = ()
    copies_deleted: tuple[dt.date, ...] = ()

    @property
    def answered(self) -> bool:
        """Closed by this organisation: a case wholly forwarded was never ours to answer."""
        return self.status is CaseStatus.CLOSED and self.closed_on is not None

    @property
    def days_to_answer(self) -> int:
        assert self.closed_on is not None
        return (self.closed_on - self.received).days


@dataclass(frozen=True)
class Report:
    period: Period
    received: int
    by_type: dict[str, int]
    by_channel: dict[str, int]
    by_month: dict[str, int]
    closed: int
    on_time: int
    late: int
    extended: int
    refused: int
    refused_by_ground: dict[str, int]
    forwarded: int
    median_days: float | None
    p90_days: int | None
    identity_methods: dict[str, int]
    id_copies_made: int
    id_copies_deleted: int
    cases: dict[str, list[str]] = field(default_factory=dict)

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.closed if self.closed else None

    def to_json(self) -> dict[str, object]:
        return {
            "from": self.period.first.isoformat(),
            "to": self.period.last.isoformat(),
            "received": self.received,
            "by_type": self.by_type,
            "by_channel": self.by_channel,
            "by_month": self.by_month,
            "closed": self.closed,
            "on_time": self.on_time,
            "late": self.late,
            "extended": self.extended,
            "refused": self.refused,
            "refused_by_ground": self.refused_by_ground,
            "forwarded": self.forwarded,
            "median_days": self.median_days,
            "p90_days": self.p90_days,
            "identity_methods": self.identity_methods,
            "id_copies_made": self.id_copies_made,
            "id_copies_deleted": self.id_copies_deleted,
            "cases": self.cases,
        }


def build_report(cases: list[ReportCase], period: Period) -> Report:
    received = [c for c in cases if c.received in period]
    closed = [c for c in cases if c.answered and c.closed_on in period]
    on_time = [c for c in closed if c.closed_on <= c.due]
    late = [c for c in closed if c.closed_on > c.due]
    refused = [c for c in closed if c.refusal_grounds]
    forwarded = [c for c in cases if c.status is CaseStatus.FORWARDED and c.forwarded_on in period]
    identified = [c for c in cases if c.identity_method and c.identity_on in period]
    days = sorted(c.days_to_answer for c in closed)
    by_month = dict.fromkeys(period.months(), 0)
    by_month.update(Counter(f"{c.received.year:04d}-{c.received.month:02d}" for c in received))
    return Report(
        period=period,
        received=len(received),
        by_type=_counted(kind.value for c in received for kind in c.types),
        by_channel=_counted(c.channel.value for c in received),
        by_month=by_month,
        closed=len(closed),
        on_time=len(on_time),
        late=len(late),
        extended=sum(1 for c in closed if c.extended),
        refused=len(refused),
        refused_by_ground=_counted(ground or "none" for c in refused for ground in c.refusal_grounds),
        forwarded=len(forwarded),
        median_days=statistics.median(days) if days else None,
        p90_days=days[math.ceil(0.9 * len(days)) - 1] if days else None,  # nearest rank
        identity_methods=_counted(str(c.identity_method) for c in identified),
        id_copies_made=sum(1 for c in cases for day in c.copies_made if day in period),
        id_copies_deleted=sum(1 for c in cases for day in c.copies_deleted if day in period),
        cases={
            "received": _refs(received),
            "closed": _refs(closed),
            "on_time": _refs(on_time),
            "late": _refs(late),
            "extended": _refs(c for c in closed if c.extended),
            "refused": _refs(refused),
            "forwarded": _refs(forwarded),
        },
    )


def _counted(values) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda item: (-item[1], item[0])))


def _refs(cases) -> list[str]:
    return sorted(c.reference for c in cases)
