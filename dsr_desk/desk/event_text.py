"""Audit events in words, for the case view, the command line and (later) the case archive summary."""

from __future__ import annotations

import datetime as dt

from dsr_desk.i18n import format_date, has, t
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


def audit_report_lines(report: AuditReport, lang: str | None = None) -> list[str]:
    lines = [t("audit.ok", lang, count=report.count)] if report.ok else []
    lines += [t(f"audit.problem.{problem.kind}", lang, seq=problem.seq) for problem in report.problems]
    return lines


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
