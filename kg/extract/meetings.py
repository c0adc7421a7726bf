"""Meeting mentions: an event (a meeting noun, a forum, a meeting verb) with its place, date and
parties.

Places come from 'in'/'at' phrases, from where someone travels ('travel to Brussels'), from a
gazetteer place anywhere in the sentence, and, for an event on the article's own day, from the
dateline. Parties are the actors in the event's phrase, the subjects of the clauses above it, the
speaker of 'we met' and of 'X said talks with Y were useful', and the host state of a capital it is
named by. A definite 'the meeting' with nothing of its own refers to the last meeting mentioned
(or, in a lede, to the first one after it)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.claims import evidence_of
from kg.extract.cues import match_any
from kg.extract.dates import DateMention, find_dates
from kg.extract.mentions import Mentions, is_first_person
from kg.extract.speakers import Speech
from kg.extract.syntax import headed, one_phrase, tree_distance
from kg.model import PERSON, STATE, ActorRef, Document, Evidence, MeetingMention
from kg.vocab import Vocabulary

_PLACE_PREPS = {"in", "at"}
_SEQUENCE_PREPS = {"ahead", "before", "after", "following", "prior"}  # another event's time
_RELATIVE_PERIODS = {"week", "month", "year", "weekend"}
_PRESENCE_PREPS = {"in", "at", "during"}
_DEFINITE = {"the", "this", "that", "their", "its", "our"}
_SEQUENCE = {"after", "before", "since", "until", "ahead"}  # words that order one event by another
_CLIMB_DEPS = {
    "pobj",
    "prep",
    "dobj",
    "nsubj",
    "nsubjpass",
    "attr",
    "appos",
    "conj",
    "compound",
    "xcomp",
    "advcl",
    "pcomp",
}
# 'VIENNA, January 13. /TASS/.', 'GENEVA (Reuters) -', 'GENEVA —': a place in capitals opens the body
# '12:30 GMT - EU foreign ministers meet': an entry of a live blog, which tells that day's news
_TIME_STAMP = re.compile(r"^\s*\d{1,2}:\d{2}\b", re.M)
_DATELINE_PLACE = re.compile(r"^\s*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)?)\s*(?:,|\(|[-–—])")


class MeetingFinder:
    """Finds the meeting mentions of one document, sentence by sentence."""

    def __init__(
        self,
        doc: Doc,
        document: Document,
        vocab: Vocabulary,
        mentions: Mentions,
        speech: Speech | None = None,
    ) -> None:
        self.doc, self.document, self.vocab, self.mentions, self.speech = (
            doc,
            document,
            vocab,
            mentions,
            speech,
        )
        self.nouns = vocab.lexicon("meeting-nouns")
        self.remote = vocab.lexicon("remote-cues")
        self.verbs = vocab.lexicon("meeting-verbs")
        self.call_verbs = vocab.lexicon("call-verbs")
        self.call_nouns = vocab.lexicon("call-nouns")
        self.hosting = vocab.lexicon("hosting-verbs")
        self.travel = vocab.lexicon("travel-verbs")
        self.event_verbs = vocab.lexicon("event-verbs")
        self.reporting = vocab.lexicon("reporting-verbs")
        self.topic_preps = vocab.lexicon("topic-prepositions")
        self.offers = vocab.lexicon("offer-words")
        self.roles = vocab.lexicon("person-roles")
        self.groups = vocab.lexicon("group-nouns")
        self.not_participant_preps = self.topic_preps | _SEQUENCE_PREPS
        self.place_alias = {a.lower(): k for k, p in vocab.places.items() for a in p.aliases}
        actor_alias = {
            x.lower(): a.ref
            for a in vocab.actors.values()
            if a.ref.kind == STATE
            for x in (*a.aliases, *a.hidden)
        }
        # a capital that also names its state ('Moscow'): a meeting there has that state as a party
        self.host = {
            k: actor_alias[a.lower()]
            for k, p in vocab.places.items()
            for a in p.aliases
            if a.lower() in actor_alias
        }
        self.dateline = self._dateline_place()
        self.live = _TIME_STAMP.search(doc.text) is not None
        self.lead = self._lead_sentence()
        self.all_ents = list(doc.ents)  # Span.ents walks the whole document's entities each time
        self.ent_starts = [e.start for e in self.all_ents]

    def _ents(self, sent: Span) -> list[Span]:
        k = bisect_left(self.ent_starts, sent.start)
        out = []
        while k < len(self.all_ents) and self.all_ents[k].end <= sent.end:
            out.append(self.all_ents[k])
            k += 1
        return out

    # ------------------------------------------------------------------ places
    def _dateline_place(self) -> str | None:
        """The place of a dateline that opens one of the first body paragraphs."""
        actors = {x.lower() for a in self.vocab.actors.values() for x in (*a.aliases, *a.hidden)}
        for line in [p for p in self.doc.text[:2000].split("\n") if p.strip()][:4]:
            m = _DATELINE_PLACE.match(line)
            if m:
                name = m.group(1)
                key = self.place_alias.get(name.lower())
                if key is not None:
                    return key
                if name.isupper() and name.lower() not in actors:
                    return name.title()  # a city the gazetteer does not list, spelled as places() spells it
        return None

    def _lead_sentence(self) -> int | None:
        """Where the lead of the article starts: its first sentence with a verb after the headline."""
        first, _, _ = self.doc.text.partition("\n")
        title = self.document.title.strip()
        skip = len(first) if first.lstrip().lower().startswith("date ") or first.strip() == title else 0
        for sent in self.doc.sents:
            if sent.start_char >= skip and len(sent) >= 6 and any(t.pos_ in {"VERB", "AUX"} for t in sent):
                return sent.start_char
        return None

    def places(self, sent: Span) -> list[tuple[int, str, str]]:
        """(char offset, place key, label) for places: GPE/LOC entities introduced by 'in'/'at' or
        by a verb of travel ('travel to', 'visit'), and gazetteer places that do not name an actor."""
        out = []
        for ent in self._ents(sent):
            if ent.label_ not in {"GPE", "LOC", "FAC", "ORG"}:
                continue
            name = ent.text.strip()
            key = self.place_alias.get(name.lower())
            head = ent.root
            if head.dep_ in {"compound", "nmod"} and (head.head.lemma_.lower() in self.nouns):
                if key is not None or not ent.ent_id_:
                    out.append((ent.start_char, key or name, name))
                continue
            if key is not None and not ent.ent_id_ and not self._modifies_other(head):
                out.append((ent.start_char, key, name))  # 'Geneva, January 21': a venue by name
                continue
            if not self._introduced_as_place(head):
                continue
            if key is None:
                if ent.ent_id_ or ent.label_ == "ORG":
                    continue  # a state or an organisation, not a venue
                key = name
            out.append((ent.start_char, key, name))
        return out

    def _modifies_other(self, head: Token) -> bool:
        """'the Minsk agreements', 'Geneva Conventions': a place name as a modifier of another noun."""
        return (
            head.dep_ in {"compound", "nmod", "amod", "poss"} and head.head.lemma_.lower() not in self.nouns
        )

    def _introduced_as_place(self, head: Token) -> bool:
        node = head
        while node.dep_ in {"appos", "conj", "compound"} and node.head.i != node.i:
            node = node.head
        if node.dep_ == "dobj" and node.head.lemma_.lower() in self.travel:
            return True  # 'visited Moscow'
        if node.dep_ != "pobj":
            return False
        prep = node.head
        if prep.lower_ in _PLACE_PREPS:
            return True
        return prep.lower_ == "to" and prep.head.lemma_.lower() in self.travel

    def forum_hits(self, sent: Span, norms: dict[int, set[str]]) -> list[tuple[int, str]]:
        """Forums named (gazetteer labels) or described by their cues; cues may share the event
        noun ('the NATO-Russia and OSCE meetings')."""
        hits = [(e.start_char, e.ent_id_.split(":", 1)[1]) for e in self._ents(sent) if e.label_ == "FORUM"]
        covered = frozenset(i for e in self._ents(sent) if e.label_ == "FORUM" for i in range(e.start, e.end))
        for key, f in sorted(self.vocab.forums.items()):
            # 'Russia digs in on NATO ... on a day of talks': scattered words do not name a forum
            for h in match_any(f.cues, norms, covered, wide=True, accept=lambda t: one_phrase(self.doc, t)):
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
                if lemma == "call" and _appeal(t, self.event_verbs):
                    continue  # 'the Russian call for troops to leave' is a demand, not a phone call
                out.append(t)
            elif t.pos_ == "NOUN" and lemma in self.call_nouns:
                if any(c.lower_ in self.remote for c in t.children if c.dep_ in {"compound", "amod"}):
                    out.append(t)  # 'a telephone conversation'
            elif t.pos_ == "VERB" and (lemma in self.verbs or self._phrasal(t) in self.verbs):
                out.append(t)  # 'met', 'sat down with'
            elif t.pos_ == "VERB" and lemma in self.hosting and self._actor_object(t):
                out.append(t)  # 'Lavrov hosted his Finnish counterpart'
            elif (
                t.pos_ == "VERB"
                and lemma in self.call_verbs
                and any(u.lower_ in self.remote for u in t.subtree if u.i != t.i)
            ):
                out.append(t)
        return out

    @staticmethod
    def _phrasal(verb: Token) -> str:
        parts = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        return f"{verb.lemma_.lower()} {parts[0]}" if parts else ""

    def _actor_object(self, verb: Token) -> bool:
        """Whether a verb's object names an actor (a person or a state), not a thing received."""
        for c in verb.children:
            if c.dep_ == "dobj":
                # the object's own words, not a phrase below it ('welcomed the position of the US');
                # a modifier only of a person or group ('his Finnish counterpart', not 'the US position')
                if c.pos_ in {"PROPN", "NOUN"} and self.mentions.resolve(c):
                    return True
                if c.lemma_.lower() not in self.roles | self.groups:
                    return False
                words = [t for t in c.children if t.dep_ in {"compound", "amod", "nmod", "appos", "conj"}]
                return any(self.mentions.resolve(t) for t in words if t.pos_ in {"PROPN", "NOUN", "ADJ"})
        return False

    # ------------------------------------------------------------------ parties
    def participants(self, sent: Span, skip: set[int], event: Token) -> tuple[ActorRef, ...]:
        """Actors taking part: inside the event phrase ('talks between X and Y', 'Russian-American
        talks'), introduced by 'with'/'between', subjects of the clauses above the event, 'we' as
        the speaker; when that gives one side only, the speaker who reports on the event ('X said
        talks with Y were useful')."""
        related, reporter = self._related(event)
        seen: dict[str, ActorRef] = {}

        def add(ref: ActorRef) -> None:
            if ref.key not in seen:
                seen[ref.key] = ref
                if ref.kind == PERSON and ref.party in self.vocab.actors and ref.party not in seen:
                    seen[ref.party] = self.vocab.actors[ref.party].ref

        quoted = self.speech.quote_at(event.idx) if self.speech is not None else None
        for t in sent:
            if t.i in skip or t.i not in related:
                continue
            if self.speech is not None and not is_first_person(t):
                k = self.speech.quote_at(t.idx)
                if k is not None and k != quoted:
                    continue  # '"Nothing about Ukraine without Ukraine," X told the council, which met'
            if is_first_person(t) and self.speech is not None:
                ref = self.speech.speaker_of(t)
            else:
                ref = self.mentions.by_token.get(t.i)
            if ref is None and (
                (t.pos_ == "NOUN" and t.dep_ in {"dobj", "pobj", "nsubj", "conj"})
                or (t.pos_ == "PROPN" and t.dep_ in {"dobj", "pobj", "nsubj", "conj"} and self._title(t))
                or (t.lower_ in {"he", "she"} and t.dep_ == "nsubj")
            ):  # 'his Finnish counterpart', 'the Polish minister', 'where he held talks'
                refs = self.mentions.resolve(t)
                ref = refs[0] if refs else None
            if ref is None:
                continue
            if not ref.known and ref.kind != PERSON:
                continue  # unknown organisations named near a meeting are rarely its parties
            if self._negated_role(t) or self._mere_modifier(t):
                continue
            add(ref)
        if reporter is not None and len({p.party or p.key for p in seen.values()}) < 2:
            if self.speech is not None:
                for ref in self.speech.reporter_of(reporter):
                    add(ref)
            else:
                for c in reporter.children:
                    if c.dep_ == "nsubj":
                        for ref in self.mentions.resolve(c):
                            add(ref)
        return tuple(seen.values())

    def _offered(self, event: Token) -> bool:
        """An event someone is ready, willing or offers to hold ('said he was ready to host a
        meeting', 'offered to host talks')."""
        node = event
        for _ in range(5):
            if node.lemma_.lower() in self.offers:
                return True
            if node.dep_ not in {"dobj", "pobj", "prep", "xcomp", "acomp"} or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _title(self, tok: Token) -> bool:
        """'The U.S. Secretary of State will meet ...': a capitalised title standing for its holder."""
        return tok.lemma_.lower() in self.roles

    def _negated_role(self, tok: Token) -> bool:
        """'Kyiv will not attend the talks', 'Russia was not invited': the negation denies taking
        part. A negated verb of anything else ('Russia has not heard an answer at the meeting')
        leaves its subject present."""
        node = tok
        while node.dep_ in {"conj", "compound", "appos"} and node.head.i != node.i:
            node = node.head
        if node.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        verb = node.head
        # 'are not expected to participate': the verb it governs may be the one of taking part
        named = {verb.lemma_.lower()} | {c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp"}
        takes_part = any(w in self.event_verbs or w in self.verbs or w in {"be", "invite"} for w in named)
        return takes_part and any(c.dep_ == "neg" for c in verb.children)

    def _mere_modifier(self, tok: Token) -> bool:
        """'the Minsk agreements', 'Putin's deputy chief of staff Kozak': an actor that only
        qualifies another thing or names whose deputy someone is, not a party."""
        ref = self.mentions.by_token.get(tok.i)
        while tok.head.i != tok.i and ref is not None and self.mentions.by_token.get(tok.head.i) == ref:
            tok = tok.head  # from 'Vladimir' to the head of 'Vladimir Putin'
        if tok.dep_ not in {"compound", "amod", "nmod", "poss"} or tok.head.i == tok.i:
            return False
        head = tok.head
        if tok.dep_ == "poss":
            others = (self.mentions.by_token.get(u.i) for u in head.subtree if u.i != tok.i)
            return any(r is not None and r.kind == PERSON for r in others)
        lemma = head.lemma_.lower()
        return not (
            head.i in self.mentions.by_token
            or head.pos_ == "PROPN"
            or self._is_event(head)
            or lemma in self.roles
            or lemma in self.groups
        )

    def _related(self, event: Token) -> tuple[set[int], Token | None]:
        """Tokens whose actors take part in ``event``, and the reporting verb above it, if any."""
        out = {t.i for t in event.subtree if not (t.dep_ == "prep" and t.lower_ in self.topic_preps)}
        for t in event.subtree:  # drop topics ('talks on Ukraine') and other events ('ahead of talks')
            if t.dep_ in {"prep", "advmod"} and t.lower_ in self.not_participant_preps:
                out -= {u.i for u in t.subtree}
            elif t.i != event.i and t.pos_ == "NOUN" and self._is_event(t) and not self._same_event(event, t):
                # 'held a video conference to prepare for meetings with Russia': that other meeting's
                out -= {u.i for u in t.subtree}
            elif t.dep_ == "conj" and t.head.i == event.i and t.pos_ == "VERB":
                out -= {u.i for u in t.subtree} - self._conjunct_parties(t)
        for c in event.children:  # 'Macron, who spent hours with Putin, met Zelensky'
            if c.dep_ in {"nsubj", "nsubjpass"}:
                out -= {u.i for u in c.subtree} - _phrase(c)
        shared = event
        while shared.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in shared.children):
            shared = shared.head  # 'flew into Warsaw and will meet Lavrov': the subject they share
        if shared is not event:
            out |= {i for c in shared.children if c.dep_ in {"nsubj", "nsubjpass"} for i in _phrase(c)}
        if event.dep_ == "relcl" and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "that"} for c in event.children
        ):  # 'Scholz, who met Putin in the Kremlin': the one the clause is about
            out |= {u.i for u in event.head.subtree}
        node, reporter, present = event, None, False
        for _ in range(8):
            if node.head.i == node.i or node.dep_ not in _CLIMB_DEPS:
                break
            if node.dep_ == "pobj" and node.head.lower_ in self.topic_preps:
                break  # 'comments on the talks': the event is a topic, not something they did
            if (
                node.dep_ != "prep"
                and node.head.pos_ == "VERB"
                and node.head.lemma_.lower() not in self.event_verbs
                and not (present and node.head.tag_ in {"VBD", "VBN"})
            ):
                # 'previewed the talks': only holding, joining or leading one takes part; what
                # someone got or heard at a meeting that took place puts them there
                break
            came_by = node.lower_ if node.dep_ == "prep" else None
            present = present or came_by in _PRESENCE_PREPS
            node = node.head
            for c in node.children:
                if c.dep_ in {"nsubj", "nsubjpass", "agent", "poss"}:
                    out |= _phrase(c)
                elif c.dep_ == "prep" and c.lower_ in {"with", "between"} and not _absolute(c):
                    out |= {u.i for u in c.subtree}
                elif came_by in _PRESENCE_PREPS and (
                    c.dep_ in {"dative", "dobj"}
                    or (c.dep_ == "prep" and c.lower_ == "to" and node.pos_ == "VERB")
                ):
                    # 'handed to US envoys in a meeting', 'warned Biden during a phone call'
                    out |= {u.i for u in c.subtree}
            if node.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
                break
        if (
            node.pos_ in {"VERB", "AUX"}
            and node.dep_ == "ccomp"
            and node.head.lemma_.lower() in self.reporting
        ):
            reporter = node.head
        elif node.pos_ in {"VERB", "AUX"}:
            # '..., Lukashevich, told a briefing' parsed as a second clause without a subject
            reporter = next(
                (
                    c
                    for c in node.children
                    if c.dep_ == "conj"
                    and c.lemma_.lower() in self.reporting
                    and not any(g.dep_ == "nsubj" for g in c.children)
                ),
                None,
            )
        for t in event.sent:
            if t.lower_ in {"with", "between"} and t.head.i in out | {node.i} and not _absolute(t):
                out |= {u.i for u in t.subtree}
        return out, reporter

    # ------------------------------------------------------------------ dates
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
        own = _own_phrase(event)  # 'arrived in Kyiv and will meet Lavrov in Geneva'

        above = {a.i for a in [event, *event.ancestors]}

        def elsewhere(tok: Token) -> bool:
            # 'held talks in the Kremlin a day after visiting Kyiv': a place in a clause that dates
            # another event by this one
            for a in [tok, *tok.ancestors]:
                if a.i in above:
                    return False
                if a.pos_ == "VERB" and (
                    (a.dep_ == "pcomp" and a.head.lower_ in _SEQUENCE)
                    or any(c.dep_ == "mark" and c.lower_ in _SEQUENCE for c in a.children)
                ):
                    return True
            return False

        near = [p for p in places if not elsewhere(self._token_at(p[0]))]
        if not near:
            return None

        def dist(p: tuple[int, str, str]) -> tuple[bool, int, int]:
            tok = self._token_at(p[0])
            return (tok.i not in own, tree_distance(event, tok), abs(p[0] - pos))

        return min(near, key=dist)

    def _reported_on(self, d: DateMention) -> bool:
        """'X said on Tuesday that...': the date of the saying, not of a meeting; but 'what was said
        at the talks on January 10' dates the talks."""
        node, hops = self._token_at(d.start), 0
        while (
            node.dep_ in {"pobj", "prep", "npadvmod", "compound", "nummod", "det", "amod"}
            and node.head.i != node.i
            and hops < 3
        ):
            node, hops = node.head, hops + 1
        if node.pos_ not in {"VERB", "AUX"} or node.lemma_.lower() not in self.reporting:
            return False
        return not any(  # 'confirmed the meeting on 13 January', 'said at the talks on the 10th'
            (c.dep_ == "dobj" and self._is_event(c))
            or (c.dep_ == "prep" and any(g.dep_ == "pobj" and self._is_event(g) for g in c.children))
            for c in node.children
        )

    @staticmethod
    def _same_event(event: Token, other: Token) -> bool:
        """Whether an event word below ``event`` names it again ('held talks', 'the meeting of the
        NATO-Russia Council'), not another event."""
        if event.pos_ == "VERB":
            return other.head.i == event.i
        return _one_phrase_of(event, other)

    def _conjunct_parties(self, verb: Token) -> set[int]:
        """The words of a verb joined to a meeting verb that may name its parties. A second meeting
        has its own ('will meet Zelensky in Kyiv and then hold talks in Berlin with his
        counterparts'); whatever else they did names none ('met in Beijing and issued a statement
        opposing the expansion of NATO') but with whom, by whom, or whom ('and were joined by
        Blinken', 'and hosted Biden')."""
        if self._own_event(verb):
            return set()
        return {
            u.i
            for c in verb.children
            if (c.dep_ == "prep" and c.lower_ in {"with", "between"})
            or c.dep_ == "agent"
            or (c.dep_ in {"dobj", "dative"} and c.i in self.mentions.by_token)
            for u in c.subtree
        }

    def _own_event(self, verb: Token) -> bool:
        """Whether a verb names a meeting itself ('met') or holds one ('held talks')."""
        if verb.lemma_.lower() in self.verbs or self._phrasal(verb) in self.verbs:
            return True
        return verb.lemma_.lower() in self.event_verbs and any(
            c.dep_ == "dobj" and self._is_event(c) for c in verb.children
        )

    def _is_event(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.nouns or tok.lower_ in self.nouns or tok.ent_type_ == "FORUM"

    def _closest_date(self, dates: list[DateMention], pos: int) -> DateMention | None:
        """A date in the event's own phrase ('will meet Lavrov in Geneva on Friday', after 'arrived
        on Wednesday and'), else the nearest in characters, then in the parse tree."""
        if not dates:
            return None
        event = self._token_at(pos)
        own = _own_phrase(event)
        if event.dep_ == "dobj" and event.head.lemma_.lower() in self.event_verbs:
            own |= _own_phrase(event.head)  # 'and hold talks in Berlin on Thursday': the holding's date

        def dist(d: DateMention) -> tuple[bool, float, int]:
            chars = d.start - pos if d.start >= pos else 1.5 * (pos - d.start)
            return (
                self._token_at(d.start).i not in own,
                chars,
                tree_distance(event, self._token_at(d.start)),
            )

        return min(dates, key=dist)

    def _token_at(self, char: int) -> Token:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else self.doc[0]

    def _on_the_day(self, when: DateMention | None) -> bool:
        ref = self.document.date
        return (
            when is not None
            and when.value is not None
            and ref is not None
            and abs((when.value - ref).days) <= 1
        )

    @staticmethod
    def _done(event: Token) -> bool:
        """A meeting told in the simple past ('met', 'held talks'), not planned or habitual."""
        verb = next((a for a in [event, *event.ancestors] if a.pos_ in {"VERB", "AUX"}), None)
        return verb is not None and verb.tag_ == "VBD" and not any(c.dep_ == "aux" for c in verb.children)

    def _met(self, event: Token) -> bool:
        """A meeting verb, or the held meeting, in the simple past ('who met Zelensky', 'held talks'),
        not a noun of some other clause ('was not up for negotiation')."""
        held = event.dep_ == "dobj" and event.head.lemma_.lower() in self.event_verbs
        return (event.pos_ == "VERB" or held) and self._done(event)

    def _article_day(self, event: Token) -> DateMention | None:
        ref = self.document.date
        if ref is None:
            return None
        return DateMention(event.idx, event.idx + len(event), ref, (ref.month, ref.day))

    def _just_now(self, event: Token) -> DateMention | None:
        """'I have just chaired a meeting', 'who just concluded talks': the article's own day."""
        ref = self.document.date
        verb = next((a for a in [event, *event.ancestors] if a.pos_ in {"VERB", "AUX"}), None)
        if ref is None or verb is None or verb.tag_ not in {"VBD", "VBN"}:
            return None
        if not any(c.lower_ == "just" and c.dep_ == "advmod" for c in verb.children):
            return None
        return DateMention(event.idx, event.idx + len(event), ref, (ref.month, ref.day))

    @staticmethod
    def _definite(event: Token) -> bool:
        return event.pos_ == "NOUN" and any(
            c.dep_ in {"det", "poss"} and c.lower_ in _DEFINITE for c in event.children
        )

    # ------------------------------------------------------------------ sentences
    def find(self) -> list[MeetingMention]:
        out: list[MeetingMention] = []
        bare: list[tuple[int, str, Evidence, tuple[ActorRef, ...]]] = []  # 'the meeting', unresolved
        one_sided: list[tuple[float, MeetingMention]] = []
        for sent in self.doc.sents:
            events = self.events(sent)
            norms = self.mentions.norms(sent)
            forums = self.forum_hits(sent, norms)
            if not events and not forums:
                continue
            dates = [d for d in find_dates(sent, self.document.date) if not self._reported_on(d)]
            places = self.places(sent)
            remote = any(t.lower_ in self.remote for t in sent)
            starts = {p[0] for p in places}
            place_tokens = {t.i for e in self._ents(sent) if e.start_char in starts for t in e}
            anchors: list[tuple[int, str | None, str]] = [(pos, key, "council") for pos, key in forums]
            for ev in events:
                # one meeting named twice ('the NATO-Russia Council meeting'), not a second one in
                # the same sentence ('The meeting followed bilateral talks in Geneva')
                same = next(
                    (
                        k
                        for k, (pos, _, _) in enumerate(anchors)
                        if abs(ev.idx - pos) < 40 and _one_phrase_of(ev, self._token_at(pos))
                    ),
                    None,
                )
                if same is not None:
                    pos, forum, kind = anchors[same]
                    if forum is not None and ev.pos_ == "NOUN" and ev in self._token_at(pos).ancestors:
                        # 'a meeting of the OSCE's Permanent Council in Vienna, where X warned': the
                        # meeting noun heads the phrase its parties hang on
                        anchors[same] = (ev.idx, forum, kind)
                    continue
                anchors.append((ev.idx, None, self._kind(ev)))
            anchors.sort()
            evidence = evidence_of(self.document, sent)
            forum_anchors = [a for a in anchors if a[1] is not None]
            place_pairs = len(forum_anchors) > 1 and len(forum_anchors) == len(places)
            later = [d for d in dates if forum_anchors and d.start > forum_anchors[0][0]]
            respectively = len(forum_anchors) > 1 and len(forum_anchors) == len(later)
            for pos, forum, kind in anchors:
                event = self._token_at(pos)
                if forum is None and (self._offered(event) or _denied_verb(event)):
                    continue  # 'was ready to host a meeting', 'saw no reason to sit down with
                if self._vague_period(event):
                    when = None  # 'next week's talks': no day to resolve
                elif respectively and forum is not None:
                    when = later[forum_anchors.index((pos, forum, kind))]
                else:
                    when = self._closest_date(dates, pos) or self._just_now(event)
                if place_pairs and forum is not None:
                    where = places[forum_anchors.index((pos, forum, kind))]
                else:
                    where = self._closest_place(places, pos)
                if _sequenced(event):
                    # 'met Zelensky in Kyiv on Tuesday, a day after his talks with Putin': the earlier
                    # event keeps only the day and place of its own phrase
                    own = _own_phrase(event)
                    when = when if when is not None and self._token_at(when.start).i in own else None
                    where = where if where is not None and self._token_at(where[0]).i in own else None
                place = where[1] if where else ("remote" if remote and forum is None else None)
                if place is None and forum is None and self.dateline and self._on_the_day(when):
                    place = self.dateline  # 'GENEVA - ... talks on Friday' in Friday's paper
                elif place is None and when is None and forum is None and self.dateline and self._met(event):
                    place = self.dateline  # 'KYIV (AP) - Blinken, who met Zelensky, said': there, that day
                lead = sent.start_char == self.lead
                if when is None and (
                    place is not None
                    and (place == self.dateline or self.live)
                    and self._done(event)
                    or lead
                    and self._met(event)
                ):
                    # 'BEIJING - ... Xi met Putin in Beijing'; a lead 'Putin had a telephone
                    # conversation with Biden': the article's news, that day
                    when = self._article_day(event)
                parts = self.participants(sent, place_tokens, event)
                if when is None and place is None and forum is None:
                    if self._definite(event):
                        bare.append((len(out), kind, evidence, parts))
                    continue
                host = self.host.get(place or "")
                if host is not None and forum is None and any((p.party or p.key) != host.key for p in parts):
                    parts = (*parts, host)  # 'met US envoys in Moscow': Russia is the other side
                members = tuple(
                    self.vocab.actors[m].ref
                    for m in (self.vocab.forums[forum].members if forum else ())
                    if m in self.vocab.actors
                )
                all_parts = tuple({p.key: p for p in (*parts, *members)}.values())
                mention = MeetingMention(
                    doc_id=self.document.doc_id,
                    kind=kind if forum is None else "council",
                    evidence=evidence,
                    forum=forum,
                    place=place,
                    date=when.value if when else None,
                    month_day=when.month_day if when else None,
                    participants=all_parts,
                    reported=self.document.date,
                )
                if forum is None and _sides(parts) < 2:
                    # a meeting has two sides; one party alone is a briefing or a visit, unless
                    # 'the meeting' elsewhere names the other side
                    one_sided.append((len(out) - 0.5, mention))
                    continue
                out.append(mention)
        return out + self._antecedents(out, one_sided, bare)

    @staticmethod
    def _antecedents(
        out: list[MeetingMention],
        one_sided: list[tuple[float, MeetingMention]],
        bare: list[tuple[int, str, Evidence, tuple[ActorRef, ...]]],
    ) -> list[MeetingMention]:
        """'the meeting' again, with nothing of its own: the last meeting of its kind mentioned
        before it (else of any kind), else the first one after it ('posed at the start of the
        session ... after the day-long meeting in Geneva'); it adds its parties to that one."""
        found = []
        complete = [(float(k), m) for k, m in enumerate(out) if m.date or m.place or m.forum]
        partial = [(k, m) for k, m in one_sided if m.date or m.place]
        for at, kind, evidence, parts in bare:
            target = None
            for known in (complete, partial):
                before = [m for k, m in known if k < at]
                before = [m for m in before if m.kind == kind] or before
                after = [m for k, m in known if k >= at]
                target = before[-1] if before else (after[0] if after else None)
                if target is not None:
                    break
            if target is None:
                continue
            merged = tuple({p.key: p for p in (*target.participants, *parts)}.values())
            if target.forum is None and _sides(merged) < 2:
                continue
            found.append(replace(target, evidence=evidence, participants=merged))
            if all(target is not m for m in out):
                found.append(target)  # the other side it lacked is now named
        return found


def extract_meetings(
    doc: Doc, document: Document, vocab: Vocabulary, mentions: Mentions, speech: Speech | None = None
) -> list[MeetingMention]:
    """All meeting mentions of one document."""
    return MeetingFinder(doc, document, vocab, mentions, speech).find()


def _sides(parts: tuple[ActorRef, ...]) -> int:
    return len({p.party or p.key for p in parts})


def _sequenced(event: Token) -> bool:
    """An event named only to order another by it: inside an 'after'/'before' phrase of a clause
    ('a day after his talks with Putin', 'ahead of the talks')."""
    for a in event.ancestors:
        if a.pos_ in {"VERB", "AUX"}:
            return False
        if a.pos_ == "ADP" and a.lower_ in _SEQUENCE:
            return True
    return False


def _denied_verb(event: Token) -> bool:
    """A meeting verb negated, or the complement of a denied noun: 'did not meet', 'saw no reason
    to sit down with the Americans', 'has no plans to meet'."""
    if event.pos_ != "VERB":
        return False
    node = event
    for _ in range(3):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.dep_ not in {"xcomp", "acl", "relcl"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _appeal(noun: Token, event_verbs: frozenset[str]) -> bool:
    """'a call for restraint', 'rejecting Moscow's call to bar Ukraine': an appeal. ('held a call
    to discuss Ukraine', 'a call with Biden', 'a call on Friday' are meetings.)"""
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
        return True
    with_someone = any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in noun.children)
    infinitive = any(
        c.dep_ in {"acl", "relcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in noun.children
    )
    held = noun.dep_ == "dobj" and noun.head.lemma_.lower() in event_verbs
    return infinitive and not with_someone and not held


def _absolute(prep: Token) -> bool:
    """'with Washington aiming to...': an absolute clause, not a companion."""
    return any(
        (g.dep_ == "pcomp" and g.pos_ in {"VERB", "AUX"})
        or (g.dep_ == "pobj" and any(c.dep_ in {"acl", "relcl"} and c.tag_ == "VBG" for c in g.children))
        for g in prep.children
    )


def _own_phrase(event: Token) -> set[int]:
    """The event word's own phrase: its subtree short of the clauses below it ('a meeting aimed at
    easing tensions in Europe' does not take place in Europe)."""
    out, todo = set(), [event]
    while todo:
        tok = todo.pop()
        out.add(tok.i)
        todo += [c for c in tok.children if c.pos_ not in {"VERB", "AUX"} or c.dep_ in {"aux", "auxpass"}]
    return out


def _phrase(tok: Token) -> set[int]:
    """A subject's words without the clauses that describe it: in 'Macron, who spent five hours
    with Putin on Monday, met Zelensky' Putin is no party of the meeting with Zelensky."""
    out = {u.i for u in tok.subtree}
    for u in tok.subtree:
        if u.i != tok.i and u.dep_ in {"relcl", "acl"} and u.pos_ in {"VERB", "AUX"}:
            out -= {v.i for v in u.subtree}
    return out


def _one_phrase_of(a: Token, b: Token) -> bool:
    """Whether one word heads the other within three steps ('the meeting of the NATO-Russia Council'),
    not two words of one verb ('The meeting followed bilateral talks')."""
    return headed(a.doc, (a.i, b.i)) and tree_distance(a, b) <= 3
