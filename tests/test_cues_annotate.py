"""The cue matcher and the annotate stage, on small hand-written sentences."""

import pytest

from kg.extract.cues import match_any, match_cue, token_norms
from kg.vocab import Cue

pytestmark = pytest.mark.model


def _sent(nlp, text):
    return next(nlp(text).sents)


def test_cue_slots_match_lemmas_in_any_order(nlp):
    cue = Cue.parse("nato|alliance expand*|enlarg*")
    sent = _sent(nlp, "Enlarging the alliance again would be a mistake.")
    [hit] = match_cue(cue, token_norms(sent))
    assert sorted(sent.doc[i].text for i in hit.tokens) == ["Enlarging", "alliance"]


def test_cue_words_too_far_apart_do_not_match(nlp):
    cue = Cue.parse("nato expansion")
    far = "NATO said on Monday that, after long and very difficult talks in several capitals, expansion"
    assert match_cue(cue, token_norms(_sent(nlp, far))) == []


def test_hyphens_split_off_by_the_tokenizer_do_not_count_as_distance(nlp):
    cue = Cue.parse("deploy* missile*")
    text = "Neither side would deploy intermediate-range and shorter-range ground-launched missiles."
    assert match_cue(cue, token_norms(_sent(nlp, text)))


def test_fixed_expressions_need_their_words_together(nlp):
    cue = Cue.parse("have to")
    assert match_cue(cue, token_norms(_sent(nlp, "Russia has to withdraw.")), tight=True)
    assert not match_cue(cue, token_norms(_sent(nlp, "Russia has the right to object.")), tight=True)


def test_hyphenated_prefixes_are_normalised(nlp):
    norms = token_norms(_sent(nlp, "They called for de-escalation and non-deployment."))
    forms = set().union(*norms.values())
    assert {"deescalation", "nondeployment"} <= forms


def test_a_hyphenated_compound_matches_the_cue_that_spells_it_as_one_word(nlp):
    cue = Cue.parse("ironclad guarantee*")
    sent = _sent(nlp, "Moscow asked for iron-clad guarantees of its safety.")
    [hit] = match_cue(cue, token_norms(sent))
    assert "guarantees" in {sent.doc[i].text for i in hit.tokens}


def test_longer_cues_win_and_tokens_are_not_shared(nlp):
    cues = (Cue.parse("push back"), Cue.parse("push"))
    hits = match_any(cues, token_norms(_sent(nlp, "Washington pushed back on the proposals.")), tight=True)
    assert [h.cue.text for h in hits] == ["push back"]


def test_a_line_break_ends_a_sentence(nlp):
    doc = nlp("Talks in Geneva\nRussia demanded guarantees")
    assert len(list(doc.sents)) == 2


def test_gazetteer_entities_carry_their_key(nlp):
    doc = nlp("Sergey Ryabkov met officials from the Russian Federation and the North Atlantic Alliance.")
    keys = {e.ent_id_ for e in doc.ents if e.ent_id_}
    assert {"ryabkov", "russia", "nato"} <= keys
