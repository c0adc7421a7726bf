"""Match ontology cue phrases against parsed sentences: lemmas, any order, within a window."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import product

from spacy.tokens import Span

from kg.vocab import Cue

PREFIXES = {"non", "de", "re", "anti", "post", "pre", "co", "ex"}  # kept one token with the next word
DEMAND, REJECT, OPPOSE, VETO = "demand", "reject", "oppose", "veto"  # stance cue families
_DASHES = re.compile(r"[-–—‑]")


@dataclass(frozen=True)
class Hit:
    """A cue matched in a sentence: the token indices it used (document positions)."""

    cue: Cue
    tokens: tuple[int, ...]

    @property
    def start(self) -> int:
        return min(self.tokens)

    @property
    def end(self) -> int:
        return max(self.tokens) + 1


def token_norms(sent: Span) -> Norms:
    """Normalised forms per token: lower-case text and lemma; 'non-expansion' -> 'nonexpansion'.

    A hyphenated compound is also joined onto its last token ('iron-clad' -> 'ironclad', the way
    the cue spells it); its parts ('NATO-Ukraine') are forms of their own too.
    """
    norms = Norms()
    toks = list(sent)
    for tok in toks:
        forms = {tok.lower_, tok.lemma_.lower()}
        forms |= {p.lower() for p in _DASHES.split(tok.text) if p and len(tok.text) > 1}
        norms[tok.i] = {f.replace("’", "'") for f in forms if f}
    for k, tok in enumerate(toks):
        if tok.text in {"-", "–", "‑"} and 0 < k < len(toks) - 1:
            left, right = toks[k - 1], toks[k + 1]
            if not left.whitespace_ and not tok.whitespace_ and left.is_alpha and right.is_alpha:
                norms[right.i] |= {left.lower_ + r for r in set(norms[right.i])}
    for tok in toks:  # tokens like 'non-expansion' kept whole by the tokenizer
        low = tok.lower_
        parts = _DASHES.split(low)
        if len(parts) > 1 and all(parts):
            norms[tok.i].add("".join(parts))
            norms[tok.i].add("".join(parts[:-1]) + tok.lemma_.lower().split("-")[-1])
    return norms


class Norms(dict[int, set[str]]):
    """Token index -> normalised forms, with an inverted index (form -> token indices) built on
    first use, so that a cue slot is looked up instead of tested against every token."""

    _index: dict[str, list[int]] | None = None
    _forms: list[str] | None = None
    _memo: dict[tuple[str, ...], list[int]] | None = None
    _formset: frozenset[str] = frozenset()

    def _build(self) -> None:
        index: dict[str, list[int]] = {}
        for i, forms in self.items():
            for f in forms:
                index.setdefault(f, []).append(i)
        self._index, self._forms, self._memo = index, sorted(index), {}
        self._formset = frozenset(index)

    def may_fill(self, words: frozenset[str], stems: tuple[str, ...]) -> bool:
        """Whether a form of some token is one of ``words`` or starts with one of ``stems``."""
        if self._memo is None:
            self._build()
        if not words.isdisjoint(self._formset):
            return True
        forms = self._forms
        assert forms is not None
        for stem in stems:
            k = bisect_left(forms, stem)
            if k < len(forms) and forms[k].startswith(stem):
                return True
        return False

    def positions(self, slot: tuple[str, ...]) -> list[int]:
        """Token indices (ascending) whose forms fill ``slot`` (an alternative ending in '*' is a stem).
        The forms must not change after the first call (the answers are kept)."""
        if self._memo is None:
            self._build()
        assert self._memo is not None
        got = self._memo.get(slot)
        if got is not None:
            return got
        split = _SPLITS.get(slot)
        if split is None:
            split = _SPLITS[slot] = (
                tuple(a for a in slot if not a.endswith("*")),
                tuple(a[:-1] for a in slot if a.endswith("*")),
            )
        exact, stems = split
        index, forms = self._index, self._forms
        assert index is not None and forms is not None
        lists = [index[a] for a in exact if a in index]
        for stem in stems:
            k = bisect_left(forms, stem)
            while k < len(forms) and forms[k].startswith(stem):
                lists.append(index[forms[k]])
                k += 1
        if not lists:
            got = []
        elif len(lists) == 1:
            got = lists[0]
        else:
            got = sorted({i for found in lists for i in found})
        self._memo[slot] = got
        return got


_SPLITS: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}  # slot -> words, stems


def _slot_matches(slot: tuple[str, ...], forms: set[str]) -> bool:
    for alt in slot:
        if alt.endswith("*"):
            stem = alt[:-1]
            if any(f.startswith(stem) for f in forms):
                return True
        elif alt in forms:
            return True
    return False


def window_for(cue: Cue, tight: bool = False, wide: bool = False) -> int:
    """How far apart (in tokens) the words of a cue may stand: wider for longer cues.

    Tight windows are for fixed expressions ('have to', 'push back'), which allow at most one
    word between two of their words; wide ones for names of forums, whose words are specific."""
    if tight:
        return 2 * (len(cue.slots) - 1)
    return 3 + (4 if wide else 3) * len(cue.slots)


def match_cue(
    cue: Cue,
    norms: dict[int, set[str]],
    exclude: AbstractSet[int] = frozenset(),
    tight: bool = False,
    wide: bool = False,
    accept: Callable[[tuple[int, ...]], bool] | None = None,
) -> list[Hit]:
    """All non-overlapping tightest matches of ``cue``: every slot on a distinct token, any order.
    ``accept`` drops combinations before the tightest are chosen ('slam that door shut': when
    'door shut' is no phrase, 'slam ... door' still is)."""
    positions = []
    indexed = isinstance(norms, Norms)
    for slot in cue.slots:
        if indexed:
            pos = norms.positions(slot)
            if exclude and pos:
                pos = [i for i in pos if i not in exclude]
        else:
            pos = [i for i, forms in norms.items() if i not in exclude and _slot_matches(slot, forms)]
        if not pos:
            return []
        positions.append(pos[:12])
    window = window_for(cue, tight, wide)
    dashes = _dash_counter(norms)
    best: list[tuple[int, tuple[int, ...]]] = []
    for combo in product(*positions):
        if len(set(combo)) != len(combo):
            continue
        lo, hi = min(combo), max(combo)
        # hyphens split by the tokenizer ('intermediate-range') are no words apart
        spread = hi - lo - (dashes(hi) - dashes(lo))
        if spread <= window and (accept is None or accept(tuple(sorted(combo)))):
            best.append((spread, tuple(sorted(combo))))
    best.sort()
    hits: list[Hit] = []
    used: set[int] = set()
    for _, combo in best:
        if used.isdisjoint(combo):
            hits.append(Hit(cue, combo))
            used.update(combo)
    return hits


_DASH_SLOT = ("-", "–", "‑")


def _dash_counter(norms: dict[int, set[str]]) -> Callable[[int], int]:
    """How many hyphen tokens stand before a position (within the sentence's norms); a
    :class:`Norms` looks them up once, as the slot of the three dashes."""
    if isinstance(norms, Norms):
        marks = norms.positions(_DASH_SLOT)
    else:
        marks = [i for i, forms in norms.items() if _slot_matches(_DASH_SLOT, forms)]
    return lambda i: bisect_left(marks, i)


def match_any(
    cues: tuple[Cue, ...],
    norms: dict[int, set[str]],
    exclude: AbstractSet[int] = frozenset(),
    tight: bool = False,
    wide: bool = False,
    accept: Callable[[tuple[int, ...]], bool] | None = None,
) -> list[Hit]:
    """Matches of several cues, longer cues first, never sharing a token."""
    plan = _plan(cues)
    if isinstance(norms, Norms) and not norms.may_fill(plan.keys, plan.stems):
        return []
    hits: list[Hit] = []
    used: set[int] = set(exclude)
    for cue in plan.ordered:
        for h in match_cue(cue, norms, used, tight, wide, accept):
            hits.append(h)
            used.update(h.tokens)
    if len(hits) > 1:
        hits.sort(key=lambda h: (h.start, h.cue.text))
    return hits


@dataclass(frozen=True)
class _Plan:
    """How a tuple of cues is matched: longest first; and the words (``keys``) and stems of which a
    sentence must hold one for any of them to match: each cue's most specific slot."""

    ordered: tuple[Cue, ...]
    keys: frozenset[str]
    stems: tuple[str, ...]


_PLANS: dict[int, tuple[tuple[Cue, ...], _Plan]] = {}


def _plan(cues: tuple[Cue, ...]) -> _Plan:
    # Kept per tuple: the vocabulary's tuples live as long as the process and are matched against
    # every sentence.
    got = _PLANS.get(id(cues))
    if got is None or got[0] is not cues:
        if len(_PLANS) > 512:  # tuples made per call would otherwise pile up
            _PLANS.clear()
        keys: set[str] = set()
        stems: set[str] = set()
        for cue in cues:
            if not cue.slots:
                continue
            slot = min(cue.slots, key=lambda s: (any(a.endswith("*") for a in s), len(s), -min(map(len, s))))
            keys.update(a for a in slot if not a.endswith("*"))
            stems.update(a[:-1] for a in slot if a.endswith("*"))
        ordered = tuple(sorted(cues, key=lambda c: (-len(c.slots), c.text)))
        got = _PLANS[id(cues)] = (cues, _Plan(ordered, frozenset(keys), tuple(sorted(stems))))
    return got[1]
