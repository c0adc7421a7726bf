"""Meeting mentions: an event noun or a forum with a place and/or a date in one sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.claims import evidence_of
from kg.extract.cues import match_any, token_norms
from kg.extract.dates import DateMention, find_dates
from kg.extract.mentions import Mentions
from kg.extract.syntax import tree_distance
from kg.model import PERSON, ActorRef, Document, MeetingMention
from kg.vocab import Vocabulary

_PLACE_PREPS = {"in", "at"}
_NOT_PARTICIPANT_PREPS = {
    "about",
    "on",
    "over",
    "regarding",
    "concerning",
    "ahead",
    "before",
    "after",
    "following",
    "prior",
}
_RELATIVE_PERIODS = {"week", "month", "year", "weekend"}
_SAYING = {"say", "tell", "add", "note", "state", "write", "remark", "explain", "stress"}


class MeetingFinder:
    def __init__(self, doc: Doc, document: Document, vocab: Vocabulary, mentions: Mentions) -> None:
        self.doc, self.document, self.vocab, self.mentions = doc, document, vocab, mentions
        self.nouns = vocab.lexicon("meeting-nouns")
        self.remote = vocab.lexicon("remote-cues")
        self.verbs = vocab.lexicon("meeting-verbs")
        self.call_verbs = vocab.lexicon("call-verbs")
        self.place_alias = {a.lower(): k for k, p in vocab.places.items() for a in p.aliases}

    def places(self, sent: Span) -> list[tuple[int, str, str]]:
        """(char offset, place key, label) for GPE/LOC entities introduced by 'in'/'at'."""
        out = []
        for ent in sent.ents:
            if ent.label_ not in {"GPE", "LOC", "FAC", "ORG"}:
                continue
            head = ent.root
            if head.dep_ in {"compound", "nmod"} and (head.head.lemma_.lower() in self.nouns):
                key = self.place_alias.get(ent.text.strip().lower())
                if key is not None or not ent.ent_id_:
                    out.append((ent.start_char, key or ent.text.strip(), ent.text.strip()))
                continue
            prep = (
                head.head
                if head.dep_ == "pobj"
                else (
                    head.head.head
                    if head.dep_ in {"appos", "conj", "compound"} and head.head.dep_ == "pobj"
                    else None
                )
            )
            if prep is None or prep.lower_ not in _PLACE_PREPS:
                continue
            name = ent.text.strip()
            key = self.place_alias.get(name.lower())
            if key is None:
                if ent.ent_id_ or ent.label_ == "ORG":
                    continue  # a state or an organisation, not a venue
                key = name
            out.append((ent.start_char, key, name))
        return out

    def forum_hits(self, sent: Span, norms: dict[int, set[str]]) -> list[tuple[int, str]]:
        """Forums named (gazetteer labels) or described by their cues; cues may share the event
        noun ('the NATO-Russia and OSCE meetings')."""
        hits = [(e.start_char, e.ent_id_.split(":", 1)[1]) for e in sent.ents if e.label_ == "FORUM"]
        covered = frozenset(i for e in sent.ents if e.label_ == "FORUM" for i in range(e.start, e.end))
        for key, f in sorted(self.vocab.forums.items()):
            for h in match_any(f.cues, norms, covered, wide=True):
                pos = self.doc[h.start].idx
                if not any(k == key and abs(p - pos) < 40 for p, k in hits):
                    hits.append((pos, key))
        return sorted(hits)

    def events(self, sent: Span) -> list[Token]:
        """Event nouns ('talks', 'summit'), meeting verbs ('met'), and verbs of speaking with a remote
        cue in their phrase ('spoke by phone', 'talked via video link')."""
        out = []
        for t in sent:
            lemma = t.lemma_.lower()
            if t.pos_ == "NOUN" and (lemma in self.nouns or t.lower_ in self.nouns):
                if t.lower_ == "round" and not any(c.lower_ == "of" for c in t.children):
                    continue
                out.append(t)
            elif t.pos_ == "VERB" and lemma in self.verbs:
                out.append(t)
            elif (
                t.pos_ == "VERB"
                and lemma in self.call_verbs
                and any(u.lower_ in self.remote for u in t.subtree if u.i != t.i)
            ):
                out.append(t)
        return out

    def participants(self, sent: Span, skip: set[int], event: Token) -> tuple[ActorRef, ...]:
        """Actors taking part: inside the event phrase ('talks between X and Y', 'Russian-American
        talks'), introduced by 'with'/'between', or subjects of the clause that holds the event."""
        related = self._related(event)
        seen: dict[str, ActorRef] = {}
        for t in sent:
            if t.i in skip or t.i not in related:
                continue
            ref = self.mentions.by_token.get(t.i)
            if ref is None:
                continue
            if not ref.known and ref.kind != PERSON:
                continue  # unknown organisations named near a meeting are rarely its parties
            if _negated_role(t):
                continue  # 'Biden and Putin are not expected to participate'
            if ref.key not in seen:
                seen[ref.key] = ref
                if ref.kind == PERSON and ref.party in self.vocab.actors and ref.party not in seen:
                    seen[ref.party] = self.vocab.actors[ref.party].ref
        return tuple(seen.values())

    def _related(self, event: Token) -> set[int]:
        out = {t.i for t in event.subtree if not (t.dep_ == "prep" and t.lower_ in {"about", "on", "over"})}
        for t in event.subtree:  # drop topics ('talks on Ukraine') and other events ('ahead of talks')
            if t.dep_ in {"prep", "advmod"} and t.lower_ in _NOT_PARTICIPANT_PREPS:
                out -= {u.i for u in t.subtree}
        node = event
        for _ in range(3):
            if node.head.i == node.i:
                break
            node = node.head
            for c in node.children:
                if c.dep_ in {"nsubj", "nsubjpass", "agent"} or (
                    c.dep_ == "prep" and c.lower_ in {"with", "between"}
                ):
                    out |= {u.i for u in c.subtree}
            if node.pos_ in {"VERB", "AUX"}:
                break
        for t in event.sent:
            if t.lower_ in {"with", "between"} and t.head.i in out | {node.i}:
                out |= {u.i for u in t.subtree}
        return out

    @staticmethod
    def _vague_period(event: Token) -> bool:
        """'next week's talks', 'talks later this month': the event's own time is only a period."""
        return event.pos_ == "NOUN" and any(
            t.lemma_.lower() in _RELATIVE_PERIODS for t in event.subtree if t.i != event.i
        )

    def _kind(self, event: Token) -> str:
        lemma = event.lemma_.lower()
        if event.pos_ == "VERB":
            return "call" if lemma in self.call_verbs else "meeting"
        return lemma

    def _closest_place(self, places: list[tuple[int, str, str]], pos: int) -> tuple[int, str, str] | None:
        if not places:
            return None
        event = self._token_at(pos)
        return min(places, key=lambda p: (tree_distance(event, self._token_at(p[0])), abs(p[0] - pos)))

    def _reported_on(self, d: DateMention) -> bool:
        """'X said on Tuesday that...': the date of the saying, not of a meeting."""
        node, hops = self._token_at(d.start), 0
        while (
            node.dep_ in {"pobj", "prep", "npadvmod", "compound", "nummod", "det", "amod"}
            and node.head.i != node.i
            and hops < 3
        ):
            node, hops = node.head, hops + 1
        return node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in _SAYING

    def _closest_date(self, dates: list[DateMention], pos: int) -> DateMention | None:
        """The date nearest the event in the parse tree (then in characters)."""
        if not dates:
            return None
        event = self._token_at(pos)

        def dist(d: DateMention) -> tuple[float, int]:
            chars = d.start - pos if d.start >= pos else 1.5 * (pos - d.start)
            return (chars, tree_distance(event, self._token_at(d.start)))

        return min(dates, key=dist)

    def _token_at(self, char: int) -> Token:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else self.doc[0]

    def find(self) -> list[MeetingMention]:
        out: list[MeetingMention] = []
        for sent in self.doc.sents:
            events = self.events(sent)
            norms = token_norms(sent)
            forums = self.forum_hits(sent, norms)
            if not events and not forums:
                continue
            dates = [d for d in find_dates(sent, self.document.date) if not self._reported_on(d)]
            places = self.places(sent)
            remote = any(t.lower_ in self.remote for t in sent)
            place_tokens = {t.i for e in sent.ents if e.start_char in {p[0] for p in places} for t in e}
            anchors: list[tuple[int, str | None, str]] = [(pos, key, "council") for pos, key in forums]
            for ev in events:
                if any(abs(ev.idx - pos) < 40 for pos, _, _ in anchors):
                    continue
                anchors.append((ev.idx, None, self._kind(ev)))
            anchors.sort()
            evidence = evidence_of(self.document, sent)
            forum_anchors = [a for a in anchors if a[1] is not None]
            place_pairs = len(forum_anchors) > 1 and len(forum_anchors) == len(places)
            later = [d for d in dates if forum_anchors and d.start > forum_anchors[0][0]]
            respectively = len(forum_anchors) > 1 and len(forum_anchors) == len(later)
            for pos, forum, kind in anchors:
                if self._vague_period(self._token_at(pos)):
                    when = None  # 'next week's talks': no day to resolve
                elif respectively and forum is not None:
                    when = later[forum_anchors.index((pos, forum, kind))]
                else:
                    when = self._closest_date(dates, pos)
                if place_pairs and forum is not None:
                    where = places[forum_anchors.index((pos, forum, kind))]
                else:
                    where = self._closest_place(places, pos)
                place = where[1] if where else ("remote" if remote and forum is None else None)
                if when is None and place is None and forum is None:
                    continue
                parts = self.participants(sent, place_tokens, self._token_at(pos))
                if forum is None and len({p.party or p.key for p in parts}) < 2:
                    continue  # a meeting has two sides; one party alone is a briefing or a visit
                members = tuple(
                    self.vocab.actors[m].ref
                    for m in (self.vocab.forums[forum].members if forum else ())
                    if m in self.vocab.actors
                )
                all_parts = tuple({p.key: p for p in (*parts, *members)}.values())
                out.append(
                    MeetingMention(
                        doc_id=self.document.doc_id,
                        kind=kind if forum is None else "council",
                        evidence=evidence,
                        forum=forum,
                        place=place,
                        date=when.value if when else None,
                        month_day=when.month_day if when else None,
                        participants=all_parts,
                    )
                )
        return out


def extract_meetings(
    doc: Doc, document: Document, vocab: Vocabulary, mentions: Mentions
) -> list[MeetingMention]:
    """All meeting mentions of one document."""
    return MeetingFinder(doc, document, vocab, mentions).find()


def _negated_role(tok: Token) -> bool:
    node = tok
    while node.dep_ in {"conj", "compound", "appos"} and node.head.i != node.i:
        node = node.head
    if node.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = node.head
    return any(c.dep_ == "neg" for c in verb.children)
