"""The extractor never crashes on odd text: it either finds something or nothing."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model

WORDS = [
    "Russia",
    "NATO",
    "demands",
    "rejects",
    "not",
    "Geneva",
    "on",
    "Monday",
    '"',
    "“",
    "”",
    ":",
    "\n",
    "\n\n",
    "Sherman",
    "said",
    "the",
    "security",
    "guarantees",
    "expansion",
    "-",
    "non",
    "Q",
    "MR PRICE:",
    "12",
    "January",
    "talks",
    "in",
    "Vienna",
    "he",
    "she",
    "Ukraine",
    "join",
    "must",
    "'s",
    ",",
    ".",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), st.booleans())
def test_word_salad_never_crashes(analyse, words, dated):
    text = " ".join(words)
    x = analyse(text, when=date(2022, 1, 10) if dated else None)
    for c in x.claims:
        assert text[c.evidence.start : c.evidence.end] == c.evidence.quote
        assert c.stance in {"Demands", "Rejects"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_arbitrary_unicode_never_crashes(analyse, text):
    if text.strip():
        analyse(text)
