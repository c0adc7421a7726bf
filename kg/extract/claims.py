"""Claims: an actor demands or rejects a demand concept; the stance is composed, not guessed.

For each mention of a demand concept (its cues: the demand named; its inverse cues: its opposite
named) the extractor walks the dependency path from the mention up to the sentence root. The sign
starts at the mention's polarity and is multiplied by -1 for each reversing word and negation *on
that path* (:mod:`kg.extract.polarity`). Each stance predicate met on the way (a demand cue: +1, a
reject cue: -1) gives the claim of its holder with the sign at that point: the subject of a stance
verb, the owner of a demand noun ('Russia's demands'), else the speaker (the quote's, the reporting
verb's, the transcript turn's). Higher predicates compose: in 'NATO rejected Russia's demand that
the alliance stop expanding' Russia demands non-expansion and NATO rejects it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.concepts import ConceptFinder, ConceptHit
from kg.extract.cues import DEMAND, OPPOSE, REJECT, VETO, Hit, match_any
from kg.extract.holders import ActorFinder
from kg.extract.mentions import Mentions, is_first_person
from kg.extract.polarity import conjunct_sign, is_reverser, item_above, negations, path_up
from kg.extract.speakers import DATELINE, SILENT, TURN_LABEL, Speech, is_reporting
from kg.extract.syntax import object_predicate
from kg.model import DEMANDS, PERSON, REJECTS, ActorRef, Claim, Document, Evidence
from kg.vocab import Cue, Vocabulary

# The share of claims of each mechanism that the gold accepts, pooled over the three visible gold
# sets (seeds, dev, outlets; `kg evaluate` prints it per set), measured 2026-12-02. Mechanisms seen
# fewer than five times are pulled towards 0.7.
CONFIDENCE = {
    "subject": 0.95,
    "quote": 0.93,
    "possessor": 0.89,
    "reported": 0.82,
    "proposer": 0.75,
    "byline": 0.7,
    "enumeration": 0.7,
    "turn": 0.6,
}
SIDE = {DEMAND: +1, REJECT: -1, OPPOSE: -1}
_COPULA_DEPS = {"attr", "acomp", "pobj", "prep", "oprd", "amod", "advmod"}
_BARE_REFERENCES = {"this", "that", "these"}
_OBJECT_REFERENCES = {"both", "them", "all"}  # 'refused both': the demands just made
_COPULAS = {"be", "remain", "stay", "seem", "appear", "become"}
_NEG_WORDS = {"not", "n't", "never", "no", "cannot"}


@dataclass
class Predicate:
    """A stance cue in a sentence: where it applies on a path and which side it takes."""

    hit: Hit
    anchor: Token
    family: str
    kind: str  # verb | noun | modal | copula | veto
    sites: list[int] = field(default_factory=list)

    @property
    def side(self) -> int:
        return SIDE.get(self.family, +1)


Held = tuple[list[ActorRef], str, int]  # holders, mechanism, sign
_OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "attr"}
_ADJUNCT_PREPS = {
    "in",
    "at",
    "during",
    "despite",
    "amid",
    "after",
    "before",
    "since",
    "as",
    "because",
    "while",
}


@dataclass
class _Walk:
    """The state of one walk from a concept mention up its dependency path."""

    sign: int
    cue_tokens: frozenset[int]
    pending: int | None = None  # a stance whose holder is still to be found above
    reversed: bool = False  # a reversing word or negation was met
    negated: bool = False  # a negation was met
    applied: set[int] = field(default_factory=set)
    deferred: list[Predicate] = field(default_factory=list)
    subjects: list[Token] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)
    out: list[Held] = field(default_factory=list)
    answered: bool = False  # the walk passed an answer to the demand: stances above are on the answer
    issue: set[str] | None = None  # an issue no one named will give way on: its owners' parties
    issue_by: str | None = None  # ... and the party that proposed it
    # the mention is in an indirect question ('who may or may not join'): asked, not stated
    question: bool = False
    concession: int | None = None  # a verb of giving way the mention is the topic of ('bend on X')
    discussed: bool = False  # ... and the mention is its object ('refused to discuss X')
    denied: Token | None = None  # the 'not' of 'ready to discuss A but not B' the walk came through
    talks: bool = False  # the mention is what a verb of talks is about: a topic, not a position


def evidence_of(document: Document, sent: Span) -> Evidence:
    """The sentence as evidence, without a dateline ('GENEVA, Jan 10 (Reuters) -', 'KYIV — '), a
    live blog's time stamp or a transcript's turn label ('MR PRICE:') before it."""
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    for label in (DATELINE, TURN_LABEL):  # 'MR PRICE: We will not ...': the speaker is the claim's actor
        m = label.match(text[:120])
        if m and m.end() < len(text):
            start += m.end()
            text = text[m.end() :]
    return Evidence(document.doc_id, start, start + len(text), text)


@dataclass(frozen=True)
class StanceCues:
    """The stance cues by family, and their negated cores; the tuples are what the cue matcher
    keeps its plans for, so they are made once per vocabulary."""

    family: dict[Cue, str]
    negated_cores: dict[Cue, Cue]
    family_cues: tuple[Cue, ...]
    negated_cues: tuple[Cue, ...]


_STANCE_CUES: dict[int, tuple[Vocabulary, StanceCues]] = {}


def stance_cues(vocab: Vocabulary) -> StanceCues:
    got = _STANCE_CUES.get(id(vocab))
    if got is not None and got[0] is vocab:
        return got[1]
    family = {c: DEMAND for c in vocab.demand_cues}
    family.update({c: REJECT for c in vocab.reject_cues})
    family.update({c: OPPOSE for c in vocab.oppose_cues})
    family.update({c: VETO for c in vocab.veto_cues})
    # 'are not on the table', 'cannot violate X or dictate Y': a cue with a negation word also
    # matches its other words when the parse negates them, however far the negation stands.
    negated: dict[Cue, Cue] = {}
    for cue in list(family):
        core = tuple(slot for slot in cue.slots if not (_NEG_WORDS & set(slot)))
        if core and len(core) < len(cue.slots):
            negated[Cue(" ".join("|".join(s) for s in core), core)] = cue
    cues = StanceCues(family, negated, tuple(family), tuple(negated))
    _STANCE_CUES[id(vocab)] = (vocab, cues)
    return cues


def _whether_clause(anchor: Token, deciding: frozenset[str]) -> bool:
    """Whether a stance word stands in a 'whether' clause ('did not say whether Budapest supported
    X', 'asked whether France would support X'): the stance is asked about, not taken. What is
    decided ('Ukraine alone would choose whether to seek membership') is no question."""
    node = anchor
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
            return node.head.lemma_.lower() not in deciding
        if node.dep_ not in {"conj", "xcomp", "dobj", "pobj", "prep"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _clause_of(anchor: Token) -> Token | None:
    """The relative clause a stance word stands in: its verb, or the verb two steps above it at
    most ('called a non-starter', 'described as unacceptable')."""
    node = anchor
    for _ in range(3):
        # (the parser may take 'a demand that X has called a non-starter' for a content clause)
        if node.dep_ in {"relcl", "acl"} and node.pos_ == "VERB":
            return node
        if node.head.i == node.i or node.pos_ == "VERB":
            return None
        node = node.head
    return None


def _adverbial_of(clause: Token, node: Token) -> bool:
    return clause.dep_ == "advcl" and clause.head.i == node.i


class ClaimFinder(ActorFinder):
    """Finds the claims of one document; keeps the discourse state (proposer, last concepts)."""

    def __init__(
        self, doc: Doc, document: Document, vocab: Vocabulary, mentions: Mentions, speech: Speech
    ) -> None:
        self.doc, self.document, self.vocab = doc, document, vocab
        self.mentions, self.speech = mentions, speech
        self.reversers = vocab.lexicon("reversers")
        self.reporting = vocab.lexicon("reporting-verbs")
        self.modals = vocab.lexicon("modal-predicates")
        self.assertion_verbs = vocab.lexicon("assertion-verbs")
        self.entitlements = vocab.lexicon("entitlement-nouns")
        self.possession_verbs = vocab.lexicon("possession-verbs")
        self.concessions = vocab.lexicon("concession-words")
        self.responses = vocab.lexicon("response-nouns")
        self.elaboration_words = vocab.lexicon("elaboration-words")
        self.decision_verbs = vocab.lexicon("decision-verbs")
        self.topic_preps = vocab.lexicon("topic-prepositions")
        self.proposal_nouns = vocab.lexicon("proposal-nouns")
        self.texts = self.proposal_nouns | vocab.lexicon("statement-nouns")
        self.propose_verbs = vocab.lexicon("propose-verbs")
        self.inclusion_verbs = vocab.lexicon("inclusion-verbs")
        self.answering_verbs = vocab.lexicon("answering-verbs")
        self.observation_words = vocab.lexicon("observation-words")
        self.meeting_nouns = vocab.lexicon("meeting-nouns")
        self.content_nouns = vocab.lexicon("content-nouns")
        self.reference_nouns = vocab.lexicon("reference-nouns")
        self.demand_nouns = vocab.lexicon("demand-nouns")
        self.proposer_nouns = vocab.lexicon("proposer-nouns")
        self.demand_conditions = vocab.lexicon("demand-conditions")
        self.threat_verbs = vocab.lexicon("threat-verbs")
        self.refusal_nouns = vocab.lexicon("refusal-nouns")
        self.summary_nouns = self.demand_nouns | vocab.lexicon("summary-nouns")
        self.demand_like = self.demand_nouns | self.reference_nouns | self.content_nouns
        self.in_package = {d.key for d in vocab.demands if d.in_package}
        self.stance_cues = stance_cues(vocab)
        self.concept_finder = ConceptFinder(doc, vocab)
        self.proposer: ActorRef | None = None
        # where the proposer was last named, and the one before: 'the text' cannot point forward
        self.proposer_from, self.earlier_proposer = -1, None
        # per concept, the party the document has already shown demanding it: the proposer of that issue
        self.demanded_by: dict[str, str] = {}
        self._preds: list[Predicate] = []
        self.allowed = {d.key: d.stances for d in vocab.demands}

    def predicates(self, norms: dict[int, set[str]], exclude: frozenset[int]) -> list[Predicate]:
        preds = [
            self._predicate(hit, self.stance_cues.family[hit.cue])
            for hit in match_any(
                self.stance_cues.family_cues, norms, exclude, tight=True, accept=self._undated
            )
            if self._negation_first(hit) and not self._said_not_say(hit)
        ]
        taken = frozenset(i for p in preds for i in p.hit.tokens) | exclude
        preds += self._owned_refusals(norms, taken) + self._sole_deciders(norms)
        taken |= {i for p in preds for i in p.hit.tokens}
        for hit in match_any(self.stance_cues.negated_cues, norms, taken, tight=True):
            cue = self.stance_cues.negated_cores[hit.cue]
            pred = self._predicate(Hit(cue, hit.tokens), self.stance_cues.family[cue])
            negs = [n for s in pred.sites for n in negations(self.doc[s])]
            if pred.kind == "noun" and pred.anchor.dep_ == "dobj" and not negs:
                negs = negations(pred.anchor.head)  # 'has not made any concessions on X'
            if pred.anchor.dep_ == "conj" and conjunct_sign(pred.anchor, pred.anchor.head, frozenset()) < 0:
                negs.append(pred.anchor.head.i)  # 'cannot violate X or dictate Y'
            if negs:
                pred.hit = Hit(cue, tuple(sorted({*hit.tokens, *negs})))
                preds.append(pred)
        return [p for p in preds if not self._restated(p, preds)]

    def _sole_deciders(self, norms: dict[int, set[str]]) -> list[Predicate]:
        """'Only Ukraine and the 30 allies can decide when Ukraine is ready to join': a decision that
        only the named may take denies everyone else a say, a veto over what is decided (the
        cue window cannot reach from 'only' on the subject to the verb)."""
        out = []
        for i in norms:
            verb = self.doc[i]
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.decision_verbs:
                continue
            for subj in (c for c in verb.children if c.dep_ == "nsubj"):
                only = next((c for c in subj.children if c.dep_ == "advmod" and c.lower_ == "only"), None)
                if only is not None:
                    hit = Hit(Cue.parse("only decide"), (only.i, verb.i))
                    out.append(Predicate(hit, verb, VETO, "veto", [verb.i]))
        return out

    def _owned_refusals(self, norms: dict[int, set[str]], taken: frozenset[int]) -> list[Predicate]:
        """'NATO's refusal to halt its expansion': a refusal noun with an owner is the owner's
        rejection (without one it only reverses, as a reversing word)."""
        out = []
        for i in norms:
            tok = self.doc[i]
            if i in taken or tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.refusal_nouns:
                continue
            if any(c.dep_ == "poss" and self.resolve(c) for c in tok.children):
                out.append(Predicate(Hit(Cue.parse(tok.lemma_.lower()), (i,)), tok, REJECT, "noun", [i]))
        return out

    def _undated(self, tokens: tuple[int, ...]) -> bool:
        """'Kallas on Tuesday called X a non-starter': the 'on' of a date is no 'call on' (unless
        a 'for' follows: 'called on Thursday for a larger presence')."""
        for i in tokens:
            on = self.doc[i]
            if on.lower_ == "on" and any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in on.children):
                return any(c.dep_ == "prep" and c.lower_ == "for" for c in on.head.children)
        return True

    def _said_not_say(self, hit: Hit) -> bool:
        """'did not say whether': the verb of saying, not 'no say' (no right to decide)."""
        return self.stance_cues.family[hit.cue] == VETO and any(
            self.doc[i].lower_ == "say" and self.doc[i].pos_ in {"VERB", "AUX"} for i in hit.tokens
        )

    def _negation_first(self, hit: Hit) -> bool:
        """A cue with a negation word ('no say', 'not accept') has it before its other words:
        'said no agreement was possible' is no 'no say'."""
        if not any(_NEG_WORDS & set(slot) for slot in hit.cue.slots):
            return True
        return self.doc[min(hit.tokens)].lower_ in _NEG_WORDS  # "can't": 'ca' is no word of the cue

    @staticmethod
    def _restated(p: Predicate, preds: list[Predicate]) -> bool:
        """'dismissed that demand as a non-starter', 'rejected it as unacceptable': a predicate after
        'as' restates the stance of the verb it completes; counted once, it does not cancel it.
        The parser may hang the 'as' phrase lower, on the object or its last verb ('rejected the
        idea that Kyiv be barred as unacceptable'), or the predicate inside it as a modifier."""
        prep = next(
            (a for a in (p.anchor.head, p.anchor.head.head) if a.dep_ == "prep" and a.lower_ == "as"), None
        )
        if prep is None or p.anchor.dep_ not in {"pobj", "amod"}:
            return False
        above = {a.i for a in prep.ancestors}
        return any(
            q is not p and q.anchor.i in above and q.anchor.i < prep.i and q.side == p.side for q in preds
        )

    def _predicate(self, hit: Hit, family: str) -> Predicate:
        anchor = self.anchor(hit)
        if family == VETO:
            kind = "veto"
        elif self._modal(anchor):
            kind = "modal"
        elif anchor.pos_ in {"NOUN", "PROPN"}:
            kind = "noun"
        elif anchor.pos_ in {"VERB"} and anchor.dep_ not in {"acomp", "amod"}:
            kind = "verb"
        else:
            kind = "copula"
        pred = Predicate(hit, anchor, family, kind, [anchor.i])
        verb = object_predicate(anchor)
        if verb is not None:
            # 'considered NATO's expansion a threat', 'regarded a guarantee as an imperative': said
            # of the object
            pred.sites.append(verb.i)
        if kind == "veto" and anchor.dep_ in {"nsubj", "nsubjpass"}:
            pred.sites.append(anchor.head.i)  # 'no one can veto X': the subject's verb
        if kind == "noun":
            pred.sites += self._for_clauses(anchor, hit)
            if (
                anchor.dep_ == "nsubj"
                and anchor.head.lemma_ == "be"
                and any(c.dep_ in {"ccomp", "attr"} for c in anchor.head.children)
            ):
                # 'Moscow's key demand is that Ukraine never join', 'the only remedy is a promise'
                pred.sites.append(anchor.head.i)
        node = anchor
        if node.tag_ == "MD" or node.dep_ in {"aux", "auxpass"}:
            pred.sites.append(node.head.i)
            return pred
        for _ in range(4):  # 'are not on the table', 'is an unacceptable demand'
            if node.dep_ not in _COPULA_DEPS or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in {"VERB", "AUX"}:
                # 'join NATO under pressure from Moscow': a noun in a phrase of a verb other than
                # 'be' is no predicate of that verb
                if kind != "noun" or node.lemma_ in _COPULAS:
                    pred.sites.append(node.i)
                break
            pred.sites.append(node.i)
        return pred

    @staticmethod
    def _for_clauses(noun: Token, hit: Hit) -> list[int]:
        """'repeated Moscow's call for the alliance to withdraw': a 'for ... to' clause right after
        a stance noun completes the noun, even where the parser hung it on the verb."""
        end = max(hit.tokens)
        fors = [c.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"]

        def completes(clause: Token) -> bool:
            marks = [m for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"]
            if marks:
                return marks[0].i <= end + 1
            infinitive = any(m.dep_ == "aux" and m.lower_ == "to" for m in clause.children)
            subject = any(m.dep_ in {"nsubj", "nsubjpass"} for m in clause.children)
            return infinitive and not subject and any(f < clause.i for f in fors)

        return [c.i for c in noun.head.children if c.dep_ == "advcl" and c.i > end and completes(c)]

    def anchor(self, hit: Hit) -> Token:
        for i in hit.tokens:
            tok = self.doc[i]
            if tok.dep_ in {"amod", "compound"} and tok.head.i in hit.tokens:
                continue  # 'the only remedy', 'a core element': the noun, not its modifier
            if tok.pos_ in {"VERB", "NOUN", "ADJ"}:
                return tok
        return self.doc[hit.tokens[-1]]

    def _modal(self, anchor: Token) -> bool:
        """'must', 'should', 'have to', 'needs to', 'imperative': the subject is told, not asking."""
        lemma = anchor.lemma_.lower()
        if anchor.tag_ == "MD":
            return lemma in self.modals or anchor.lower_ in self.modals
        if lemma in {"need", "have"} and anchor.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ == "xcomp" for c in anchor.children)
        return anchor.pos_ == "ADJ" and lemma in self.modals

    # ------------------------------------------------------------------ composition
    def compose(self, ch: ConceptHit, preds: list[Predicate], sent: Span) -> list[Held]:
        """(holders, mechanism, sign) for each holder met on the mention's path to the root; one
        holder met twice with opposite signs holds the outer stance ('NATO refused to rule out
        Ukraine's membership': the refusal, not the ruling out it refuses)."""
        out = self._walk(ch, preds, sent)
        final: dict[str, int] = {}
        for holders, _, sign in out:
            final.update({h.key: sign for h in holders if h is not None and h is not SILENT})
        kept = []
        for holders, how, sign in out:
            same = [h for h in holders if h is None or h is SILENT or final[h.key] == sign]
            if same:
                kept.append((same, how, sign))
        return kept

    def _walk(self, ch: ConceptHit, preds: list[Predicate], sent: Span) -> list[Held]:
        at: dict[int, list[Predicate]] = {}
        for p in preds:
            for s in dict.fromkeys(p.sites):  # a predicate is met once on each node it is sited on
                at.setdefault(s, []).append(p)
        head = self.concept_finder.head_of(ch.tokens)
        # 'the alliance will never close its door': a negation on the mention's own words reverses it
        question = self._in_question(head)
        own = not (ch.topic or question) and any(
            negations(self.doc[i], frozenset(ch.tokens)) for i in ch.tokens
        )
        walk = _Walk(
            sign=ch.polarity * (-1 if self._decided_by_other(ch) else 1),
            cue_tokens=frozenset(i for p in preds for i in p.hit.tokens) | set(ch.tokens),
            reversed=own,
            negated=own,
            question=question,
        )
        denied = self._denied_conjunct(head)
        if denied is not None and denied.i not in walk.cue_tokens:
            # 'ready to discuss X but not the open door', with 'not' on the mention itself: it denies
            # the talks, not the door (the mention's own sign took it)
            walk.sign, walk.denied = -walk.sign, denied
            walk.reversed = walk.negated = False
        prev = head
        for node, from_conj in [(head, False), *path_up(head)]:
            if from_conj:
                walk.sign *= conjunct_sign(prev, node, walk.cue_tokens)
                if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in prev.children):
                    # 'the alliance was ready ... but would not give up X': the shared subject
                    walk.subjects += [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            else:
                split = _split_copula(prev, node)
                if split is not None:  # 'said the demand to remove X was unacceptable'
                    if not self._step(walk, ch, head, prev, split, at, preds):
                        return walk.out
                    prev = split
                if not self._step(walk, ch, head, prev, node, at, preds):
                    return walk.out
            aside = self._parenthetical_reporter(node)
            if aside is not None and not self._step(walk, ch, head, node, aside, at, preds):
                return walk.out
            prev = node
        if walk.pending is not None:
            holders, how = self.context_holder(self.doc[ch.tokens[0]], sent)
            if holders:
                walk.out.append((holders, how, walk.pending))
        self._apply_deferred(walk)
        return walk.out

    @staticmethod
    def _in_question(head: Token) -> bool:
        """'a discussion of who may or may not join', 'asked whether Kyiv would join': a clause
        opened by a question word states nothing about what it asks."""
        node = head
        for _ in range(6):
            for c in node.children:
                wh = (
                    c.tag_ in {"WP", "WRB"}
                    and c.dep_ in {"nsubj", "nsubjpass", "dobj", "advmod"}
                    and c.i < node.i
                )
                if wh or (c.dep_ == "mark" and c.lower_ == "whether"):
                    return node.dep_ in {"pcomp", "ccomp", "xcomp", "conj", "csubj"}
            if node.dep_ in {"ROOT", "relcl"} or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _decided_by_other(self, ch: ConceptHit) -> bool:
        """'its alliances were decided in Moscow', 'Russia cannot choose Ukraine's allies': a choice
        made by one who is not its owner is a veto, not the owner's right to choose."""
        words = [self.doc[i] for i in ch.tokens]
        verb = next((t for t in words if t.pos_ == "VERB" and t.lemma_.lower() in self.decision_verbs), None)
        if verb is None:
            return False
        nouns = [t for t in words if t.pos_ in {"NOUN", "PROPN"} and t.i != verb.i]
        possessed = [n for n in nouns if any(c.dep_ == "poss" for c in n.children)]
        owners = {o.party or o.key for n in possessed for o in self.owner(n, agents=False)}
        deciders, outside = [], False
        for c in verb.children:
            if c.dep_ == "nsubj":
                deciders += self.mentions.resolve(c)
            elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in {"by", "in"}):
                objects = [g for g in c.children if g.dep_ == "pobj"]
                found = [
                    r
                    for g in objects
                    for r in self.mentions.resolve(g)
                    if r.kind != PERSON or c.lower_ == "by"
                ]
                deciders += found
                outside = outside or bool(found)
        parties = {d.party or d.key for d in deciders}
        if not parties or not possessed:
            return False
        if owners:
            return not (parties & owners)
        return outside  # 'its alliances decided in Moscow': an owner only a pronoun names is not the capital

    def _in_response(self, noun: Token) -> bool:
        """A response noun, or a noun of its phrase ('an answer in writing on X', the parser hanging
        'on X' on 'writing'); not past a demand noun ('answers on its demands, including a halt to
        X': the halt is what is demanded)."""
        node: Token | None = noun
        for _ in range(3):
            if node is None:
                return False
            if node.lemma_.lower() in self.responses:
                return True
            if node.lemma_.lower() in self.demand_nouns or node.head.lower_ in self.elaboration_words:
                return False  # (nor what a list after 'including' names, wherever the parser hangs it)
            node = item_above(node)
        return False

    def _denied_conjunct(self, node: Token) -> Token | None:
        """The 'not' of a conjunct object of a verb of talks ('ready to discuss arms control but not
        the open door'), which denies the verb for that object only."""
        if node.dep_ != "conj":
            return None
        neg = next((c for c in node.children if c.dep_ == "neg"), None)
        first = node
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if neg is None or first.dep_ != "dobj" or first.head.lemma_.lower() not in self.concessions:
            return None
        return neg

    def _other_decides(self, verb: Token, prev: Token, ch: ConceptHit) -> bool:
        """'a Europe in which Russia decides who may join NATO': a decision verb whose matter holds
        the mention, with a subject none of the mention's own actors is, gives a veto over it;
        'NATO alone decides who joins' and 'Ukraine will decide whether to join' do not."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.decision_verbs:
            return False
        if prev.dep_ not in {"ccomp", "dobj", "xcomp"} or prev.head.i != verb.i:
            return False
        node = verb
        while node.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in node.children):
            node = node.head  # 'Russia wants to decide': the subject of the verb it completes
        deciders = [r for c in node.children if c.dep_ == "nsubj" for r in self.mentions.resolve(c)]
        if not deciders:
            return False
        words = [self.doc[i] for i in ch.tokens]
        named = {r.party or r.key for t in words for r in self.mentions.resolve(t)}
        for t in words:
            if t.pos_ == "VERB":
                subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
                if not subjects:
                    return False  # 'decide whether to join': the decider is the one who joins
                named |= {r.party or r.key for c in subjects for r in self.mentions.resolve(c)}
        return not ({d.party or d.key for d in deciders} & named)

    def _step(
        self,
        walk: _Walk,
        ch: ConceptHit,
        head: Token,
        prev: Token,
        node: Token,
        at: dict[int, list[Predicate]],
        preds: list[Predicate],
    ) -> bool:
        """One node of the path: its reversals, the predicates sited on it, a verb of saying.
        False when the walk ends here (a blocked stance, or the speaker found)."""
        here = [p for p in at.get(node.i, []) if id(p) not in walk.applied]
        noun = self._misattached_content(prev, node)
        if noun is not None:  # the demand noun the clause says the content of speaks first
            here = [p for p in at.get(noun.i, []) if id(p) not in walk.applied and p not in here] + here
        # ('would not negotiate on its demand that X', the clause hung on the verb: the demand is its topic)
        demand_topic = (
            noun is not None and noun.head.lower_ in self.topic_preps and noun.head.head.i == node.i
        )
        # 'will not negotiate away X': giving X away, negated, keeps X; not a refusal to talk about X
        given_away = node.lemma_.lower() in self.concessions and is_reverser(node, self.reversers)
        cue_tokens = walk.cue_tokens
        if given_away:
            dropped = {i for p in here if p.anchor.i == node.i for i in p.hit.tokens}
            walk.applied |= {id(p) for p in at.get(node.i, []) if p.anchor.i == node.i}
            here = [p for p in here if p.anchor.i != node.i]
            cue_tokens = cue_tokens - dropped  # its 'not' negates the giving away
        if any(self._conditional(p) for p in here):
            return False  # 'will not be discussed without Kyiv': a condition, not a refusal
        if any(p.kind in {"verb", "noun"} and _whether_clause(p.anchor, self.decision_verbs) for p in here):
            return False  # 'did not say whether Budapest supported X': a stance asked about, not taken
        if prev.dep_ == "prep" and prev.lower_ in {"to", "on"} and self._in_response(node):
            walk.answered = True  # 'would not accept partial answers to its proposals': the answer
        if walk.answered:
            here = []
        if (
            prev.dep_ == "prep"
            and prev.lower_ in _ADJUNCT_PREPS
            and prev.head.i == node.i
            # 'dismissed as a non-starter Moscow's proposal': with no object of its own, the verb's
            # object is what the parser hung on 'as'
            and not (prev.lower_ == "as" and not _has_object(node, prev))
        ):
            # 'defend its security in the face of NATO's push': an adjunct, not what is defended
            here = [p for p in here if not (p.kind == "verb" and p.anchor.i == node.i)]
        aside = self._said_aside(prev, node)
        if aside:
            here = []  # 'X is not on the agenda, adding that ...': the main clause's stance stays there
        walk.deferred += self._relative_predicates(node, preds, walk.applied)
        if prev.lower_ in self.elaboration_words and node.pos_ in {"VERB", "AUX"}:
            here += self._elaborated(node, prev, preds, walk.applied)
        in_mention = node.i in ch.tokens
        if in_mention and not here:
            walk.subjects += [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            return True
        if prev.lower_ in self.topic_preps and not walk.reversed and self._demand_topic(node, prev):
            walk.sign = +1  # 'demands on NATO expansion': the topic names the demand's issue
        if prev.lower_ in self.topic_preps and node.lemma_.lower() in self.meeting_nouns and walk.sign < 0:
            # 'urged NATO not to hold talks about Ukraine's membership without Kyiv': the opposite of a
            # demand as the topic of talks states no position ('talks on guarantees' still may)
            return False
        reporting = is_reporting(node, self.reporting)
        if not reporting:
            walk.subjects += [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # a negation or reversal of a clause does not reach into its adverbial clause ('X was not
        # on the agenda, adding that Berlin would keep the door open')
        outside = in_mention or aside or walk.answered
        # 'would not comment on the deployment': a verb the mention only completes through a
        # preposition, with no stance of its own, is not negated about it
        # ('no deal without a halt to X': a reversing preposition is no topic; the negation holds)
        topical = (
            not here
            and prev.dep_ == "prep"
            and prev.head.i == node.i
            and node.pos_ == "VERB"
            and not is_reverser(prev, self.reversers)
        )
        # 'no deal could be reached without X': the negated consequence asks for X, it refuses nothing
        conditions = self._condition_of(node, prev)
        # 'Russia's objection to X had not been answered': what the other side did not answer
        # is still asked
        # ('had given no answer to the elements of the Russian initiatives': nor an answer not given)
        answered = (
            not here
            and node.lemma_.lower() in self.answering_verbs
            and (prev.dep_ in {"nsubjpass", "dobj"} or (node.pos_ == "NOUN" and prev.lower_ == "to"))
        )
        # 'had seen no sign of de-escalation': what one has not seen is a fact reported, no stance
        observed = not here and node.lemma_.lower() in self.observation_words
        negs = [] if outside or topical or conditions or answered or observed else negations(node, cue_tokens)
        denied = self._denied_conjunct(node)
        if denied is not None:  # 'ready to discuss A but not B': B is not to be discussed
            walk.denied = denied
            negs = [n for n in negs if n != denied.i]
        if walk.denied is not None and not here and node.lemma_.lower() in self.concessions:
            cue = Cue.parse(f"not {node.lemma_.lower()}")
            here = [Predicate(Hit(cue, (walk.denied.i, node.i)), node, REJECT, "verb", [node.i])]
            walk.denied = None
        if negs and any(p.kind in {"verb", "noun"} for p in here):
            return False  # 'did not reject', 'never demanded': no stance
        if negs and not here and self._denied_kind(node, prev):
            return False  # 'Russia's proposals were not a menu': says what they are, takes no side
        # a word of a stance cue ('warned against') takes its side once, as the cue, not again as a reverser
        reverser = (
            not outside
            and (node.i not in walk.cue_tokens or given_away)
            and is_reverser(node, self.reversers)
            and not self._condition_prep(node)
            # 'pushed back against the demands', 'argued against it': the refusal's own preposition
            and not (node.dep_ == "prep" and any(p.side < 0 for p in at.get(node.head.i, [])))
        )
        decided = not outside and self._other_decides(node, prev, ch)
        flips = len(negs) + reverser + decided + self._misattached_reverser(prev, node)
        if flips and not (ch.topic and not walk.applied):
            walk.reversed = True
            walk.negated = walk.negated or bool(negs)
            walk.sign *= -1 if flips % 2 else 1
        for q in self._as_clauses(node, at, walk.applied):
            # 'NATO will not stop its enlargement, as Moscow demands': Moscow demands what the verb
            # names, without the verb's own negation
            # (and with its own stance: 'refused to rule out X, as Russia had demanded')
            walk.applied.add(id(q))
            holders, _ = self.verb_holder(q.anchor)
            own = [p.side for p in here if p.anchor.i == node.i and p.kind == "verb"][:1]
            sign = walk.sign * (-1 if len(negs) % 2 else 1) * (own[0] if own else 1)
            if holders:
                walk.out.append((holders, "subject", sign * q.side))
                walk.parties |= {h.party or h.key for h in holders}
        near = (
            prev.i == head.i or self._named_by(prev, ch) or (prev.dep_ == "acl" and _argument_of(head, prev))
        )
        if not here and near and self._asserts(prev, node):
            walk.pending = walk.sign  # 'NATO's door remains open', 'the right to choose': a stated position
            having = node.dep_ == "dobj" and node.head.lemma_.lower() in self.possession_verbs
            if node.pos_ == "NOUN" and having and len(negations(node.head)) % 2:
                walk.pending = -walk.sign  # 'no country had the right to block X': the right denied
        here += self._reference_subject(node, prev) + conditions
        # 'would not budge on X'; 'would not discuss X': what one will not talk about is an issue too
        discussed = prev.dep_ == "dobj" and node.pos_ == "VERB" and node.lemma_.lower() in self.concessions
        topic = prev.lower_ in self.topic_preps or discussed
        subject = prev.dep_ in {"nsubj", "csubj"} and node.lemma_ in _COPULAS  # 'X is not negotiable'
        issue = prev.head.i == node.i and not walk.reversed and (topic or (subject and self.proposer))
        # 'refusing to bend on X': the giving way the refusal completes makes X the refusal's issue
        carried = prev.i == walk.concession and prev.dep_ == "xcomp" and not walk.reversed
        if issue and not here and node.lemma_.lower() in self.concessions:
            walk.concession, walk.discussed = node.i, discussed
        if discussed and not here and not reverser:
            # 'ready to discuss limits on missile deployments': no position stated ('bargain away
            # the open door' is one)
            walk.talks = True
        discussed = discussed or (carried and walk.discussed)
        for p in sorted(here, key=lambda p: p.kind != "noun"):
            # only a refusal of giving way keeps a side ('wants to discuss X' does not)
            conceding = p.anchor.lemma_.lower() in self.concessions
            if (carried and p.side < 0) or ((issue or (demand_topic and p.anchor.i == node.i)) and conceding):
                self._apply_issue(walk, p, ch, plain=discussed)
            elif carried and walk.discussed and walk.sign < 0:
                # 'wanted to discuss missile deployments': the opposite named as a topic of talks is
                # not advocated ('wants to negotiate guarantees', the demand itself, still is)
                walk.applied.add(id(p))
                return False
            else:
                self._apply(walk, p)
        if reporting and not here:
            self._apply_deferred(walk)  # what the clause below said holds before its speaker shares it
            return not self._reported(walk, node, prev, head)
        return True

    def _misattached_reverser(self, prev: Token, node: Token) -> int:
        """'the demand remained a legal halt to the alliance's enlargement', parsed with 'to' on
        the verb: the reversing complement the phrase follows is what it completes."""
        if node.pos_ not in {"VERB", "AUX"} or prev.dep_ != "prep" or prev.lower_ not in {"to", "of", "on"}:
            return 0
        # ('demanded a halt to NATO expansion', parsed with 'to' on 'demanded': the same repair)
        objects = {"attr"} if node.lemma_ in _COPULAS else {"dobj"}
        for c in node.children:
            if c.dep_ in objects and c.right_edge.i == prev.i - 1 and is_reverser(c, self.reversers):
                return 1
        return 0

    def _misattached_content(self, prev: Token, node: Token) -> Token | None:
        """'refusing Moscow's demand that they rule out X', 'unless they addressed Russia's main
        demand, that NATO stop expanding', parsed with the 'that' clause on a verb: the demand
        noun the clause follows is what it completes."""
        if prev.dep_ not in {"ccomp", "advcl"} or node.pos_ not in {"VERB", "AUX"}:
            return None
        mark = next((c for c in prev.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is None or mark.i < 2:
            return None
        before = self.doc[mark.i - 1]
        if before.text in {",", ":", "—", "–"}:
            before = self.doc[mark.i - 2]
        if (
            before.pos_ == "NOUN"
            and before.lemma_.lower() in self.demand_nouns
            and before.i not in prev.subtree
        ):
            return before
        return None

    def _named_by(self, noun: Token, ch: ConceptHit) -> bool:
        """Whether a noun is what the mention's words modify ('NATO's open-door policy')."""
        modifiers = {"compound", "poss", "amod"}
        return noun.pos_ == "NOUN" and any(
            self.doc[i].head.i == noun.i and self.doc[i].dep_ in modifiers for i in ch.tokens
        )

    @staticmethod
    def _denied_kind(node: Token, prev: Token) -> bool:
        """'X is not a menu': a copula denying its subject is some kind of thing."""
        return (
            prev.dep_ == "nsubj"
            and node.lemma_ in _COPULAS
            and any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in node.children)
        )

    def _asserts(self, mention: Token, node: Token) -> bool:
        """Whether ``node`` states the mention as a standing position: a verb of staying with it as
        subject or object ('the door remains open'), or a right it completes ('the right to choose
        one's alliances')."""
        lemma = node.lemma_.lower()
        if mention.dep_ in {"nsubj", "dobj"}:
            return lemma in self.assertion_verbs
        if mention.dep_ == "acomp":  # 'the door is open': the complement is part of the mention
            return lemma == "be" or lemma in self.assertion_verbs
        return mention.dep_ == "acl" and node.pos_ == "NOUN" and lemma in self.entitlements

    def _apply_issue(self, walk: _Walk, p: Predicate, ch: ConceptHit, plain: bool = False) -> None:
        """'Washington would not budge on NATO expansion', 'Moscow will not compromise on it': one
        who will not give way on an issue keeps its own side of it, the proposer's demand for the
        proposer's side, the refusal of it for anyone else; what the holder names as its own
        ('NATO will not compromise on its open door') is its side; else no claim."""
        walk.applied.add(id(p))
        holders, how = self.holder(p)
        parties = {h.party or h.key for h in holders}
        kept = [sign for held, _, sign in walk.out if {h.party or h.key for h in held} & parties]
        if kept:  # 'Moscow would not bargain over its demand that NATO stop expanding': it insists
            walk.out += [([h], how, kept[-1]) for h in holders]
            walk.pending = None
            return
        # the one who put proposals forward, else the party the document showed demanding the concept
        proposer = self.proposer.party or self.proposer.key if self.proposer else None
        proposer = proposer or self.demanded_by.get(ch.key)
        nouns = {self.doc[i] for i in ch.tokens} | {
            self.doc[i].head for i in ch.tokens if self.doc[i].dep_ in {"compound", "amod"}
        }
        owned = [o for n in nouns for o in self.owner(n, agents=False)]  # 'troops from Poland' are no one's
        owners = {o.party or o.key for o in owned}
        subject = [c for c in p.anchor.children if c.dep_ == "nsubj"]
        if not holders and owned and subject and subject[0].lower_ in {"it", "they", "we"}:
            # 'it would not compromise on its open door'; 'the United States said it will not
            # negotiate on NATO's open door': the state named before, not the door's owner
            pronoun_owner = any(
                c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for n in nouns for c in n.children
            )
            named = [] if pronoun_owner or subject[0].lower_ == "we" else self._antecedent_group(subject[0])
            holders, how = (named or owned[:1]), "subject"
        if proposer is None and not owners:
            if plain and walk.sign > 0:  # 'refused to discuss the non-expansion': the demand refused
                walk.applied.discard(id(p))
                self._apply(walk, p)
            else:
                walk.pending = None
            return
        walk.pending = None
        if not holders:  # 'X is not up for discussion, the diplomats said': the speaker's side
            walk.issue, walk.issue_by = owners, proposer
            return
        for h in holders:
            sign = self._issue_sign(h, owners, walk.sign, proposer)
            if sign is not None:
                walk.out.append(([h], how, sign))
                walk.parties.add(h.party or h.key)
                walk.sign = sign

    def _issue_sign(self, holder: ActorRef, owners: set[str], sign: int, proposer: str | None) -> int | None:
        """The side of an issue one keeps: one's own (or its alliance's) as named, else the
        proposer's demand for the proposer and its refusal for anyone else."""
        party = holder.party or holder.key
        if party in owners or self.vocab.alliances.get(party, frozenset()) & owners:
            return sign  # 'Washington will not compromise on NATO's open door': its alliance's policy
        if proposer is None:
            return None
        return +1 if party == proposer else -1

    def _apply(self, walk: _Walk, p: Predicate) -> None:
        """A stance predicate met on the path: its side times the sign so far, for its holder."""
        walk.applied.add(id(p))
        if p.kind == "veto":  # 'not up to Moscow to decide whether ...': rejected, whatever the form
            walk.sign = walk.pending = -1
            return
        walk.sign *= p.side
        holders, how = ([], "") if self._asked(p) else self.holder(p)
        if holders:
            walk.out.append((holders, how, walk.sign))
            walk.parties |= {h.party or h.key for h in holders}
            walk.pending = None
        else:
            walk.pending = walk.sign
        if p.kind in {"verb", "noun"}:
            walk.deferred += self._closing_relatives(p, walk.applied)
            self._apply_deferred(walk)

    def _closing_relatives(self, p: Predicate, applied: set[int]) -> list[Predicate]:
        """'Russia demanded that X and that Y - which NATO rejected': a relative clause set off at
        the end of a demand speaks of the whole demand, whichever item the parser hangs it on; so
        does one on a noun that sums the demand up (', a demand US officials have called a
        non-starter', the stance taken by the clause's verb)."""
        inside = {t.i for t in p.anchor.subtree}
        out = []
        for q in self._preds:
            rel = _clause_of(q.anchor)
            if id(q) in applied or rel is None or rel.i not in inside:
                continue
            first = rel.left_edge
            if rel.head.lemma_.lower() in self.summary_nouns and rel.head.dep_ in {
                "appos",
                "npadvmod",
                "dep",
            }:
                first = rel.head.left_edge  # ', a demand NATO has rejected': the demand named again
            elif first.lower_ not in {"which", "something"} or q.kind != "verb":
                continue
            if first.i == 0:
                continue
            if self.doc[first.i - 1].text not in {",", "—", "–", "-", ";"}:
                continue
            if any(not (t.is_punct or t.is_space) for t in self.doc[rel.right_edge.i + 1 : rel.sent.end]):
                continue  # not the clause that closes the sentence
            out.append(q if q.anchor.i == rel.i else Predicate(q.hit, rel, q.family, "verb", [rel.i]))
        return out

    @staticmethod
    def _as_clauses(node: Token, at: dict[int, list[Predicate]], applied: set[int]) -> list[Predicate]:
        """Stance verbs of an 'as' clause on ``node`` with nothing of their own to be about ('as
        Russia demands', 'as Moscow had asked'), not negated."""
        out = []
        for c in node.children:
            if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children):
                continue
            if any(g.dep_ in {"dobj", "ccomp", "xcomp", "neg"} for g in c.children):
                continue
            out += [
                q for q in at.get(c.i, []) if q.kind == "verb" and q.anchor.i == c.i and id(q) not in applied
            ]
        return out

    def _conditional(self, p: Predicate) -> bool:
        """A negated predicate with a 'without'/'unless' condition: 'not X without Y' says X
        needs Y, not that X is refused."""
        if not any(self.doc[i].dep_ == "neg" or self.doc[i].lower_ in _NEG_WORDS for i in p.hit.tokens):
            return False
        return any(
            (c.dep_ == "prep" and c.lower_ == "without")
            or (c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children))
            for c in p.anchor.children
        )

    def _asked(self, p: Predicate) -> bool:
        """A stance verb inside the content of a pledge or demand ('a pledge that NATO will not
        allow Ukraine to join'): its subject is the one asked to act, not one who takes a stance."""
        if p.kind != "verb":
            return False
        node = p.anchor
        for _ in range(4):
            while node.dep_ == "conj" and node.head.i != node.i:
                node = node.head
            if node.dep_ not in {"acl", "ccomp"} or node.head.i == node.i:
                return False
            node = node.head
            lemma = node.lemma_.lower()
            if node.pos_ in {"NOUN", "PROPN"}:
                return lemma in self.content_nouns or lemma in self.demand_nouns
            if any(
                q.family == DEMAND
                and (
                    (q.kind in {"verb", "modal"} and q.anchor.i == node.i)
                    or (
                        q.kind in {"copula", "modal"}
                        and q.anchor.dep_ == "acomp"
                        and q.anchor.head.i == node.i
                    )
                )
                for q in self._preds
            ):
                return True  # 'demanded that NATO not allow ...', 'it was mandatory that NATO commit'
        return False

    def _reported(self, walk: _Walk, verb: Token, prev: Token, head: Token) -> bool:
        """A verb of saying on the path: its subject takes the stance found below it when no one
        else holds it, or shares it when the holder is of the speaker's own side. True when the
        speaker was found (the walk ends)."""
        reporters = self.reporters(verb)
        if walk.issue is not None and reporters and not walk.out:
            signs = [self._issue_sign(r, walk.issue, walk.sign, walk.issue_by) for r in reporters]
            walk.out += [([r], "reported", s) for r, s in zip(reporters, signs) if s is not None]
            return True
        endorsed = prev.dep_ == "dobj" and (prev.i == head.i or head.head.i == prev.i)
        if (
            walk.pending is None
            and not walk.out
            and not walk.question
            and not walk.talks
            and (walk.reversed or endorsed)
            and self._own_side(reporters, walk.subjects, head, vacuous=not walk.negated)
        ):
            walk.pending = walk.sign  # 'X said NATO will never close its door', 'reaffirmed the open door'
        if not reporters or (walk.pending is None and not walk.out):
            return False
        parties = {r.party or r.key for r in reporters}
        if walk.pending is not None and any(
            sign == -walk.pending and {h.party or h.key for h in held} & parties for held, _, sign in walk.out
        ):
            # 'Putin said Western countries had brushed aside Russia's insistence on X': a stance
            # against his own side's demand, held by no actor, is not the speaker's
            return True
        if walk.pending is not None:
            walk.out.append((reporters, "reported", walk.pending))
        elif parties & walk.parties:
            walk.out.append((reporters, "reported", walk.out[-1][2]))
        else:
            return True
        if any(r.kind == PERSON for r in reporters):
            return True
        # 'Blinken said Washington had made clear it would not ...': a person above who reports
        # their own side's statement shares it
        walk.pending, walk.parties = None, walk.parties | parties
        return False

    def _own_side(
        self, reporters: list[ActorRef], subjects: list[Token], head: Token, vacuous: bool = False
    ) -> bool:
        """Whether the clauses below a verb of saying speak of the speaker's own side: 'Sherman said
        the US will never let anyone shut the door' states her position; 'he said the United States
        was not ready to address guarantees' reports another's."""
        if not reporters:
            return False
        own = {r.party or r.key for r in reporters}
        sides = {ref.party or ref.key for subj in subjects for ref in self.resolve(subj) if ref}
        clause = next((a for a in [head, *head.ancestors] if a.pos_ in {"VERB", "AUX"}), head)
        if any(s.head.i in {head.i, clause.i} and self._self_reference(s, reporters) for s in subjects):
            sides |= own  # 'NATO said it will not withdraw': the speaker refuses its own act
        # clauses that name no side count only when a reversing word, not a bare negation, made
        # the stance: 'guarantees precluding expansion' is one; 'talks are not contingent on' is not
        return sides <= own and (bool(sides) or vacuous)

    @staticmethod
    def _self_reference(subject: Token, reporters: list[ActorRef]) -> bool:
        """A pronoun subject that can only be the speaker: first person; 'it' for a state or organisation,
        'he'/'she' for a person."""
        word = subject.lower_
        if is_first_person(subject):
            return True
        persons = all(r.kind == PERSON for r in reporters)
        return (word == "it" and not persons and subject.head.lemma_ != "be") or (
            word in {"he", "she"} and persons
        )

    def _apply_deferred(self, walk: _Walk) -> None:
        """A stance verb in a relative clause on the path speaks about the whole demand stated
        above it ('Russia demanded that NATO stop expanding, which Washington rejected')."""
        while walk.deferred:
            rel = walk.deferred.pop(0)
            if id(rel) in walk.applied:
                continue
            walk.applied.add(id(rel))
            if len(negations(rel.anchor, frozenset(rel.hit.tokens))) % 2:
                continue  # ', which NATO has not rejected': no side taken
            holders, _ = self.verb_holder(rel.anchor)
            if holders:
                walk.out.append((holders, "subject", walk.sign * rel.side))
                walk.parties |= {h.party or h.key for h in holders}

    def holder(self, p: Predicate) -> tuple[list[ActorRef], str]:
        if p.kind == "verb":
            return self.verb_holder(p.anchor)
        if p.kind == "noun":
            return self.noun_holder(p.anchor)
        if p.kind == "copula":
            verb = object_predicate(p.anchor)
            if verb is not None:  # 'Lavrov regarded NATO expansion as unacceptable'
                return self.verb_holder(verb)
            return self.adjective_holder(p.anchor), "subject"
        return [], ""

    def _parenthetical_reporter(self, clause: Token) -> Token | None:
        """'The alliance, he added, would not withdraw': a short clause of saying set off by commas
        inside the clause it reports, which the parser hangs on it as ``parataxis``."""
        for c in clause.children:
            if c.dep_ != "parataxis" or not is_reporting(c, self.reporting):
                continue
            words = [t for t in c.subtree if not t.is_punct]
            left = words[0].i
            if len(words) <= 6 and left > 0 and self.doc[left - 1].text in {",", "—", "–"}:
                return c
        return None

    def _said_aside(self, prev: Token, node: Token) -> bool:
        """Whether the walk reached ``node`` from a clause of saying hung on it ('X is not on the
        agenda, adding that ...'): what is added is said apart, the clause's negations, reversals
        and stances do not reach into it."""
        return _adverbial_of(prev, node) and is_reporting(prev, self.reporting)

    def _condition_of(self, node: Token, prev: Token) -> list[Predicate]:
        """'Moscow will respond militarily unless NATO stops deploying missiles': what a threat
        is made conditional on is asked for by the one who threatens (the verb's subject).
        'Without X, Moscow would be forced to respond', 'no deal can be reached without X': a
        consequence (a modal or negated clause) that X alone would avert asks for X."""
        if node.pos_ not in {"VERB", "AUX"}:
            return []
        marker, family = None, DEMAND
        if _adverbial_of(prev, node):
            marks = [c for c in prev.children if c.dep_ == "mark"]
            marker = next((c for c in marks if c.lower_ in self.demand_conditions), None)
            # ('will have to respond', 'would be forced to respond': the threat is the complement)
            threat = {node.lemma_.lower()} | {c.lemma_.lower() for c in node.children if c.dep_ == "xcomp"}
            modal = self._modal_clause(node) or (node.dep_ == "xcomp" and self._modal_clause(node.head))
            if marker is None and threat & self.threat_verbs and modal:
                # 'Moscow would respond if NATO kept expanding': the threat is against what 'if' names
                marker, family = next((c for c in marks if c.lower_ == "if"), None), REJECT
        elif self._condition_prep(prev):
            marker = prev
        if marker is None:
            return []
        return [Predicate(Hit(Cue.parse(marker.lower_), (marker.i,)), node, family, "verb", [node.i])]

    @staticmethod
    def _modal_clause(verb: Token) -> bool:
        return any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" for c in verb.children)

    def _condition_prep(self, prep: Token) -> bool:
        """A 'without' phrase on a clause that states a consequence: the clause has a modal or
        a negation ('would be forced', 'no settlement could be reached'); 'accepted the talks
        without guarantees' states none."""
        verb = prep.head
        if (
            prep.dep_ != "prep"
            or prep.lower_ not in self.demand_conditions
            or verb.pos_ not in {"VERB", "AUX"}
        ):
            return False
        # ('without a guarantee, we see no grounds for a new round': a denied object negates it too)
        denied = any(
            c.dep_ in {"dobj", "attr"} and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            for c in verb.children
        )
        return self._modal_clause(verb) or bool(negations(verb, frozenset())) or denied

    def _reference_subject(self, node: Token, prev: Token) -> list[Predicate]:
        """'Those demands include X', 'The proposals call for X': a demand noun as the subject of
        the verb whose object is the concept speaks for its owner or proposer."""
        if node.pos_ not in {"VERB", "AUX"} or prev.dep_ not in {"dobj", "attr", "pobj", "prep"}:
            return []
        for c in node.children:
            if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in self.reference_nouns:
                return [Predicate(Hit(Cue.parse(c.lemma_), (c.i,)), c, DEMAND, "noun", [node.i])]
        return []

    def _elaborated(
        self, verb: Token, marker: Token, preds: list[Predicate], applied: set[int]
    ) -> list[Predicate]:
        """'pushing back on proposals that are non-starters, including Russia's demands to ...':
        the list after 'including' elaborates the object of the stance stated before it, even when
        the parser hangs it on the clause."""
        inside = {t.i for t in marker.subtree}
        before = [
            p
            for p in preds
            if p.kind in {"verb", "noun"}
            and p.anchor.i < marker.i
            and p.anchor.i not in inside
            and id(p) not in applied
            and any(a.i == verb.i for a in p.anchor.ancestors)
        ]
        return [max(before, key=lambda p: p.anchor.i)] if before else []

    def _relative_predicates(self, node: Token, preds: list[Predicate], applied: set[int]) -> list[Predicate]:
        """'the guarantees Moscow seeks', 'demands, which NATO rejected': a stance verb in a clause
        hanging on the noun on the path speaks about that noun."""
        out = []
        # 'X was something the allies could not agree to': the complement's clause speaks of X
        nouns = [node, *(c for c in node.children if c.dep_ == "attr")] if node.lemma_ == "be" else [node]
        for noun in nouns:
            clauses = {  # not a content clause: 'a pledge that NATO will not allow ...' says what is pledged
                c.i
                for c in noun.children
                if c.dep_ in {"relcl", "acl"}
                and c.pos_ == "VERB"
                and not any(m.dep_ == "mark" for m in c.children)
            }
            out += [p for p in preds if p.anchor.i in clauses and p.kind == "verb" and id(p) not in applied]
        return out

    # ------------------------------------------------------------------ main loop
    def find(self) -> list[Claim]:
        claims: list[Claim] = []
        previous: list[ConceptHit] = []
        stated: list[Held] = []  # the last sentence's stances, per holder, before its concept's polarity
        demanded: set[str] = set()  # what the last sentence's claims demanded: 'that demand' next
        for sent in self.doc.sents:
            norms = self.mentions.norms(sent)
            hits = self.concept_finder.concepts(norms)
            self.update_proposer(sent)
            if not hits and not previous:
                stated, demanded = [], set()  # nothing named here, nothing to point back at
                continue
            used = frozenset(i for h in hits for i in h.tokens)
            preds = self.predicates(norms, used)
            self._preds = preds
            own = list(hits)
            main = _main_clause(sent)
            root_subj = [c for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if previous and root_subj and root_subj[0].lower_ in _BARE_REFERENCES:
                known = {h.key for h in hits}  # 'This, along with X, is unacceptable': the last point made
                hits += [
                    ConceptHit(h.key, (root_subj[0].i,), self._path_sign(h, phrase=True))
                    for h in previous
                    if h.key not in known
                ]
            # a proposal taken as a whole, just named, is what 'the proposals' point back at
            wholes = {h.key for h in previous if self.allowed.get(h.key) == (REJECTS,)}
            pointed = demanded | wholes
            pointer = self._pointer(sent, definite=bool(wholes)) if not hits and pointed and preds else None
            if pointer is not None:  # 'Washington dismissed that demand': what was just demanded
                hits = [ConceptHit(key, (pointer.i,), +1) for key in sorted(pointed)]
                preds = self._preds = [p for p in preds if p.anchor.i != pointer.i]
            if not hits:
                previous, stated, demanded = [], [], set()
                continue
            evidence = evidence_of(self.document, sent)
            first = len(claims)
            fragment = not preds and self._continues(sent)
            now: list[Held] = []
            for ch in hits:
                if fragment:  # 'These include demands to stop X. And to withdraw Y.'
                    held = [(hs, how, side * self._path_sign(ch)) for hs, how, side in stated]
                else:
                    held = self.compose(ch, preds, sent)
                    now += [(hs, how, sign * self._path_sign(ch)) for hs, how, sign in held]
                for holders, how, sign in held:
                    for actor in holders:
                        if actor is None or actor is SILENT:
                            continue
                        claims.append(
                            self._claim(actor, DEMANDS if sign > 0 else REJECTS, ch.key, evidence, how)
                        )
            if not preds and not fragment and len(claims) == first:  # no stance found by the walks
                claims += self._enumeration_claims(sent, hits, evidence)
            previous = own
            stated = now if not fragment else stated
            demanded = set()
            for c in claims[first:]:
                if c.stance == DEMANDS:
                    demanded.add(c.demand)
                    self.demanded_by.setdefault(c.demand, c.actor.party or c.actor.key)
        return [c for c in _dedupe(claims) if c.stance in self.allowed.get(c.demand, (DEMANDS, REJECTS))]

    def _demand_topic(self, node: Token, prep: Token) -> bool:
        """Whether a topic preposition names the issue of a demand noun: hung on it, or on the
        verb whose object it is ('demanded guarantees regarding NATO expansion', as parsed)."""
        if node.pos_ == "NOUN":
            return node.lemma_.lower() in self.demand_like
        return (
            node.pos_ == "VERB"
            and prep.dep_ == "prep"
            and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.demand_like and c.i < prep.i
                for c in node.children
            )
        )

    def _pointer(self, sent: Span, definite: bool = False) -> Token | None:
        """A demand noun pointing back ('that demand', 'these demands', 'such a demand'; with
        ``definite``, after proposals just named, 'the proposals' too): it stands for what the
        sentence before demanded or proposed. So does the object pronoun of a stance verb
        ('Washington has refused both', 'NATO rejected them')."""
        pointing = {"this", "that", "these", "those", "such", "both"} | ({"the"} if definite else set())
        for tok in sent:
            if tok.lemma_.lower() in self.demand_nouns and any(
                c.dep_ == "det" and c.lower_ in pointing for c in tok.children
            ):
                return tok
            if (
                tok.lower_ in _OBJECT_REFERENCES
                and tok.dep_ == "dobj"
                and any(p.anchor.i == tok.head.i and p.kind == "verb" for p in self._preds)
            ):
                return tok
        return None

    @staticmethod
    def _continues(sent: Span) -> bool:
        """A fragment that goes on with the sentence before it: it opens with 'and'/'or' and its
        root has no subject of its own ('And to withdraw forces from ...')."""
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if first is None or first.lower_ not in {"and", "or", "nor", "plus"}:
            return False
        return not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in sent.root.children)

    def _path_sign(self, ch: ConceptHit, phrase: bool = False) -> int:
        """The mention's polarity times the reversing words and negations above it. With
        ``phrase``, the polarity of the thing it names, as a later 'that' takes it up: only the
        reversing words of its noun phrase ('the right to choose' is the opposite of
        non-expansion, 'a halt to enlargement' is non-expansion), not the stance taken on it."""
        sign = ch.polarity
        cue = frozenset(ch.tokens)
        for node, from_conj in path_up(self.concept_finder.head_of(ch.tokens)):
            if phrase and node.pos_ in {"VERB", "AUX"}:
                break
            if from_conj or node.i in ch.tokens:
                continue
            flips = (0 if phrase else len(negations(node, cue))) + is_reverser(node, self.reversers)
            sign *= -1 if flips % 2 else 1
        return sign

    def _claim(self, actor: ActorRef, stance: str, key: str, evidence: Evidence, how: str) -> Claim:
        return Claim(
            self.document.doc_id,
            actor,
            stance,
            key,
            evidence,
            how,
            CONFIDENCE.get(how, 0.5),
            self.document.date,
        )

    def _enumeration_claims(self, sent: Span, hits: list[ConceptHit], evidence: Evidence) -> list[Claim]:
        """A sentence listing two or more demands in their own words, with no stance cue, states
        what its subject asks for ('the diplomat named NATO's non-expansion, no missiles...')."""
        named = {h.key for h in hits if self._path_sign(h) > 0 and h.key in self.in_package}
        if len(named) < 2:
            return []
        subj = [c for c in sent.root.children if c.dep_ == "nsubj"]
        actors = self.resolve(subj[0]) if subj else []
        how = "enumeration"
        if not actors:  # '"The key point is clear: no expansion, no missiles," Lavrov said'
            speaker = self.speech.voice_at(self.doc[min(i for h in hits for i in h.tokens)])
            actors, how = ([speaker], "quote") if speaker is not None and speaker is not SILENT else ([], how)
        return [self._claim(a, DEMANDS, key, evidence, how) for a in actors for key in sorted(named)]


def _split_copula(clause: Token, head: Token) -> Token | None:
    """'Duda said the demand to remove allied troops was unacceptable', parsed as two clauses of
    'said': an infinitive with a subject of its own ('the demand to remove ...') and, right after
    it, a copula with none. The copula's complement is said of the first clause."""
    if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    if not any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in clause.children):
        return None
    for c in head.children:
        if (
            c.dep_ == "ccomp"
            and c.lemma_ in _COPULAS
            and c.i == clause.right_edge.i + 1
            and not any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
        ):
            return c
    return None


def _argument_of(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` hangs below ``verb`` without passing an adjunct preposition ('apply for
    membership' yes; 'defend its security in the face of NATO's push' no)."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in _ADJUNCT_PREPS:
            return False
        node = node.head
    return node.i == verb.i


def _has_object(verb: Token, besides: Token) -> bool:
    """Whether a verb has an object or a prepositional complement other than ``besides``
    ('insisted on a halt ... as a precondition': 'on' is what is insisted on)."""
    return any(
        c.dep_ in _OBJECT_DEPS or (c.dep_ == "prep" and c.i != besides.i and c.lower_ in {"on", "upon"})
        for c in verb.children
    )


def _main_clause(sent: Span) -> Token:
    """The sentence's main verb; after a speaker's label the parser made the root ('MR PRICE:
    That is a non-starter'), the clause after the colon."""
    root = sent.root
    if root.pos_ in {"VERB", "AUX"}:
        return root
    colons = [c.i for c in root.children if c.text == ":"]
    for c in root.children:
        if colons and c.i > colons[0] and c.pos_ in {"VERB", "AUX"}:
            return c
    return root


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
