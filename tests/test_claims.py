"""Claim extraction on small hand-written sentences (none is taken from an article)."""

from datetime import date

import pytest
from conftest import claim_set

pytestmark = pytest.mark.model


def test_subject_demands_a_concept(analyse):
    x = analyse("Russia insisted on a legally binding pledge that NATO will never expand eastward.")
    assert ("russia", "Demands", "nato-non-expansion") in claim_set(x)


def test_speaker_of_a_quote_is_the_actor(analyse):
    x = analyse(
        '"We demand firm security guarantees and no missiles deployed near our borders," '
        "Sergei Lavrov told reporters."
    )
    got = claim_set(x)
    assert ("lavrov", "Demands", "legal-security-guarantees") in got
    assert all(c.mechanism == "quote" for c in x.claims)


def test_reject_cue_and_coordinated_actors(analyse):
    x = analyse("The United States and NATO rejected the Russian security proposals outright.")
    got = claim_set(x)
    assert ("usa", "Rejects", "russian-security-proposals") in got
    assert ("nato", "Rejects", "russian-security-proposals") in got


def test_negation_blocks_a_cue(analyse):
    x = analyse("Washington did not reject the idea of security guarantees.")
    assert not [c for c in x.claims if c.actor.key == "usa"]


def test_advocacy_of_the_opposite_is_a_rejection(analyse):
    x = analyse("The Polish minister said the alliance must accelerate Ukraine's accession to NATO.")
    got = claim_set(x)
    assert any(s == "Rejects" and d == "ukraine-not-in-nato" for _, s, d in got)
    assert not any(s == "Demands" and d == "ukraine-not-in-nato" for _, s, d in got)


def test_an_end_to_the_opposite_is_the_demand(analyse):
    x = analyse("Moscow demanded an end to NATO enlargement.")
    assert ("russia", "Demands", "nato-non-expansion") in claim_set(x)


def test_according_to_attribution_and_pronoun(analyse):
    text = (
        "Wendy Sherman met the Russian delegation on Monday. According to Sherman, Moscow must "
        "pull back its troops. She also said Washington would push back on the draft treaties."
    )
    got = claim_set(analyse(text))
    assert ("sherman", "Demands", "russian-de-escalation") in got
    assert ("sherman", "Rejects", "russian-security-proposals") in got


def test_possessor_of_demands_and_the_rejecter(analyse):
    x = analyse("Blinken dismissed Russia's demands to halt NATO expansion.")
    got = claim_set(x)
    assert ("russia", "Demands", "nato-non-expansion") in got
    assert ("blinken", "Rejects", "nato-non-expansion") in got


def test_transcript_turn_speaks_for_its_party(analyse):
    text = (
        "MODERATOR: Thanks. Over to our speaker.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: We will never agree to Russia's draft treaties.\n"
    )
    x = analyse(text, when=date(2022, 1, 8))
    assert ("usa", "Rejects", "russian-security-proposals") in claim_set(x)


def test_a_role_noun_refers_to_the_subject_of_the_sentence_before(analyse):
    text = (
        "Sergei Ryabkov spoke after long talks with Wendy Sherman on Monday. "
        '"Ukraine must never join NATO," the diplomat told reporters.'
    )
    got = claim_set(analyse(text))
    assert ("ryabkov", "Demands", "ukraine-not-in-nato") in got
    assert not any(a == "sherman" for a, _, _ in got)


def test_a_turn_label_with_a_parenthesis_ends_the_turn_before_it(analyse):
    text = (
        "Jens Stoltenberg: Good afternoon.\n\n"
        "Question (Interfax): We will never accept a halt to NATO enlargement.\n\n"
        "Jens Stoltenberg: No.\n"
    )
    assert not any(a == "stoltenberg" for a, _, _ in claim_set(analyse(text)))


def test_the_answers_of_a_q_and_a_interview_are_the_interviewee_s(analyse):
    text = (
        "TALLINN — In a long interview, Estonian Prime Minister Kaja Kallas took questions from readers.\n\n"
        "Q: Would a pause in enlargement calm things down?\n\n"
        "A: We will never accept a freeze on NATO enlargement.\n"
    )
    x = analyse(text, when=date(2022, 1, 30))
    assert ("kallas", "Rejects", "nato-non-expansion") in claim_set(x)


def test_a_bare_reference_after_a_turn_label_points_at_the_last_demand(analyse):
    text = (
        "QUESTION: What about Moscow's demand that the alliance withdraw its forces from the "
        "eastern members?\n\n"
        "MR PRICE: That is unacceptable to us.\n"
    )
    got = claim_set(analyse(text, when=date(2022, 1, 8)))
    assert ("price", "Rejects", "nato-1997-posture") in got


def test_the_proposals_just_named_are_what_a_later_sentence_dismisses(analyse):
    text = (
        "Jens Stoltenberg called Moscow's draft treaties unacceptable. "
        "The proposals were also dismissed by Antony Blinken."
    )
    got = claim_set(analyse(text))
    assert ("blinken", "Rejects", "russian-security-proposals") in got


def test_the_proposals_point_back_only_at_proposals_just_named(analyse):
    text = "Talks opened in Geneva on Monday. The proposals were dismissed by Antony Blinken."
    assert not any(a == "blinken" for a, _, _ in claim_set(analyse(text)))


def test_what_a_draft_treaty_binds_the_other_side_to_is_the_proposers_demand(analyse):
    text = (
        "Moscow published two draft agreements on Friday. Under the draft treaty, Washington shall "
        "undertake to prevent any further enlargement of the alliance. The document also stipulates "
        "that neither side shall deploy ground-launched intermediate-range missiles near the other."
    )
    got = claim_set(analyse(text))
    assert ("russia", "Demands", "nato-non-expansion") in got
    assert ("russia", "Demands", "no-strike-weapons-near-russia") in got
    assert not any(a == "usa" for a, _, _ in got)


def test_states_that_joined_after_1997_are_a_topic_not_enlargement(analyse):
    x = analyse("Moscow wants allied troops kept out of the states that joined NATO after 1997.")
    got = claim_set(x)
    assert not any(d == "nato-non-expansion" for _, _, d in got)


def test_evidence_offsets_point_at_the_sentence(analyse):
    text = "Talks began. Russia demanded security guarantees from the alliance."
    x = analyse(text)
    ev = x.claims[0].evidence
    assert text[ev.start : ev.end] == ev.quote
    assert ev.quote.startswith("Russia demanded")


def test_a_sentence_without_a_stance_gives_no_claim(analyse):
    assert analyse("Security guarantees were on the agenda in Geneva.").claims == []


def test_refusing_the_opposite_is_asking_for_the_demand(analyse):
    x = analyse("The deputy minister Ivan Petrov said Moscow would never accept further enlargement of NATO.")
    assert ("Demands", "nato-non-expansion") in {(s, d) for _, s, d in claim_set(x)}


def test_a_veto_cue_rejects_whatever_the_form(analyse):
    x = analyse(
        "Poland's foreign minister said it was not up to the Kremlin to decide whether Ukraine may join NATO."
    )
    assert any(s == "Rejects" and d == "ukraine-not-in-nato" for _, s, d in claim_set(x))


def test_rejecting_demands_about_the_opposite_is_a_rejection(analyse):
    x = analyse("NATO rejected Russia's demands on alliance enlargement.")
    got = claim_set(x)
    assert ("nato", "Rejects", "nato-non-expansion") in got


def test_the_subject_of_a_copula_is_not_the_rejecter(analyse):
    x = analyse("Russia's draft treaties are a non-starter, Wendy Sherman said.")
    got = claim_set(x)
    assert ("sherman", "Rejects", "russian-security-proposals") in got
    assert not any(a == "russia" and s == "Rejects" for a, s, _ in got)


def test_prefix_compounds_stay_one_token(nlp):
    doc = nlp("They discussed non-enlargement and de-escalation.")
    assert [t.text for t in doc][2:5] == ["non-enlargement", "and", "de-escalation"]


def test_one_mention_gets_one_stance(analyse):
    x = analyse('"Strike weapons must not be deployed near our borders," Sergei Lavrov said.')
    got = {(a, s, d) for a, s, d in claim_set(x) if d == "no-strike-weapons-near-russia"}
    assert got == {("lavrov", "Demands", "no-strike-weapons-near-russia")}


def test_mixed_case_turn_labels_and_role_titles(analyse):
    text = (
        "NATO Secretary General: Thank you all for coming.\n\n"
        "NATO Secretary General: We will never agree to withdraw from allies who joined after 1997.\n"
    )
    got = claim_set(analyse(text))
    assert ("stoltenberg", "Rejects", "nato-1997-posture") in got


def test_a_bare_common_surname_is_not_a_famous_person(analyse):
    alone = analyse("Smith said the alliance must reject the Russian draft treaties.")
    assert not any(c.actor.key == "julianne-smith" for c in alone.claims)
    named = analyse(
        "Julianne Smith spoke first. Smith said the alliance must reject the Russian draft treaties."
    )
    assert any(c.actor.key == "julianne-smith" for c in named.claims)


def test_briefing_transcript_with_predicate_rejection_and_questions(analyse):
    text = (
        "MR PRICE: Good afternoon.\n\n"
        "QUESTION: Will you accept the Russian demand for security guarantees?\n\n"
        "MR PRICE: The legal guarantees Moscow is seeking are not on the table.\n\n"
        "She made clear that Russia must pull back its troops from the border.\n"
    )
    got = claim_set(analyse(text))
    assert ("price", "Rejects", "legal-security-guarantees") in got
    assert ("russia", "Demands", "legal-security-guarantees") in got
    assert not any(a == "price" and s == "Demands" for a, s, _ in got)


def test_a_pronoun_prefers_the_previous_subject(analyse):
    text = (
        "Antony Blinken warned Sergei Lavrov on Friday. "
        "He said Russia must pull back its troops from the border."
    )
    assert ("blinken", "Demands", "russian-de-escalation") in claim_set(analyse(text))


def test_unnamed_official_quoted_later_speaks_for_their_side(analyse):
    text = (
        "A senior State Department official said Washington would raise its concerns.\n\n"
        '"Russia must pull its forces back from Ukraine\'s border," the official said.\n'
    )
    got = claim_set(analyse(text))
    assert ("usa", "Demands", "russian-de-escalation") in got
    assert ("russia", "Demands", "russian-de-escalation") not in got


def test_a_third_partys_refusal_is_theirs_not_the_reporters(analyse):
    text = "The American side refused to discuss the non-expansion of the alliance, Sergei Lavrov added."
    got = claim_set(analyse(text))
    assert ("usa", "Rejects", "nato-non-expansion") in got
    assert not any(a == "lavrov" for a, _, _ in got)


def test_a_clause_after_a_name_is_not_part_of_the_title(analyse):
    x = analyse(
        "A senior minister, Anna Kowalczyk, who spoke after the alliance's meeting, rejected "
        "Moscow's demand to halt enlargement."
    )
    people = [c.actor for c in x.claims if c.actor.key == "anna-kowalczyk"]
    assert people and all(p.party != "nato" for p in people)


def test_a_name_inside_a_title_phrase_is_the_speaker(analyse):
    text = "The head of the Russian delegation Sergey Ryabkov said Moscow demands security guarantees."
    assert any(a == "ryabkov" for a, _, _ in claim_set(analyse(text)))


def test_date_line_and_dateline_are_not_evidence(analyse):
    text = (
        " date 2022-01-10 Envoy wants guarantees\n\n"
        "VIENNA, Jan 10 (Wire) - Russia demanded legally binding security guarantees from NATO.\n"
    )
    x = analyse(text)
    quotes = [c.evidence.quote for c in x.claims]
    assert quotes and all(not q.startswith(("date", "VIENNA")) for q in quotes)
    assert all(text[c.evidence.start : c.evidence.end] == c.evidence.quote for c in x.claims)


def test_what_these_proposals_include_is_demanded_by_their_proposer(analyse):
    x = analyse(
        "Moscow tabled its security proposals on Friday. "
        "These include a demand to halt the admission of new members into NATO."
    )
    assert ("russia", "Demands", "nato-non-expansion") in claim_set(x)


def test_a_fragment_goes_on_with_the_stance_before_it(analyse):
    x = analyse(
        "Moscow tabled its security proposals on Friday. "
        "These include a demand to halt the admission of new members into NATO. "
        "And to withdraw forces from eastern member states."
    )
    got = claim_set(x)
    assert ("russia", "Demands", "nato-1997-posture") in got
    assert ("russia", "Rejects", "nato-1997-posture") not in got


def test_a_fragment_without_a_stance_before_it_claims_nothing(analyse):
    x = analyse("The weather in Geneva was cold. And to withdraw forces from eastern member states.")
    assert x.claims == []


def test_words_of_the_cue_itself_do_not_reverse_it(analyse):
    x = analyse("Wendy Sherman said Washington will not allow anyone to slam the door shut.")
    got = claim_set(x)
    assert ("sherman", "Rejects", "nato-non-expansion") in got
    assert ("sherman", "Demands", "nato-non-expansion") not in got


def test_allies_reaffirming_the_open_door_reject_non_expansion(analyse):
    x = analyse("Allies reaffirmed NATO's Open Door policy on Wednesday.")
    assert ("nato", "Rejects", "nato-non-expansion") in claim_set(x)


def test_the_subject_inside_a_pledge_is_asked_not_asking(analyse):
    x = analyse(
        "Moscow has been demanding a binding pledge that NATO will not allow Ukraine to join the alliance."
    )
    got = claim_set(x)
    assert ("russia", "Demands", "ukraine-not-in-nato") in got
    assert not any(actor == "nato" for actor, _, _ in got)


def test_an_adjunct_is_not_what_a_stance_verb_is_about(analyse):
    x = analyse("Putin said Russia will defend its interests in the face of NATO's eastward expansion.")
    assert not any(c.demand == "nato-non-expansion" for c in x.claims)


def test_a_negated_condition_with_no_side_named_is_no_stance(analyse):
    x = analyse(
        "The progress of the talks is not conditional on Russia pulling back its troops, an official said."
    )
    assert x.claims == []


def test_a_reversing_word_under_a_speaker_states_a_position(analyse):
    x = analyse(
        '"That is why guarantees were needed at once, precluding any further expansion of the alliance," '
        "Alexander Lukashevich stressed."
    )
    assert ("lukashevich", "Demands", "nato-non-expansion") in claim_set(x)


def test_us_the_state_is_not_us_the_pronoun(analyse):
    x = analyse("The US and NATO rejected Moscow's demand for an end to NATO expansion.")
    got = claim_set(x)
    assert ("usa", "Rejects", "nato-non-expansion") in got and (
        "nato",
        "Rejects",
        "nato-non-expansion",
    ) in got


def test_a_closing_relative_clause_speaks_of_the_whole_demand(analyse):
    x = analyse(
        "Moscow wanted guarantees that Ukraine would never join NATO, and that the alliance halts "
        "its eastward expansion, which Washington rejected."
    )
    got = claim_set(x)
    assert ("usa", "Rejects", "ukraine-not-in-nato") in got
    assert ("usa", "Rejects", "nato-non-expansion") in got
    assert ("russia", "Demands", "ukraine-not-in-nato") in got


def test_not_without_is_a_condition_not_a_refusal(analyse):
    x = analyse(
        "Sherman said Ukraine's membership in NATO will not be discussed without Ukraine at the table."
    )
    assert x.claims == []


def test_ukraine_being_involved_is_not_ukraine_joining(analyse):
    x = analyse('"No decisions about Ukraine without Ukraine being involved," Blinken said.')
    assert not any(c.demand == "ukraine-not-in-nato" for c in x.claims)


def test_that_demand_stands_for_what_the_sentence_before_demanded(analyse):
    x = analyse(
        "Moscow wants a guarantee that Kyiv will never be admitted to the alliance. "
        "Washington has dismissed that demand."
    )
    assert ("usa", "Rejects", "ukraine-not-in-nato") in claim_set(x)


def test_a_stance_restated_after_as_counts_once(analyse):
    x = analyse(
        "Moscow wants a guarantee that Kyiv will never be admitted to the alliance. "
        "Washington has dismissed that demand as a non-starter."
    )
    got = claim_set(x)
    assert ("usa", "Rejects", "ukraine-not-in-nato") in got
    assert ("usa", "Demands", "ukraine-not-in-nato") not in got


def test_a_speaker_saying_their_side_will_never_close_the_door_rejects_non_expansion(analyse):
    x = analyse("NATO's secretary general said the alliance will never close its door.")
    assert ("stoltenberg", "Rejects", "nato-non-expansion") in claim_set(x)


def test_its_deputy_is_the_gazetteers_holder_of_that_role(analyse):
    x = analyse(
        "The alliance will not give up its open-door policy, its deputy secretary general told a conference."
    )
    got = claim_set(x)
    assert ("geoana", "Rejects", "nato-non-expansion") in got
    assert not any(actor == "stoltenberg" for actor, _, _ in got)


def test_a_right_to_seek_membership_is_one_phrase(analyse):
    x = analyse("Ukraine's foreign minister rejected any limits on Kyiv's right to seek NATO membership.")
    assert ("kuleba", "Rejects", "ukraine-not-in-nato") in claim_set(x)


def test_proposing_an_order_without_enlargement_demands_non_expansion(analyse):
    x = analyse("Macron proposed a new security order in which NATO would refrain from further enlargement.")
    assert ("macron", "Demands", "nato-non-expansion") in claim_set(x)


def test_troops_out_of_members_that_joined_after_1997_is_the_1997_posture(analyse):
    x = analyse(
        "Russia will insist on the withdrawal of NATO troops from Romania and Bulgaria, Ryabkov said."
    )
    assert ("ryabkov", "Demands", "nato-1997-posture") in claim_set(x)


# (sentence, claims it must have, claims it must not have); sentences written for these tests
_STANCE_CASES = {
    # 'against' is both part of 'warn against' and a reversing word: it counts once
    "a word of a stance cue does not reverse again": (
        "Latvia's foreign minister warned partners against agreeing to the Russian demand that "
        "NATO withdraw its troops from the Baltic states.",
        [("latvia", "Rejects", "nato-1997-posture")],
        [("latvia", "Demands", "nato-1997-posture")],
    ),
    "a veto over enlargement reverses it": (
        "John Kirby said the administration had no intention of handing the Kremlin a veto over enlargement.",
        [("kirby", "Rejects", "nato-non-expansion")],
        [("kirby", "Demands", "nato-non-expansion")],
    ),
    "a threat's unless names the demand": (
        "Shoigu said Russia would take military measures unless the alliance halted the deployment "
        "of missiles near its borders.",
        [("shoigu", "Demands", "no-strike-weapons-near-russia")],
        [],
    ),
    "a negated threat with unless still names the demand": (
        "Peskov said Moscow would not sign any document unless the alliance stopped admitting new members.",
        [("peskov", "Demands", "nato-non-expansion")],
        [("peskov", "Rejects", "nato-non-expansion")],
    ),
    "a consequence averted only without names the demand": (
        "Ryabkov said that without a halt to the alliance's enlargement, Russia would have to take "
        "other steps.",
        [("ryabkov", "Demands", "nato-non-expansion")],
        [("ryabkov", "Rejects", "nato-non-expansion")],
    ),
    "no agreement without it is asking for it": (
        "Zakharova said no agreement could be reached without an end to NATO expansion.",
        [("zakharova", "Demands", "nato-non-expansion")],
        [("zakharova", "Rejects", "nato-non-expansion")],
    ),
    "a clause of saying set off inside the clause it reports": (
        "Kuleba spoke first. Ukraine, he stressed, would never abandon its aspiration to join NATO.",
        [("kuleba", "Rejects", "ukraine-not-in-nato")],
        [("kuleba", "Demands", "ukraine-not-in-nato")],
    ),
    "a pullback from eastern Ukraine is Russia's, not NATO's": (
        "Macron urged Moscow to withdraw its soldiers from eastern Ukraine.",
        [("macron", "Demands", "russian-de-escalation")],
        [("macron", "Demands", "nato-1997-posture")],
    ),
    "a Russian demand for allied troops to go is the 1997 posture": (
        "Zbigniew Rau said the Russian call for a withdrawal of allied battalions from the eastern "
        "members was inadmissible.",
        [("rau", "Rejects", "nato-1997-posture")],
        [("rau", "Rejects", "russian-de-escalation"), ("rau", "Demands", "nato-1997-posture")],
    ),
    "allied troops leaving the east is the 1997 posture": (
        "Lavrov said Russia wanted allied troops to leave the eastern members of the alliance.",
        [("lavrov", "Demands", "nato-1997-posture")],
        [("lavrov", "Rejects", "nato-1997-posture")],
    ),
    "the alliance moving to the borders is its expansion": (
        "Peskov said Moscow wanted the alliance to stop moving towards Russian borders.",
        [("peskov", "Demands", "nato-non-expansion")],
        [("peskov", "Rejects", "nato-non-expansion")],
    ),
    "others brushing aside the speaker's own demand is not the speaker's stance": (
        "Lavrov said many capitals had brushed off Russia's demand for an end to NATO enlargement.",
        [("russia", "Demands", "nato-non-expansion")],
        [("lavrov", "Rejects", "nato-non-expansion")],
    ),
    "a finite verb after a relative clause has the described person as subject": (
        "British Foreign Secretary Liz Truss, who chaired the British delegation, called on Russia to "
        "withdraw its forces from the Ukrainian border.",
        [("truss", "Demands", "russian-de-escalation")],
        [],
    ),
    "a demand to do X said to be unacceptable, parsed as two clauses": (
        "Kaja Kallas said the demand to remove allied troops from the Baltic states was unacceptable.",
        [("kallas", "Rejects", "nato-1997-posture")],
        [("kallas", "Demands", "nato-1997-posture")],
    ),
    "a gerund after 'saying ... and' keeps the subject, not the dateline": (
        "WARSAW — Russia on Thursday gave the U.S. envoy its response to Washington's ideas, saying its "
        "concerns had been ignored and calling again for the withdrawal of American forces from "
        "eastern Europe.",
        [("russia", "Demands", "nato-1997-posture")],
        [("russia", "Rejects", "nato-1997-posture")],
    ),
    "a bare 'that' takes up the thing named, not the stance on it": (
        "MINISTER BAERBOCK: We stand by the right of every state to choose its alliances. "
        "That is not negotiable.",
        [("baerbock", "Rejects", "nato-non-expansion")],
        [("baerbock", "Demands", "nato-non-expansion")],
    ),
    "no concessions on an issue the document showed another party demanding": (
        "Ryabkov demanded a halt to NATO expansion. Kirby said Washington would not make any "
        "concessions on NATO expansion.",
        [("ryabkov", "Demands", "nato-non-expansion"), ("usa", "Rejects", "nato-non-expansion")],
        [("kirby", "Demands", "nato-non-expansion"), ("usa", "Demands", "nato-non-expansion")],
    ),
    "a proposition dismissed in a closing apposition": (
        "At the core of the package is a call for a pledge that the alliance will expand no further, "
        "a proposition that Polish officials have dismissed.",
        [("poland", "Rejects", "nato-non-expansion")],
        [("poland", "Demands", "nato-non-expansion")],
    ),
    "pushing the alliance back to 1997": (
        "Peskov said Moscow wanted to push the alliance's military infrastructure back to where it "
        "was in 1997.",
        [("peskov", "Demands", "nato-1997-posture")],
        [("peskov", "Rejects", "nato-1997-posture")],
    ),
    "reaffirming the path to membership": (
        "Ukraine reaffirms its course towards full membership in NATO.",
        [("ukraine", "Rejects", "ukraine-not-in-nato")],
        [("ukraine", "Demands", "ukraine-not-in-nato")],
    ),
    "a demanded halt with 'to' hung on the verb": (
        "Ryabkov demanded a halt to NATO expansion.",
        [("ryabkov", "Demands", "nato-non-expansion")],
        [("ryabkov", "Rejects", "nato-non-expansion")],
    ),
    "a threat against what 'if' names": (
        "Shoigu said Russia would retaliate if the alliance placed missiles in Romania.",
        [("shoigu", "Demands", "no-strike-weapons-near-russia")],
        [("shoigu", "Rejects", "no-strike-weapons-near-russia")],
    ),
    "a Europe where another decides who may join is a veto": (
        "Liz Truss said Britain would never accept a Europe in which Moscow decides who may join NATO.",
        [("truss", "Rejects", "nato-non-expansion")],
        [("truss", "Demands", "nato-non-expansion")],
    ),
    "wanting to decide who joins is asking for a say": (
        "Zakharova said Russia wanted to decide who joins NATO.",
        [("zakharova", "Demands", "nato-non-expansion")],
        [("zakharova", "Rejects", "nato-non-expansion")],
    ),
    "the one who joins deciding keeps the right to choose": (
        "Kuleba said Ukraine alone would decide whether to join NATO.",
        [("kuleba", "Rejects", "ukraine-not-in-nato")],
        [("kuleba", "Demands", "ukraine-not-in-nato")],
    ),
    "a key element of one's own proposals is demanded": (
        "Ryabkov stressed that keeping strike missiles away from Russian borders is a core element "
        "of the Russian drafts.",
        [("ryabkov", "Demands", "no-strike-weapons-near-russia")],
        [("ryabkov", "Rejects", "no-strike-weapons-near-russia")],
    ),
    "not pressured into giving up a goal rejects giving it up": (
        "Kuleba said Kyiv would never be pushed into abandoning its aim of joining the alliance.",
        [("kuleba", "Rejects", "nato-non-expansion")],
        [("kuleba", "Demands", "nato-non-expansion")],
    ),
    "wanting to discuss the opposite named as a topic advocates nothing": (
        "Kirby said Washington wanted to discuss missile deployments in Europe.",
        [],
        [
            ("kirby", "Rejects", "no-strike-weapons-near-russia"),
            ("usa", "Rejects", "no-strike-weapons-near-russia"),
        ],
    ),
    "wanting to negotiate the demand itself is asking for it": (
        "Ryabkov said Moscow wanted to negotiate legal guarantees.",
        [("ryabkov", "Demands", "legal-security-guarantees")],
        [],
    ),
    "a second verb of saying shares the subject its pronoun stands for": (
        "Moscow denied that it was massing troops and repeated that it needed firm guarantees that the "
        "alliance would stop expanding.",
        [("russia", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion")],
    ),
    "legally binding agreements are the guarantees": (
        "Peskov said Russia wanted legally binding agreements.",
        [("peskov", "Demands", "legal-security-guarantees")],
        [],
    ),
    "the object of 'prevent ... from' does what the phrase says": (
        "Zakharova said Russia would prevent NATO from moving its infrastructure closer to Russian borders.",
        [("zakharova", "Demands", "nato-non-expansion")],
        [("zakharova", "Rejects", "nato-non-expansion")],
    ),
    "a member state that will not give way on its alliance's open door keeps it": (
        "Kallas said Estonia would not compromise on NATO's open-door policy.",
        [("estonia", "Rejects", "nato-non-expansion")],
        [("estonia", "Demands", "nato-non-expansion")],
    ),
    "'its' concerns someone is to address are another's": (
        "The Kremlin said it doubted that Washington was ready to address its concerns about "
        "NATO's eastward expansion.",
        [("russia", "Demands", "nato-non-expansion")],
        [("usa", "Demands", "nato-non-expansion")],
    ),
    "words in two items of a list are not one mention": (
        "Lavrov wants a ban on further enlargement of the alliance and a promise that Ukraine "
        "would never join.",
        [("lavrov", "Demands", "nato-non-expansion"), ("lavrov", "Demands", "ukraine-not-in-nato")],
        [("lavrov", "Rejects", "nato-non-expansion")],
    ),
    "an object pronoun of a stance verb stands for the demands just made": (
        "Moscow wants an end to NATO expansion and a pledge that Ukraine will never join the alliance. "
        "Washington has refused both.",
        [("usa", "Rejects", "nato-non-expansion"), ("usa", "Rejects", "ukraine-not-in-nato")],
        [],
    ),
    "an object pronoun of a verb that takes no stance stands for nothing": (
        "Moscow wants NATO to stop expanding. Biden phoned the allies and briefed them.",
        [("russia", "Demands", "nato-non-expansion")],
        [("usa", "Demands", "nato-non-expansion"), ("usa", "Rejects", "nato-non-expansion")],
    ),
    "guarantees on an issue limit it": (
        "Ryabkov said Moscow needed guarantees on the alliance's eastward expansion.",
        [("russia", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion"), ("ryabkov", "Rejects", "nato-non-expansion")],
    ),
    "a topic hung by the parser on the verb of a demanded guarantee": (
        "Russia demanded security guarantees regarding NATO expansion.",
        [("russia", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion")],
    ),
    "a pledge on membership ruled out": (
        "American officials said a pledge on Ukraine's membership was out of the question.",
        [("usa", "Rejects", "ukraine-not-in-nato")],
        [("usa", "Demands", "ukraine-not-in-nato")],
    ),
    "officials in a person's delegation speak for the person's side": (
        "Blinken arrived in Kyiv on Wednesday. Officials in his delegation said privately that a "
        "pledge on Ukraine's membership was out of the question.",
        [("usa", "Rejects", "ukraine-not-in-nato")],
        [("usa", "Demands", "ukraine-not-in-nato")],
    ),
    "a 'that' clause hung on the verb completes the demand noun before it": (
        "The meeting ended without agreement, with the alliance's 30 members refusing Moscow's demand "
        "that they rule out admitting Ukraine.",
        [("russia", "Demands", "ukraine-not-in-nato"), ("nato", "Rejects", "ukraine-not-in-nato")],
        [("russia", "Rejects", "ukraine-not-in-nato"), ("ukraine", "Rejects", "ukraine-not-in-nato")],
    ),
    "a 'that' clause after a comma completes the demand noun before it": (
        "Peskov said any further talks would be pointless unless they addressed Russia's main demand, "
        "that NATO stop expanding.",
        [("russia", "Demands", "nato-non-expansion"), ("peskov", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion")],
    ),
    "'the text' does not point forward to a proposer named after it": (
        "The European Parliament adopted a resolution on Thursday. The text said every European country "
        "had the right to choose its own alliances, and that Russia's demands to halt NATO enlargement "
        "were unacceptable.",
        [("russia", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion")],
    ),
    "the 'on' of a date is no 'call on'": (
        "Estonia's Prime Minister Kaja Kallas on Tuesday called Russia's demand for NATO to withdraw "
        "from the Baltic states a non-starter.",
        [("russia", "Demands", "nato-1997-posture")],
        [("kallas", "Demands", "nato-1997-posture")],
    ),
    "a call for, with a date between": (
        "Kallas called on Thursday for a larger allied military presence in the Baltic states.",
        [("kallas", "Rejects", "nato-1997-posture")],
        [("kallas", "Demands", "nato-1997-posture")],
    ),
    "troops sent to a post-1997 member": (
        "Kallas called on NATO to send more troops to the Baltic states.",
        [("kallas", "Rejects", "nato-1997-posture")],
        [("kallas", "Demands", "nato-1997-posture")],
    ),
    "not bargaining over one's own demand insists on it": (
        "Lavrov said Moscow would not bargain over its demand that NATO stop expanding.",
        [("russia", "Demands", "nato-non-expansion"), ("lavrov", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion"), ("lavrov", "Rejects", "nato-non-expansion")],
    ),
    "not bargaining over another's demand refuses it": (
        "Washington would not negotiate on Russia's demand that NATO stop expanding.",
        [("russia", "Demands", "nato-non-expansion"), ("usa", "Rejects", "nato-non-expansion")],
        [("usa", "Demands", "nato-non-expansion")],
    ),
    "not bargaining over the open door keeps it": (
        "Blinken made clear that Washington would not bargain over the principle of NATO's open door.",
        [("usa", "Rejects", "nato-non-expansion")],
        [("usa", "Demands", "nato-non-expansion")],
    ),
    "the opposite of a demand as the topic of talks states no position": (
        "Kyiv urged NATO not to hold talks about Ukraine's membership without Ukrainian participation.",
        [],
        [("ukraine", "Demands", "ukraine-not-in-nato"), ("ukraine", "Rejects", "ukraine-not-in-nato")],
    ),
    "a neutral Ukraine stays out of the alliance": (
        "Ukraine's foreign ministry rejected suggestions that Ukraine adopt a neutral status.",
        [("ukraine", "Rejects", "ukraine-not-in-nato")],
        [("ukraine", "Demands", "ukraine-not-in-nato")],
    ),
    "the subject inside what is mandatory is the one told": (
        "Ryabkov said it was absolutely mandatory for Moscow that NATO commit to not deploying strike "
        "weapons near Russia's borders.",
        [("ryabkov", "Demands", "no-strike-weapons-near-russia")],
        [("nato", "Demands", "no-strike-weapons-near-russia")],
    ),
    "the object of a participle of saying is not its speaker": (
        "The allies met on Wednesday, with all members refusing Moscow's demand that they rule out "
        "admitting Ukraine.",
        [("russia", "Demands", "ukraine-not-in-nato")],
        [("ukraine", "Rejects", "ukraine-not-in-nato")],
    ),
    "ready to discuss one thing but not the open door": (
        "Rau said Poland was ready to discuss arms control but not the alliance's open door.",
        [("poland", "Rejects", "nato-non-expansion")],
        [("poland", "Demands", "nato-non-expansion"), ("rau", "Demands", "nato-non-expansion")],
    ),
    "ready to discuss limits on deployments states no position": (
        "Blinken said Washington was ready to discuss limits on missile deployments in Europe.",
        [],
        [
            ("blinken", "Demands", "no-strike-weapons-near-russia"),
            ("usa", "Demands", "no-strike-weapons-near-russia"),
        ],
    ),
    "no plans to send troops to Ukraine is not about its membership": (
        "Stoltenberg said the alliance had no plans to send combat troops to Ukraine.",
        [],
        [("stoltenberg", "Demands", "ukraine-not-in-nato"), ("nato", "Demands", "ukraine-not-in-nato")],
    ),
    "a list of 'no X, no Y and a Z' items keeps each item's own sign": (
        "Moscow's demands — no membership for Ukraine, no strike weapons near Russia's borders and a "
        "rollback of allied forces to where they stood in 1997 — were published in December.",
        [
            ("russia", "Demands", "nato-1997-posture"),
            ("russia", "Demands", "no-strike-weapons-near-russia"),
            ("russia", "Demands", "ukraine-not-in-nato"),
        ],
        [("russia", "Rejects", "nato-1997-posture")],
    ),
    "a topic the parser hangs on another list item is neither merged into nor covering it": (
        "Moscow's demands — no membership for Ukraine, no strike weapons near Russia's borders and a "
        "rollback of allied forces to their 1997 lines — were published in December.",
        [("russia", "Demands", "nato-1997-posture"), ("russia", "Demands", "ukraine-not-in-nato")],
        [("russia", "Rejects", "nato-1997-posture")],
    ),
    "not negotiating away a right keeps it": (
        "MS PSAKI: We will not negotiate away the right of every country to choose its own alliances.",
        [("psaki", "Rejects", "nato-non-expansion")],
        [("psaki", "Demands", "nato-non-expansion")],
    ),
    "a name addressed at the start of a question is not its speaker": (
        "QUESTION: Ned, the Russians say they want an answer in writing on NATO expansion. "
        "Will they get one?",
        [],
        [("ned", "Rejects", "nato-non-expansion"), ("russia", "Rejects", "nato-non-expansion")],
    ),
    "hoping for a guarantee is asking for it (the model lemmatises 'hopes' as 'hop')": (
        "Moscow still hopes to get a promise that NATO will not move further east, Zakharova said.",
        [("zakharova", "Demands", "nato-non-expansion")],
        [("zakharova", "Rejects", "nato-non-expansion")],
    ),
    "calling for a permanent allied presence in the Baltics rejects the 1997 posture": (
        "Kaja Kallas called for a permanent allied presence in the Baltic states.",
        [("kallas", "Rejects", "nato-1997-posture")],
        [("kallas", "Demands", "nato-1997-posture")],
    ),
    "a refusal to halt expansion called a threat is a demand to halt it": (
        "Ryabkov said the alliance's refusal to stop its expansion was a threat to Russia.",
        [("ryabkov", "Demands", "nato-non-expansion")],
        [("ryabkov", "Rejects", "nato-non-expansion")],
    ),
    "a decision only the named may take is a veto over it": (
        '"Only Kyiv and the thirty allies can decide when Ukraine is ready to join," Stoltenberg said.',
        [("stoltenberg", "Rejects", "ukraine-not-in-nato")],
        [("stoltenberg", "Demands", "ukraine-not-in-nato")],
    ),
    "calling the opposite of a demand a threat demands it": (
        "Sergei Shoigu called the deployment of American missiles in Romania a threat.",
        [("shoigu", "Demands", "no-strike-weapons-near-russia")],
        [("shoigu", "Rejects", "no-strike-weapons-near-russia")],
    ),
    "an owned refusal is its owner's rejection": (
        "Lavrov said NATO's refusal to halt its enlargement had left Moscow with no choice.",
        [("nato", "Rejects", "nato-non-expansion")],
        [("lavrov", "Rejects", "nato-non-expansion"), ("nato", "Demands", "nato-non-expansion")],
    ),
    "not giving another a veto over who joins keeps the door open": (
        "Stoltenberg said the allies would never grant Moscow a veto over who joins the alliance.",
        [("stoltenberg", "Rejects", "nato-non-expansion")],
        [("stoltenberg", "Demands", "nato-non-expansion")],
    ),
    "troops pulled out of Belarus are a Russian pullback": (
        "Olaf Scholz urged Moscow to pull its soldiers out of Belarus after the exercises.",
        [("scholz", "Demands", "russian-de-escalation")],
        [],
    ),
    "an open door that is not negotiable is upheld": (
        "Annalena Baerbock said the open door of the alliance was not up for negotiation.",
        [("baerbock", "Rejects", "nato-non-expansion")],
        [("baerbock", "Demands", "nato-non-expansion")],
    ),
    "a clause added after a negation keeps its own sign": (
        "Olaf Scholz said sanctions were not on the agenda today, adding that Germany would never "
        "give up the open door.",
        [("scholz", "Rejects", "nato-non-expansion")],
        [("scholz", "Demands", "nato-non-expansion")],
    ),
    "limiting troops on the eastern flank is the 1997 posture": (
        "Lithuania opposed any arrangement that would limit allied troops on the eastern flank.",
        [("lithuania", "Rejects", "nato-1997-posture")],
        [],
    ),
    "turning down a demand rejects it": (
        "The alliance turned down Moscow's demand for a halt to NATO enlargement.",
        [("nato", "Rejects", "nato-non-expansion"), ("russia", "Demands", "nato-non-expansion")],
        [],
    ),
    "refusing limits on troops in a member that joined after 1997": (
        "Warsaw said it would never agree to limits on the stationing of allied troops in Poland.",
        [("poland", "Rejects", "nato-1997-posture")],
        [],
    ),
    "keeping kyiv out of the bloc is demanded": (
        "Shoigu insisted that the Western powers keep Kyiv out of the bloc.",
        [("shoigu", "Demands", "ukraine-not-in-nato")],
        [],
    ),
    "barring ukraine from the alliance is demanded": (
        "Moscow demanded an agreement that would bar Ukraine from the alliance forever.",
        [("russia", "Demands", "ukraine-not-in-nato")],
        [],
    ),
    "having no intention of doing it refuses it, for the one who has it": (
        "Berlin has no intention of pulling its troops out of the eastern members of the alliance.",
        [("germany", "Rejects", "nato-1997-posture")],
        [("germany", "Demands", "nato-1997-posture")],
    ),
    "the object a parser hangs on 'as' is what the stance verb takes": (
        "Britain dismissed as a non-starter the Kremlin's plan to bar Ukraine from NATO.",
        [("uk", "Rejects", "ukraine-not-in-nato")],
        [("uk", "Demands", "ukraine-not-in-nato")],
    ),
    "one holder met twice holds the outer stance": (
        "The alliance leaders rebuffed calls to rule out Ukrainian membership at their summit.",
        [("nato", "Rejects", "ukraine-not-in-nato")],
        [("nato", "Demands", "ukraine-not-in-nato")],
    ),
    "cutting the forces on an eastern member's soil is the 1997 posture": (
        "Vilnius would never agree to any reduction of the battalions stationed on Lithuanian soil.",
        [("lithuania", "Rejects", "nato-1997-posture")],
        [("lithuania", "Demands", "nato-1997-posture")],
    ),
    "a participle completing a noun keeps the mention one phrase": (
        "Warsaw said it would never accept the removal of the soldiers based in Polish barracks.",
        [("poland", "Rejects", "nato-1997-posture")],
        [("poland", "Demands", "nato-1997-posture")],
    ),
    "a right stated is a standing position": (
        "Paris said each country keeps the right to pick its own alliances.",
        [("france", "Rejects", "nato-non-expansion")],
        [("france", "Demands", "nato-non-expansion")],
    ),
    "a 'for ... to' clause after a stance noun completes it": (
        "Peskov restated Moscow's call for the bloc to remove its troops from the countries that "
        "joined after 1997.",
        [("russia", "Demands", "nato-1997-posture")],
        [("russia", "Rejects", "nato-1997-posture")],
    ),
    "a speaker refusing its own act rejects the demand": (
        "The alliance said it would never withdraw its battlegroups from the Baltic states.",
        [("nato", "Rejects", "nato-1997-posture")],
        [("nato", "Demands", "nato-1997-posture")],
    ),
    "declining to comment on a demand takes no stance on it": (
        "Lavrov said he would not comment on the deployment of missiles near Russia's borders.",
        [],
        [
            ("lavrov", "Demands", "no-strike-weapons-near-russia"),
            ("lavrov", "Rejects", "no-strike-weapons-near-russia"),
        ],
    ),
    "joining the alliance is enlargement": (
        "The Kremlin rejected Moldova's bid to join the North Atlantic alliance.",
        [("russia", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion")],
    ),
    "Ukraine joining the alliance names Ukraine's membership, not enlargement in general": (
        "Zelensky said Ukraine would keep pressing to join NATO.",
        [("zelensky", "Rejects", "ukraine-not-in-nato")],
        [("zelensky", "Rejects", "nato-non-expansion")],
    ),
    "pressing someone to do it demands it": (
        "Paris pressed the Kremlin to pull its troops back from the Ukrainian border.",
        [("france", "Demands", "russian-de-escalation")],
        [("france", "Rejects", "russian-de-escalation")],
    ),
    "a door said to be open is the open door": (
        "Liz Truss said the alliance's door was open to every European democracy.",
        [("truss", "Rejects", "nato-non-expansion")],
        [("truss", "Demands", "nato-non-expansion")],
    ),
    "calling the opposite a threat opposes it": (
        "Peskov said the placement of American missiles in Romania was a grave threat.",
        [("peskov", "Demands", "no-strike-weapons-near-russia")],
        [("peskov", "Rejects", "no-strike-weapons-near-russia")],
    ),
    "the envoys of several states all hold the stance": (
        "The defence ministers of Poland and Romania turned down the Kremlin's demand to pull NATO "
        "troops out of the eastern members.",
        [("poland", "Rejects", "nato-1997-posture"), ("romania", "Rejects", "nato-1997-posture")],
        [],
    ),
    "not giving way on an issue keeps the holder's own side of it": (
        "Moscow handed over its draft treaties in December. London would not budge on the question "
        "of the bloc's enlargement, and the Kremlin would not compromise on it either.",
        [("uk", "Rejects", "nato-non-expansion")],
        [("uk", "Demands", "nato-non-expansion")],
    ),
    "not giving way on what one names as one's own keeps it": (
        "The alliance said in a statement that it would not compromise on its open-door policy.",
        [("nato", "Rejects", "nato-non-expansion")],
        [("nato", "Demands", "nato-non-expansion")],
    ),
    # a state outside the owner, with no proposer known: no side can be told
    "with no proposer known, giving way on an issue says no side": (
        "Finland would not budge on the question of NATO's eastward expansion.",
        [],
        [("finland", "Demands", "nato-non-expansion"), ("finland", "Rejects", "nato-non-expansion")],
    ),
    # (this case once read 'Washington would not budge ...' with no side: the gazetteer now says the
    # United States is a member of NATO, so it keeps its alliance's side)
    "a member not budging on its alliance's expansion keeps it": (
        "Washington would not budge on the question of NATO's eastward expansion.",
        [("usa", "Rejects", "nato-non-expansion")],
        [("usa", "Demands", "nato-non-expansion")],
    ),
    "demands listed in a quote with no subject of their own are the speaker's": (
        '"We will not be patient for ever," Zakharova told reporters. "Our point is simple: no '
        'more enlargement of the alliance and no strike missiles on our borders."',
        [
            ("zakharova", "Demands", "nato-non-expansion"),
            ("zakharova", "Demands", "no-strike-weapons-near-russia"),
        ],
        [],
    ),
    "concern about the opposite asks for the demand": (
        "Zakharova voiced deep concern about the alliance's eastward enlargement.",
        [("zakharova", "Demands", "nato-non-expansion")],
        [("zakharova", "Rejects", "nato-non-expansion")],
    ),
    "one's concerns that include a demand hold it": (
        "Grushko complained that the answer sidestepped Russia's key concerns, such as the "
        "non-deployment of missiles near its borders.",
        [("russia", "Demands", "no-strike-weapons-near-russia")],
        [("russia", "Rejects", "no-strike-weapons-near-russia")],
    ),
    "a conjoined verb's refusal takes the shared subject's side": (
        "Jens Stoltenberg said the alliance was willing to talk but would not give up the principle "
        "that each nation can choose its own path.",
        [("stoltenberg", "Rejects", "nato-non-expansion")],
        [("stoltenberg", "Demands", "nato-non-expansion")],
    ),
    "the person heading a delegation speaks for it": (
        "The American delegation, led by Wendy Sherman, dismissed the demand for a halt to NATO's "
        "enlargement.",
        [("sherman", "Rejects", "nato-non-expansion")],
        [],
    ),
    "binding commitments are guarantees": (
        "Peskov said Moscow wanted legally binding commitments from Washington.",
        [("peskov", "Demands", "legal-security-guarantees")],
        [],
    ),
    "a clause on the complement of 'be' speaks of its subject, and the speaker shares it": (
        "Antony Blinken said Moscow's demand to stop enlargement was something Washington would "
        "never accept.",
        [("usa", "Rejects", "nato-non-expansion"), ("blinken", "Rejects", "nato-non-expansion")],
        [("blinken", "Demands", "nato-non-expansion")],
    ),
    "a policy the mention names, said to stay, is a stated position": (
        "London made clear that the alliance's open-door policy would remain.",
        [("uk", "Rejects", "nato-non-expansion")],
        [("uk", "Demands", "nato-non-expansion")],
    ),
    "a demand noun as the subject of 'be' holds the clause it introduces": (
        "The Kremlin's central demand is that Kyiv must never be admitted to the alliance.",
        [("russia", "Demands", "ukraine-not-in-nato")],
        [("russia", "Rejects", "ukraine-not-in-nato")],
    ),
    "out of the question rejects it": (
        "Paris said a withdrawal of allied troops from the eastern members was out of the question.",
        [("france", "Rejects", "nato-1997-posture")],
        [("france", "Demands", "nato-1997-posture")],
    ),
    "the one called on to act is part of what the act names": (
        "Peskov called on the alliance to halt its joint drills with Kyiv.",
        [("peskov", "Demands", "end-nato-ukraine-cooperation")],
        [("peskov", "Rejects", "end-nato-ukraine-cooperation"), ("peskov", "Demands", "nato-non-expansion")],
    ),
    "a word that only begins like a cue word is not it": (
        "Grushko said the alliance's joint drills near Russia must end.",
        [],
        [("grushko", "Demands", "nato-non-expansion"), ("grushko", "Rejects", "nato-non-expansion")],
    ),
    "having no plans to do it refuses it": (
        "Berlin told its partners it had no plans to reduce the number of German troops in Lithuania.",
        [("germany", "Rejects", "nato-1997-posture")],
        [("germany", "Demands", "nato-1997-posture")],
    ),
    "dragging Ukraine into the alliance is its membership": (
        "Zakharova demanded that Washington stop dragging Kyiv into the alliance.",
        [("zakharova", "Demands", "ukraine-not-in-nato")],
        [("zakharova", "Rejects", "ukraine-not-in-nato")],
    ),
    "a stance noun in an adjunct of a verb other than 'be' is no predicate of it": (
        "Zelensky said Ukraine would not drop its bid to join NATO under pressure from the Kremlin.",
        [],
        [("russia", "Rejects", "nato-non-expansion"), ("russia", "Rejects", "ukraine-not-in-nato")],
    ),
    "what a verb is insisted on, not what it is insisted as": (
        "Moscow insisted on an end to NATO enlargement as a condition for pulling back its troops.",
        [("russia", "Demands", "nato-non-expansion")],
        [("russia", "Demands", "russian-de-escalation"), ("russia", "Rejects", "russian-de-escalation")],
    ),
    "a right whose verb takes the mention as its argument states a position": (
        "Jens Stoltenberg said Kyiv had the right to apply for membership like any other democracy.",
        [("stoltenberg", "Rejects", "ukraine-not-in-nato")],
        [("stoltenberg", "Demands", "ukraine-not-in-nato")],
    ),
    "a right to act in the face of the opposite is no position on it": (
        "Lavrov said Moscow has the right to protect itself in the face of the alliance's eastward push.",
        [],
        [("lavrov", "Rejects", "nato-non-expansion"), ("russia", "Rejects", "nato-non-expansion")],
    ),
    "a firm commitment is a guarantee": (
        "Ryabkov said Russia needed a firm commitment from Washington.",
        [("ryabkov", "Demands", "legal-security-guarantees")],
        [],
    ),
    "rejecting an answer to a proposal is no stance on the proposal": (
        "Peskov said the Kremlin would not accept vague replies to its security proposals.",
        [],
        [
            ("peskov", "Rejects", "russian-security-proposals"),
            ("russia", "Rejects", "russian-security-proposals"),
        ],
    ),
    "waiting for an answer to a demand keeps the demand": (
        "Grushko said Moscow was still waiting for a response to its demand for legal guarantees.",
        [("grushko", "Demands", "legal-security-guarantees")],
        [],
    ),
    "necessary and mandatory state what must happen": (
        "Ryabkov said it was absolutely necessary that the alliance never expand any further.",
        [("ryabkov", "Demands", "nato-non-expansion")],
        [("ryabkov", "Rejects", "nato-non-expansion")],
    ),
    "a commitment to the opposite rejects the demand": (
        "The alliance's defence ministers restated their commitment to the open-door policy.",
        [("nato", "Rejects", "nato-non-expansion")],
        [("nato", "Demands", "nato-non-expansion")],
    ),
    "Ukraine staying outside the alliance is the demand itself": (
        "Moscow insists that Kyiv must remain outside the alliance for good.",
        [("russia", "Demands", "ukraine-not-in-nato")],
        [("russia", "Rejects", "ukraine-not-in-nato")],
    ),
    "cutting forces near Ukraine is de-escalation": (
        "Olaf Scholz urged the Kremlin to cut its forces along the Ukrainian border.",
        [("scholz", "Demands", "russian-de-escalation")],
        [("scholz", "Rejects", "russian-de-escalation")],
    ),
    "the bloc's advance toward Russia is enlargement": (
        "Zakharova said the bloc must stop its advance towards Russia's borders.",
        [("zakharova", "Demands", "nato-non-expansion")],
        [("zakharova", "Rejects", "nato-non-expansion")],
    ),
    "moving units away is de-escalation": (
        "Peskov rejected demands to move Russian units away from the border.",
        [("peskov", "Rejects", "russian-de-escalation")],
        [("peskov", "Demands", "russian-de-escalation")],
    ),
    "a reversing complement keeps its phrase where the parser hung it on the verb": (
        "Zakharova told reporters that Moscow's chief demand remained a firm halt to the alliance's "
        "enlargement.",
        [("russia", "Demands", "nato-non-expansion")],
        [("russia", "Rejects", "nato-non-expansion")],
    ),
    "'the allies' in lower case is the alliance": (
        "The allies turned down Moscow's demand that the alliance halt its eastward expansion.",
        [("nato", "Rejects", "nato-non-expansion")],
        [("nato", "Demands", "nato-non-expansion")],
    ),
    "a noun the tagger misread as the clause's verb, with a subject owned by an agent": (
        "The draft texts handed over by Moscow call for written security guarantees.",
        [("russia", "Demands", "legal-security-guarantees")],
        [],
    ),
    "'no further' on the verb negates it": (
        "Putin said he needed a promise that the bloc would advance no further toward Russia.",
        [("putin", "Demands", "nato-non-expansion")],
        [("putin", "Rejects", "nato-non-expansion")],
    ),
    "a relative clause on a word of the mention is part of it": (
        "Fomin said the alliance should remove the battalions it had sent to eastern member states.",
        [("fomin", "Demands", "nato-1997-posture")],
        [],
    ),
    "giving away by negotiation reverses": (
        "Blinken said the United States would never bargain away the alliance's open door.",
        [("blinken", "Rejects", "nato-non-expansion")],
        [("blinken", "Demands", "nato-non-expansion")],
    ),
    "the proposer's issue called not negotiable by another side is rejected": (
        "Moscow tabled two draft treaties in December. Polish officials said that withdrawing troops "
        "from Poland was not negotiable.",
        [("poland", "Rejects", "nato-1997-posture")],
        [("poland", "Demands", "nato-1997-posture")],
    ),
    "the proposer's own issue called not negotiable is demanded": (
        "Moscow tabled two draft treaties in December. Ryabkov said the legal guarantees were not up "
        "for debate.",
        [("ryabkov", "Demands", "legal-security-guarantees")],
        [("ryabkov", "Rejects", "legal-security-guarantees")],
    ),
    "a person reporting their own side's statement shares it": (
        "Jake Sullivan told reporters that Washington had made plain it would never give up NATO's "
        "open door.",
        [("sullivan", "Rejects", "nato-non-expansion"), ("usa", "Rejects", "nato-non-expansion")],
        [("sullivan", "Demands", "nato-non-expansion")],
    ),
    "a participle of saying speaks for the subject of the verb it hangs on": (
        "Latvia's foreign minister spoke bluntly, saying that any limit on allied deployments on the "
        "eastern flank was unacceptable.",
        [("latvia", "Rejects", "nato-1997-posture")],
        [],
    ),
    "a sentence-initial 'its' is the previous sentence's subject": (
        "Moscow says the alliance keeps growing. Its diplomats say the only way out is a binding pledge "
        "that Ukraine will never join.",
        [("russia", "Demands", "ukraine-not-in-nato")],
        [("nato", "Demands", "ukraine-not-in-nato")],
    ),
    "the main issue named is demanded": (
        "Ryabkov said the main issue was the non-expansion of the alliance.",
        [("ryabkov", "Demands", "nato-non-expansion")],
        [],
    ),
    "refusing to rule out future membership": (
        "Paris has refused to rule out further NATO membership for the countries of the region.",
        [("france", "Rejects", "nato-non-expansion")],
        [("france", "Demands", "nato-non-expansion")],
    ),
    "never let into the alliance": (
        "Lavrov insisted that Kyiv should never be let into the alliance.",
        [("lavrov", "Demands", "ukraine-not-in-nato")],
        [],
    ),
    "what a party's draft would ban is its demand": (
        "The Russian draft would prohibit the placement of strike missiles near the borders of the parties.",
        [("russia", "Demands", "no-strike-weapons-near-russia")],
        [],
    ),
    "a party alone deciding is no one else's veto": (
        "Kuleba said that Ukraine alone would choose whether to seek membership of the alliance.",
        [("kuleba", "Rejects", "ukraine-not-in-nato")],
        [("kuleba", "Demands", "ukraine-not-in-nato")],
    ),
    "a verb and its 'as' complement are one stance": (
        "Blinken rejected the Russian idea that Georgia and Ukraine be kept out of NATO as unacceptable.",
        [("blinken", "Rejects", "ukraine-not-in-nato")],
        [("blinken", "Demands", "ukraine-not-in-nato")],
    ),
    "alliances chosen by another capital are a veto": (
        "Kuleba said Ukraine would never agree to a deal in which its alliances were chosen in Moscow.",
        [("kuleba", "Rejects", "nato-non-expansion")],
        [("kuleba", "Demands", "nato-non-expansion")],
    ),
    "a list of 'a halt to X, an end to Y and a ban on Z'": (
        "Moscow asked for a halt to NATO expansion, an end to alliance drills in Ukraine and a promise "
        "not to deploy missiles near Russia.",
        [
            ("russia", "Demands", "end-nato-ukraine-cooperation"),
            ("russia", "Demands", "nato-non-expansion"),
            ("russia", "Demands", "no-strike-weapons-near-russia"),
        ],
        [
            ("russia", "Rejects", "end-nato-ukraine-cooperation"),
            ("russia", "Rejects", "no-strike-weapons-near-russia"),
        ],
    ),
    "refusing to give way on an issue keeps one's side": (
        "Moscow sent its draft treaties in December. Washington answered in writing, refusing to bend on "
        "the question of NATO enlargement.",
        [("usa", "Rejects", "nato-non-expansion")],
        [("usa", "Demands", "nato-non-expansion")],
    ),
    "an indirect question states nothing": (
        "Sullivan said Washington would not be pulled into a debate about who may or may not join NATO.",
        [],
        [("sullivan", "Demands", "nato-non-expansion"), ("usa", "Demands", "nato-non-expansion")],
    ),
    "a demand named again at the end, and who rejected it": (
        "Moscow has demanded that NATO withdraw its forces from members that joined after 1997, a demand "
        "Stoltenberg has flatly rejected.",
        [("russia", "Demands", "nato-1997-posture"), ("stoltenberg", "Rejects", "nato-1997-posture")],
        # 'members that joined after 1997' are the 1997 posture's topic, not enlargement
        [("russia", "Rejects", "nato-non-expansion"), ("stoltenberg", "Demands", "nato-non-expansion")],
    ),
    "soldiers massed near a border are withdrawn": (
        "Stoltenberg urged Russia to pull back the thousands of soldiers it has gathered near the border.",
        [("stoltenberg", "Demands", "russian-de-escalation")],
        [],
    ),
    "'said no' is not 'no say'": (
        "Grushko said no accord was possible without a halt to NATO expansion.",
        [],
        [("grushko", "Rejects", "nato-non-expansion")],
    ),
    "a reversing preposition is no topic": (
        "Grushko said no settlement could be reached without a halt to NATO expansion.",
        [],
        [("grushko", "Rejects", "nato-non-expansion")],
    ),
    "not discussing the open door keeps it": (
        "Russia handed over its draft treaties. Carpenter said Washington would talk about missile "
        "placements but would not negotiate the alliance's open-door policy.",
        [("usa", "Rejects", "nato-non-expansion")],
        [("usa", "Demands", "nato-non-expansion")],
    ),
    "a pullback of troops and the path to membership": (
        "Kuleba said nobody could veto Ukraine's path to NATO, and urged a pullback of Russian forces.",
        [("kuleba", "Rejects", "ukraine-not-in-nato"), ("kuleba", "Demands", "russian-de-escalation")],
        [],
    ),
}


@pytest.mark.parametrize("case", list(_STANCE_CASES))
def test_stance_composition(analyse, case):
    text, wanted, unwanted = _STANCE_CASES[case]
    got = claim_set(analyse(text))
    assert set(wanted) <= got
    assert not set(unwanted) & got


def test_cutting_off_cooperation_with_kyiv_is_demanded(analyse):
    x = analyse(
        "Grushko told reporters that Moscow wanted the alliance to cut off its cooperation with Kyiv."
    )
    got = claim_set(x)
    assert ("grushko", "Demands", "end-nato-ukraine-cooperation") in got
    assert not any(s == "Rejects" for _, s, _ in got)


def test_a_wire_dateline_is_its_own_sentence_not_part_of_the_quote(analyse):
    text = (
        "Envoys meet\n\nVIENNA, Feb 3 (Wire) - Ryabkov told the conference that NATO must stop its "
        "eastward expansion.\n\nTALLINN (Agency) - Estonia rejected the demand that NATO halt its "
        "enlargement."
    )
    x = analyse(text)
    quotes = {c.evidence.quote for c in x.claims}
    assert "Ryabkov told the conference that NATO must stop its eastward expansion." in quotes
    assert "Estonia rejected the demand that NATO halt its enlargement." in quotes
    assert all(text[c.evidence.start : c.evidence.end] == c.evidence.quote for c in x.claims)


def test_a_dash_dateline_and_a_live_blog_time_are_not_part_of_the_quote(analyse):
    text = (
        "Live: envoys meet\n\nRIGA — Latvia rejected the demand that NATO halt its enlargement.\n\n"
        "14:05 Kuleba said nobody could veto Ukraine's path to NATO."
    )
    x = analyse(text)
    quotes = {c.evidence.quote for c in x.claims}
    assert "Latvia rejected the demand that NATO halt its enlargement." in quotes
    assert "Kuleba said nobody could veto Ukraine's path to NATO." in quotes
    assert all(text[c.evidence.start : c.evidence.end] == c.evidence.quote for c in x.claims)


def test_a_transcript_turn_label_is_not_part_of_the_quote(analyse):
    text = "QUESTION: And the alliance?\n\nMR KIRBY: We reject the demand to shut NATO's door to Ukraine.\n"
    x = analyse(text)
    quotes = {c.evidence.quote for c in x.claims}
    assert "We reject the demand to shut NATO's door to Ukraine." in quotes
    assert all(text[c.evidence.start : c.evidence.end] == c.evidence.quote for c in x.claims)
