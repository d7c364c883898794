"""Dutch and English catalogues say the same things with the same named fields."""

from __future__ import annotations

import datetime as dt
import string

from dsr_desk.i18n import LANGUAGES, catalogue, format_date, format_date_with_weekday, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_exists_in_every_language_with_the_same_fields():
    dutch = catalogue("nl")
    for lang in LANGUAGES:
        other = catalogue(lang)
        assert set(other) == set(dutch), f"{lang}: {set(other) ^ set(dutch)}"
        for key, text in dutch.items():
            assert _fields(other[key]) == _fields(text), key


def test_fields_are_named_never_positional():
    for lang in LANGUAGES:
        for key, text in catalogue(lang).items():
            for _, name, _, _ in string.Formatter().parse(text):
                assert name is None or name.isidentifier(), f"{lang}:{key}"


def test_dates_read_naturally():
    day = dt.date(2025, 3, 5)
    assert format_date(day, "nl") == "5 maart 2025"
    assert format_date(day, "en") == "5 March 2025"
    assert format_date_with_weekday(day, "nl") == "woensdag 5 maart 2025"


def test_a_missing_field_shows_the_text_instead_of_crashing():
    assert "{reference}" in t("error.case_not_found", "nl")


def test_an_unknown_key_falls_back_to_the_key():
    assert t("no.such.key") == "no.such.key"
