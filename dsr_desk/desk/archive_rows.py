"""Rows of the archive summary that need a sentence of their own: who asked for whom, where parts of the
request were forwarded, the extension, the identity check as JSON."""

from __future__ import annotations

from dsr_desk.i18n import format_date, t
from dsr_desk.rules.requests import Channel


def subject_row(record, lang: str) -> list[tuple[str, str]]:
    if not record.data_subject or record.relation is None:
        return []
    value = t(
        "archive.data_subject_value", lang, subject=record.data_subject, relation=record.relation.label(lang)
    )
    return [(t("archive.data_subject", lang), value)]


def forward_rows(clock, lang: str) -> list[tuple[str, str]]:
    """To whom, when and how each part went: the reason the outcome is 'forwarded', not 'on time'."""
    return [
        (
            t("archive.forwarded", lang),
            t(
                "archive.forwarded_value",
                lang,
                types=", ".join(kind.label(lang) for kind in forward.types),
                to=forward.to,
                date=format_date(forward.on, lang),
                channel=Channel(forward.channel).label(lang) if forward.channel else "—",
            ),
        )
        for forward in clock.facts.forwards
    ]


def extension_text(clock, lang: str) -> str:
    extension = clock.facts.extension
    if extension is None:
        return "—"
    told = format_date(extension.notified_on, lang) if extension.notified_on else t("archive.not_told", lang)
    return t(
        "archive.extension",
        lang,
        reason=t(f"clock.reason.{extension.reason.value}", lang),
        explanation=extension.explanation or "",
        told=told,
    )


def identity_json(state) -> dict[str, object]:
    return {
        "role": state.role.value if state.role else None,
        "doubt": state.doubt,
        "reasoning": state.reasoning,
        "method": state.method.value if state.method else None,
        "copy_reason": state.copy_reason,
        "outcome": state.outcome.value if state.outcome else None,
        "outcome_at": state.outcome_at,
        "outcome_reasoning": state.outcome_reasoning,
        "document_type": state.document_type,
        "warnings": list(state.warnings),
        "id_copies_kept": len(state.copies),
    }
