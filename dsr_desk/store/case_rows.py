"""How a case file's rows become values and back: the record, its requests, its events."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Connection, select

from dsr_desk.rules.case_values import CaseRecord, parse_moment, stamp
from dsr_desk.rules.intake import Requester
from dsr_desk.rules.representation import parse_relation
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from dsr_desk.store import case_schema as schema
from dsr_desk.store.audit import AuditEvent


def read_record(conn: Connection) -> CaseRecord:
    row = conn.execute(select(schema.case_record)).mappings().one()
    types = conn.execute(select(schema.requests.c.type).order_by(schema.requests.c.position)).scalars()
    return CaseRecord(
        reference=row["reference"],
        requester=Requester(name=row["name"], email=row["email"], address=row["address"]),
        received=dt.date.fromisoformat(row["received"]),
        types=tuple(RequestType(code) for code in types),
        channel=Channel(row["channel"]),
        status=CaseStatus(row["status"]),
        notes=row["notes"],
        created_at=parse_moment(row["created_at"]),
        updated_at=parse_moment(row["updated_at"]),
        closed_at=parse_moment(row["closed_at"]) if row["closed_at"] else None,
        data_subject=row["data_subject"],
        relation=parse_relation(row["relation"]),
    )


def record_row(record: CaseRecord) -> dict[str, object]:
    return {
        "name": record.requester.name,
        "email": record.requester.email,
        "address": record.requester.address,
        "channel": record.channel.value,
        "received": record.received.isoformat(),
        "status": record.status.value,
        "notes": record.notes,
        "created_at": stamp(record.created_at),
        "updated_at": stamp(record.updated_at),
        "closed_at": stamp(record.closed_at) if record.closed_at else None,
        "data_subject": record.data_subject,
        "relation": record.relation.value if record.relation else "",
    }


def event_from_row(row) -> AuditEvent:
    details = json.loads(row["details"])
    return AuditEvent(
        row["seq"], row["at"], row["actor"], row["action"], details, row["prev_hash"], row["hash"]
    )
