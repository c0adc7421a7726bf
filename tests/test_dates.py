"""Date resolution against the article date (sentences of our own)."""

from datetime import date

import pytest

from kg.extract.dates import FUTURE, PAST, find_dates, tense

pytestmark = pytest.mark.model


def _dates(nlp, text, ref):
    sent = next(nlp(text).sents)
    return [d.value for d in find_dates(sent, ref)]


def test_weekday_resolves_by_tense(nlp):
    monday = date(2022, 1, 10)
    assert _dates(nlp, "The council will convene on Wednesday.", monday) == [date(2022, 1, 12)]
    assert _dates(nlp, "The envoys met on Friday.", monday) == [date(2022, 1, 7)]


def test_month_day_without_year(nlp):
    december = date(2021, 12, 30)
    assert _dates(nlp, "The session is scheduled for January 12.", december) == [date(2022, 1, 12)]
    assert _dates(nlp, "They had met at the summit on June 16.", december) == [date(2021, 6, 16)]


def test_ordinal_and_coordinated_days(nlp):
    ref = date(2022, 1, 9)
    assert _dates(nlp, "The next round is due on the 11th.", ref) == [date(2022, 1, 11)]
    assert _dates(nlp, "Meetings are slated for 12 and 13 January.", ref) == [
        date(2022, 1, 12),
        date(2022, 1, 13),
    ]


def test_tense(nlp):
    assert tense(next(nlp("Ministers will gather next week.").sents)) == FUTURE
    assert tense(next(nlp("Ministers gathered in Oslo.").sents)) == PAST


def test_days_earlier_count_from_the_day_named_before(nlp):
    ref = date(2022, 2, 9)
    text = "Macron said on Tuesday that his talks in Moscow a day earlier had gone well."
    assert _dates(nlp, text, ref) == [date(2022, 2, 8), date(2022, 2, 7)]
    assert _dates(nlp, "The envoys met two days later.", ref) == [date(2022, 2, 11)]
