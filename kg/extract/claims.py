"""Claims: an actor demands or rejects a demand concept, found from cue phrases in a sentence.

A sentence yields claims when it mentions a demand concept (its cues or inverse cues) and a
stance cue. The stance follows from the cue's family and the concept's polarity: advocacy of an
inverse form ('accelerate Ukraine's accession') rejects the demand, a negated inverse form
('NATO won't expand', 'an end to NATO expansion') is the demand itself. The actor is the speaker
(quote, reported speech, 'according to'), else the agent of the cue, else a possessor
('Russia's demands'), else the proposer a proposal noun refers back to, else the turn speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.cues import DEMAND, OPPOSE, REJECT, VETO, Hit, has_negation, match_any, token_norms
from kg.extract.holders import MODAL_LEMMAS, ActorFinder
from kg.extract.mentions import Mentions
from kg.extract.speakers import SILENT, Speech, is_reporting
from kg.extract.syntax import clause, dominates
from kg.model import DEMANDS, REJECTS, ActorRef, Claim, Document, Evidence
from kg.vocab import Cue, Vocabulary

CONFIDENCE = {
    "quote": 0.9,
    "reported": 0.85,
    "subject": 0.8,
    "turn": 0.75,
    "byline": 0.7,
    "possessor": 0.7,
    "proposer": 0.6,
    "enumeration": 0.5,
}
_NEG_WORDS = {"not", "n't", "never", "no", "cannot"}
_BARE_REFERENCES = {"this", "that", "these"}


@dataclass(frozen=True)
class ConceptHit:
    key: str
    tokens: tuple[int, ...]
    polarity: int  # +1: the demand itself is named; -1: its opposite is named


def evidence_of(document: Document, sent: Span) -> Evidence:
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Evidence(document.doc_id, start, start + len(text), text)


class ClaimFinder(ActorFinder):
    """Finds the claims of one document; keeps the discourse state (proposer, last concepts)."""

    def __init__(
        self, doc: Doc, document: Document, vocab: Vocabulary, mentions: Mentions, speech: Speech
    ) -> None:
        self.doc, self.document, self.vocab = doc, document, vocab
        self.mentions, self.speech = mentions, speech
        self.negators = vocab.lexicon("negators")
        self.reporting = vocab.lexicon("reporting-verbs")
        self.proposal_nouns = vocab.lexicon("proposal-nouns")
        self.propose_verbs = vocab.lexicon("propose-verbs")
        self.reference_nouns = vocab.lexicon("reference-nouns")
        self.demand_nouns = vocab.lexicon("demand-nouns")
        self.proposer_nouns = vocab.lexicon("proposer-nouns")
        self.in_package = {d.key for d in vocab.demands if d.in_package}
        self.family = {c: DEMAND for c in vocab.demand_cues}
        self.family.update({c: REJECT for c in vocab.reject_cues})
        self.family.update({c: OPPOSE for c in vocab.oppose_cues})
        self.family.update({c: VETO for c in vocab.veto_cues})
        # 'cannot violate X or dictate Y': a negated cue ('not dictate') also matches when the
        # parse negates its verb, however far the negation stands.
        self.negated_cores = {}
        for cue, fam in list(self.family.items()):
            core = tuple(slot for slot in cue.slots if not (_NEG_WORDS & set(slot)))
            if core and len(core) < len(cue.slots):
                self.negated_cores[Cue(" ".join("|".join(s) for s in core), core)] = (cue, fam)
        self.proposer: ActorRef | None = None
        self.allowed = {d.key: d.stances for d in vocab.demands}

    # ------------------------------------------------------------------ concepts
    def concepts(self, norms: dict[int, set[str]]) -> list[tuple[str, Hit, bool]]:
        """Concept matches as (key, hit, is_inverse); direct cues take their tokens first."""
        hits: list[tuple[str, Hit, bool]] = []
        for concept in self.vocab.demands:
            direct = match_any(concept.cues, norms)
            used = frozenset(i for h in direct for i in h.tokens)
            hits += [(concept.key, h, False) for h in direct]
            hits += [(concept.key, h, True) for h in match_any(concept.inverse_cues, norms, used)]
        return hits

    def _negated(self, hit: Hit, stops: set[int]) -> bool:
        """Whether an odd number of negations bear on a concept mention: 'NATO won't expand' and
        'an end to NATO expansion' are negated, 'will not end NATO expansion' is not."""
        doc = self.doc
        negations: set[int] = set()
        for i in hit.tokens:
            tok = doc[i]
            negations |= {
                c.i for c in tok.children if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
            }
            node, hops = tok, 0
            while node.head.i != node.i and hops < 4 and node.dep_ != "conj":
                node = node.head  # a conjunct's head is its sibling, not its governor: stop there
                hops += 1
                if is_reporting(node, self.reporting) or node.i in stops:
                    break
                if node.lemma_.lower() in self.negators:
                    negations.add(node.i)
                negations |= {c.i for c in node.children if c.dep_ == "neg"}
        start = max(hit.start - 3, doc[hit.start].sent.start)
        for j in range(start, hit.start):
            if j not in stops and (doc[j].lower_ in self.negators or doc[j].lemma_.lower() in self.negators):
                negations.add(j)
        return len(negations - set(hit.tokens)) % 2 == 1

    # ------------------------------------------------------------------ stances
    def cues(self, norms: dict[int, set[str]], exclude: frozenset[int]) -> list[tuple[Hit, str]]:
        found = []
        for hit in match_any(tuple(self.family), norms, exclude, tight=True):
            family = self.family[hit.cue]
            anchor = self.anchor(hit)
            negative_cue = any(_NEG_WORDS & set(s) for s in hit.cue.slots)
            if not negative_cue and not self._modal(anchor, hit) and has_negation(self.doc[hit.start]):
                continue  # 'did not reject', 'never demanded': the cue is blocked
            if (
                anchor.pos_ == "NOUN"
                and anchor.lemma_.lower() in self.reference_nouns
                and (self.owner(anchor) or self.proposer is not None)
            ):
                continue  # 'Russia's demands': handled as the owner's claim, not the speaker's
            found.append((hit, family))
        taken = {i for h, _ in found for i in h.tokens} | set(exclude)
        for hit in match_any(tuple(self.negated_cores), norms, frozenset(taken), tight=True):
            cue, family = self.negated_cores[hit.cue]
            tok = self.doc[hit.start]
            chain = [tok] + ([tok.head] if tok.dep_ == "conj" else [])
            node = tok  # 'are not on the table': the negation sits on the copula
            while node.dep_ in {"pobj", "prep", "attr", "acomp"} and node.head.i != node.i and len(chain) < 5:
                node = node.head
                chain.append(node)
            if any(has_negation(t) for t in chain):
                negs = tuple(c.i for t in chain for c in t.children if c.dep_ == "neg")
                found.append((Hit(cue, tuple(sorted({*hit.tokens, *negs}))), family))
        return found

    def anchor(self, hit: Hit) -> Token:
        tok = self.doc[hit.tokens[-1]] if len(hit.tokens) > 1 else self.doc[hit.start]
        for i in hit.tokens:
            if self.doc[i].pos_ in {"VERB", "NOUN", "ADJ"}:
                tok = self.doc[i]
                break
        if tok.tag_ == "MD" or tok.dep_ in {"aux", "auxpass"}:
            return tok.head
        return tok

    def _modal(self, anchor: Token, hit: Hit) -> bool:
        first = self.doc[hit.start]
        return first.tag_ == "MD" or first.lemma_.lower() in MODAL_LEMMAS

    @staticmethod
    def stance(family: str, polarity: int, via_reference: bool = False) -> str:
        """The claim's stance from the cue family and the concept's polarity.

        A veto cue ('cannot dictate whether Ukraine joins') always rejects the demand. A reject cue
        rejects what it names: the demand itself, or a demand noun around it ('rejected Russia's
        demands on NATO expansion'); named in its opposite form ('would not accept enlargement'), the
        actor is asking for the demand. A demand cue advocates what it names; an oppose cue the reverse.
        """
        if family == VETO or (family == REJECT and (polarity > 0 or via_reference)):
            return REJECTS
        if family == REJECT:
            return DEMANDS
        sign = polarity if family == DEMAND else -polarity
        return DEMANDS if sign > 0 else REJECTS

    def via_reference(self, anchor: Token, hit: ConceptHit) -> bool:
        """Whether a demand or proposal noun stands between the cue and the concept."""
        for i in hit.tokens:
            node, hops = self.doc[i], 0
            while node.head.i != node.i and hops < 6 and node.i != anchor.i:
                node, hops = node.head, hops + 1
                if node.i == anchor.i:
                    break
                if node.pos_ == "NOUN" and node.lemma_.lower() in self.demand_nouns:
                    return True
        return False

    # ------------------------------------------------------------------ main loop
    def find(self) -> list[Claim]:
        claims: list[Claim] = []
        previous: list[ConceptHit] = []
        for sent in self.doc.sents:
            norms = token_norms(sent)
            raw = self.concepts(norms)
            self.update_proposer(sent)
            used = frozenset(i for _, h, _ in raw for i in h.tokens)
            cues = self.cues(norms, used)
            stops = {self.anchor(h).i for h, _ in cues} | {i for h, _ in cues for i in h.tokens}
            hits = _merge_hits(
                [
                    ConceptHit(key, h.tokens, -1 if inv and not self._negated(h, stops) else +1)
                    for key, h, inv in raw
                ]
            )
            own = list(hits)
            root_subj = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if previous and root_subj and root_subj[0].lower_ in _BARE_REFERENCES:
                known = {h.key for h in hits}  # 'This, along with X, is unacceptable': the last point made
                hits += [ConceptHit(h.key, (root_subj[0].i,), +1) for h in previous if h.key not in known]
            if not hits:
                previous = []
                continue
            evidence = evidence_of(self.document, sent)
            claims += self._possessor_claims(hits, evidence)
            claims += self._reference_claims(sent, hits, evidence)
            if not cues:
                claims += self._enumeration_claims(sent, hits, evidence)
            for hit, family in cues:
                anchor = self.anchor(hit)
                targets = self._paired(anchor, hits, cues)
                if not targets:
                    continue
                actors, how = self.actors_for(anchor, family, sent)
                for actor in actors:
                    if actor is None or actor is SILENT:
                        continue
                    for ch in targets:
                        claims.append(
                            Claim(
                                self.document.doc_id,
                                actor,
                                self.stance(family, ch.polarity, self.via_reference(anchor, ch)),
                                ch.key,
                                evidence,
                                how,
                                CONFIDENCE.get(how, 0.5),
                                self.document.date,
                            )
                        )
            previous = own
        return [c for c in _dedupe(claims) if c.stance in self.allowed.get(c.demand, (DEMANDS, REJECTS))]

    def _reference_claims(self, sent: Span, hits: list[ConceptHit], evidence: Evidence) -> list[Claim]:
        """'Those demands include X', 'X is an unacceptable demand': the sentence names what the
        proposer asks for, whoever speaks."""
        refs = [c for c in sent.root.children if c.dep_ in {"nsubj", "attr"}]
        refs = [c for c in refs if c.pos_ == "NOUN" and c.lemma_.lower() in self.reference_nouns]
        if not refs or self.owner(refs[0]):
            return []
        if self.proposer is None:
            return []
        return [
            Claim(
                self.document.doc_id,
                self.proposer,
                DEMANDS if h.polarity > 0 else REJECTS,
                h.key,
                evidence,
                "proposer",
                CONFIDENCE["proposer"],
                self.document.date,
            )
            for h in hits
            if h.key in self.in_package
        ]

    def _enumeration_claims(self, sent: Span, hits: list[ConceptHit], evidence: Evidence) -> list[Claim]:
        """A sentence listing two or more demands in their own words, with no stance cue, states
        what its subject asks for ('the diplomat named NATO's non-expansion, no missiles...')."""
        named = {h.key for h in hits if h.polarity > 0 and h.key in self.in_package}
        if len(named) < 2:
            return []
        subj = [c for c in sent.root.children if c.dep_ == "nsubj"]
        actors = self.resolve(subj[0]) if subj else []
        return [
            Claim(
                self.document.doc_id,
                a,
                DEMANDS,
                key,
                evidence,
                "enumeration",
                CONFIDENCE["enumeration"],
                self.document.date,
            )
            for a in actors
            for key in sorted(named)
        ]

    def _scope(self, anchor: Token) -> Token:
        """The token whose subtree a cue governs: the cue itself, or for a predicate cue the copula
        ('the guarantees Moscow seeks are not on the table': the whole clause, subject included)."""
        node = anchor
        for _ in range(3):
            if node.dep_ not in {"attr", "acomp", "pobj", "prep", "advmod"} or node.head.i == node.i:
                break
            node = node.head
            if node.lemma_ == "be":
                return node
        return anchor

    def _paired(self, anchor: Token, hits: list[ConceptHit], cues: list[tuple[Hit, str]]) -> list[ConceptHit]:
        """The concepts this cue speaks about.

        A concept goes to every cue whose scope holds it ('rejected Russia's request to join': both
        the rejection and the request), and to a cue in a clause hanging on it ('the guarantees Moscow
        seeks').
        A concept no cue governs goes to a cue of the same clause; failing that, when it sits in a
        clause without a subject of its own ('..., including demands not to admit Ukraine') or is the
        only concept and the cue the only cue, to the nearest cue (the parse attached it wrongly)."""
        scopes = {self.anchor(h).i: self._scope(self.anchor(h)) for h, _ in cues}
        out = []
        for ch in hits:
            toks = [self.doc[i] for i in ch.tokens]
            holding = [
                a for a, root in scopes.items() if any(root.i == t.i or dominates(root, t) for t in toks)
            ]
            chosen = set(holding)
            chosen |= {a for a in scopes if any(dominates(t, self.doc[a]) for t in toks)}
            if not chosen:
                clauses = {clause(t).i for t in toks}
                chosen = {a for a in scopes if clause(self.doc[a]).i in clauses}
            if not chosen and scopes:
                head = clause(toks[0])
                finite = any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)
                if not finite or (len(scopes) == 1 and len({h.key for h in hits}) == 1):
                    chosen = {min(scopes, key=lambda a: min(abs(a - t.i) for t in toks))}
            if anchor.i in chosen:
                out.append(ch)
        return out

    def _possessor_claims(self, hits: list[ConceptHit], evidence: Evidence) -> list[Claim]:
        out = []
        for ch in hits:
            for i in ch.tokens:
                node, hops = self.doc[i], 0
                while node.head.i != node.i and hops < 4:
                    node, hops = node.head, hops + 1
                    if node.pos_ == "NOUN" and node.lemma_.lower() in self.reference_nouns:
                        owners, how = self.owner(node), "possessor"
                        if not owners and self.proposer is not None:
                            owners, how = [self.proposer], "proposer"
                        for o in owners:
                            out.append(
                                Claim(
                                    self.document.doc_id,
                                    o,
                                    DEMANDS if ch.polarity > 0 else REJECTS,
                                    ch.key,
                                    evidence,
                                    how,
                                    CONFIDENCE[how],
                                    self.document.date,
                                )
                            )
                        break
        return out


def _merge_hits(hits: list[ConceptHit]) -> list[ConceptHit]:
    """One hit per stretch of text naming a concept: cues that overlap or touch are one mention,
    negated if any of them is ('strike weapons must not be deployed near our borders')."""
    out: list[ConceptHit] = []
    for h in sorted(hits, key=lambda h: (h.key, min(h.tokens))):
        prev = out[-1] if out else None
        if prev is not None and prev.key == h.key and min(h.tokens) <= max(prev.tokens) + 3:
            merged = tuple(sorted({*prev.tokens, *h.tokens}))
            out[-1] = ConceptHit(h.key, merged, max(prev.polarity, h.polarity))
        else:
            out.append(h)
    return out


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        k = (c.actor.key, c.stance, c.demand, c.evidence.start)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


def extract_claims(
    doc: Doc, document: Document, vocab: Vocabulary, mentions: Mentions, speech: Speech
) -> list[Claim]:
    """All claims of one document."""
    return ClaimFinder(doc, document, vocab, mentions, speech).find()
