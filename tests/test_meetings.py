"""Meetings from what people do: places, dates and parties of meeting mentions (sentences of our own)."""

from datetime import date

import pytest

from kg.resolve import merge_meetings

pytestmark = pytest.mark.model


def _parties(m) -> set[str]:
    return {p.key for p in m.participants}


# one meeting: its place, its day, who is and is not a party
PLACE_AND_DAY = {
    "a dateline places talks held that day": (
        "HELSINKI — Polish and German envoys held talks on Thursday about energy.",
        date(2022, 3, 3),
        ("helsinki", date(2022, 3, 3)),
        {"poland", "germany"},
        set(),
    ),
    "a capital that names its state makes the host a party": (
        "The draft was handed to American envoys at a meeting in Moscow on 15 December.",
        date(2021, 12, 17),
        ("moscow", date(2021, 12, 15)),
        {"usa", "russia"},
        set(),
    ),
    "what was said at talks on a day dates the talks": (
        "Nothing new was said at the Russian-American talks in Geneva on January 10.",
        date(2022, 1, 21),
        ("geneva", date(2022, 1, 10)),
        set(),
        set(),
    ),
    "a travel destination is the place of a meeting that day": (
        "Wendy Sherman will travel to Brussels on January 11 and meet with the EU Political and Security "
        "Committee.",
        date(2022, 1, 10),
        ("brussels", date(2022, 1, 11)),
        {"sherman", "usa", "eu"},
        set(),
    ),
    "a meeting verb takes the place and day of its own phrase": (
        "Liz Truss flew into Warsaw on Monday and will sit down with Sergey Lavrov in Moscow on Thursday.",
        date(2022, 2, 7),
        ("moscow", date(2022, 2, 10)),
        {"truss", "lavrov"},
        {"poland"},
    ),
    "a place in a clause describing the meeting is not where it was": (
        "In Vienna on Friday, Polish and Russian envoys held a meeting aimed at easing tensions in Europe.",
        date(2022, 1, 14),
        ("vienna", date(2022, 1, 14)),
        set(),
        set(),
    ),
    "a meeting told in the past at the dateline city is on the article day": (
        "ROME — Olaf Scholz met Emmanuel Macron in Rome before the opening of a trade fair.",
        date(2022, 2, 4),
        ("rome", date(2022, 2, 4)),
        set(),
        set(),
    ),
    "the one a 'who met' clause is about is a party": (
        "Olaf Scholz, who met Vladimir Putin in the Kremlin on Tuesday, said talks would go on.",
        date(2022, 2, 15),
        ("moscow", date(2022, 2, 15)),
        {"scholz", "putin"},
        set(),
    ),
    "whom one speaks to during a call is a party": (
        "Vladimir Putin warned Joe Biden during a phone call on Thursday that sanctions would be a grave "
        "mistake.",
        date(2021, 12, 31),
        ("remote", date(2021, 12, 30)),
        {"putin", "biden"},
        set(),
    ),
    "a clause describing the subject names no party": (
        "Emmanuel Macron, who spent five hours with Vladimir Putin on Monday, met Volodymyr Zelensky in "
        "Kyiv on Tuesday.",
        date(2022, 2, 8),
        ("kyiv", date(2022, 2, 8)),
        {"macron", "zelensky"},
        {"putin", "russia"},
    ),
    "what else the parties did names no party": (
        "Xi Jinping and Vladimir Putin met in Beijing on Friday and issued a joint statement opposing any "
        "further expansion of NATO.",
        date(2022, 2, 4),
        ("beijing", date(2022, 2, 4)),
        {"xi", "putin", "china", "russia"},
        {"nato"},
    ),
    "an undated meeting in a live blog's entry is that day's": (
        "11:05 GMT - EU foreign ministers met in Brussels and were joined by video link by Antony Blinken.",
        date(2022, 1, 24),
        ("brussels", date(2022, 1, 24)),
        {"eu", "blinken"},
        set(),
    ),
    "under a dateline, an undated meeting told in the past is there that day": (
        "KYIV (AP) — Antony Blinken, who met Volodymyr Zelensky and Dmytro Kuleba, said Ukraine would not "
        "give up.",
        date(2022, 1, 19),
        ("kyiv", date(2022, 1, 19)),
        {"blinken", "zelensky", "kuleba"},
        set(),
    ),
    "place, day and parties of planned talks": (
        "On Wednesday, NATO envoys will hold talks with Russian diplomats in Brussels.",
        date(2022, 1, 10),
        ("brussels", date(2022, 1, 12)),
        {"nato", "russia"},
        set(),
    ),
}


@pytest.mark.parametrize(
    "text,when,place_day,present,absent", PLACE_AND_DAY.values(), ids=list(PLACE_AND_DAY)
)
def test_place_and_day(analyse, text, when, place_day, present, absent):
    [m] = analyse(text, when=when).meetings
    assert (m.place, m.date) == place_day
    assert present <= _parties(m) and not absent & _parties(m)


def test_dateline_does_not_place_a_meeting_weeks_away(analyse):
    x = analyse(
        "HELSINKI — Polish and German envoys will hold talks on 30 March.",
        when=date(2022, 3, 3),
    )
    assert [m.place for m in x.meetings] == [None]


def test_the_reporter_is_the_other_side_of_talks_with_someone(analyse):
    x = analyse(
        "Antony Blinken said talks with Sergey Lavrov on Monday were useful, "
        "with Washington hoping for more.",
        when=date(2022, 1, 18),
    )
    [m] = x.meetings
    assert m.date == date(2022, 1, 17)
    assert {"blinken", "lavrov", "usa", "russia"} <= _parties(m)


def test_a_commentator_on_talks_between_others_is_not_a_party(analyse):
    x = analyse(
        "Dmitry Peskov said talks between Blinken and Kuleba on Monday were useful.", when=date(2022, 1, 18)
    )
    [m] = x.meetings
    assert "peskov" not in _parties(m) and {"blinken", "kuleba"} <= _parties(m)


def test_a_saying_on_a_day_does_not_date_the_meeting_it_is_about(analyse):
    x = analyse(
        "Russia confirmed on Friday that it had received an invitation to a NATO-Russia Council meeting.",
        when=date(2021, 12, 25),
    )
    assert all(m.date is None for m in x.meetings)


def test_just_chaired_is_the_article_day(analyse):
    x = analyse("I have just chaired a meeting of the NATO-Russia Council.", when=date(2022, 1, 12))
    [m] = x.meetings
    assert (m.forum, m.date) == ("nato-russia-council", date(2022, 1, 12))


def test_the_session_named_before_its_place_joins_the_meeting(analyse):
    x = analyse(
        "Blinken and Lavrov posed together at the start of the session. "
        "Lavrov spoke to reporters after the long meeting in Stockholm.",
        when=date(2021, 12, 3),
    )
    placed = [m for m in x.meetings if m.place == "stockholm"]
    assert placed and any({"blinken", "lavrov"} <= _parties(m) for m in placed)


def test_one_party_alone_in_a_meeting_is_not_a_meeting(analyse):
    x = analyse("Lavrov spoke to reporters after the long meeting in Stockholm.", when=date(2021, 12, 3))
    assert x.meetings == []


def test_deputies_and_agreements_are_not_parties(analyse):
    x = analyse(
        "In Paris on 26 January, Yermak met Vladimir Putin's adviser Dmitry Kozak "
        "to discuss the Minsk agreements.",
        when=date(2022, 1, 27),
    )
    [m] = x.meetings
    assert {"yermak", "ukraine", "dmitry-kozak"} <= _parties(m)
    assert "putin" not in _parties(m) and "belarus" not in _parties(m)


def test_forum_words_scattered_over_a_sentence_are_not_the_forum(analyse):
    x = analyse(
        "Russia digs in on Ukraine, saying NATO must back off, on a day of talks with the US.",
        when=date(2022, 1, 10),
    )
    assert all(m.forum != "nato-russia-council" for m in x.meetings)


def test_an_undated_meeting_joins_the_latest_one_there_before_the_article(analyse, vocab):
    early = analyse(
        "Russian and American diplomats met in Geneva on 3 January.", when=date(2022, 1, 4), doc_id="a"
    )
    late = analyse(
        "Russian and American diplomats met in Geneva on 10 January.", when=date(2022, 1, 11), doc_id="b"
    )
    bare = analyse(
        "Ryabkov and Sherman spoke after the meeting in Geneva.", when=date(2022, 1, 11), doc_id="c"
    )
    meetings = merge_meetings(early.meetings + late.meetings + bare.meetings, vocab)
    by_date = {m.date: {e.doc_id for e in m.evidence} for m in meetings}
    assert by_date[date(2022, 1, 10)] == {"b", "c"} and by_date[date(2022, 1, 3)] == {"a"}


def test_a_negated_verb_other_than_taking_part_leaves_its_subject_present(analyse):
    at = " at the meeting of the OSCE Permanent Council in Vienna on Tuesday."
    present = analyse("Finland has not heard a clear answer to its questions" + at, when=date(2022, 5, 10))
    absent = analyse("Finland will not attend the meeting" + at[15:], when=date(2022, 5, 10))
    expected = analyse(
        "Finland is not expected to take part in the meeting" + at[15:], when=date(2022, 5, 10)
    )
    assert "finland" in _parties(present.meetings[0])
    assert "finland" not in _parties(absent.meetings[0])
    assert "finland" not in _parties(expected.meetings[0])


def test_a_named_speaker_before_a_subjectless_verb_of_saying_is_the_reporter(analyse):
    x = analyse(
        "Finland has not heard a clear answer to its questions at the meeting of the OSCE Permanent "
        "Council, the envoy of Finland to the OSCE, Marja Virtanen, told a briefing in Vienna on Tuesday.",
        when=date(2022, 5, 10),
    )
    [m] = x.meetings
    assert {"finland", "marja-virtanen"} <= _parties(m)


def test_hosting_an_actor_is_a_meeting_hosting_a_thing_is_not(analyse):
    x = analyse("Kuleba hosted his Polish counterpart in Kyiv on Monday.", when=date(2022, 2, 2))
    [m] = x.meetings
    assert (m.place, m.date) == ("kyiv", date(2022, 1, 31))
    assert {"kuleba", "poland"} <= _parties(m)
    y = analyse("Kuleba received the documents in Kyiv on Monday.", when=date(2022, 2, 2))
    assert y.meetings == []


def test_sitting_down_with_someone_and_talks_where_he_went(analyse):
    x = analyse(
        "Stoltenberg sat down with Kuleba in Brussels on Tuesday. Blinken flew to Berlin on Thursday, "
        "where he held talks with Annalena Baerbock.",
        when=date(2022, 1, 21),
    )
    got = {(m.place, m.date): _parties(m) for m in x.meetings}
    assert {"stoltenberg", "kuleba"} <= got[("brussels", date(2022, 1, 18))]
    assert {"blinken", "usa"} <= got[("berlin", date(2022, 1, 20))]


def test_next_and_last_weekday(analyse):
    x = analyse(
        "Blinken will meet Lavrov in Geneva next Friday. Sherman met Ryabkov in Geneva last Friday.",
        when=date(2022, 1, 14),  # a Friday
    )
    assert sorted(m.date for m in x.meetings) == [date(2022, 1, 7), date(2022, 1, 21)]


def test_welcoming_a_position_of_a_state_is_no_meeting(analyse):
    x = analyse(
        "KYIV — Ukraine welcomes the firm position of the United States, which today sent its written reply.",
        when=date(2022, 1, 26),
    )
    assert x.meetings == []


def test_a_place_in_a_clause_that_dates_the_meeting_by_another_event_is_not_its_place(analyse):
    x = analyse(
        "Emmanuel Macron held talks with Vladimir Putin in the Kremlin on Monday, two days after "
        "visiting Warsaw.",
        when=date(2022, 2, 7),
    )
    [m] = x.meetings
    assert m.place != "warsaw" and m.date == date(2022, 2, 7)
    assert "poland" not in _parties(m)


def test_a_meeting_that_has_happened_many_times_takes_no_day_from_the_dateline(analyse):
    x = analyse("ROME — Olaf Scholz has met Emmanuel Macron in Rome many times.", when=date(2022, 2, 4))
    assert all(m.date is None for m in x.meetings)


def test_a_second_meeting_in_the_same_sentence_is_its_own(analyse):
    x = analyse(
        "VIENNA — The session followed bilateral talks between U.S. and Russian envoys in Geneva on Monday.",
        when=date(2022, 1, 13),
    )
    talks = [m for m in x.meetings if {"usa", "russia"} <= _parties(m)]
    assert [(m.place, m.date) for m in talks] == [("geneva", date(2022, 1, 10))]


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
    "welcoming a state's position is no meeting, under a dateline either": (
        "MOSCOW — Dmytro Kuleba welcomed the U.S. position on Thursday.",
        date(2022, 1, 27),
    ),
    "what is not up for negotiation with someone is no meeting": (
        "BEIJING — Ned Price said the open-door policy was not up for negotiation with Moscow or Beijing.",
        date(2022, 2, 4),
    ),
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
    "a conversation with no call cue is a figure of speech": (
        "Lavrov said his exchange with Blinken had been a conversation between the mute and the deaf.",
        date(2022, 2, 11),
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
    keys = _parties(m)
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
    assert not any("russia" in _parties(m) and m.date == date(2022, 1, 7) for m in x.meetings)


def test_a_call_held_to_discuss_something_is_a_meeting(analyse):
    [m] = analyse(
        "Biden held a call to discuss Ukraine with Macron on Friday.", when=date(2022, 1, 14)
    ).meetings
    assert m.place == "remote" and {"biden", "macron"} <= _parties(m)


def test_an_earlier_meeting_named_to_date_this_one_keeps_its_own_day_and_place(analyse):
    x = analyse(
        "French President Emmanuel Macron met Volodymyr Zelensky in Kyiv on Tuesday, a day after his "
        "talks with Vladimir Putin.",
        when=date(2022, 2, 9),
    )
    kyiv = [m for m in x.meetings if m.place == "kyiv"]
    assert kyiv and all("putin" not in _parties(m) for m in kyiv)


def test_a_phone_call_is_a_remote_meeting(analyse):
    x = analyse("Joe Biden and Vladimir Putin spoke by phone on Thursday.", when=date(2021, 12, 31))
    [m] = x.meetings
    assert (m.kind, m.place, m.date) == ("call", "remote", date(2021, 12, 30))
    assert {"biden", "putin", "usa", "russia"} <= _parties(m)


def test_a_telephone_conversation_in_the_lead_is_on_the_article_day(analyse):
    lead = (
        "Sergei Lavrov had a telephone conversation with Antony Blinken at the request of the American side."
    )
    [m] = analyse(lead, when=date(2022, 2, 12)).meetings
    assert (m.place, m.date) == ("remote", date(2022, 2, 12))
    assert {"lavrov", "blinken"} <= _parties(m)
    later = analyse(
        "The ministers exchanged views on the crisis over the weekend in several capitals.\n\n" + lead,
        when=date(2022, 2, 12),
    )
    assert [m.date for m in later.meetings] == [None]


def test_a_second_meeting_joined_by_and_keeps_its_own_parties(analyse):
    x = analyse(
        "Wendy Sherman will meet Dmytro Kuleba in Kyiv on Monday and then hold talks in Paris with her "
        "French and German counterparts on Tuesday.",
        when=date(2022, 1, 8),
    )
    by_place = {m.place: _parties(m) for m in x.meetings}
    assert {"sherman", "kuleba"} <= by_place["kyiv"] and not {"france", "germany"} & by_place["kyiv"]
    assert {"sherman", "france", "germany"} <= by_place["paris"]


def test_a_leader_the_gazetteer_lists_brings_their_state(analyse):
    [m] = analyse(
        "Viktor Orban held talks with Vladimir Putin in Moscow on Tuesday.", when=date(2022, 2, 1)
    ).meetings
    assert {"orban", "hungary", "putin", "russia"} <= _parties(m)


def test_the_meeting_again_adds_its_parties_to_a_forum_session_named_before(analyse):
    x = analyse(
        "Alexander Lukashevich spoke to reporters after a session of the OSCE Permanent Council.\n\n"
        "The meeting was chaired by the Polish foreign minister, Zbigniew Rau.",
        when=date(2022, 1, 13),
    )
    sessions = [m for m in x.meetings if m.forum == "osce-permanent-council"]
    assert sessions and "rau" in set().union(*(_parties(m) for m in sessions))
