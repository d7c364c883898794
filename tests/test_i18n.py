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


def test_a_count_chooses_the_singular_or_the_plural():
    assert t("gui.main.count", "nl", count=1) == "1 verzoek"
    assert t("gui.main.count", "nl", count=3) == "3 verzoeken"
    assert t("audit.ok", "nl", count=1) == "Logboek intact: 1 gebeurtenis, keten klopt."
    assert t("audit.ok", "en", count=13) == "Audit log intact: 13 events, chain verified."


def test_every_counted_text_has_a_singular_and_a_plural_and_none_hedges_with_brackets():
    for lang in LANGUAGES:
        texts = catalogue(lang)
        for key, text in texts.items():
            assert "(en)" not in text and "(s)" not in text, f"{lang}:{key}: {text}"
            if "{count}" in text:
                stem, _, form = key.rpartition(".")
                assert form in ("one", "other"), f"{lang}:{key} counts without a plural pair"
                assert f"{stem}.one" in texts and f"{stem}.other" in texts, f"{lang}:{key}"
