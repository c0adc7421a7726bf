"""Who is speaking: quotes and their speakers, reported speech, transcript turns, bylines."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.mentions import Mentions, is_first_person
from kg.extract.syntax import is_vocative
from kg.model import ActorRef

# 'GENEVA, Jan 10 (Reuters) - ', 'MOSCOW, Jan 11 - ': the place and date a wire story opens with
# (use with .match, which anchors it)
DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'-]{2,40},?\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?"
    r"\([A-Za-z .&'-]{2,40}\)\s*[-–—]+\s*"
    r"|[A-Z][A-Z .'-]{2,40},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*[-–—]+\s*"
    r"|[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]{2,}){0,2} [-–—]+\s+"  # 'KYIV — ', 'NEW YORK – '
    r"|\d{1,2}:\d{2}(?: ?[AaPp]\.?[Mm]\.?)?\s+(?=[A-Z])"  # a live blog's '11:15 Harris told ...'
)
# words of a turn label are separated by spaces, so a long run of capitals cannot be split in
# exponentially many ways (no backtracking blow-up); only a line's head is examined
# ('Question (Reuters):', 'Jens Stoltenberg (NATO Secretary General):': a short parenthesis before the colon)
TURN_LABEL = re.compile(r"^\s*([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,5}(?: \([^()\n:]{1,40}\))?:|Q:?)\s")
_LABEL_NOTE = re.compile(r"\s*\([^()]*\)$")
_NON_ACTOR_TURNS = {"Q", "MODERATOR", "OPERATOR", "PARTICIPANT", "REPORTER", "QUESTION"}
_ANSWER_TURNS = {"A", "ANSWER"}  # the interviewee's turns
_BYLINE = re.compile(
    r"\b(?:press conference|remarks|statement|speech|interview|briefing|op-ed|address)\s+"
    r"(?:by|of|with)\s+(.+?)(?:\s+on\s+|\s+at\s+|\s+in\s+|$)",
    re.I,
)
_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))
SILENT = ActorRef(key="-", label="-", kind="none")  # a turn whose speaker is not an actor


def is_reporting(tok: Token, lexicon: frozenset[str]) -> bool:
    """A verb of saying: 'said', or a two-word one ('made clear', 'pointed out')."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = tok.lemma_.lower()
    if lemma in lexicon:
        return True
    return any(
        f"{lemma} {c.lemma_.lower()}" in lexicon
        for c in tok.children
        if c.dep_ in {"acomp", "oprd", "prt", "advmod", "ccomp", "dobj"}
    )


@dataclass
class Speech:
    """Speaker information for one document."""

    doc: Doc
    mentions: Mentions
    reporting: frozenset[str]
    quotes: list[tuple[int, int]] = field(default_factory=list)
    quote_speaker: dict[int, ActorRef] = field(default_factory=dict)
    turn_of_line: dict[int, ActorRef] = field(default_factory=dict)
    default_speaker: ActorRef | None = None
    pull_speaker: dict[tuple[int, int], ActorRef] = field(default_factory=dict)
    text: str = ""  # Doc.text joins every token on each access: read it once
    turn_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, mentions: Mentions, reporting: frozenset[str], title: str) -> Speech:
        sp = cls(doc, mentions, reporting, text=doc.text)
        sp._find_turns()
        sp.turn_starts = list(sp.turn_of_line)
        sp._find_quotes()
        m = _BYLINE.search(title or "")
        if m:
            sp.default_speaker = mentions.resolve_name(m.group(1))
        sp._attribute_quotes()
        return sp

    # ------------------------------------------------------------------ layout
    def _lines(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for line in self.text.split("\n"):
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def _find_turns(self) -> None:
        current: ActorRef | None = None
        for start, end in self._lines():
            line = self.text[start:end]
            m = TURN_LABEL.match(line[:120])
            heading = self._heading_speaker(start, end)
            if heading is not None:
                current = heading
            elif m:
                label = _LABEL_NOTE.sub("", m.group(1).strip().rstrip(":"))
                if label.upper() in _ANSWER_TURNS:
                    current = self._interviewee(start) or SILENT
                elif label.upper() in _NON_ACTOR_TURNS:
                    current = SILENT
                else:
                    current = self.mentions.resolve_name(label.title()) or SILENT
            if current is not None and line.strip():
                self.turn_of_line[start] = current

    def _interviewee(self, line_start: int) -> ActorRef | None:
        """Who answers in a Q/A interview: the last person the text names before the first turn
        ('In an interview, Polish Foreign Minister Zbigniew Rau discussed ...')."""
        first = self.turn_starts[0] if self.turn_starts else line_start
        end = min(first, line_start)
        named = [ref for i, ref in self.mentions.persons if self.doc[i].idx < end]
        return named[-1] if named else None

    def _heading_speaker(self, start: int, end: int) -> ActorRef | None:
        """A line that is only a person's name and title ('Deputy Foreign Minister Ivan Petrov'),
        standing as a heading: that person speaks the paragraphs below it."""
        line = self.text[start:end].strip()
        if not line or len(line.split()) > 9 or line[-1] in '.,;:!?"”’)' or start == 0:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        words = [t for t in span if not t.is_space]
        if not words:
            return None
        last = self.mentions.by_token.get(words[-1].i)
        if last is None or last.kind != "person" or any(t.pos_ in {"VERB", "AUX"} for t in words):
            return None
        return last

    def speaker_of(self, tok: Token) -> ActorRef | None:
        """Who 'I' or 'we' at ``tok`` is: the quote's speaker, the transcript turn's, else the byline's."""
        voice = self.voice_at(tok)
        return voice if voice is not None and voice is not SILENT else self.default_speaker

    def voice_at(self, tok: Token) -> ActorRef | None:
        """Whose words ``tok`` stands in: the quote's speaker, else the transcript turn's (which may
        be ``SILENT``, a moderator or reporter); None outside quotes and turns."""
        k = self.quote_at(tok.idx)
        if k is not None and k in self.quote_speaker:
            return self.quote_speaker[k]
        return self.turn_speaker(tok.idx)

    def turn_speaker(self, char: int) -> ActorRef | None:
        """The speaker of the transcript turn that holds offset ``char`` (lines are recorded in order)."""
        k = bisect_right(self.turn_starts, char)
        return self.turn_of_line[self.turn_starts[k - 1]] if k else None

    def _find_quotes(self) -> None:
        for start, end in self._lines():
            line = self.text[start:end]
            for op, cl in _QUOTE_PAIRS:
                i = 0
                while True:
                    a = line.find(op, i)
                    if a < 0:
                        break
                    b = line.find(cl, a + 1)
                    if b < 0:  # an open quote runs to the end of the paragraph
                        b = len(line)
                    if b - a > 12:
                        self.quotes.append((start + a, start + b + 1))
                    i = b + 1
        self._pull_quotes()
        self.quotes.sort()

    def _pull_quotes(self) -> None:
        """A line that ends in a person's name and title, with no verb of saying, is a pull quote."""
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or ent.start == 0:
                continue
            line_end = self.text.find("\n", ent.end_char)
            line_end = len(self.text) if line_end < 0 else line_end
            tail = self.text[ent.end_char : line_end].split()
            line_start = self.text.rfind("\n", 0, ent.start_char) + 1
            before = self.text[line_start : ent.start_char].strip()
            if (
                len(tail) <= 6
                and all(w[:1].isupper() for w in tail)
                and before
                and not before.endswith((".", ",", ":", ";", '"', "”"))
                and len(before.split()) > 4
            ):
                ref = self.mentions.by_token.get(ent.start)
                if ref is not None:
                    self.quotes.append((line_start, ent.start_char))
                    self.pull_speaker[(line_start, ent.start_char)] = ref

    def quote_at(self, char: int) -> int | None:
        for k, (a, b) in enumerate(self.quotes):
            if a <= char < b:
                return k
        return None

    # ------------------------------------------------------------------ speakers
    def sentence_speaker(self, sent: Span, outside_quotes: bool = True) -> list[ActorRef]:
        """The speaker a sentence names outside its quotes: 'X said', 'according to X'."""
        for tok in sent:
            if outside_quotes and self.quote_at(tok.idx) is not None:
                continue
            if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
                for t in tok.doc[tok.i + 2 : min(tok.i + 12, sent.end)]:
                    if t.text in {",", ";"}:
                        break
                    refs = self.mentions.resolve(t) if t.pos_ in {"PROPN", "NOUN", "PRON"} else []
                    if refs and (t.i + 1 >= sent.end or t.nbor().ent_iob_ != "I"):
                        return refs
            if tok.lemma_.lower() in {"perspective", "view", "opinion", "word"}:
                for c in tok.children:
                    if c.dep_ == "poss":
                        refs = self.mentions.resolve(c)
                        if refs:
                            return refs
        for tok in sent:
            if is_reporting(tok, self.reporting):
                if outside_quotes and self.quote_at(tok.idx) is not None:
                    continue
                refs = self.reporter_of(tok)
                if refs:
                    return refs
        return []

    def reporter_of(self, verb: Token) -> list[ActorRef]:
        """The subject of a reporting verb, resolved (first person goes to the turn speaker).

        A subject after the verb ('stated Ryabkov', 'said the deputy minister') counts too.
        """
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subj) > 1:
            subj = [c for c in subj if not is_vocative(c)]
        subj = subj or self._name_before(verb)
        if not subj and verb.dep_ == "conj":  # 'Russia denied X and repeated that ...': the shared subject
            subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in {"it", "they"}:
                # '... denied that it was planning X and repeated that ...': the subject 'it' stands for
                earlier = [
                    t for t in verb.sent if t.i < subj[0].i and t.dep_ == "nsubj" and self.mentions.resolve(t)
                ]
                subj = earlier[-1:]
        if not subj and verb.tag_ in {"VBD", "VBZ", "VBP"}:  # ('rule out admitting Ukraine': no speaker)
            subj = [
                c
                for c in verb.rights
                if c.dep_ in {"dobj", "npadvmod", "attr", "nsubjpass", "dep"}
                and c.pos_ in {"PROPN", "NOUN"}
                and self.quote_at(c.idx) is None
            ]
        for c in subj[:1]:
            if is_first_person(c):
                turn = self.turn_speaker(c.idx)
                return [turn] if turn and turn is not SILENT else []
            return self.mentions.resolve(c)
        return []

    def _name_before(self, verb: Token) -> list[Token]:
        """'..., Russia's envoy to the OSCE, Alexander Lukashevich, told a briefing': a person named
        just before the verb, between commas, that the parser hung elsewhere is its subject."""
        if verb.i < 2 or verb.doc[verb.i - 1].text != ",":
            return []
        name = verb.doc[verb.i - 2]
        ref = self.mentions.by_token.get(name.i)
        return [name] if ref is not None and ref.kind == "person" else []

    def _attribute_quotes(self) -> None:
        sents = list(self.doc.sents)
        prev_line_speaker: ActorRef | None = None
        last_line = -1
        for k, (a, b) in enumerate(self.quotes):
            line_start = self.text.rfind("\n", 0, a) + 1
            if line_start != last_line:
                line_speaker = None
            speaker = self.pull_speaker.get((a, b))
            line_end = self.text.find("\n", a)
            line_end = len(self.text) if line_end < 0 else line_end
            for s in sents if speaker is None else []:
                if s.end_char <= a or s.start_char >= min(b + 3, line_end):
                    continue  # only this paragraph's sentences can attribute the quote
                refs = self.sentence_speaker(s)
                if refs:
                    speaker = refs[0]
                    break
            if speaker is None:
                speaker = line_speaker
            if speaker is None and self.text[line_start:a].strip() == "":
                speaker = prev_line_speaker
            if speaker is None:
                turn = self.turn_speaker(a)
                speaker = turn if turn is not SILENT else None
            if speaker is not None:
                self.quote_speaker[k] = speaker
                line_speaker = speaker
                prev_line_speaker = speaker
            last_line = line_start
