"""The export for the person and the case archive, as actions on a case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from dsr_desk.desk.recorded_files import kept_if_recorded
from dsr_desk.documents.export.package import ExportBundle, ExportResult, write_export
from dsr_desk.errors import ValidationError
from dsr_desk.i18n import current_language, t
from dsr_desk.intake.data_files import decode_text
from dsr_desk.rules.export_rules import ExportKind, export_password_problems

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case

Progress = Callable[[int, int], None]


class ExportActions:
    """Mixed into Case; relies on its record(), items, letter_inputs(), _write() and _desk."""

    def export_bundle(self: Case, kind: ExportKind, lang: str) -> ExportBundle:
        chosen = set(self.letter_inputs().register_entries)
        entries = tuple(entry for entry in self._desk.settings.register if entry.id in chosen)
        return ExportBundle(
            kind=kind.value,
            lang=lang,
            generated_at=self._desk.now(),
            record=self.record(),
            profile=self._desk.settings.organisation,
            entries=entries,
            items=self.items(),
            chunks=self.item_chunks,
            text=lambda item_id: decode_text(self.item_content(item_id))[0],
            records=self._items.records,
        )

    def export_data(
        self: Case,
        target: Path,
        *,
        kind: ExportKind = ExportKind.ACCESS,
        lang: str | None = None,
        password: str | None = None,
        progress: Progress = lambda done, total: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> ExportResult:
        """Writes the ZIP (atomic: a cancel or a full disk leaves nothing), then records it on the case."""
        lang = lang or current_language()
        result = self.write_export_file(
            target, kind=kind, lang=lang, password=password, progress=progress, cancelled=cancelled
        )
        self.record_export(result, kind=kind, lang=lang, encrypted=bool(password))
        return result

    def write_export_file(
        self: Case,
        target: Path,
        *,
        kind: ExportKind,
        lang: str,
        password: str | None,
        progress: Progress = lambda done, total: None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> ExportResult:
        """Only reads the case: safe to run on a worker thread while the case stays open."""
        if password is not None and (problems := export_password_problems(password)):
            raise ValidationError(problems)
        return write_export(
            Path(target),
            self.export_bundle(kind, lang),
            password=password,
            progress=progress,
            cancelled=cancelled,
            outputs=self._desk.outputs,
        )

    def record_export(
        self: Case, result: ExportResult, *, kind: ExportKind, lang: str, encrypted: bool
    ) -> None:
        """Records the export after the fact; an export that cannot be recorded (a read-only workspace) is
        removed again, so the log never misses personal data that went out and the refusal is true."""
        details = {
            "kind": kind.value,
            "file": result.path.name,
            "sha256": result.sha256,
            "size": result.size,
            "items": result.items,
            "encrypted": encrypted,
            "language": lang,
        }
        kept_if_recorded(result.path, lambda: self._touch("export.created", details), "export")
        # The cover letter says what this export holds: an empty one, or a portability one, as such.
        self.set_answers(
            export_file=result.path.name,
            export_format=t("export.format_text", lang),
            export_encrypted=encrypted,
            export_kind=kind.value,
            export_empty=result.items == 0,
        )
