"""Date resolution against the article date, and meetings merged across articles."""

from datetime import date

import pytest

from kg.extract.dates import FUTURE, PAST, find_dates, tense
from kg.resolve import merge_meetings

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


def test_meeting_found_with_place_date_and_participants(analyse):
    x = analyse(
        "On Wednesday, NATO envoys will hold talks with Russian diplomats in Brussels.",
        when=date(2022, 1, 10),
    )
    [m] = x.meetings
    assert (m.place, m.date) == ("brussels", date(2022, 1, 12))
    assert {"nato", "russia"} <= {p.key for p in m.participants}


def test_one_sided_briefing_is_not_a_meeting(analyse):
    x = analyse("The State Department held a call with reporters on Friday.", when=date(2022, 1, 8))
    assert x.meetings == []


def test_mentions_merge_across_articles_and_keep_disputed_dates(analyse, vocab):
    a = analyse(
        "The OSCE Permanent Council will meet in Vienna on 13 January.", when=date(2022, 1, 5), doc_id="a"
    )
    b = analyse(
        "Russia confirmed the OSCE Permanent Council meeting on 13 January.",
        when=date(2022, 1, 6),
        doc_id="b",
    )
    c = analyse(
        "The OSCE Permanent Council meets on 12 January in Vienna.", when=date(2022, 1, 6), doc_id="c"
    )
    meetings = merge_meetings(a.meetings + b.meetings + c.meetings, vocab)
    [m] = meetings
    assert m.forum == "osce-permanent-council" and m.place == "vienna"
    assert m.date == date(2022, 1, 13) and m.disputed_dates == [date(2022, 1, 12)]
    assert {e.doc_id for e in m.evidence} == {"a", "b", "c"}


NO_MEETING = {
    "a call for something is a demand, not a phone call": (
        "Polish Foreign Minister Zbigniew Rau on Friday dismissed as a non-starter the Russian call for "
        "allied troops to leave the countries that joined NATO after 1997.",
        date(2022, 1, 14),
    ),
    "a meeting one is ready to host is an offer": (
        "ANKARA - Erdogan said on Thursday he was ready to host a meeting between Putin and Zelensky.",
        date(2022, 2, 3),
    ),
    "a call to do something is an appeal": (
        "On Wednesday NATO delivered its answer, rejecting Moscow's call to bar Ukraine from the alliance.",
        date(2022, 1, 26),
    ),
    "a meeting denied is none": (
        "MOSCOW - Russian Deputy Foreign Minister Sergei Ryabkov said on Thursday he saw no reason to "
        "sit down with the Americans again in the coming days.",
        date(2022, 1, 13),
    ),
}


@pytest.mark.parametrize("text,when", NO_MEETING.values(), ids=list(NO_MEETING))
def test_no_meeting(analyse, text, when):
    assert analyse(text, when=when).meetings == []


FORUM_PARTIES = {
    "who chairs a session before speaking took part": (
        "Zbigniew Rau spoke to reporters after chairing a session of the OSCE Permanent Council on Thursday.",
        {"rau"},
        set(),
    ),
    "'the Permanent Council'; no party from a quote": (
        'VIENNA - "Nothing about Ukraine without Ukraine," Michael Carpenter told the Permanent Council, '
        "which met in Vienna.",
        {"carpenter"},
        {"ukraine"},
    ),
    "the meeting noun of a forum holds its parties": (
        "A week of diplomacy ended on Thursday with a meeting of the OSCE's Permanent Council in Vienna, "
        "where Russian envoy Alexander Lukashevich warned of catastrophic consequences.",
        {"lukashevich"},
        set(),
    ),
}


@pytest.mark.parametrize("text,present,absent", FORUM_PARTIES.values(), ids=list(FORUM_PARTIES))
def test_osce_session_parties(analyse, text, present, absent):
    [m] = analyse(text, when=date(2022, 1, 13)).meetings
    keys = {p.key for p in m.participants}
    assert m.forum == "osce-permanent-council" and present <= keys and not absent & keys


def test_a_second_meeting_held_later_keeps_its_own_day_and_parties(analyse):
    x = analyse(
        "The U.S. Secretary of State will meet Volodymyr Zelensky in Kyiv on Wednesday and hold talks "
        "with European counterparts in Berlin on Thursday.",
        when=date(2022, 1, 18),
    )
    by_place = {m.place: m for m in x.meetings}
    assert by_place["kyiv"].date == date(2022, 1, 19) and by_place["berlin"].date == date(2022, 1, 20)
    assert "blinken" in {p.key for p in by_place["kyiv"].participants}  # the title names its holder
    assert "zelensky" not in {p.key for p in by_place["berlin"].participants}


def test_the_parties_of_another_meeting_named_inside_are_not_this_ones(analyse):
    x = analyse(
        "NATO foreign ministers held a video conference on Friday to prepare for next week's "
        "meetings with Russia.",
        when=date(2022, 1, 7),
    )
    assert not any(
        "russia" in {p.key for p in m.participants} and m.date == date(2022, 1, 7) for m in x.meetings
    )


def test_a_call_held_to_discuss_something_is_a_meeting(analyse):
    [m] = analyse(
        "Biden held a call to discuss Ukraine with Macron on Friday.", when=date(2022, 1, 14)
    ).meetings
    assert m.place == "remote" and {"biden", "macron"} <= {p.key for p in m.participants}


def test_an_earlier_meeting_named_to_date_this_one_keeps_its_own_day_and_place(analyse):
    x = analyse(
        "French President Emmanuel Macron met Volodymyr Zelensky in Kyiv on Tuesday, a day after his "
        "talks with Vladimir Putin.",
        when=date(2022, 2, 9),
    )
    kyiv = [m for m in x.meetings if m.place == "kyiv"]
    assert kyiv and all("putin" not in {p.key for p in m.participants} for m in kyiv)


def test_a_phone_call_is_a_remote_meeting(analyse):
    x = analyse("Joe Biden and Vladimir Putin spoke by phone on Thursday.", when=date(2021, 12, 31))
    [m] = x.meetings
    assert (m.kind, m.place, m.date) == ("call", "remote", date(2021, 12, 30))
    assert {"biden", "putin", "usa", "russia"} <= {p.key for p in m.participants}
