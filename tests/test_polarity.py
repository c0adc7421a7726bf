"""The stance is composed along the dependency path: a table of constructions we wrote ourselves.

Each row: demand or reject predicate x the demand named directly or by its opposite x zero, one or
two reversing words x negation, or a holder question (who asks, who is asked, who only reports).
"""

import pytest
from conftest import claim_set

pytestmark = pytest.mark.model

NE, UA, SW = "nato-non-expansion", "ukraine-not-in-nato", "no-strike-weapons-near-russia"

TABLE = [
    # demand predicate, demand named directly
    ("Lavrov demanded the non-expansion of NATO.", "lavrov", "Demands", NE),
    # demand predicate, opposite + one reversing word
    ("Lavrov demanded an end to NATO expansion.", "lavrov", "Demands", NE),
    ("Lavrov said NATO must stop its eastward expansion.", "lavrov", "Demands", NE),
    ("Lavrov called for a ban on deploying missiles near Russia's borders.", "lavrov", "Demands", SW),
    # demand predicate, opposite + negation
    ("Lavrov said the alliance must not expand any further.", "lavrov", "Demands", NE),
    ("Lavrov demanded that NATO never again expand eastward.", "lavrov", "Demands", NE),
    ("Lavrov insisted that Kyiv must not join the alliance.", "lavrov", "Demands", UA),
    ("Lavrov insisted that Ukraine must never be admitted to NATO.", "lavrov", "Demands", UA),
    # opposite + reversing word + negation: they cancel
    ("Lavrov said NATO should not stop its expansion.", "lavrov", "Rejects", NE),
    # a negation on a word the cue took in beside its own ('slam' of 'slam shut the door')
    ("Blinken said the United States would not slam shut the alliance's door.", "blinken", "Rejects", NE),
    # neither ... nor negates each conjunct
    (
        "Lavrov demanded that NATO neither expand nor deploy missiles near Russia's borders.",
        "lavrov",
        "Demands",
        SW,
    ),
    (
        "Lavrov demanded that NATO neither expand nor deploy missiles near Russia's borders.",
        "lavrov",
        "Demands",
        NE,
    ),
    # reject predicate, demand named directly
    ("Blinken rejected the non-expansion of NATO.", "blinken", "Rejects", NE),
    ("Blinken said the United States would not accept the non-expansion of NATO.", "blinken", "Rejects", NE),
    # reject predicate, opposite named: rejecting the opposite is asking for the demand
    ("Blinken rejected NATO expansion.", "blinken", "Demands", NE),
    # reject predicate, opposite + one reversing word
    ("Blinken rejected calls to halt NATO enlargement.", "blinken", "Rejects", NE),
    ("Blinken said Washington will never accept limits on the open door.", "blinken", "Rejects", NE),
    ("Blinken said Washington would never agree to bar Ukraine from joining NATO.", "blinken", "Rejects", UA),
    # a demand inside a rejection: both holders, opposite stances
    ("Blinken rejected the demand that Ukraine never join NATO.", "blinken", "Rejects", UA),
    (
        "Stoltenberg rejected Russia's demand that the alliance close its door to Ukraine.",
        "stoltenberg",
        "Rejects",
        NE,
    ),
    (
        "Stoltenberg rejected Russia's demand that the alliance close its door to Ukraine.",
        "russia",
        "Demands",
        NE,
    ),
    # troops told to leave the states that joined after 1997
    ("Moscow says NATO troops should leave the Baltic states.", "russia", "Demands", "nato-1997-posture"),
    # a consequence denied by its object ('see no grounds') asks for what 'without' names
    (
        '"Without a guarantee of NATO\'s non-expansion, we see no grounds for new talks," Ryabkov said.',
        "ryabkov",
        "Demands",
        NE,
    ),
    # welcoming troops in a post-1997 member's capital keeps them there
    (
        "The minister said Vilnius would welcome a permanent US troop presence.",
        "lithuania",
        "Rejects",
        "nato-1997-posture",
    ),
    # the noun of a refusal word refuses too
    (
        '"The key issue is the inadmissibility of further NATO expansion," Lavrov wrote.',
        "lavrov",
        "Demands",
        NE,
    ),
    # a right no one has is denied
    (
        "Zelensky said no country had the right to block Ukraine's bid to join NATO.",
        "zelensky",
        "Rejects",
        UA,
    ),
    ("Blinken said Ukraine had the right to join NATO.", "blinken", "Rejects", UA),
    # a threat in the complement of a modal clause is made against what 'if' names
    (
        "If NATO keeps expanding, Russia will have to respond, a Russian diplomat warned.",
        "russia",
        "Demands",
        NE,
    ),
    # the preposition of a refusal is part of it, not a second reversal
    ("Finland pushed back against Russian demands that would close NATO's door.", "finland", "Rejects", NE),
    ("Russia protested against the deployment of missiles in Romania.", "russia", "Demands", SW),
    # not sharing another's view that X rejects X
    (
        "A French official said Paris did not share Moscow's view that NATO should pull back from "
        "eastern Europe.",
        "france",
        "Rejects",
        "nato-1997-posture",
    ),
    # a stance said of the object in an 'as' phrase is the subject's
    ("Lavrov regarded NATO expansion as unacceptable.", "lavrov", "Demands", NE),
    ("Moscow regarded a binding guarantee of non-enlargement as an imperative.", "russia", "Demands", NE),
    # a veto rejects whatever the form
    ("Blinken said no one can veto Ukraine's membership of NATO.", "blinken", "Rejects", UA),
    # a 'where' clause after a preposition names a place or time, as a noun would
    (
        "Lavrov wants the alliance to return its forces to where they were in 1997.",
        "lavrov",
        "Demands",
        "nato-1997-posture",
    ),
    # a noun that sums up the demand, with a stance word in its closing clause
    (
        "Moscow wants a written promise that Kyiv will never join the alliance, a demand that "
        "Washington has called a non-starter.",
        "usa",
        "Rejects",
        UA,
    ),
    (
        "Moscow seeks an end to NATO enlargement, a step that Paris considers unacceptable.",
        "france",
        "Rejects",
        NE,
    ),
    # an objection is a stance; the other side not answering it does not reverse it
    ("Lavrov said Moscow's objection to NATO enlargement had not been addressed.", "russia", "Demands", NE),
    (
        "Lavrov said the allies had not answered Moscow's objection to NATO enlargement.",
        "lavrov",
        "Demands",
        NE,
    ),
    # an 'as' clause demands what the verb it hangs on names, without that verb's negation
    ("NATO will not halt its enlargement, as Moscow demands.", "russia", "Demands", NE),
    (
        "The alliance refused to rule out Kyiv's membership, as the Kremlin had demanded.",
        "russia",
        "Demands",
        UA,
    ),
    # what a draft binds the other side to is its proposer's demand
    (
        "Moscow published two draft treaties. Under the draft, the alliance would commit to no further "
        "enlargement.",
        "russia",
        "Demands",
        NE,
    ),
    (
        "Moscow published two draft treaties. The draft would bar Washington from setting up military "
        "bases in former Soviet republics.",
        "russia",
        "Demands",
        "no-bases-in-former-soviet-states",
    ),
    (
        "Moscow published two draft treaties. Both drafts would ban the deployment of missiles near "
        "the other side's borders.",
        "russia",
        "Demands",
        SW,
    ),
    # answers sought on demands do not make the demands an answer
    (
        "Peskov said Moscow still wanted answers on its demands, including a halt to NATO enlargement.",
        "russia",
        "Demands",
        NE,
    ),
    # a text takes the stance of those who issue it
    (
        "Xi Jinping and Vladimir Putin met in Beijing and issued a joint statement opposing any further "
        "expansion of NATO.",
        "xi",
        "Demands",
        NE,
    ),
    # 'it' is the state named before, not the owner of what it will not negotiate on
    ("The United States said it will not negotiate on NATO's open door.", "usa", "Rejects", NE),
    # examples hung on the complement of a relative clause are examples of the noun it describes
    (
        "Sherman said Washington had pushed back on proposals that were non-starters, such as a halt to "
        "the alliance's open door.",
        "usa",
        "Rejects",
        NE,
    ),
    # the holder of 'insists' inside reported speech, not the agent inside the demand
    ("Jones said Moscow insists that NATO must never admit Ukraine.", "russia", "Demands", UA),
    # a list after a colon elaborates the noun before it; an answer not given to them does not reverse
    (
        "The Kremlin said the allies had given no answer to the key elements of the Russian initiatives: "
        "preventing NATO expansion, refusing to deploy missiles near Russian borders and returning "
        "NATO's forces to the positions of 1997.",
        "russia",
        "Demands",
        "nato-1997-posture",
    ),
    (
        "The Kremlin said the allies had given no answer to the key elements of the Russian initiatives: "
        "preventing NATO expansion, refusing to deploy missiles near Russian borders and returning "
        "NATO's forces to the positions of 1997.",
        "russia",
        "Demands",
        NE,
    ),
    # the giver of no response to 'its demand' is not the one whose demand it is
    (
        "Moscow said Washington had given no response to its demand for a halt to NATO expansion.",
        "russia",
        "Demands",
        NE,
    ),
]

NO_CLAIM = [
    ("Lavrov did not demand the non-expansion of NATO.", "lavrov", NE),
    ("Jones said Moscow insists that NATO must never admit Ukraine.", "nato", UA),
    (
        "Lavrov called on Washington to halt its military exercises with Ukraine.",
        "usa",
        "end-nato-ukraine-cooperation",
    ),
    ("London received the Russian draft on security guarantees.", "uk", "legal-security-guarantees"),
    ("NATO expansion continued through the decade.", None, NE),
    # a stance asked about in a 'whether' clause is not taken
    ("Orban did not say whether Hungary supported an end to the alliance's enlargement.", None, NE),
    (
        "Asked whether France would support a moratorium on Ukraine's accession to NATO, Macron declined.",
        None,
        UA,
    ),
    # a negated stance in the closing clause takes no side
    (
        "Moscow wants a written promise that Kyiv will never join the alliance, a demand that "
        "Washington has not rejected outright.",
        "usa",
        UA,
    ),
    (
        "Moscow published two draft treaties. Under the draft, the alliance would commit to no further "
        "enlargement.",
        "nato",
        NE,
    ),
    # what one has not seen is a fact reported, no stance
    (
        "Stoltenberg said the allies had seen no sign of de-escalation.",
        "stoltenberg",
        "russian-de-escalation",
    ),
    ('"We have not seen any de-escalation," Stoltenberg said.', "stoltenberg", "russian-de-escalation"),
    # ... not whatever one has ('the right to defend its security in the face of a push by NATO')
    (
        "Putin said that Russia has the right to defend its security in the face of an eastward push "
        "by NATO.",
        "russia",
        NE,
    ),
    ("The United States said it will not negotiate on NATO's open door.", "nato", NE),
    ("Moscow said Washington had given no response to its demand for a halt to NATO expansion.", "usa", NE),
    # denying what one's own side's proposals are is no refusal of them
    (
        "Lavrov said Russia's security proposals were not a buffet the West could pick from.",
        "lavrov",
        "russian-security-proposals",
    ),
]


@pytest.mark.parametrize("text,actor,stance,demand", TABLE)
def test_composed_stance(analyse, text, actor, stance, demand):
    got = {s for a, s, d in claim_set(analyse(text)) if a == actor and d == demand}
    assert got == {stance}


@pytest.mark.parametrize("text,actor,demand", NO_CLAIM)
def test_no_claim_for_the_wrong_holder(analyse, text, actor, demand):
    got = {(a, d) for a, _, d in claim_set(analyse(text))}
    assert not any(d == demand and (actor is None or a == actor) for a, d in got)
