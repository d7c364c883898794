"""The data items of a case file: metadata rows, and content streamed in 1 MiB chunks so that a gigabyte of
attachments goes in and comes out with flat memory.

Content of up to one chunk (typed text, a CSV, a letter-sized PDF) stays inside the case file; anything
larger goes to an encrypted file beside it (store/attachment_files.py), which is written and put in place
inside the item's transaction, before the row that names it is committed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, delete, insert, select, update

from dsr_desk.errors import CaseFileCorruptError, ItemTooLargeError
from dsr_desk.rules.case_values import stamp
from dsr_desk.rules.data_values import DataItem
from dsr_desk.store import case_schema as schema
from dsr_desk.store.attachment_files import CHUNK, AttachmentDamagedError
from dsr_desk.store.audit import AuditEvent
from dsr_desk.store.case_file import CaseFile

_LISTING = select(
    *(c for c in schema.data_items.c if c.name not in ("records", "file")),
    schema.data_items.c.records.is_not(None).label("has_records"),
)


class CaseItems:
    def __init__(self, file: CaseFile) -> None:
        self._file = file

    def add(self, **item: object) -> tuple[DataItem, AuditEvent]:
        """Streams one item in; the item, its chunks and the event are one transaction."""
        with self.transaction() as conn:
            item_id, event = self.insert(conn, **item)  # type: ignore[arg-type]
        return self.item(item_id), event

    def insert(
        self,
        conn: Connection,
        *,
        at: dt.datetime,
        actor: str,
        system: str,
        category: str,
        title: str,
        kind: str,
        source_format: str,
        chunks: Iterable[bytes],
        included: bool,
        provided: bool,
        records: list[dict] | None,
        note: str,
        max_bytes: int,
    ) -> tuple[int, AuditEvent]:
        """Streams the content in inside the caller's transaction, so several items can be one change."""
        described = {
            "system": system,
            "category": category,
            "title": title,
            "kind": kind,
            "source_format": source_format,
            "included": included,
            "provided": provided,
        }
        item_id = conn.execute(
            insert(schema.data_items).values(
                **described,
                created_at=stamp(at),
                size=0,
                sha256="",
                redactions="[]",
                records=json.dumps(records, ensure_ascii=False) if records is not None else None,
                note=note,
            )
        ).inserted_primary_key[0]
        digest, size, file_id = self._store_content(conn, item_id, chunks, max_bytes)
        conn.execute(
            update(schema.data_items)
            .where(schema.data_items.c.id == item_id)
            .values(size=size, sha256=digest, file=file_id)
        )
        details = {"item": item_id, **described, "size": size, "sha256": digest}
        return int(item_id), self._file.append_event(conn, at, actor, "data.added", details)

    def _store_content(
        self, conn: Connection, item_id: int, chunks: Iterable[bytes], max_bytes: int
    ) -> tuple[str, int, str | None]:
        """(sha256, size, file id or None): one chunk inside the case file, more in a file of its own."""
        stream = _rechunk(chunks)
        head = list(itertools.islice(stream, 2))

        def too_large() -> ItemTooLargeError:
            return ItemTooLargeError(limit=max_bytes // (1024 * 1024))

        if len(head) < 2:
            data = head[0] if head else b""
            if len(data) > max_bytes:
                raise too_large()
            conn.execute(insert(schema.item_chunks).values(item_id=item_id, seq=0, data=data))
            return hashlib.sha256(data).hexdigest(), len(data), None
        files = self._file.attachments
        files.sweep(self._files_named(conn))  # inside the write transaction: what no row names is abandoned
        written = files.write(itertools.chain(head, stream), max_bytes, too_large)
        files.place(written)
        return written.sha256, written.size, written.file_id

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self._file.attachments.placing(), self._file.transaction() as conn:
            yield conn

    @staticmethod
    def _files_named(conn: Connection) -> set[str]:
        query = select(schema.data_items.c.file).where(schema.data_items.c.file.is_not(None))
        return set(conn.execute(query).scalars())

    def items(self) -> list[DataItem]:
        """The list without the rows of tables: those are read per item, when an export needs them."""
        with self._file.connection() as conn:
            rows = conn.execute(_LISTING.order_by(schema.data_items.c.id)).mappings().all()
        return [_item(row) for row in rows]

    def item(self, item_id: int) -> DataItem:
        with self._file.connection() as conn:
            row = conn.execute(_LISTING.where(schema.data_items.c.id == item_id)).mappings().first()
        if row is None:
            raise KeyError(item_id)
        return _item(row)

    def records(self, item_id: int) -> list[dict] | None:
        with self._file.connection() as conn:
            text = conn.execute(
                select(schema.data_items.c.records).where(schema.data_items.c.id == item_id)
            ).scalar()
        return json.loads(text) if text else None

    def chunks(self, item_id: int) -> Iterator[bytes]:
        """The content, one chunk at a time: never the whole item in memory; a missing or damaged chunk
        is an error, never a silently shorter file."""
        item = self.item(item_id)
        with self._file.connection() as conn:
            file_id = conn.execute(
                select(schema.data_items.c.file).where(schema.data_items.c.id == item_id)
            ).scalar()
        if file_id:
            yield from self._file_chunks(item, file_id)
            return
        digest, size = hashlib.sha256(), 0
        for data in self._inline(item_id):
            size += len(data)
            digest.update(data)
            yield data
        if size != item.size or digest.hexdigest() != item.sha256:
            raise self._damaged(item_id)

    def _file_chunks(self, item: DataItem, file_id: str) -> Iterator[bytes]:
        # Every chunk's tag is checked (under a key only this case's key gives), and their order and end
        # with it: what comes out is what was hashed into the audit log, so it is not hashed again.
        size = 0
        try:
            for data in self._file.attachments.chunks(file_id):
                size += len(data)
                yield data
        except AttachmentDamagedError:
            raise self._damaged(item.id) from None
        if size != item.size:
            raise self._damaged(item.id)

    def _damaged(self, item_id: int) -> CaseFileCorruptError:
        return CaseFileCorruptError(reference=self._file.reference, reason=f"data item {item_id} incomplete")

    def _inline(self, item_id: int) -> Iterator[bytes]:
        seq = 0
        while True:
            with self._file.connection() as conn:
                data = conn.execute(
                    select(schema.item_chunks.c.data).where(
                        schema.item_chunks.c.item_id == item_id, schema.item_chunks.c.seq == seq
                    )
                ).scalar()
            if data is None:
                return
            yield bytes(data)
            seq += 1

    def content(self, item_id: int, limit: int = 50 * CHUNK) -> bytes:
        """Small items whole (text, a CSV): refuses to gather more than `limit` bytes."""
        out = bytearray()
        for chunk in self.chunks(item_id):
            out += chunk
            if len(out) > limit:
                raise ItemTooLargeError(limit=limit // (1024 * 1024))
        return bytes(out)

    def update(self, item_id: int, *, at: dt.datetime, actor: str, **changes: object) -> AuditEvent:
        before = self.item(item_id)
        values, details = {}, {}
        for name, value in changes.items():
            old = getattr(before, name)
            if name == "redactions":
                value = sorted({str(v).strip() for v in value if str(v).strip()})  # type: ignore[union-attr]
                old = list(old)
                values[name] = json.dumps(value, ensure_ascii=False)
            else:
                values[name] = int(value) if isinstance(value, bool) else value
            if value != old:
                details[name] = {
                    "before": len(old) if name == "redactions" else old,
                    "after": len(value) if name == "redactions" else value,
                }  # type: ignore[arg-type]
        with self._file.transaction() as conn:
            conn.execute(update(schema.data_items).where(schema.data_items.c.id == item_id).values(**values))
            return self._file.append_event(conn, at, actor, "data.updated", {"item": item_id, **details})

    def remove(self, item_id: int, *, at: dt.datetime, actor: str, reason: str) -> AuditEvent:
        item = self.item(item_id)
        with self._file.transaction() as conn:
            file_id = conn.execute(
                select(schema.data_items.c.file).where(schema.data_items.c.id == item_id)
            ).scalar()
            conn.execute(delete(schema.item_chunks).where(schema.item_chunks.c.item_id == item_id))
            conn.execute(delete(schema.data_items).where(schema.data_items.c.id == item_id))
            event = self._file.append_event(
                conn, at, actor, "data.removed", {"item": item_id, "title": item.title, "reason": reason}
            )
        if file_id:
            # Once the row is gone; a file left by a crash right here is swept by the next write.
            self._file.attachments.remove(file_id)
        return event


def _rechunk(chunks: Iterable[bytes]) -> Iterator[bytes]:
    buffer = bytearray()
    for chunk in chunks:
        if not buffer and len(chunk) == CHUNK:
            yield bytes(chunk)  # the usual case, a file read a chunk at a time: no copying
            continue
        buffer += chunk
        while len(buffer) >= CHUNK:
            yield bytes(buffer[:CHUNK])
            del buffer[:CHUNK]
    if buffer:
        yield bytes(buffer)


def _item(row) -> DataItem:
    return DataItem(
        id=row["id"],
        created_at=row["created_at"],
        system=row["system"],
        category=row["category"],
        title=row["title"],
        kind=row["kind"],
        source_format=row["source_format"],
        size=row["size"],
        sha256=row["sha256"],
        included=bool(row["included"]),
        provided=bool(row["provided"]),
        redactions=tuple(json.loads(row["redactions"])),
        has_records=bool(row["has_records"]),
        note=row["note"],
    )
