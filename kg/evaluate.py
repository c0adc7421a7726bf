"""Score extraction against a gold folder (format: ``shared/eval/README.md``)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.model import PERSON, Corpus


def fold(text: str) -> str:
    """Case and punctuation folding used to match labels to gold aliases."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", " ", t).strip()


def _rows(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise InputError("gold file missing", where=str(path), fix="see shared/eval/README.md for the format")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


@dataclass
class Gold:
    actors: dict[str, tuple[str, str]]  # key -> (type, party)
    alias: dict[str, str]  # folded alias -> key
    places: dict[str, str]  # folded alias -> place key
    demands: set[str]
    required: set[tuple[str, str, str, str]]
    optional: set[tuple[str, str, str, str]]
    meetings: list[dict]

    @classmethod
    def load(cls, folder: Path) -> Gold:
        folder = Path(folder)
        actors, alias = {}, {}
        for r in _rows(folder / "actors.tsv"):
            key, typ, party = r[0], r[1], r[2]
            actors[key] = (typ, party)
            for a in r[3].split("|") if len(r) > 3 else []:
                alias.setdefault(fold(a), key)
        places = {}
        for r in _rows(folder / "places.tsv"):
            places[fold(r[0])] = r[0]
            for a in r[1].split("|") if len(r) > 1 else []:
                places[fold(a)] = r[0]
        demands = {r[0] for r in _rows(folder / "demands.tsv")}
        req, opt = set(), set()
        for r in _rows(folder / "claims.tsv"):
            (req if r[4].strip() == "required" else opt).add((r[0], r[1], r[2], r[3]))
        meetings = [
            dict(
                key=r[0],
                date=r[1],
                place=r[2],
                participants=set(r[3].split("|")),
                required=r[4].strip() == "required",
            )
            for r in _rows(folder / "meetings.tsv")
        ]
        return cls(actors, alias, places, demands, req, opt, meetings)

    def party(self, actor_key: str) -> str:
        return self.actors[actor_key][1] if actor_key in self.actors else actor_key


@dataclass
class Score:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    scores: list[Score]
    meeting_recall: float
    participant_recall: float
    spurious_meetings: list[str]
    duplicated_meetings: list[str]
    duplicated_actors: list[str]
    missed_meetings: list[str]
    missed_participants: dict[str, list[str]] = field(default_factory=dict)  # found meeting -> actors
    by_mechanism: dict[str, tuple[int, int]] = field(default_factory=dict)  # mechanism -> (right, all)
    by_band: dict[str, tuple[int, int]] = field(default_factory=dict)  # confidence band -> (right, all)


def _doc(doc_id: str) -> str:
    return doc_id.split("_", 1)[0]


def evaluate(corpus: Corpus, gold: Gold) -> Evaluation:
    """Compare a built corpus with the gold annotations."""

    def actor_key(label: str, party_label: str) -> tuple[str | None, str | None]:
        key = gold.alias.get(fold(label))
        if key is not None:
            return key, gold.party(key)
        pk = gold.alias.get(fold(party_label)) if party_label else None
        return None, (gold.party(pk) if pk else None)

    labels = {a.key: a.label for a in corpus.actors}
    pred_party, pred_person = set(), set()
    judged: dict[tuple, tuple[str, float]] = {}
    for c in corpus.claims:
        if c.demand not in gold.demands:
            continue
        party_label = labels.get(c.actor.party or "", "") if c.actor.party else ""
        key, party = actor_key(c.actor.label, party_label)
        stance = c.stance.lower()
        if party:
            pred_party.add((_doc(c.doc_id), party, stance, c.demand))
            row = (_doc(c.doc_id), party, stance, c.demand)
            if row not in judged or judged[row][1] < c.confidence:
                judged[row] = (c.mechanism, c.confidence)
        if key:
            pred_person.add((_doc(c.doc_id), key, stance, c.demand))
    req_party = {(d, gold.party(a), s, k) for d, a, s, k in gold.required}
    opt_party = {(d, gold.party(a), s, k) for d, a, s, k in gold.optional}
    docs = {_doc(d.doc_id) for d in corpus.documents}
    req_party = {r for r in req_party if r[0] in docs}

    def score(name, pred, req, opt):
        s = Score(name)
        s.tp = len(pred & req)
        s.spurious = sorted("\t".join(x) for x in pred - req - opt)
        s.missed = sorted("\t".join(x) for x in req - pred)
        s.fp, s.fn = len(s.spurious), len(s.missed)
        return s

    by_party = score("claims per document, by party", pred_party, req_party, opt_party)
    person_req = {r for r in gold.required if gold.actors.get(r[1], ("",))[0] == PERSON and r[0] in docs}
    per_person = score("claims per person (recall)", pred_person & person_req, person_req, set())
    corpus_wide = score(
        "claims corpus-wide, by party",
        {p[1:] for p in pred_party},
        {r[1:] for r in req_party},
        {o[1:] for o in opt_party},
    )
    # meetings
    matched = defaultdict(list)
    spurious = []
    for m in corpus.meetings:
        place = gold.places.get(fold(m.place or ""), m.place)
        hits = [g for g in gold.meetings if g["date"] == m.date.isoformat() and g["place"] == place]
        for g in hits:
            matched[g["key"]].append(m)
        if not hits:
            spurious.append(f"{m.date} {m.place} ({m.kind})")
    required = [g for g in gold.meetings if g["required"]]
    found = [g for g in required if matched[g["key"]]]
    got, total = 0, 0
    lost: dict[str, list[str]] = {}
    for g in found:
        have = set()
        for m in matched[g["key"]]:
            for p in m.participants:
                k, party = actor_key(p.label, labels.get(p.party or "", ""))
                have |= {x for x in (k, party) if x}
        total += len(g["participants"])
        got += len(g["participants"] & have)
        if g["participants"] - have:
            lost[g["key"]] = sorted(g["participants"] - have)
    dup_meet = sorted(k for k, v in matched.items() if len(v) > 1)
    by_gold = defaultdict(set)
    for a in corpus.actors:
        k = gold.alias.get(fold(a.label))
        if k:
            by_gold[k].add(a.key)
    gold_rows = req_party | opt_party
    by_mechanism: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_band: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, (mechanism, confidence) in judged.items():
        right = int(row in gold_rows)
        band = (
            "high (>=0.8)" if confidence >= 0.8 else "medium (0.6-0.8)" if confidence >= 0.6 else "low (<0.6)"
        )
        for table, name in ((by_mechanism, mechanism), (by_band, band)):
            table[name][0] += right
            table[name][1] += 1
    return Evaluation(
        by_mechanism={k: (v[0], v[1]) for k, v in sorted(by_mechanism.items())},
        by_band={k: (v[0], v[1]) for k, v in sorted(by_band.items())},
        scores=[by_party, per_person, corpus_wide],
        meeting_recall=len(found) / len(required) if required else 1.0,
        participant_recall=got / total if total else 1.0,
        spurious_meetings=sorted(spurious),
        duplicated_meetings=dup_meet,
        duplicated_actors=sorted(k for k, v in by_gold.items() if len(v) > 1),
        missed_meetings=sorted(g["key"] for g in required if not matched[g["key"]]),
        missed_participants=lost,
    )
