"""The rule applied, as a sentence for the screen and the letters:
'Eén maand na 31 januari 2026: februari heeft geen 31e, dus 28 februari 2026. 28 februari is een zaterdag,
dus de termijn eindigt op maandag 2 maart 2026.'
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dsr_desk.i18n import current_language, format_date, format_date_with_weekday, t
from dsr_desk.rules.deadline import Deadline
from dsr_desk.rules.holidays import HolidayCalendar


def explain(deadline: Deadline, holidays: HolidayCalendar, lang: str | None = None) -> str:
    # The case list explains every row's term; cases received on the same day share it.
    return _explain(deadline, holidays, lang or current_language())


@lru_cache(maxsize=4096)
def _explain(deadline: Deadline, holidays: HolidayCalendar, lang: str) -> str:
    parts = [_basis(deadline, lang)]
    if deadline.paused_days:
        parts.append(
            t("deadline.paused", lang, days=deadline.paused_days, date=format_date(deadline.unshifted, lang))
        )
    due = format_date_with_weekday(deadline.due, lang)
    if deadline.skipped:
        reasons = [_why_not_working(day, holidays, lang) for day in deadline.skipped]
        parts.append(t("deadline.moved", lang, reasons=_join(reasons, lang), due=due))
    else:
        parts.append(t("deadline.is_working_day", lang, due=due))
    return " ".join(parts)


def _basis(deadline: Deadline, lang: str | None) -> str:
    received = format_date(deadline.received, lang)
    if deadline.months == 1:
        if deadline.clamped:
            month = t(f"month.{deadline.nominal.month}", lang)
            return t(
                "deadline.one_month_clamped",
                lang,
                received=received,
                month=month,
                day=deadline.received.day,
                date=format_date(deadline.nominal, lang),
            )
        return t("deadline.one_month", lang, received=received, date=format_date(deadline.nominal, lang))
    assert deadline.alternative is not None
    return t(
        "deadline.extended_basis",
        lang,
        received=received,
        three=format_date(deadline.nominal, lang),
        alternative=format_date(deadline.alternative, lang),
        earlier=format_date(min(deadline.nominal, deadline.alternative), lang),
    )


def _why_not_working(day: dt.date, holidays: HolidayCalendar, lang: str | None) -> str:
    short = t("date.day_month", lang, day=day.day, month=t(f"month.{day.month}", lang))
    name = holidays.holiday_name(day, lang)
    if name:
        return t("deadline.is_holiday", lang, date=short, holiday=name)
    return t("deadline.is_weekend", lang, date=short, weekday=t(f"weekday.{day.isoweekday()}", lang))


def _join(items: list[str], lang: str | None) -> str:
    if len(items) == 1:
        return items[0]
    return t("list.and", lang, first=", ".join(items[:-1]), last=items[-1])
