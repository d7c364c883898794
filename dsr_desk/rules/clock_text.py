"""The clock in words: 'Verlopen, 3 dagen te laat', 'Dringend: nog 2 werkdagen', for the list and the case."""

from __future__ import annotations

from dsr_desk.i18n import format_date, t
from dsr_desk.rules.clock import ClockState, Urgency


def urgency_label(urgency: Urgency, lang: str | None = None) -> str:
    return t(f"clock.urgency.{urgency.value}", lang)


_LONG = {
    "forwarded": "clock.forwarded",
    "closed_on_time": "clock.closed_on_time",
    "closed_late": "clock.closed_late",
    "overdue": "clock.overdue_by",
    "today": "clock.due_today",
    "left": "clock.left",
}
_SHORT = {
    "forwarded": "clock.short_forwarded",
    "closed_on_time": "clock.short_closed_on_time",
    "closed_late": "clock.short_closed_late",
    "overdue": "clock.short_overdue",
    "today": "clock.short_today",
    "left": "clock.short_left",
}


def days_left_text(state: ClockState, lang: str | None = None) -> str:
    """Spelled out, so the urgency never depends on colour alone."""
    return _days_left(state, lang, _LONG)


def days_left_short(state: ClockState, lang: str | None = None) -> str:
    """The table's form: 'Verlopen · 13 dagen', 'Dringend · 1 werkdag', 'Afgesloten'."""
    return _days_left(state, lang, _SHORT)


def _days_left(state: ClockState, lang: str | None, keys: dict[str, str]) -> str:
    urgency = state.urgency
    if urgency is Urgency.FORWARDED:
        return t(keys["forwarded"], lang)
    if urgency is Urgency.CLOSED:
        return t(keys["closed_on_time" if state.answered_on_time else "closed_late"], lang)
    label = urgency_label(urgency, lang)
    calendar_days, working_days = state.calendar_days_left or 0, state.working_days_left or 0
    if urgency is Urgency.OVERDUE:
        return t(
            keys["overdue"], lang, label=label, days=-calendar_days, unit=_unit(-calendar_days, "day", lang)
        )
    if calendar_days == 0:
        return t(keys["today"], lang, label=label)
    # Each form takes the fields it names; the translation ignores the rest.
    return t(
        keys["left"],
        lang,
        label=label,
        working=working_days,
        unit=_unit(working_days, "working_day", lang),
        days=calendar_days,
        day_unit=_unit(calendar_days, "day", lang),
    )


def _unit(count: int, unit: str, lang: str | None) -> str:
    return t(f"clock.unit.{unit}_{'one' if abs(count) == 1 else 'many'}", lang)


def promise_text(state: ClockState, lang: str | None = None) -> str:
    """The organisation's own promise beside the statutory term, warning on whichever comes first
    (LEGAL.md §6); '' where there is no promise or the case is no longer running."""
    if state.promise_days <= 0 or not state.running:
        return ""
    promised = state.promised_due
    if promised is None:
        return t("clock.promise_after_acknowledgement", lang, days=state.promise_days)
    fields = {"promised": format_date(promised, lang), "due": format_date(state.due, lang)}
    if state.earlier_term == "promise":
        key = "clock.promise_passed" if state.today > promised else "clock.promise_earlier"
        return t(key, lang, **fields)
    return t("clock.statutory_earlier", lang, **fields)
