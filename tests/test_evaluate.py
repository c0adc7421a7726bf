"""The scorer itself, on a hand-made gold folder and corpus."""

from datetime import date

from kg.evaluate import Gold, evaluate, fold
from kg.model import ActorRef, Claim, Corpus, Document, Evidence, Meeting

GOLD = {
    "actors.tsv": "# c\nivanov\tperson\tru\tIvan Ivanov|Ivanov\tenvoy\nru\tstate\tru\tRussia|Moscow\t\n"
    "us\tstate\tus\tUnited States|U.S.\t\n",
    "places.tsv": "oslo\tOslo\n",
    "demands.tsv": "a\tx\nb\ty\n",
    "claims.tsv": "d1\tivanov\tdemands\ta\trequired\nd1\tus\trejects\ta\trequired\n"
    "d1\tru\tdemands\tb\toptional\n",
    "meetings.tsv": "m1\t2022-01-12\toslo\tru|us\trequired\td1\n",
}


def _gold(tmp_path):
    for name, text in GOLD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Gold.load(tmp_path)


def test_fold():
    assert fold("U.S.") == fold("u s") == "u s"


def test_scores(tmp_path):
    gold = _gold(tmp_path)
    ev = Evidence("d1_x", 0, 1, "q")
    ivanov = ActorRef("ivan-ivanov", "Ivan Ivanov", "person", "russia")
    russia = ActorRef("russia", "Moscow", "state", "russia")
    us = ActorRef("usa", "U.S.", "state", "usa")
    claims = [
        Claim("d1_x", ivanov, "Demands", "a", ev, "quote", 0.9),
        Claim("d1_x", russia, "Demands", "b", ev, "subject", 0.8),
        Claim("d1_x", us, "Demands", "a", ev, "subject", 0.8),
        Claim("d1_x", us, "Rejects", "zzz", ev, "subject", 0.8),
    ]
    meeting = Meeting("k", "talk", date(2022, 1, 12), None, "oslo", [russia, us], [ev])
    doc = Document("d1_x", "d1_x.txt", "t", None, "q", "0" * 64)
    result = evaluate(Corpus([doc], [ivanov, russia, us], claims, [meeting]), gold)
    by_party, person, _ = result.scores
    assert (by_party.tp, by_party.fp, by_party.fn) == (1, 1, 1)
    assert by_party.spurious == ["d1\tus\tdemands\ta"] and by_party.missed == ["d1\tus\trejects\ta"]
    assert person.recall == 1.0
    assert result.meeting_recall == 1.0 and result.participant_recall == 1.0
    assert result.duplicated_actors == []
