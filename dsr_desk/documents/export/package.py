"""Writing the export ZIP: streamed item by item and chunk by chunk (flat memory for a gigabyte), AES-256
when a password is given, atomic (a cancel, a full disk or a read-only folder leaves no partial file)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyzipper

from dsr_desk.documents.export.content import (
    DATA_SCHEMA,
    SCHEMA_VERSION,
    category_csv,
    item_json,
    safe_name,
    unique_names,
)
from dsr_desk.documents.export.overview import render_overview
from dsr_desk.documents.export.readme import readme_text
from dsr_desk.errors import ExportCancelledError, WriteFailedError
from dsr_desk.i18n import t
from dsr_desk.rules.case_values import CaseRecord
from dsr_desk.rules.data_values import DataItem
from dsr_desk.rules.export_rules import ExportKind, select_items
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.store.atomic import OutputWatcher, atomic_writer, file_sha256

_STORED = {"pdf", "image", "zip"}  # already compressed: deflating them again only costs time


@dataclass
class ExportBundle:
    kind: str  # access | portability
    lang: str
    generated_at: dt.datetime
    record: CaseRecord
    profile: OrganisationProfile
    entries: tuple[RegisterEntry, ...]
    items: list[DataItem]
    chunks: Callable[[int], Iterator[bytes]]
    text: Callable[[int], str]
    records: Callable[[int], list[dict] | None]
    counts: Counter = field(default_factory=Counter)

    def selected(self) -> list[DataItem]:
        return select_items(ExportKind(self.kind), self.items)

    def category_counts(self) -> dict[str, int]:
        return dict(Counter(item.category for item in self.selected()))


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    items: int


def write_export(
    target: Path,
    bundle: ExportBundle,
    *,
    password: str | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
    outputs: OutputWatcher | None = None,
) -> ExportResult:
    target = Path(target)
    items = bundle.selected()
    total, done = sum(item.size for item in items) or 1, 0
    try:
        with atomic_writer(target, mode=0o600, output=outputs) as handle:
            archive = _open_zip(handle, password)
            with archive:
                entries: list[dict[str, object]] = []
                for item in items:
                    file_path = None
                    if item.kind == "file" and not item.redactions:
                        file_path = f"files/{item.id:04d}-{safe_name(item.title)}"
                        method = zipfile.ZIP_STORED if item.source_format in _STORED else zipfile.ZIP_DEFLATED
                        # pyzipper has its own ZipInfo class (it carries the AES fields).
                        info_class = getattr(archive, "zipinfo_cls", zipfile.ZipInfo)
                        info = info_class(file_path, date_time=bundle.generated_at.timetuple()[:6])
                        info.compress_type = method
                        with archive.open(info, "w", force_zip64=True) as member:
                            for chunk in bundle.chunks(item.id):
                                if cancelled():
                                    raise ExportCancelledError()
                                member.write(chunk)
                                done += len(chunk)
                                progress(done, total)
                    else:
                        done += item.size
                        progress(done, total)
                    text = bundle.text(item.id) if item.kind == "text" else None
                    records = bundle.records(item.id) if item.has_records else None
                    entries.append(
                        item_json(item, text, file_path, records, t("export.redacted", bundle.lang))
                    )
                _write_documents(archive, bundle, entries)
    except ExportCancelledError:
        raise
    except OSError as exc:
        raise WriteFailedError(path=str(target), reason=exc.strerror or type(exc).__name__) from None
    return ExportResult(target, file_sha256(target), target.stat().st_size, len(items))


def _open_zip(handle, password: str | None) -> zipfile.ZipFile:
    if password:
        archive = pyzipper.AESZipFile(
            handle, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        )
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        return archive
    return zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED)


def _write_documents(
    archive: zipfile.ZipFile, bundle: ExportBundle, entries: list[dict[str, object]]
) -> None:
    record = bundle.record
    data = {
        "schema_version": SCHEMA_VERSION,
        "kind": bundle.kind,
        "generated_at": bundle.generated_at.isoformat(timespec="seconds"),
        "controller": {
            "name": bundle.profile.name,
            "email": bundle.profile.privacy_email or bundle.profile.email,
        },
        "request": {
            "reference": record.reference,
            "received": record.received.isoformat(),
            "types": [kind.value for kind in record.types],
            "name": record.requester.name,
        },
        "items": entries,
    }
    archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2))
    archive.writestr("data.schema.json", json.dumps(DATA_SCHEMA, ensure_ascii=False, indent=2))
    by_category: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        by_category.setdefault(str(entry["category"]), []).append(entry)
    for name, rows in zip(unique_names(list(by_category)), by_category.values(), strict=True):
        archive.writestr(f"{t('export.csv_folder', bundle.lang)}/{name}.csv", category_csv(rows))
    archive.writestr("overview.pdf", render_overview(bundle, entries))
    archive.writestr(
        t("export.readme_name", bundle.lang),
        readme_text(bundle.kind, bundle.lang, entries, bundle.profile.name, record.reference).encode("utf-8"),
    )
