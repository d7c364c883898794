"""The clock in words: 'Verlopen, 3 dagen te laat', 'Dringend: nog 2 werkdagen', for the list and the case."""

from __future__ import annotations

from dsr_desk.i18n import t
from dsr_desk.rules.clock import ClockState, Urgency


def urgency_label(urgency: Urgency, lang: str | None = None) -> str:
    return t(f"clock.urgency.{urgency.value}", lang)


def days_left_text(state: ClockState, lang: str | None = None) -> str:
    """Spelled out, so the urgency never depends on colour alone."""
    urgency = state.urgency
    if urgency is Urgency.CLOSED:
        key = "clock.closed_on_time" if state.answered_on_time else "clock.closed_late"
        return t(key, lang)
    calendar_days, working_days = state.calendar_days_left or 0, state.working_days_left or 0
    if urgency is Urgency.OVERDUE:
        return t(
            "clock.overdue_by",
            lang,
            label=urgency_label(urgency, lang),
            days=-calendar_days,
            unit=_unit(-calendar_days, "day", lang),
        )
    if calendar_days == 0:
        return t("clock.due_today", lang, label=urgency_label(urgency, lang))
    return t(
        "clock.left",
        lang,
        label=urgency_label(urgency, lang),
        working=working_days,
        unit=_unit(working_days, "working_day", lang),
        days=calendar_days,
        day_unit=_unit(calendar_days, "day", lang),
    )


def _unit(count: int, unit: str, lang: str | None) -> str:
    return t(f"clock.unit.{unit}_{'one' if abs(count) == 1 else 'many'}", lang)


def days_left_short(state: ClockState, lang: str | None = None) -> str:
    """The table's form: 'Verlopen · 13 dagen', 'Dringend · 1 werkdag', 'Afgesloten'."""
    urgency = state.urgency
    label = urgency_label(urgency, lang)
    if urgency is Urgency.CLOSED:
        return t("clock.short_closed_on_time" if state.answered_on_time else "clock.short_closed_late", lang)
    calendar_days, working_days = state.calendar_days_left or 0, state.working_days_left or 0
    if urgency is Urgency.OVERDUE:
        return t(
            "clock.short_overdue",
            lang,
            label=label,
            days=-calendar_days,
            unit=_unit(-calendar_days, "day", lang),
        )
    if calendar_days == 0:
        return t("clock.short_today", lang, label=label)
    return t(
        "clock.short_left",
        lang,
        label=label,
        working=working_days,
        unit=_unit(working_days, "working_day", lang),
    )
