"""Audit events in words, for the case view, the command line and (later) the case archive summary."""

from __future__ import annotations

import datetime as dt

from dsr_desk.i18n import format_date, has, t
from dsr_desk.rules.case_values import parse_moment
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from dsr_desk.store.audit import AuditEvent, AuditReport


def event_label(action: str, lang: str | None = None) -> str:
    key = f"audit.{action}"
    return t(key, lang) if has(key, lang) else t("audit.unknown", lang, action=action)


def event_detail(event: AuditEvent, lang: str | None = None) -> str:
    """One line saying what changed: 'Nieuw → In behandeling', the note's text, 'naam: A → B'."""
    details = event.details
    match event.action:
        case "case.created":
            received = details.get("received")
            channel = details.get("channel")
            return t(
                "audit_detail.created",
                lang,
                received=format_date(dt.date.fromisoformat(received), lang) if received else "?",
                channel=Channel(channel).label(lang) if channel else "?",
                types=_types(details.get("types", []), lang),
            )
        case "status.changed":
            text = f"{_status(details.get('before'), lang)} → {_status(details.get('after'), lang)}"
            return f"{text}: {details['reason']}" if details.get("reason") else text
        case "note.added":
            return str(details.get("text", ""))
        case "audit.rollback_acknowledged":
            lost = details.get("lost_events") or []
            if len(lost) == 2:
                return t(
                    "audit_detail.rollback_acknowledged",
                    lang,
                    first=lost[0],
                    last=lost[1],
                    reason=details.get("reason", ""),
                )
            seq = details.get("file_last_event", "?")
            return t(
                "audit_detail.rollback_acknowledged_diverged", lang, seq=seq, reason=details.get("reason", "")
            )
        case "types.changed":
            return f"{_types(details.get('before', []), lang)} → {_types(details.get('after', []), lang)}"
        case "clock.extended":
            reason = t(f"clock.reason.{details.get('reason', 'other')}", lang)
            return t(
                "audit_detail.extended",
                lang,
                reason=reason,
                explanation=details.get("explanation") or "—",
                notify_by=_date(details.get("notify_by"), lang),
            )
        case "clock.extension_notified" | "clock.info_received":
            return t("audit_detail.on", lang, date=_date(details.get("on"), lang))
        case "clock.info_requested":
            what = t(f"clock.information.{details.get('what', 'identity')}", lang)
            return t("audit_detail.info_requested", lang, what=what, date=_date(details.get("on"), lang))
        case "letter.sent":
            return t(
                "audit_detail.letter",
                lang,
                kind=t(f"letter.kind.{details.get('kind')}", lang),
                lang=str(details.get("language", "")).upper(),
                channel=t(f"gui.letter.channel.{details.get('channel')}", lang),
            )
        case "answer.updated":
            return "; ".join(
                f"{t(f'gui.letter.field.{name}', lang)}: {_short(change.get('after'))}"
                for name, change in details.items()
            )
        case "data.added":
            return t(
                "audit_detail.data_added",
                lang,
                title=details.get("title", ""),
                system=details.get("system", ""),
                category=details.get("category", ""),
            )
        case "data.updated":
            return "; ".join(
                f"{t(f'gui.data.column.{name}', lang)}: {_value(change.get('before'), lang)} → "
                f"{_value(change.get('after'), lang)}"
                for name, change in details.items()
                if name != "item" and isinstance(change, dict)
            )
        case "data.removed":
            return f"{details.get('title', '')}: {details.get('reason', '')}"
        case "search.recorded":
            key = "audit_detail.searched" if details.get("searched") else "audit_detail.not_searched"
            note = f": {details['note']}" if details.get("note") else ""
            return t(
                key, lang, system=details.get("system", ""), found=details.get("found") or "—", note=note
            )
        case "export.created":
            return f"{details.get('file', '')} (SHA-256 {str(details.get('sha256', ''))[:16]}…)"
        case "archive.created":
            return str(details.get("file", ""))
        case "decision.recorded":
            return t(
                "audit_detail.decision",
                lang,
                type=_types([details.get("type")], lang),
                outcome=t(f"gui.letter.outcome.{details.get('outcome')}", lang),
                ground=f" ({details['ground']})" if details.get("ground") else "",
            ) + (t("audit_detail.direct_marketing", lang) if details.get("direct_marketing") else "")
        case "case.forwarded":
            channel = details.get("channel")
            return t(
                "audit_detail.forwarded",
                lang,
                types=_types(details.get("types", []), lang),
                to=details.get("to", ""),
                date=_date(details.get("on"), lang),
                channel=Channel(channel).label(lang) if channel else "—",
            )
        case "identity.assessed":
            return t(
                "audit_detail.identity_assessed",
                lang,
                role=t(f"identity.role.{details.get('role')}", lang),
                doubt=t("audit_detail.yes" if details.get("doubt") else "audit_detail.no", lang),
                reasoning=details.get("reasoning") or "—",
            )
        case "identity.method_chosen":
            text = t(f"identity.method.{details.get('method')}", lang)
            return f"{text}: {details['copy_reason']}" if details.get("copy_reason") else text
        case "identity.code_checked":
            return t("audit_detail.yes" if details.get("matched") else "audit_detail.code_mismatch", lang)
        case "identity.copy_stored":
            return t(f"identity.document.{details.get('document_type')}", lang)
        case "identity.recorded":
            method = t(f"identity.method.{details['method']}", lang) if details.get("method") else "—"
            return t(
                "audit_detail.identity_recorded",
                lang,
                outcome=t(f"identity.outcome.{details.get('outcome')}", lang),
                method=method,
                reasoning=details.get("reasoning") or "—",
            )
        case "identity.code_issued" | "identity.copy_deleted":
            return ""
        case "requester.changed":
            return "; ".join(
                t(
                    "audit_detail.change",
                    lang,
                    field=t(f"audit_detail.field.{name}", lang),
                    before=change["before"] or "—",
                    after=change["after"] or "—",
                )
                for name, change in details.items()
            )
    return ", ".join(f"{key}: {value}" for key, value in details.items())


def identity_summary(state, lang: str | None = None) -> str:
    """'Identiteit vastgesteld via verificatiecode (20 november 2026)' or 'not checked yet'."""
    if state.outcome is None:
        return t("identity.summary.open" if state.role is not None else "identity.summary.none", lang)
    method = t(f"identity.method.{state.method.value}", lang) if state.method else ""
    return t(
        "identity.summary.done",
        lang,
        outcome=t(f"identity.outcome.{state.outcome.value}", lang),
        method=method or "—",
        date=format_date(parse_moment(state.outcome_at).date(), lang),
    )


def audit_report_lines(report: AuditReport, lang: str | None = None) -> list[str]:
    lines = [t("audit.ok", lang, count=report.count)] if report.ok else []
    lines += [t(f"audit.problem.{problem.kind}", lang, seq=problem.seq) for problem in report.problems]
    return lines


def _short(value: object) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _value(value: object, lang: str | None) -> str:
    if isinstance(value, bool):
        return t("audit_detail.yes" if value else "audit_detail.no", lang)
    return _short(value)


def _date(value: object, lang: str | None) -> str:
    try:
        return format_date(dt.date.fromisoformat(str(value)), lang)
    except ValueError:
        return str(value)


def _status(code: object, lang: str | None) -> str:
    try:
        return CaseStatus(str(code)).label(lang)
    except ValueError:
        return str(code)


def _types(codes: object, lang: str | None) -> str:
    labels = []
    for code in codes if isinstance(codes, list) else []:
        try:
            labels.append(RequestType(code).label(lang))
        except ValueError:
            labels.append(str(code))
    return ", ".join(labels)
