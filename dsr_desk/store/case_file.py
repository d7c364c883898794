"""One case, one SQLCipher file: reading it, and changing it together with its audit event.

Every change is one transaction holding both the new state and the event that records it, so the file
never holds a change without its history, or history without its change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy import update as update_

from dsr_desk.errors import CaseFileCorruptError
from dsr_desk.rules.case_values import CaseRecord, stamp
from dsr_desk.store import case_schema as schema
from dsr_desk.store.attachment_files import AttachmentFiles
from dsr_desk.store.audit import AuditEvent, next_event
from dsr_desk.store.case_rows import event_from_row, read_record, record_row
from dsr_desk.store.migrations import WrongFileKindError, upgrade
from dsr_desk.store.sqlcipher import (
    NotReadableError,
    integrity_problems,
    leftover_journal,
    needs_full_check,
    open_engine,
    writing,
)
from dsr_desk.store.workspace import attachments_folder

Update = Callable[[CaseRecord], "tuple[CaseRecord, dict] | None"]


class CaseFile:
    def __init__(self, engine: Engine, path: Path, reference: str, key: bytes) -> None:
        self._engine = engine
        self.path = path
        self.reference = reference
        self.attachments = AttachmentFiles(attachments_folder(path, reference), key, reference)
        # Called inside every write transaction, before anything is written: the desk refuses the write
        # there (a case another handler has open, a file rolled back behind the index).
        self.before_write: Callable[[Connection], None] = lambda conn: None

    @classmethod
    def create(cls, path: Path, key: bytes, record: CaseRecord, actor: str, details: dict) -> CaseFile:
        engine = open_engine(path, key, create=True)
        upgrade(engine, schema.MIGRATIONS, schema.FILE_KIND, record.reference)
        case = cls(engine, path, record.reference, key)
        with writing(engine) as conn:
            conn.execute(
                insert(schema.case_record).values(id=1, reference=record.reference, **record_row(record))
            )
            conn.execute(
                insert(schema.requests),
                [{"type": kind.value, "position": i} for i, kind in enumerate(record.types)],
            )
            case.append_event(conn, record.created_at, actor, "case.created", details)
        return case

    @classmethod
    def open(cls, path: Path, key: bytes, reference: str) -> CaseFile:
        unclean = leftover_journal(path)
        try:
            engine = open_engine(path, key)
        except NotReadableError as exc:
            raise CaseFileCorruptError(reference=reference, reason=exc.reason) from None
        try:
            if needs_full_check(path, unclean):
                problems = integrity_problems(engine)
                if problems:
                    raise CaseFileCorruptError(reference=reference, reason=problems[0][:200])
            upgrade(engine, schema.MIGRATIONS, schema.FILE_KIND, reference)
            with engine.connect() as conn:
                stored = conn.execute(select(schema.case_record.c.reference)).scalar()
        except WrongFileKindError:
            engine.dispose()
            raise CaseFileCorruptError(reference=reference, reason="not a case file") from None
        except CaseFileCorruptError:
            engine.dispose()
            raise
        if stored != reference:
            engine.dispose()
            raise CaseFileCorruptError(reference=reference, reason="the file belongs to another case")
        return cls(engine, path, reference, key)

    def close(self) -> None:
        self._engine.dispose()

    def record(self) -> CaseRecord:
        with self._engine.connect() as conn:
            return read_record(conn)

    def events(self) -> list[AuditEvent]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(schema.events).order_by(schema.events.c.seq)).mappings()
            return [event_from_row(row) for row in rows]

    def change(
        self,
        *,
        at: dt.datetime,
        actor: str,
        action: str,
        update: Update,
        before_commit: Callable[[AuditEvent], object] | None = None,
    ) -> AuditEvent | None:
        """Applies `update` to the record as it is now and appends the event recording why, in one
        transaction. `update` gets the record read inside that transaction (so a change another process
        made a moment ago is never overwritten) and returns the new record with the event's details, or
        None when there is nothing to change. It may raise to refuse; then nothing is written.

        `before_commit` gets the event before it is committed: what fails there (writing the file the event
        speaks of) rolls the change back, so the log never claims what did not happen."""
        with self.transaction() as conn:
            current = read_record(conn)
            result = update(current)
            if result is None:
                return None
            record, details = result
            if record != current:
                conn.execute(
                    update_(schema.case_record)
                    .where(schema.case_record.c.id == 1)
                    .values(**record_row(record))
                )
            if record.types != current.types:
                conn.execute(schema.requests.delete())
                conn.execute(
                    insert(schema.requests),
                    [{"type": kind.value, "position": i} for i, kind in enumerate(record.types)],
                )
            event = self.append_event(conn, at, actor, action, details)
            if before_commit is not None:
                before_commit(event)
            return event

    def touch(self, conn: Connection, at: dt.datetime) -> None:
        """The record's last-updated time, inside a caller's transaction (for the other stores' writes)."""
        conn.execute(
            update_(schema.case_record).where(schema.case_record.c.id == 1).values(updated_at=stamp(at))
        )

    def store_document(
        self,
        *,
        kind: str,
        subtype: str,
        lang: str,
        content: bytes,
        at: dt.datetime,
        actor: str,
        action: str,
        details: dict,
    ) -> tuple[int, AuditEvent]:
        """Keeps a document (a letter as sent) and the event that records it, in one transaction."""
        digest = hashlib.sha256(content).hexdigest()
        with self.transaction() as conn:
            document_id = conn.execute(
                insert(schema.documents).values(
                    kind=kind,
                    subtype=subtype,
                    lang=lang,
                    created_at=stamp(at),
                    sha256=digest,
                    size=len(content),
                    content=content,
                )
            ).inserted_primary_key[0]
            event_details = {**details, "document": document_id, "sha256": digest}
            event = self.append_event(conn, at, actor, action, event_details)
        return int(document_id), event

    def document(self, document_id: int) -> tuple[dict, bytes]:
        with self._engine.connect() as conn:
            row = (
                conn.execute(select(schema.documents).where(schema.documents.c.id == document_id))
                .mappings()
                .first()
            )
        if row is None:
            raise KeyError(document_id)
        meta = {key: row[key] for key in ("id", "kind", "subtype", "lang", "created_at", "sha256", "size")}
        return meta, bytes(row["content"])

    def store_id_copy(
        self, *, document_type: str, image: bytes, at: dt.datetime, actor: str, action: str, details: dict
    ) -> tuple[int, AuditEvent]:
        digest = hashlib.sha256(image).hexdigest()
        with self.transaction() as conn:
            copy_id = conn.execute(
                insert(schema.id_copies).values(
                    created_at=stamp(at), document_type=document_type, sha256=digest, image=image
                )
            ).inserted_primary_key[0]
            event = self.append_event(conn, at, actor, action, {**details, "copy": copy_id, "sha256": digest})
        return int(copy_id), event

    def id_copies(self) -> list[dict]:
        with self._engine.connect() as conn:
            columns = [schema.id_copies.c.id, schema.id_copies.c.created_at, schema.id_copies.c.document_type]
            return [dict(row) for row in conn.execute(select(*columns)).mappings()]

    def id_copy_image(self, copy_id: int) -> bytes:
        with self._engine.connect() as conn:
            image = conn.execute(
                select(schema.id_copies.c.image).where(schema.id_copies.c.id == copy_id)
            ).scalar()
        if image is None:
            raise KeyError(copy_id)
        return bytes(image)

    def delete_id_copies(self, *, at: dt.datetime, actor: str, action: str, reason: str) -> list[AuditEvent]:
        """Deletes every ID copy with one event each; then rebuilds the file so no freed page keeps a byte."""
        with self.transaction() as conn:
            ids = list(conn.execute(select(schema.id_copies.c.id)).scalars())
            events = []
            for copy_id in ids:
                conn.execute(schema.id_copies.delete().where(schema.id_copies.c.id == copy_id))
                events.append(self.append_event(conn, at, actor, action, {"copy": copy_id, "reason": reason}))
        if ids:
            self.vacuum()
        return events

    def vacuum(self) -> None:
        # VACUUM cannot run inside a transaction; the driver connection is in autocommit mode.
        raw = self._engine.raw_connection()
        try:
            raw.driver_connection.execute("VACUUM")
        finally:
            raw.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write: its rows and its audit event go in one transaction, which holds SQLite's write lock from
        its start (BEGIN IMMEDIATE), so whatever it reads is what it changes."""
        with writing(self._engine) as conn:
            self.before_write(conn)
            yield conn

    def connection(self) -> Connection:
        return self._engine.connect()

    def append_event(
        self, conn: Connection, at: dt.datetime, actor: str, action: str, details: dict
    ) -> AuditEvent:
        """The next event of the chain, inside the caller's transaction (so it and its change are one)."""
        event = next_event(self._last_event(conn), self.reference, stamp(at), actor, action, details)
        conn.execute(
            insert(schema.events).values(
                seq=event.seq,
                at=event.at,
                actor=event.actor,
                action=event.action,
                details=json.dumps(event.details, ensure_ascii=False, sort_keys=True),
                prev_hash=event.prev_hash,
                hash=event.hash,
            )
        )
        return event

    def chain_position(self, conn: Connection, head: str, count: int) -> tuple[str, int]:
        """Where this file's log stands against the head the index remembers: ("ok", n) when the event
        numbered `count` is that head; ("behind", n) when the log ends before it (copied back to an older
        version); ("diverged", n) when it holds another event there. n is the file's last event number."""
        last = self._last_event(conn)
        last_seq = last.seq if last is not None else 0
        if last_seq < count:
            return "behind", last_seq
        at_count = conn.execute(select(schema.events.c.hash).where(schema.events.c.seq == count)).scalar()
        return ("ok" if at_count == head else "diverged"), last_seq

    def integrity_problems(self) -> list[str]:
        return integrity_problems(self._engine)

    def _last_event(self, conn) -> AuditEvent | None:
        row = (
            conn.execute(select(schema.events).order_by(schema.events.c.seq.desc()).limit(1))
            .mappings()
            .first()
        )
        return event_from_row(row) if row is not None else None
