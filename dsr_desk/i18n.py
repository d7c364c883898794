"""The one translation entry point, for the GUI, the command line and the letters alike.

Catalogues are TOML files in resources/translations, one per language, with named fields:
`t("case.created", reference="DSR-2026-0001")`. Dutch is the default; English the second language.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache

from dsr_desk.resources import resource_path

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    _current = lang


def current_language() -> str:
    return _current


@cache
def catalogue(lang: str) -> dict[str, str]:
    with resource_path("translations", f"{lang}.toml").open("rb") as handle:
        return _flatten(tomllib.load(handle))


@cache
def cli_help(lang: str) -> dict[str, str]:
    """The command line's help in `lang`, keyed as typed ("case new --name"); English is in the code."""
    path = resource_path("translations", f"cli_help.{lang}.toml")
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return {key: str(value) for key, value in tomllib.load(handle).items()}


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


def has(key: str, lang: str | None = None) -> bool:
    return key in catalogue(lang or _current)


def t(key: str, lang: str | None = None, /, **fields: object) -> str:
    """The text for `key` in `lang` (default: the current language), with its named fields filled in."""
    text = catalogue(lang or _current).get(key)
    if text is None:
        text = catalogue("en").get(key, key)
    try:
        return text.format_map(fields)
    except (KeyError, IndexError, ValueError):
        # A catalogue entry that asks for a field the caller did not give: show the text, not a crash.
        return text


def format_date(day: dt.date, lang: str | None = None) -> str:
    """'5 maart 2025' / '5 March 2025'."""
    lang = lang or _current
    return t("date.long", lang, day=day.day, month=t(f"month.{day.month}", lang), year=day.year)


def format_date_short(day: dt.date, lang: str | None = None) -> str:
    """'5 mrt 2025' / '5 Mar 2025': for tables, where width is scarce."""
    lang = lang or _current
    return t("date.long", lang, day=day.day, month=t(f"month_short.{day.month}", lang), year=day.year)


def format_date_with_weekday(day: dt.date, lang: str | None = None) -> str:
    """'woensdag 5 maart 2025' / 'Wednesday 5 March 2025'."""
    lang = lang or _current
    return t(
        "date.weekday_long", lang, weekday=t(f"weekday.{day.isoweekday()}", lang), date=format_date(day, lang)
    )


def format_datetime(moment: dt.datetime, lang: str | None = None) -> str:
    """A stored UTC moment shown in the computer's local time: '5 maart 2025, 14:03'."""
    local = moment.astimezone()
    return t(
        "date.datetime", lang or _current, date=format_date(local.date(), lang), time=local.strftime("%H:%M")
    )
