"""A report's figures in words, in Dutch or English: the rows that the command line prints, the PDF tabulates
and the window's Rapportage view shows. One place, so all three say the same."""

from __future__ import annotations

from dsr_desk.i18n import format_date, has, t
from dsr_desk.rules.report import Report


def period_text(report: Report, lang: str | None = None) -> str:
    first, last = report.period.first, report.period.last
    return t("report.period", lang, first=format_date(first, lang), last=format_date(last, lang))


def type_label(code: str, lang: str | None = None) -> str:
    return t(f"request_type.{code}", lang)


def channel_label(code: str, lang: str | None = None) -> str:
    return t(f"channel.{code}", lang)


def ground_label(code: str, lang: str | None = None) -> str:
    key = f"gui.letter.ground.{code}"
    return t(key, lang) if has(key, lang) else t("report.no_ground", lang) if code == "none" else code


def method_label(code: str, lang: str | None = None) -> str:
    return t(f"identity.method.{code}", lang)


def days_text(value: float | int | None, lang: str | None = None) -> str:
    if value is None:
        return "–"
    return t("report.days", lang, days=f"{value:g}")


def share_text(report: Report, lang: str | None = None) -> str:
    share = report.on_time_share
    return "–" if share is None else t("report.percent", lang, percent=round(100 * share))


def report_rows(report: Report, lang: str | None = None) -> list[tuple[str, str, int]]:
    """(label, value, depth): depth 1 is a part of the row above it."""
    rows: list[tuple[str, str, int]] = [(t("report.received", lang), str(report.received), 0)]
    rows += [(type_label(code, lang), str(n), 1) for code, n in report.by_type.items()]
    rows.append((t("report.by_channel", lang), "", 0))
    rows += [(channel_label(code, lang), str(n), 1) for code, n in report.by_channel.items()]
    rows += [
        (t("report.closed", lang), str(report.closed), 0),
        (t("report.on_time", lang), f"{report.on_time} ({share_text(report, lang)})", 1),
        (t("report.late", lang), str(report.late), 1),
        (t("report.extended", lang), str(report.extended), 1),
        (t("report.refused", lang), str(report.refused), 1),
    ]
    rows += [(ground_label(code, lang), str(n), 2) for code, n in report.refused_by_ground.items()]
    rows += [
        (t("report.forwarded", lang), str(report.forwarded), 0),
        (t("report.median_days", lang), days_text(report.median_days, lang), 0),
        (t("report.p90_days", lang), days_text(report.p90_days, lang), 0),
        (t("report.identity_methods", lang), "" if report.identity_methods else "–", 0),
    ]
    rows += [(method_label(code, lang), str(n), 1) for code, n in report.identity_methods.items()]
    rows += [
        (t("report.id_copies_made", lang), str(report.id_copies_made), 0),
        (t("report.id_copies_deleted", lang), str(report.id_copies_deleted), 0),
    ]
    return rows


def report_text(report: Report, lang: str | None = None) -> str:
    lines = [period_text(report, lang)]
    for label, value, depth in report_rows(report, lang):
        lines.append(f"{'  ' * depth}{label}: {value}" if value else f"{'  ' * depth}{label}")
    return "\n".join(lines)
