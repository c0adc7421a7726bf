"""Who makes a claim: the speaker, the agent of the cue, a possessor, or the proposer referred to.

``ActorFinder`` is mixed into :class:`kg.extract.claims.ClaimFinder`, which holds the document state it uses
(the parsed doc, mentions, speech, the current proposer).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.mentions import is_first_person
from kg.extract.speakers import SILENT
from kg.extract.syntax import colon_item, is_vocative, object_predicate
from kg.model import PERSON, ActorRef

DEMONSTRATIVES = {"this", "that", "these", "those", "it"}


class ActorFinder:
    """Actor resolution for claims; see the module docstring."""

    def resolve(self, tok: Token) -> list[ActorRef]:
        if tok.lemma_.lower() in self.proposal_nouns and not self.mentions.resolve(tok):
            owner = self.owner(tok)
            if owner:
                return owner
            if any(c.lower_ in {"the", "these", "those", "this", "its"} for c in tok.children):
                # ('The text said ... that Russia's demands were unacceptable': not Russia's text)
                proposer = self.earlier_proposer if self.proposer_from > tok.i else self.proposer
                return [proposer] if proposer else []
        if tok.lower_ in DEMONSTRATIVES:
            return []
        return self.mentions.resolve(tok, speaker=self.speech.speaker_of(tok))

    def owner(self, noun: Token, agents: bool = True) -> list[ActorRef]:
        """The possessor of a noun: 'Russia's demands', 'Russian demands', and unless ``agents`` is
        false the one it comes from: 'demands by Moscow', 'the drafts handed over by Moscow'."""
        for c in noun.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"}:
                if c.lower_ in {"its", "their"}:
                    refs = self._antecedent_group(c)
                    if refs:
                        return refs
                    continue
                refs = self.mentions.resolve(c, speaker=self.speech.speaker_of(c))
                if refs:
                    return refs
            if not agents:
                continue
            sources = [c] if c.dep_ == "prep" and c.lower_ in {"by", "from"} else []
            if c.dep_ == "acl" and c.tag_ == "VBN":  # 'the documents handed over by Moscow'
                sources = [g for g in c.children if g.dep_ == "agent"]
            for a in sources:
                for g in a.children:
                    if g.dep_ == "pobj":
                        refs = self.mentions.resolve(g)
                        if refs:
                            return refs
        return []

    def _antecedent_group(self, pronoun: Token) -> list[ActorRef]:
        """'its demands', 'their proposals': the nearest state or organisation named before the
        pronoun in its sentence; not the one who is to answer them ('unconvinced that the US would
        address its concerns')."""
        answering = self._answerer(pronoun)
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
            ref = self.mentions.by_token.get(i)
            if ref is not None and ref.kind != PERSON and i not in answering:
                return [ref]
        return []

    def _answerer(self, pronoun: Token) -> set[int]:
        """The tokens of the subject of an answering verb whose object the pronoun's noun is."""
        node = pronoun.head
        # 'had given no response to its demand', 'sent an answer to its demands': who gives the
        # answer answers ('needed answers on its demands' asks for them)
        noun, to = False, False
        while node.dep_ in {"pobj", "prep", "dobj"} and node.head.i != node.i:
            to = node.dep_ == "prep" and node.lower_ == "to"
            node = node.head
            if node.pos_ == "VERB":
                break
            noun = noun or (to and node.pos_ == "NOUN" and node.lemma_.lower() in self.answering_verbs)
        noun = noun or (
            to and any(c.dep_ == "dobj" and c.lemma_.lower() in self.answering_verbs for c in node.children)
        )
        if node.pos_ != "VERB" or not (noun or node.lemma_.lower() in self.answering_verbs):
            return set()
        for _ in range(3):  # 'the US was prepared to address': the subject that controls it
            subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects or node.dep_ not in {"xcomp", "acomp"}:
                return {u.i for c in subjects for u in c.subtree}
            node = node.head
        return set()

    def verb_holder(self, verb: Token) -> tuple[list[ActorRef], str]:
        """Who holds the stance of a stance verb: its subject ('Russia demanded'), the agent of a
        passive ('was rejected by NATO'), or for a verb without a subject of its own (a conjunct, a
        participle, 'Russia wants to stop ...') the subject of the verb it hangs on. The subject of
        a verb under 'must' or 'should' is told, not asking: no holder. The mechanism is 'quote' for
        a first-person subject (the speaker's own words), else 'subject'."""
        node = verb
        for _ in range(5):
            if any(self._is_modal_aux(c) for c in node.children) or self._bound_by_draft(node):
                return [], ""
            if colon_item(node) is not None:
                return [], ""  # 'the initiatives: ..., refusing to deploy X': an item, taking no stance
            subjects = [c for c in node.children if c.dep_ == "nsubj" and c.lower_ not in _EMPTY_SUBJECTS]
            if len(subjects) > 1:
                subjects = [c for c in subjects if not is_vocative(c)]  # 'Ned, the Russians say
            # 'MOSCOW — Russia on Thursday gave ...': a dateline the parser made a second subject
            # ('The draft documents handed over by Moscow call for ...': a subject that names no
            # actor speaks for its owner)
            named = [(c, self.resolve(c) or self.owner(c)) for c in subjects]
            for c, refs in sorted(named, key=lambda cr: not cr[1])[:1]:
                return refs, "quote" if is_first_person(c) else "subject"
            for c in node.children:
                if c.dep_ == "agent":
                    target = next((g for g in c.children if g.dep_ == "pobj"), None)
                    return (self.resolve(target) if target is not None else []), "subject"
            if node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}:
                refs = self.resolve(_misplaced_subject(node) or node.head)
                return (refs or self._issuers(node.head)), "subject"
            if node.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"} and node.head.i != node.i:
                node = _gerund_pair(node) or node.head
                continue
            break
        return [], ""

    def _issuers(self, noun: Token) -> list[ActorRef]:
        """'Xi and Putin issued a joint statement opposing X': who put forward the text that takes
        the stance."""
        verb = noun.head
        if noun.lemma_.lower() not in self.texts or noun.dep_ != "dobj" or verb.pos_ != "VERB":
            return []
        if not self._lemma2(verb) & self.propose_verbs:
            return []
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # 'met in Beijing and issued a statement': the subject they share
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        return [r for c in subj for r in self.resolve(c)] if subj else []

    def _bound_by_draft(self, verb: Token) -> bool:
        """'Under the draft, the alliance would commit to ...': the subject is what the draft binds,
        not one taking a stance (the draft's proposer speaks)."""
        return any(
            c.dep_ == "prep"
            and c.lower_ == "under"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in self.proposal_nouns for g in c.children)
            for c in verb.children
        )

    def _is_modal_aux(self, tok: Token) -> bool:
        return tok.tag_ == "MD" and tok.lemma_.lower() in self.modals

    def noun_holder(self, noun: Token) -> tuple[list[ActorRef], str]:
        """Who holds a demand noun: its owner ('Russia's demands', 'Russian demands', 'demands by
        Moscow'), the subject of a verb that puts it forward ('Putin issued a series of demands'),
        else the proposer a definite reference points back to ('these demands')."""
        owners = self.owner(noun)
        if owners:
            return owners, "possessor"
        verb = object_predicate(noun)
        if verb is not None:  # 'Shoigu called the deployment a threat'
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj:
                return self.resolve(subj[0]), "subject"
        node = noun
        for _ in range(4):
            if node.dep_ not in {"pobj", "prep", "dobj", "appos", "conj"} or node.head.i == node.i:
                break
            node = node.head
            if node.pos_ in {"VERB", "AUX"}:
                subj = [c for c in node.children if c.dep_ == "nsubj"]
                if subj and self._lemma2(node) & self.propose_verbs:
                    return self.resolve(subj[0]), "subject"
                if subj and node.lemma_.lower() in self.inclusion_verbs:
                    # 'These include demands to ...': what the proposals (or 'these') hold
                    if subj[0].lower_ in DEMONSTRATIVES and self.proposer is not None:
                        return [self.proposer], "proposer"
                    refs = self.resolve(subj[0])
                    if refs:
                        return refs, "proposer"
                break
            owners = self.owner(node)
            if owners and node.lemma_.lower() in {"series", "list", "set", "package", "number"}:
                return owners, "possessor"
        determiners = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
        definite = determiners & {"the", "these", "those", "this", "its", "their", "such", "both"}
        predicative = noun.dep_ in {"attr", "conj"} and noun.head.lemma_ in {"be", "remain"}
        if (definite or predicative) and self.proposer and noun.lemma_.lower() in self.proposer_nouns:
            return [self.proposer], "proposer"
        return [], ""

    @staticmethod
    def _lemma2(verb: Token) -> set[str]:
        lemma = verb.lemma_.lower()
        return {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "advmod"}}

    def adjective_holder(self, pred: Token) -> list[ActorRef]:
        """'unacceptable to Moscow', 'imperative for Russia': the one it is unacceptable to (the
        parser may hang the phrase on the copula: 'it was mandatory for Moscow that ...')."""
        copula = [pred.head] if pred.dep_ == "acomp" and pred.head.lemma_ == "be" else []
        for c in (*pred.children, *(c for v in copula for c in v.children)):
            if c.dep_ == "prep" and c.lower_ in {"to", "for"}:
                for g in c.children:
                    if g.dep_ == "pobj":
                        refs = self.resolve(g)
                        if refs:
                            return refs
        return []

    def context_holder(self, tok: Token, sent: Span) -> tuple[list[ActorRef], str]:
        """The speaker when the stance itself names no holder: the quote's speaker, 'according to
        X' or 'from X's perspective', the transcript turn, the byline."""
        k = self.speech.quote_at(tok.idx)
        if k is not None and k in self.speech.quote_speaker:
            return [self.speech.quote_speaker[k]], "quote"
        said = self.speech.sentence_speaker(sent)
        if said:
            return said, "reported"
        turn = self.speech.turn_speaker(tok.idx)
        if turn is not None:
            return ([] if turn is SILENT else [turn]), "turn"
        if self.proposer is not None and any(
            t.lemma_.lower() in self.proposal_nouns and t.head.lower_ in {"under", "in"} and t.dep_ == "pobj"
            for t in sent
        ):
            return [self.proposer], "proposer"  # 'Under the draft treaty, the US shall ...': the draft speaks
        if self.speech.default_speaker is not None:
            return [self.speech.default_speaker], "byline"
        return [], ""

    def reporters(self, verb: Token) -> list[ActorRef]:
        """The subject of a verb of saying (first person: the turn's speaker)."""
        # 'X went further, saying ...': a participle of saying speaks for its head's subject
        nodes = [verb, verb.head] if verb.dep_ == "advcl" and verb.tag_ == "VBG" else [verb]
        for node in nodes:
            for c in node.children:
                if c.dep_ == "nsubj" and not is_vocative(c):
                    return self.resolve(c)
        return self.speech.reporter_of(verb)

    # ------------------------------------------------------------------ discourse state
    def update_proposer(self, sent: Span) -> None:
        """'Russia proposed draft treaties', 'Moscow published its demands', 'Russia's drafts'."""
        by_owner, at = None, -1
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.propose_verbs:
                if any(self._proposed(t, tok) for t in sent if t.i > tok.i):
                    subj = [c for c in tok.children if c.dep_ == "nsubj"]
                    refs = self.mentions.resolve(subj[0]) if subj else []
                    party = self._party(refs[0]) if refs else None
                    if party is not None:
                        self._set_proposer(party, tok.i)
                        return
            elif tok.pos_ == "NOUN" and lemma in self.proposal_nouns and by_owner is None:
                possessed = any(c.dep_ in {"poss", "amod"} for c in tok.children)
                # 'handed Russia a reply to its demands': 'its' is the nearest state, not the subject
                refs = self.owner(tok, agents=False) if possessed else []
                by_owner = self._party(refs[0]) if refs else None
                at = tok.i
        if by_owner is not None:
            self._set_proposer(by_owner, at)

    def _set_proposer(self, party: ActorRef, at: int) -> None:
        self.earlier_proposer, self.proposer, self.proposer_from = self.proposer, party, at

    def _proposed(self, noun: Token, verb: Token) -> bool:
        """Whether a proposal noun after a verb of proposing is what it proposes: not the
        demands an answer is to ('handed Russia a reply to its demands')."""
        if noun.lemma_.lower() not in self.proposal_nouns:
            return False
        for above in noun.ancestors:
            if above.i == verb.i:
                return True
            if above.lemma_.lower() in self.responses:
                return False
        return True  # the parser did not hang it under the verb: kept, as before

    def _party(self, ref: ActorRef) -> ActorRef | None:
        if ref.kind != PERSON:
            return ref
        return self.vocab.actors[ref.party].ref if ref.party in self.vocab.actors else None


def _misplaced_subject(verb: Token) -> Token | None:
    """'Sherman, who led the American delegation, called on Russia ...', parsed with 'called' as a
    clause on 'delegation': a finite verb after a relative clause set off by commas belongs to
    the noun the relative clause describes."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    relative = next((up for up in verb.head.ancestors if up.dep_ == "relcl"), None)
    if relative is None or relative.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return relative.head


_EMPTY_SUBJECTS = {"it", "there", "which", "that", "who"}


def _gerund_pair(conj: Token) -> Token | None:
    """'..., saying its concerns had been ignored and calling for X', parsed with 'calling' as a
    conjunct of 'ignored': a gerund joined to a verb of another form pairs with the gerund above."""
    if conj.dep_ != "conj" or conj.tag_ != "VBG" or conj.head.tag_ == "VBG":
        return None
    return next((a for a in conj.head.ancestors if a.tag_ == "VBG"), None)
