"""Actor mentions in one parsed document: gazetteer and NER entities, titles, coreference.

``Mentions.resolve(token)`` answers "which actor(s) does the noun phrase headed here refer to?",
using, in order: the entity the token belongs to; a pronoun or role noun ("he", "the diplomat",
"America's top diplomat") resolved to the most recent compatible person; a group noun with an
actor modifier ("NATO officials", "a White House official") resolved to that actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.cues import Norms, token_norms
from kg.extract.syntax import is_subject
from kg.iri import actor_key
from kg.model import ORGANIZATION, PERSON, STATE, ActorRef
from kg.vocab import Vocabulary

_HONORIFICS = {"mr", "ms", "mrs", "dr", "sir", "madam"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ours"}


def is_first_person(tok: Token) -> bool:
    """'we', 'us', 'our' as pronouns, not 'US' the state."""
    return tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and not tok.ent_type_


_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod"}
_TITLE_WORDS = re.compile(r"^[^\W\d_a-z][^\W\d_]*(?:[.’'-][^\W\d_]*)*\.?$")  # 'Plötner', 'Jean-Yves', 'J.'


@dataclass
class Mentions:
    """Resolution of noun phrases to actors within one document."""

    doc: Doc
    vocab: Vocabulary
    by_token: dict[int, ActorRef] = field(default_factory=dict)
    persons: list[tuple[int, ActorRef]] = field(default_factory=list)
    groups: list[tuple[int, ActorRef]] = field(default_factory=list)
    local: dict[str, ActorRef] = field(default_factory=dict)
    _norms: dict[int, Norms] = field(default_factory=dict, repr=False)

    def norms(self, sent: Span) -> Norms:
        """The sentence's normalised token forms (:func:`token_norms`), made once per document
        for every finder that matches cues in it."""
        got = self._norms.get(sent.start)
        if got is None:
            got = self._norms[sent.start] = token_norms(sent)
        return got

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, doc: Doc, vocab: Vocabulary) -> Mentions:
        m = cls(doc, vocab)
        for ent in doc.ents:
            ref = m._entity_ref(ent)
            if ref is None:
                continue
            for t in ent:
                m.by_token[t.i] = ref
            if ref.kind == PERSON:
                m.persons.append((ent.end - 1, ref))
        m.persons.sort(key=lambda p: p[0])
        groups = m.vocab.lexicon("group-nouns")
        for tok in doc:  # 'a senior State Department official': later 'the official' refers back
            if tok.lemma_.lower() in groups or tok.lower_ in groups:
                modifier = m._modifier_actor(tok)
                if modifier is not None:
                    m.groups.append((tok.i, modifier))
        return m

    def _entity_ref(self, ent: Span) -> ActorRef | None:
        if ent.label_ == "FORUM":
            return None
        if ent.ent_id_ and ent.ent_id_ in self.vocab.actors:
            known = self.vocab.actors[ent.ent_id_].ref
            if known.kind == PERSON and ent.label_ == "PERSON" and not self._surname_is_them(ent):
                return self._local_person(ent, ent.text.strip(" .,'’\""))
            return known
        name = ent.text.strip(" .,'’\"")
        if ent.label_ == "PERSON" and _looks_like_name(name):
            return self._local_person(ent, name)
        if ent.label_ == "ORG" and len(name) > 2 and not _is_title_fragment(ent):
            return self._local(name, ORGANIZATION)
        return None  # places and unknown states are not actors until they act

    def _surname_is_them(self, ent: Span) -> bool:
        """A bare surname is the well-known person, unless it is a common name ('Smith', 'Price'):
        then only when the article named them in full before or a title stands in front ('Mr Price')."""
        aliases = self.vocab.actors[ent.ent_id_].aliases
        if len(ent) > 1 or " " in ent.text.strip():
            return True
        if ent.text.strip().lower() not in self.vocab.lexicon("ambiguous-surnames"):
            return True
        before = self.doc[: ent.start].text
        if any(" " in a and a in before for a in aliases):
            return True
        prev = self.doc[ent.start - 1] if ent.start > 0 else None
        roles = self.vocab.lexicon("person-roles")
        return prev is not None and (prev.lower_.rstrip(".") in _HONORIFICS or prev.lower_ in roles)

    def _local(self, name: str, kind: str, party: str | None = None, role: str | None = None) -> ActorRef:
        key = actor_key(name)
        if key in self.vocab.actors:  # an unresolved 'Blinken' is not the gazetteer's Antony Blinken
            key = f"{key}-unresolved"
        if key not in self.local:
            self.local[key] = ActorRef(
                key=key, label=name, kind=kind, party=party if kind == PERSON else (party or key), role=role
            )
        return self.local[key]

    def _local_person(self, ent: Span, name: str) -> ActorRef:
        parts = name.split()
        if len(parts) == 1:  # surname only: the full name seen earlier in this document
            for ref in self.local.values():
                if ref.kind == PERSON and ref.label.split()[-1] == parts[0]:
                    return ref
        party, role = self.title_of(ent)
        return self._local(name, PERSON, party, role)

    def title_of(self, ent: Span) -> tuple[str | None, str | None]:
        """Party and role from a title before the name or an apposition after it."""
        head = ent.root
        cands = [
            t
            for t in head.children
            if t.dep_ in {"compound", "amod", "poss", "appos"} and t.i not in range(ent.start, ent.end)
        ]
        cands += [head.head] if head.dep_ == "appos" else []
        party, role_words = None, []
        own = {t.i for t in head.subtree}  # the name's own phrase is not its title
        for c in cands:
            # a clause ('a minister, X, who spoke after the alliance's meeting') is no part of a title
            clauses = {
                u.i
                for t in c.subtree
                if t.dep_ in {"relcl", "acl", "ccomp", "advcl"} and t.i != c.i
                for u in t.subtree
            }
            for t in c.subtree:
                if t.i in range(ent.start, ent.end) or t.i in clauses or (c.i == head.head.i and t.i in own):
                    continue
                ref = self.by_token.get(t.i) or self._norp(t)
                if ref is not None and ref.kind in (STATE, ORGANIZATION) and party is None:
                    party = ref.party or ref.key
                elif t.pos_ in {"NOUN", "PROPN", "ADJ"} and ref is None:
                    role_words.append(t.text)
        return party, " ".join(role_words) or None

    def _norp(self, tok: Token) -> ActorRef | None:
        ent_id = tok.ent_id_
        if ent_id and ent_id in self.vocab.actors:
            return self.vocab.actors[ent_id].ref
        return None

    # ------------------------------------------------------------------ resolution
    def resolve(self, tok: Token, *, speaker: ActorRef | None = None) -> list[ActorRef]:
        """Actors the noun phrase headed by ``tok`` refers to (coordination gives several)."""
        out: list[ActorRef] = []
        for t in [tok, *_conjuncts(tok)]:
            ref = self._resolve_one(t, speaker)
            refs = [ref] if ref is not None else []
            if ref is not None and ref.kind != PERSON and t.tag_ == "NNS" and t.i not in self.by_token:
                refs += self._coordinated_modifiers(t)  # 'the ministers of Lithuania, Latvia and Estonia'
            out += [r for r in refs if r not in out]
        return out

    def _leader(self, tok: Token) -> ActorRef | None:
        """'the Russian delegation, headed by Alexander Grushko': the person who leads it speaks."""
        for c in tok.children:
            if c.dep_ != "acl" or c.lemma_.lower() not in self.vocab.lexicon("leading-verbs"):
                continue
            for agent in (a for a in c.children if a.dep_ == "agent"):
                for obj in (g for g in agent.children if g.dep_ == "pobj"):
                    ref = self.by_token.get(obj.i)
                    if ref is None:  # 'led by Deputy Minister X': the name hangs on the title
                        ref = next((self.by_token[d.i] for d in obj.children if d.i in self.by_token), None)
                    if ref is not None and ref.kind == PERSON:
                        return ref
        return None

    def _coordinated_modifiers(self, tok: Token) -> list[ActorRef]:
        """The states or organisations coordinated in a plural noun's 'of' phrase."""
        out = []
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "from"}:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                for t in [obj, *_conjuncts(obj)]:
                    ref = self.by_token.get(t.i)
                    if ref is not None and ref.kind in (STATE, ORGANIZATION):
                        out.append(ref)
        return out

    def _resolve_one(self, tok: Token, speaker: ActorRef | None) -> ActorRef | None:
        low = tok.lower_
        if is_first_person(tok):
            return speaker
        if tok.i in self.by_token:
            return self.by_token[tok.i]
        if low in PERSON_PRONOUNS:
            return self.antecedent(tok)
        for c in tok.children:  # 'the deputy minister Ivan Petrov': the name hangs on the title
            if c.dep_ in {"appos", "compound", "nmod"} and self.by_token.get(c.i, None) is not None:
                if self.by_token[c.i].kind == PERSON:
                    return self.by_token[c.i]
        leader = self._leader(tok)
        if leader is not None:
            return leader
        lemma = tok.lemma_.lower()
        if lemma in self.vocab.lexicon("person-roles"):
            # 'head of the Russian delegation Sergey Ryabkov': a name inside the title's own phrase
            for t in tok.subtree:
                if t.dep_ in {"relcl", "acl", "ccomp"}:
                    break
                ref = self.by_token.get(t.i)
                if ref is not None and ref.kind == PERSON and t.i != tok.i:
                    return ref
        modifier = self._modifier_actor(tok)
        if lemma in self.vocab.lexicon("person-roles") or low in self.vocab.lexicon("person-roles"):
            # ('European counterparts' are not one person named before)
            plural = tok.tag_ in {"NNS", "NNPS"}
            person = None if plural else self.recent_person(tok.i, party=modifier.key if modifier else None)
            if person is not None:
                return person
            if modifier is not None:  # 'its deputy secretary general': the gazetteer's holder of that role
                # ('the U.S. Secretary of State': the title without the party's name, with its 'of')
                words = [
                    t.lower_
                    for t in tok.subtree
                    if t.i < tok.i and t.dep_ not in {"det", "poss", "case"} and t.i not in self.by_token
                ]
                after = [
                    t.lower_
                    for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for t in c.subtree
                    if t.dep_ != "det"
                ]
                roles = {" ".join([*words, tok.lower_]), " ".join([*words, tok.lower_, *after])}
                holders = [
                    a.ref
                    for a in self.vocab.actors.values()
                    if a.ref.kind == PERSON
                    and a.ref.party == modifier.key
                    and (a.ref.role or "").lower() in roles
                ]
                if len(holders) == 1:
                    return holders[0]
            if modifier is not None:
                return modifier  # 'the Polish minister', unnamed: speaks for Poland
        if lemma in self.vocab.lexicon("group-nouns") or low in self.vocab.lexicon("group-nouns"):
            if modifier is not None:
                return modifier
            if any(c.lower_ in {"the", "this", "that"} for c in tok.children) or tok.tag_ == "NNS":
                return self.recent_group(tok.i)
        return None

    def _modifier_actor(self, tok: Token) -> ActorRef | None:
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ in {"its", "their"}:
                for i in range(c.i - 1, c.sent.start - 1, -1):  # 'the alliance ..., its envoy said'
                    ref = self.by_token.get(i)
                    if ref is not None and ref.kind in (STATE, ORGANIZATION):
                        return ref
                # 'Russia insists ... . Its officials say': the last sentence's subject
                ref = self.previous_subject(c, (STATE, ORGANIZATION))
                if ref is not None:
                    return ref
                continue
            if c.dep_ in _MODIFIER_DEPS or (c.dep_ == "prep" and c.lower_ in {"for", "of", "from", "in"}):
                for t in [c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"]:
                    for u in t.subtree:
                        ref = None
                        if c.lower_ != "in":  # ('counterparts in Berlin': a place, not their side)
                            ref = self.by_token.get(u.i) or self._norp(u)
                        if ref is None and c.dep_ == "prep":
                            # 'officials in his delegation' ('her counterpart', a poss, is the other side)
                            ref = self._party_of_his(u)
                        if ref is not None and ref.kind in (STATE, ORGANIZATION):
                            return self.vocab.actors[ref.party].ref if ref.party in self.vocab.actors else ref
        return None

    def _party_of_his(self, tok: Token) -> ActorRef | None:
        """'officials in his delegation': the party of the person 'his' refers to."""
        if tok.dep_ != "poss" or tok.lower_ not in {"his", "her"}:
            return None
        person = self.antecedent(tok)
        party = self.vocab.actors.get(person.party or "") if person is not None else None
        return party.ref if party is not None else None

    def antecedent(self, pronoun: Token) -> ActorRef | None:
        """The person a pronoun refers to: a person earlier in its own sentence, else the subject of
        the previous sentence when that is a person ('Blinken warned Lavrov... He said'), else the
        most recent person."""
        sent = pronoun.sent
        here = [ref for i, ref in self.persons if sent.start <= i < pronoun.i]
        if here:
            return here[-1]
        return self.previous_subject(pronoun, (PERSON,)) or self.recent_person(pronoun.i)

    def previous_subject(self, tok: Token, kinds: tuple[str, ...]) -> ActorRef | None:
        """The first actor of one of ``kinds`` that is a subject in the sentence before ``tok``'s."""
        start = tok.sent.start
        if start == 0:
            return None
        prev = self.doc[start - 1].sent
        for i in range(prev.start, prev.end):
            ref = self.by_token.get(i)
            if ref is not None and ref.kind in kinds and is_subject(self.doc[i]):
                return ref
        return None

    def recent_person(self, before: int, party: str | None = None) -> ActorRef | None:
        """The person a role noun at ``before`` refers to: the last one named in its sentence, else
        in the last sentence naming one, its subject first ('Ryabkov said after talks with Sherman
        that ... "...," the diplomat told reporters': Ryabkov)."""
        here = self.doc[before].sent.start if before < len(self.doc) else before
        last: tuple[int, ActorRef] | None = None
        for i, ref in reversed(self.persons):
            if i >= before or (party is not None and ref.party != party):
                continue
            if last is None:
                if i >= here:
                    return ref
                last = (i, ref)
            if i < self.doc[last[0]].sent.start:
                break
            if is_subject(self.doc[i]):
                return ref
        return last[1] if last else None

    def recent_group(self, before: int) -> ActorRef | None:
        for i, ref in reversed(self.groups):
            if i < before:
                return ref
        return None

    def resolve_name(self, text: str) -> ActorRef | None:
        """Resolve a bare name or title string (a transcript turn label, a headline byline).

        Tries, in order: an exact alias; a person's surname; a person's role with their party
        ('NATO Secretary General'); an organisation or state named in it."""
        low = text.lower().strip()
        words = [w.strip(".,:") for w in low.split()]
        actors = sorted(self.vocab.actors.items())
        for _, a in actors:
            if low in {x.lower() for x in (*a.aliases, *a.hidden)}:
                return a.ref
        for _, a in actors:
            if a.ref.kind == PERSON and any(al.split()[-1].lower() in words for al in a.aliases):
                return a.ref
        for _, a in actors:
            party = self.vocab.actors.get(a.ref.party or "")
            if a.ref.kind == PERSON and a.ref.role and a.ref.role.lower() in low and party is not None:
                if any(x.lower() in words for x in (*party.aliases, *party.hidden)):
                    return a.ref
        for _, a in actors:
            names = {x.lower() for x in (*a.aliases, *a.hidden)}
            if a.ref.kind != PERSON and any(w in names for w in words):
                return a.ref
        return None


def _conjuncts(tok: Token) -> list[Token]:
    out, stack = [], [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _looks_like_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 4 and all(_TITLE_WORDS.match(w) for w in words)


def _is_title_fragment(ent: Span) -> bool:
    return len(ent) == 1 and ent.start > 0 and ent.doc[ent.start - 1].lower_ == "of"
