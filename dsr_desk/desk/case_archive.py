"""The case archive as an action on a case: everything the AP may ask for (LEGAL.md §5), in one
self-verifying file — never an ID copy, never the data items themselves (those go to the person)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dsr_desk.desk.answers import decision_to_json, inputs_from_events, letters_from_events
from dsr_desk.desk.archive_rows import extension_text, forward_rows, identity_json, subject_row
from dsr_desk.desk.case_data import searches_from_events
from dsr_desk.desk.event_text import event_detail, event_label, identity_summary
from dsr_desk.desk.identity_state import identity_from_events
from dsr_desk.documents.archive.manifest import ARCHIVE_SEAL, sha256
from dsr_desk.documents.archive.package import ArchiveContents, ArchiveResult, archive_files, write_archive
from dsr_desk.documents.archive.summary import Section, render_summary
from dsr_desk.errors import AuditChainBrokenError
from dsr_desk.i18n import current_language, format_date, format_datetime, t
from dsr_desk.rules.case_values import parse_moment
from dsr_desk.rules.clock_text import days_left_text
from dsr_desk.rules.overview import clock_json

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case


class ArchiveActions:
    """Mixed into Case."""

    def archive_contents(self: Case, lang: str | None = None) -> ArchiveContents:
        lang = lang or current_language()
        # The record, the log and the items are read once; everything else is derived from them.
        record, events, items = self.record(), self.events(), self.items()
        clock = self.clock_from(record, events)
        letters = letters_from_events(events)
        identity = identity_from_events(events)
        decisions = inputs_from_events(events).decisions
        searches = searches_from_events(events)
        sections = [
            Section(
                t("archive.request", lang),
                [
                    (t("cli.requester", lang), record.requester.name),
                    *subject_row(record, lang),
                    (
                        t("cli.received", lang),
                        f"{format_date(record.received, lang)} ({record.channel.label(lang)})",
                    ),
                    (t("cli.requests", lang), ", ".join(k.label_with_article(lang) for k in record.types)),
                    (t("cli.notes", lang), record.notes or "—"),
                ],
            ),
            Section(
                t("archive.deadline", lang),
                [
                    (t("archive.first_due", lang), format_date(clock.first.due, lang)),
                    (
                        t("archive.extended_due", lang),
                        format_date(clock.extended.due, lang) if clock.extended else "—",
                    ),
                    (t("archive.extension_reason", lang), extension_text(clock, lang)),
                    (t("archive.paused", lang), str(clock.paused_days)),
                    *forward_rows(clock, lang),
                    (
                        t("archive.outcome", lang),
                        f"{record.status.label(lang)} — {days_left_text(clock, lang)}",
                    ),
                ],
                note=clock.rule(lang),
            ),
            Section(
                t("archive.identity", lang),
                [
                    (t("archive.identity_result", lang), identity_summary(identity, lang)),
                    (t("archive.reasoning", lang), identity.outcome_reasoning or identity.reasoning or "—"),
                    (
                        t("archive.warnings", lang),
                        ", ".join(t(f"identity.warning.{w}", lang) for w in identity.warnings) or "—",
                    ),
                ],
            ),
            Section(
                t("archive.decisions", lang),
                [
                    (
                        d.request_type.label(lang),
                        f"{t(f'gui.letter.outcome.{d.outcome.value}', lang)}"
                        f"{' — ' + d.ground if d.ground else ''}. {d.what} {d.explanation}".strip(),
                    )
                    for d in decisions.values()
                ],
            ),
            Section(
                t("archive.letters", lang),
                [
                    (
                        format_date(parse_moment(letter.sent_on + "T00:00:00+00:00").date(), lang),
                        t(f"letter.kind.{letter.kind}", lang),
                        letter.lang.upper(),
                        t(f"gui.letter.channel.{letter.channel}", lang),
                        letter.sha256[:16] + "…",
                    )
                    for letter in letters
                ],
                header=(
                    t("archive.date", lang),
                    t("archive.kind", lang),
                    t("archive.language", lang),
                    t("archive.channel", lang),
                    "SHA-256",
                ),
            ),
            Section(
                t("archive.searches", lang),
                [
                    (
                        s.system,
                        t("audit_detail.yes" if s.searched else "audit_detail.no", lang),
                        s.found or s.note or "—",
                        s.by,
                    )
                    for s in searches
                ],
                header=(
                    t("archive.system", lang),
                    t("archive.searched", lang),
                    t("archive.found", lang),
                    t("archive.by", lang),
                ),
            ),
            Section(
                t("archive.data", lang),
                [
                    (
                        i.system,
                        i.category,
                        i.title,
                        t("audit_detail.yes" if i.included else "audit_detail.no", lang),
                    )
                    for i in items
                ],
                header=(
                    t("archive.system", lang),
                    t("archive.category", lang),
                    t("archive.item", lang),
                    t("archive.included", lang),
                ),
            ),
            Section(
                t("archive.timeline", lang),
                [
                    (
                        format_datetime(parse_moment(e.at), lang),
                        e.actor,
                        event_label(e.action, lang),
                        event_detail(e, lang),
                    )
                    for e in events
                ],
                header=(
                    t("archive.when", lang),
                    t("archive.who", lang),
                    t("archive.what", lang),
                    t("archive.details", lang),
                ),
            ),
        ]
        now = self._desk.now()
        summary = render_summary(
            t("archive.title", lang, reference=record.reference),
            t(
                "archive.subtitle",
                lang,
                organisation=self._desk.settings.organisation_name,
                date=format_date(now.astimezone().date(), lang),
            )
            + " · "
            + t("archive.signed_by", lang, fingerprint=self._desk.signer().fingerprint),
            sections,
            lang,
        )
        case_json = {
            **record.to_json(),
            **clock_json(clock),
            "identity": identity_json(identity),
            "decisions": [decision_to_json(d) for d in decisions.values()],
            "letters": [vars(letter) for letter in letters],
            "searches": [vars(s) for s in searches],
            "data_items": [i.to_json() for i in items],
        }
        return ArchiveContents(
            reference=record.reference,
            created_at=now,
            summary_pdf=summary,
            case_json=case_json,
            audit_events=[event.to_json() for event in events],
            letters=[
                (
                    f"{letter.document_id:04d}-{letter.kind}-{letter.lang}.pdf",
                    self.letter_pdf(letter.document_id),
                )
                for letter in letters
            ],
        )

    def write_archive(self: Case, target: Path, lang: str | None = None) -> ArchiveResult:
        """Compiles the archive and seals case.json and summary.pdf into the audit log as its last event.
        The ZIP is written inside that event's transaction: a full or read-only folder rolls the event
        back, so 'nothing was changed' is true; and should the commit itself fail, the ZIP goes again.
        Refused for a case whose log is not intact: an archive must not vouch for it. Reads and one append
        only, so it may run on a worker thread."""
        if not self.audit_report.ok:
            raise AuditChainBrokenError(reference=self.reference)
        target = Path(target)
        now = self._desk.now()
        written: list[ArchiveResult] = []
        try:
            # Compiled, sealed and written in one write transaction: no event of another window or process
            # can fall between the log the archive holds and the seal that closes it, and a folder that
            # cannot take the file rolls the seal back.
            with self._file.transaction() as conn:
                contents = self.archive_contents(lang)
                files = archive_files(contents)
                details = {
                    "file": target.name,
                    "case_json_sha256": sha256(files["case.json"]),
                    "summary_sha256": sha256(files["summary.pdf"]),
                    "letters": len(contents.letters),
                }
                event = self._file.append_event(conn, now, self._desk.actor, ARCHIVE_SEAL, details)
                self._file.touch(conn, now)
                contents.audit_events.append(event.to_json())
                written.append(write_archive(target, contents, self._desk.signer(), self._desk.outputs))
        except BaseException:
            if written:  # an archive whose last event the case does not hold must not exist
                written[0].path.unlink(missing_ok=True)
            raise
        self._indexed(event)
        return written[0]
