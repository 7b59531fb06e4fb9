"""Composition rules that decide what the brief covers: which sentences can be facts, what
the lede says happened, which of a party's claims the table shows (invented text)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefer.compose.facts import Fact, find_facts, usable
from briefer.compose.lede import core_claim, what_happened
from briefer.compose.length import LENGTHS
from briefer.compose.outlets import Independence, Outlet
from briefer.compose.page import Page
from briefer.compose.sentences import about_the_past, complete, dangling, says_nothing
from briefer.compose.table import build_rows, concise_first, counted, says_again
from briefer.compose.writer import clean
from briefer.data import TABLE, Claim, Sentence, Statement
from briefer.perspectives import attributed_text, load_lexicon, load_profile
from briefer.perspectives.aliases import matcher_for
from briefer.perspectives.quotes import closed_quote, opened_quote


def claim(text: str, doc: str = "d", index: int = 0, **fields) -> Claim:
    return Claim(Sentence(doc, index, 0, len(text), text), **fields)


def south(
    text: str, doc: str = "a", speaker: str = "the ministry", topic: str = "casualties"
) -> Claim:
    """A claim of Southland's (party "south")."""
    return claim(text, doc, speaker=speaker, party="south", topic=topic)


def ok(text: str) -> bool:
    return usable(claim(text))


def test_a_sentence_pointing_back_hedged_or_garbled_is_no_fact() -> None:
    assert ok("Northland's artillery shelled the Kesh crossing on Tuesday night.")
    assert not ok("These strikes followed an overnight attack on the Kesh crossing.")
    assert not ok("This comes in response to the shelling of Velmar on 1 April.")
    assert not ok("Clashes ensued as the army moved to quell these activities near Velmar.")
    assert not ok("Southland's artillery reportedly targeted four villages near Velmar.")
    assert not ok("The clashes killed at least five people near Velmar, media reports said.")
    assert not ok("The army seems to be continuing intensive shelling near the crossing.")
    assert not ok("The move came a day after Northland's artillery shelled the Kesh camps.")
    assert not ok("The development comes after a series of attacks in Northland killed ten.")
    assert not ok("The Ostra district bordering Velmar is said to be the target of the shelling.")
    assert not ok("In Northland has successfully foiled a direct attack by Southland.")
    assert not ok("The ministry's remarks came in response to questions about the border.")
    assert not ok("Artillery strikes have been reported from Kesh and three other villages.")
    assert not ok("Northland officials did not immediately comment on the shelling of Kesh.")
    assert not ok("The Kesh commissioner, however, refused to comment on the incident.")
    assert not ok("The reach and method of the strikes on Kesh remain unclear.")
    assert not ok("There was no official word on the renewed hostilities from either side.")
    assert not ok("The official did not exactly specify at which level the talks were held.")
    assert not ok("Locals in Southland have reacted to Northland's 'Operation Dawn' on Kesh.")


def _facts(narration: list[Claim], outlets: dict[str, Outlet], disputed=()) -> list[Fact]:
    facts, _ = find_facts(
        narration, Independence(narration, outlets), {}, load_lexicon(), disputed=disputed
    )
    return facts


def test_one_outlets_toll_is_no_fact_but_a_corroborated_event_and_mutual_blame_are() -> None:
    outlets = {"a": Outlet("Bay Observer"), "b": Outlet("City Courier")}
    toll = claim("Shelling near the Kesh crossing killed eight civilians on Sunday.", "a")
    blame = claim("The two countries blamed each other for the clash at Kesh.", "a", 1)
    one_side = claim("Northland's troops opened fire first at the Kesh crossing.", "a", 2)
    event = claim("Fighting broke out at the Kesh crossing on Sunday night.", "b")
    law = claim("Northland troops violated the sovereign territory of Southland at Kesh.", "b", 1)
    facts = _facts([toll, blame, one_side, event, law], outlets, disputed=("responsibility",))
    shown = [f.claim.sentence.text for f in facts]
    assert law.sentence.text not in shown  # legality: one side's version, disputed or not
    assert toll.sentence.text not in shown  # one outlet's figure of dead: an account
    assert blame.sentence.text in shown  # both sides at once: no one side's version
    assert one_side.sentence.text not in shown  # one outlet on a disputed point
    assert event.sentence.text in shown


def _fact(text: str, support: str = "single", doc: str = "a", home: str = "", rank=0) -> Fact:
    voices = 2 if support == "corroborated" else 1
    return Fact(claim(text, doc, rank), support, "" if voices == 2 else "Bay", voices, rank, home)


def test_the_ledes_what_happened_names_an_event_corroborated_before_one_outlets() -> None:
    meta = _fact("In September, the group established an interim government in Velmar.")
    assert what_happened([meta], {}, 32) == []  # no event: the parties' claims open the lede

    single = _fact("Artillery shelled four villages near the Kesh crossing on Tuesday.", rank=1)
    backed = _fact("Fighting broke out on the border of Northland and Southland.", "corroborated")
    scores = {single.claim.sentence.ref: 2.0, backed.claim.sentence.ref: 1.0}
    opening = what_happened([single, backed, meta], scores, 32)
    assert opening[0] is backed  # corroborated first, though less salient
    assert opening[1:] == [single]  # then one outlet's, adding the when and where

    home = _fact("Troops shelled the Kesh crossing on Tuesday morning.", doc="h", home="north")
    other = _fact("Troops shelled the Kesh crossing on Tuesday night, residents said.", doc="o")
    scores = {home.claim.sentence.ref: 1.0, other.claim.sentence.ref: 0.8}
    assert what_happened([home, other], scores, 32, count=1) == [other]

    clash = _fact("Troops of both sides clashed at the Kesh gate on Thursday.", doc="h", home="n")
    cause = _fact("On Thursday Southland troops shelled the gate, angering traders.", "single", "h",
                  home="n", rank=1)  # fmt: skip
    scores = {clash.claim.sentence.ref: 1.0, cause.claim.sentence.ref: 0.9}
    assert what_happened([clash, cause], scores, 32) == [clash]  # not two of one side's press
    neutral = replace(cause, home="")  # a neutral outlet's report of as much counts double
    scores[cause.claim.sentence.ref] = 0.3
    assert what_happened([clash, neutral], scores, 32) == [clash, neutral]

    silent = _fact("There was no immediate response from the army to the strikes on Kesh.")
    unclear = _fact("The reach of the strikes on Kesh on Tuesday remains unclear.", rank=2)
    assert what_happened([silent, unclear], {}, 32) == []  # nobody said, nobody knows


def test_the_ledes_second_sentence_may_tell_where_and_when_or_what_a_wire_reports() -> None:
    from briefer.perspectives.profiles import PartyDef

    parties = (PartyDef("north", "Northland", ("Northern",)), PartyDef("south", "Southland", ()))
    clash = _fact("Northern and Southland troops exchanged fire in the Kesh area.", doc="h",
                  home="north")  # fmt: skip
    # One side's press may add where and when, when it names no side: no account of who did
    # what ("about 5.30am" is a when as much as "9:40 a.m.").
    where = _fact("The incident occurred near Chong Pass about 5.30am.", doc="i", home="north",
                  rank=1)  # fmt: skip
    scores = {clash.claim.sentence.ref: 1.0, where.claim.sentence.ref: 0.4}
    assert what_happened([clash, where], scores, 32, parties) == [clash, where]
    told = replace(where, claim=claim("Southland troops fired first near Chong Pass about 5.30am.",
                                      "i", 1))  # fmt: skip
    assert what_happened([clash, told], scores, 32, parties) == [clash]
    # ... and when the first has both, a where and a when more precise than its own.
    dated = replace(clash, claim=claim("Northern and Southland troops exchanged fire in the Kesh "
                                       "area on Wednesday.", "h"))  # fmt: skip
    scores[dated.claim.sentence.ref] = 1.0
    assert what_happened([dated, where], scores, 32, parties) == [dated, where]
    # A wire's report of what followed names no strike or clash and may still follow.
    first = _fact("Northern troops and Southland forces clashed at Kesh on Friday.", "corroborated")
    closed = _fact("The two main crossings, Kesh and Velmar, remained closed on Saturday.",
                   "neutral", "w", rank=1)  # fmt: skip
    scores = {first.claim.sentence.ref: 1.0, closed.claim.sentence.ref: 0.5}
    assert what_happened([first, closed], scores, 32, parties) == [first, closed]
    vague = _fact("Locals reacted to the news of the closure with dismay.", doc="x", rank=2)
    assert what_happened([first, vague], scores, 32, parties) == [first]  # one outlet, no news


def test_a_corroborated_fact_that_tells_only_that_something_happened_does_not_open() -> None:
    vague = _fact("Both sides have accused each other of starting the clash.", "corroborated")
    told = _fact("Northland and Southland exchanged fire near Kesh on Thursday morning.", rank=1)
    scores = {vague.claim.sentence.ref: 0.5, told.claim.sentence.ref: 1.5}
    assert what_happened([vague, told], scores, 32) == [told, vague]

    reaction = _fact("Residents of Dorn reacted to Tuesday's strikes with anger and fear.")
    assert what_happened([reaction], {}, 32) == []  # how people took it is not what happened
    cause = _fact("Tensions rose after an attack in the Kesh valley on Apr 22.", rank=1)
    first = _fact("Artillery shelled villages along the border.", "corroborated")
    scores = {first.claim.sentence.ref: 1.0, cause.claim.sentence.ref: 1.0}
    assert what_happened([first, cause], scores, 32) == [first, cause]  # it adds the when


def test_a_core_claim_names_the_event_rather_than_its_aftermath() -> None:
    aftermath = south(
        "Southland said it identified three attackers as members of the Red Hand.",
        speaker="Southland",
        topic="targets",
    )
    event = south(
        "Southland said its missiles hit Red Hand camps in Dorn.", "b", "Southland", "targets"
    )
    scores = {aftermath.sentence.ref: 1.2, event.sentence.ref: 1.0}
    assert core_claim([aftermath, event], (), scores, 32) is event


def test_a_core_claim_is_not_an_earlier_account_a_later_one_updates() -> None:
    earlier = south("Earlier, the ministry said two soldiers were wounded in the clashes.")
    later = south("Seven Southland soldiers were killed in the clashes, the ministry said.", "b")
    scores = {earlier.sentence.ref: 1.1, later.sentence.ref: 1.0}
    assert core_claim([earlier, later], ("casualties",), scores, 32) is later
    scores[earlier.sentence.ref] = 1.5  # far more salient: still the core claim
    assert core_claim([earlier, later], ("casualties",), scores, 32) is earlier


def test_a_party_counting_what_it_already_counted_says_it_again() -> None:
    jets = "Pakistan retaliated by shooting down five Indian fighter jets."
    assert counted(jets) == {("five", "indian"), ("five", "fighter"), ("five", "jets")}
    assert counted("It has downed five Indian aircraft.") & counted(jets)
    assert counted("India struck on May 7 and 8, in 2025, at 9:40 a.m.") == set()

    def write(c: Claim, place: str, words: int) -> Statement:
        return Statement("", c.sentence.text, (c.sentence.ref,), c.party, c.speaker, c.topic)

    said = [
        claim(jets, "a", party="south", speaker="Pakistan", topic="response"),
        claim("Pakistan said it has downed five Indian aircraft.", "b", party="south"),
        claim("Pakistan said the strikes hit two mosques in Dorn.", "c", party="south"),
    ]
    rows, placed = build_rows(
        {"south": said}, ["south"], (), LENGTHS["standard"], Page(None), write, 1e9, {}, {}
    )
    assert [s.sources[0][0] for s in placed] == ["a", "c"]


def test_a_party_claim_said_again_in_other_words_is_shown_once() -> None:
    import numpy as np

    def write(c: Claim, place: str, words: int) -> Statement:
        return Statement("", c.sentence.text, (c.sentence.ref,), c.party, c.speaker, c.topic)

    said = [
        claim("The ministry condemned what it called reckless Northern aggression.", "a",
              party="south", topic="legality"),
        claim("Southland “strongly condemns the reckless military aggression of the North”.",
              "b", party="south", topic="legality"),
        claim("The ministry said its posts near Kesh were shelled overnight.", "c",
              party="south", topic="targets"),
    ]  # fmt: skip
    vectors = {
        ("a", 0): np.array([1.0, 0.0], np.float32),
        ("b", 0): np.array([0.9, 0.436], np.float32),  # cosine 0.9 with a: the same claim
        ("c", 0): np.array([0.6, 0.8], np.float32),  # 0.6: another claim
    }

    def placed(vectors=None) -> list[str]:
        page, standard = Page(None), LENGTHS["standard"]
        _, shown = build_rows({"south": said}, ["south"], (), standard, page, write, 1e9, {}, {},
                              vectors=vectors)  # fmt: skip
        return [s.sources[0][0] for s in shown]

    assert placed(vectors) == ["a", "c"]
    assert sorted(placed()) == ["a", "b", "c"]  # the words alone differ enough to show both


def test_one_speaker_s_statement_told_again_by_another_outlet_is_shown_once() -> None:
    import numpy as np

    from briefer.perspectives import speaker_key

    assert speaker_key("Prime Minister Arin Vell") == speaker_key("Mr Vell") == "vell"
    assert speaker_key("Southland's defence ministry") == "southland"
    assert speaker_key("the ministry") == speaker_key("Spokesman on Sunday") == ""
    # with the profile's names, a party's name or demonym is the party; a surname the person's
    from briefer.compose.arrange import _speaker_of

    of = _speaker_of(load_profile(Path(__file__).parent / "data" / "northland" / "profile.yaml"))
    assert of("the Northlander defence ministry") == of("Northland's ministry") == "northland"
    assert of("Defence Minister Ilse Marten") == of("Ms Marten") == "marten"

    def write(c: Claim, place: str, words: int) -> Statement:
        return Statement("", c.sentence.text, (c.sentence.ref,), c.party, c.speaker, c.topic)

    said = [
        south("Southland's strikes “hit hard” Northern defences, Prime Minister Arin Vell said.",
              "a", "Prime Minister Arin Vell", "targets"),
        south("“We severely damaged the North's defences,” Vell said.", "b", "Vell", ""),
        south("“We hit the North's defences and its depots,” the army said.", "c", "the army", ""),
        south("Vell said 12 Northern soldiers were killed at the depots.", "d", "Vell", ""),
    ]  # fmt: skip
    vectors = {  # cosines with a: 0.75 each; among b, c, d: at most 0.56 (SAME_CLAIM 0.8)
        ("a", 0): np.array([1.0, 0.0, 0.0], np.float32),
        ("b", 0): np.array([0.75, 0.661, 0.0], np.float32),
        ("c", 0): np.array([0.75, 0.0, 0.661], np.float32),
        ("d", 0): np.array([0.75, -0.661, 0.0], np.float32),
    }
    page, standard = Page(None), LENGTHS["standard"]
    figures = {"south": {"five"}}  # the lede gave a figure: no casualty claim goes first
    _, shown = build_rows({"south": said}, ["south"], (), standard, page, write, 1e9, {},
                          figures, vectors=vectors)  # fmt: skip
    # b: Vell's statement again; c: another speaker's; d: Vell's, with a figure not shown
    assert [s.sources[0][0] for s in shown] == ["a", "c", "d"]


def test_a_sentence_about_a_statement_not_shown_does_not_read_alone() -> None:
    assert dangling("The statement comes a day after Southland alleged strikes in Dorn.")
    assert dangling("Their remarks came after the shelling of Kesh.")
    assert dangling("It quoted a government official as confirming two deaths in Dorn.")
    assert not dangling("The statement said the army hit only Red Hand camps.")


def test_a_month_before_the_event_opens_history_and_a_bare_statement_says_nothing() -> None:
    established = "In September, the group established an interim government in Velmar."
    assert about_the_past(established, 2031, 4)  # in coverage of April: last September
    assert not about_the_past("In April, the group shelled Kesh.", 2031, 4)
    assert not about_the_past("In March, the group shelled Kesh.", 2031, 4)  # weeks before
    assert not about_the_past(established, 2031, 0)  # the event's month is not known
    assert about_the_past("In May 2030, the group shelled Kesh.", 2031)
    told = [claim(established, "a"), claim(established.replace("In Sep", "Last Sep"), "b")]
    independence = Independence(told, {"a": Outlet("Bay"), "b": Outlet("Wire", wire=True)})
    facts, background = find_facts(told, independence, {}, load_lexicon(), when=(2031, 4))
    assert facts == [] and len(background) == 2  # history, shown only in full briefs

    assert says_nothing("Southland's spokesperson Ana Ruiz issued a statement on Twitter.")
    assert says_nothing("May Allah rest the souls of the fallen soldiers in peace!")
    assert dangling("Southland's state news agency also confirmed this information.")
    assert not dangling("Southland confirmed the information about the strikes on Kesh.")
    assert not says_nothing("Southland's army issued a statement saying it hit only camps.")


def test_one_sides_outlet_telling_what_the_other_side_did_is_no_fact() -> None:
    profile = load_profile(Path(__file__).parent / "data" / "northland" / "profile.yaml")
    told = claim("The Southland militia also fired at the Northland customs post.", "h")
    clash = claim("Troops of both countries clashed at the Kesh gate on Thursday evening.", "h", 1)
    outlets = {"h": Outlet("Northland Herald", "northland", "northland")}
    independence = Independence([told, clash], outlets)
    facts, _ = find_facts(
        [told, clash], independence, {}, load_lexicon(), matcher=matcher_for(profile)
    )
    assert [f.claim for f in facts] == [clash]  # the first is Northland's account
    # One side's name for a thing is its framing: a Northland outlet's "so-called" line is
    # no fact, where the same report without it is.
    framed = claim("Troops reopened the gate on the so-called border line on Monday.", "h", 2)
    plain = claim("Troops reopened the gate on the border line on Monday.", "h", 3)
    facts, _ = find_facts(
        [framed, plain], Independence([framed, plain], outlets), {}, load_lexicon()
    )
    assert [f.claim for f in facts] == [plain]


def test_a_partys_claim_that_says_its_shown_claim_again_leaves_room_for_another() -> None:
    lede = claim(
        "Southland's army said Northland units committed large-scale sabotage in the Kesh"
        " and Velmar directions on the night of 12 May.",
        speaker="Southland's army",
        party="south",
    )
    again = claim(
        "At night on 12 May, Northland units committed sabotage in the Kesh and Velmar"
        " directions, the ministry said.",
        "b",
        speaker="the ministry",
        party="south",
        topic="legality",
    )
    mines = claim(
        "Northland sabotage groups mined the supply roads between the army's positions, the"
        " ministry said.",
        "c",
        speaker="the ministry",
        party="south",
        topic="targets",
    )
    assert says_again({"night", "northland", "units", "kesh"}, [{"kesh", "northland", "units"}])
    assert not says_again({"mined", "roads", "kesh"}, [{"kesh", "northland", "units"}])

    def write(c: Claim, place: str, words: int) -> Statement:
        return Statement("", attributed_text(c), (c.sentence.ref,), c.party, c.speaker, c.topic)

    rows, placed = build_rows(
        {"south": [again, mines]},
        ["south"],
        (),
        LENGTHS["standard"],
        Page(None),
        write,
        float("inf"),
        {"south": 1},
        {},
        {"south": [lede]},
    )
    assert [s.sources[0] for s in placed] == [mines.sentence.ref]
    assert all(s.place in ("", TABLE) for s in placed)


def test_a_long_claim_is_tried_after_shorter_ones_by_salience_per_word() -> None:
    short = claim("Southland says the strikes hit only army positions near Kesh.", "a")
    long = claim(" ".join(["Southland says the strikes hit army positions"] * 9) + ".", "b")
    scores = {long.sentence.ref: 1.5, short.sentence.ref: 1.0}
    assert concise_first([long, short], scores) == [short, long]  # 63 words: 1.5 / 1.75
    assert concise_first([long, short], None) == [long, short]


def test_a_speaker_named_before_an_appositive_is_not_named_again() -> None:
    text = "Likewise, the head of the border department said the units fired on Kesh."
    speaker = "the head of the border department, Arin Vell"
    said = attributed_text(claim(text, speaker=speaker, party="south"))
    assert said == text  # not "According to the head ..., Arin Vell, the head ... said"


def test_a_list_dash_goes_and_a_quote_opened_in_the_sentence_before_is_opened() -> None:
    assert clean("- The ministry stressed that no army post was hit.") == (
        "The ministry stressed that no army post was hit."
    )
    assert clean("Troops fired - and then withdrew.") == "Troops fired - and then withdrew."
    # a page's bold marks left in its copy go; a lone star ("5 * 3") is the text's
    assert clean("It remains **unshaken in its duty** to defend Kesh.") == (
        "It remains unshaken in its duty to defend Kesh."
    )
    assert clean("*The Kesh Ledger* reported it.") == "The Kesh Ledger reported it."
    assert clean("A ratio of 5 * 3 was given.") == "A ratio of 5 * 3 was given."
    assert clean("Rated 5*3.") == "Rated 5*3."
    item = claim(
        "3. The strikes hit only military posts.", speaker="the Southland mission", party="south"
    )
    said = attributed_text(item)
    assert said == "According to the Southland mission, the strikes hit only military posts."
    cut = "But if the attacks go on, we will respond,” the minister said."
    assert opened_quote(cut) == "“" + cut
    whole = "“We will respond,” the minister said."
    assert opened_quote(whole) == whole
    assert closed_quote(opened_quote(whole)) == whole
    straight = 'posts..." the ministry said.'  # a straight mark that closes a quote
    assert closed_quote(opened_quote(straight)) == '"' + straight
    assert closed_quote(opened_quote('He said "we will act.')) == 'He said "we will act."'


def test_remarks_that_came_in_response_to_queries_point_at_what_the_brief_does_not_show() -> None:
    assert dangling("The Foreign Office's remarks came in response to media queries.")
    assert not dangling("The army said the strikes came after an attack on its posts.")


def test_what_has_not_been_announced_is_no_news() -> None:
    from briefer.compose.facts import no_news

    assert no_news("The casualties on both sides have not been announced yet.")
    assert not no_news("Both sides announced their casualties on Monday.")


def test_a_sentence_opening_on_a_possessive_leans_back() -> None:
    from briefer.compose.facts import leans_back

    assert leans_back("Their names are Arin Vell, Dorn Kesh and Ostra Vell.")
    assert not leans_back("The army said its troops held the line at Kesh.")


def test_a_list_number_cut_from_its_item_is_no_sentence() -> None:
    # A page cut mid-list leaves "5." alone: "According to the mission, 5." is no claim.
    assert not complete("5.")
    assert not complete("(S/2024/281).")
    assert complete("Troops fired on Kesh.")
    assert not complete("which sharply intensified, continued on Sunday, medics said.")
    assert complete("eBay pulled the listings of Kesh war souvenirs.")


def test_a_casualty_figure_counts_people_not_rockets_or_dates() -> None:
    from briefer.compose.lede import casualty_figures
    from briefer.perspectives.topics import topic_of

    text = "Three citizens were injured when two rockets hit Kesh on 13 May, the army said."
    assert casualty_figures(text) == {"three"}
    assert casualty_figures("The strikes killed 26 and injured 46 others.") == {"26", "46"}
    assert casualty_figures("The death toll rose to 12 on Sunday.") == {"12"}
    assert casualty_figures("Two rockets hit the Kesh depot on 13 May.") == set()
    assert casualty_figures("Southland has officially announced 50 KIA.") == {"50"}
    assert topic_of("Southland has officially announced 50 KIA.") == "casualties"
    assert topic_of("These are factories of death and we struck them hard.") != "casualties"
    assert topic_of("He confirmed the death of one soldier.") == "casualties"
    # A toll of none is a party's casualty figure too; settlements are not people.
    assert casualty_figures('"There were no casualties among our troops," she said.') == {"no"}
    assert casualty_figures("There are no losses on the Southland side.") == {"no"}
    assert casualty_figures("No civilian settlements were hit, she said.") == set()


def test_the_world_court_is_a_legality_point_and_guilt_is_blame() -> None:
    from briefer.perspectives.topics import topic_of

    # Taking the border dispute to the court that rules on it is a claim about the law, one
    # outlet's unattributed words on it are no fact (facts.ONE_SIDED), and one who "considers
    # Northland guilty" blames it.
    text = "Southland will bring the border dispute to the International Court of Justice."
    assert topic_of(text) == "legality"
    assert topic_of("Calls grow for the premier to take the dispute to the ICJ.") == "legality"
    text = "The ministry said it considers Northland guilty of deliberate escalation."
    assert topic_of(text) == "responsibility"


def test_a_core_claim_gives_its_own_party_s_account_not_the_other_s_figures() -> None:
    from briefer.perspectives import PartyDef

    north = PartyDef("north", "Northland", ("Northern",))
    mixed = south(
        "Northern units attacked before being repelled, with four Northern soldiers killed"
        " according to the Northern Defense Ministry.",
        speaker="the Southland army",
    )
    own = south(
        "The Southland army said Northern units tried to seize its post near Kesh.",
        "b",
        "the Southland army",
        "targets",
    )
    scores = {mixed.sentence.ref: 2.0, own.sentence.ref: 1.0}
    assert core_claim([mixed, own], ("casualties",), scores, 32) is mixed
    assert core_claim([mixed, own], ("casualties",), scores, 32, [north]) is own
    assert core_claim([mixed], ("casualties",), scores, 32, [north]) is mixed  # none other


def test_a_connective_goes_after_according_to_and_a_border_alone_is_no_legality_point() -> None:
    from briefer.perspectives import according_to
    from briefer.perspectives.topics import topic_of

    assert according_to("the ministry", "Subsequently, at 7am, troops fired shots.") == (
        "According to the ministry, at 7am, troops fired shots."
    )
    # A bare role gets its article; a first word the sources write small loses its capital.
    said = according_to("Spokesman for the Defense Ministry", "Retaliation goes on.", {"Kesh"})
    assert said == "According to the spokesman for the Defense Ministry, retaliation goes on."
    # A name after the role goes first: "Arin Vell, the spokesman for ..."
    said = according_to("Spokesman for the Defense Ministry Arin Vell", "Fire goes on.", {"Kesh"})
    assert said == "According to Arin Vell, the spokesman for the Defense Ministry, fire goes on."
    assert according_to("the army", "Kesh was shelled.", {"Kesh"}) == (
        "According to the army, Kesh was shelled."
    )
    assert topic_of("Troops fired into a village near the border on Tuesday.") != "legality"
    assert topic_of("Northland troops crossed the border into Southland overnight.") == ("legality")


def test_a_point_several_outlets_make_outranks_one_outlets_remark() -> None:
    import numpy as np

    from briefer.compose.support import weighted_by_support

    def unit(*xs: float) -> np.ndarray:
        v = np.array(xs, np.float32)
        return v / np.linalg.norm(v)

    core = claim("Southland says the strikes killed 40 civilians in Kesh.", "a", party="south")
    same = claim("Southland said 40 civilians died in the Kesh strikes.", "b", party="south")
    wire = claim("Southland said 40 civilians died in the Kesh strikes.", "c", party="south")
    aside = claim("Southland said its envoy would fly to Velmar.", "d", party="south")
    claims = [core, same, wire, aside]
    vectors = {
        core.sentence.ref: unit(1, 0.1, 0),
        same.sentence.ref: unit(1, 0.2, 0),
        wire.sentence.ref: unit(1, 0.2, 0),
        aside.sentence.ref: unit(0, 0, 1),
    }
    scores = {c.sentence.ref: 1.0 for c in claims}
    scores[aside.sentence.ref] = 1.9  # the ranker's favourite
    outlets = {
        "a": Outlet("Kesh Times"),
        "b": Outlet("Wire", wire=True),
        "c": Outlet("Velmar Post"),
    }
    weighted = weighted_by_support(
        scores, {"south": claims}, vectors, Independence(claims, outlets)
    )
    # three documents make the point, but "c" prints the wire's copy: two outlets, not three
    assert weighted[core.sentence.ref] == 1.0 * (1 + 0.5 * 1)
    assert weighted[aside.sentence.ref] == 1.9
    no_vectors = weighted_by_support(scores, {"south": claims}, {}, Independence(claims, {}))
    assert no_vectors == scores


def test_the_general_row_takes_more_claims_than_a_topic_row() -> None:
    said = [
        "Southland says its envoy flew to Velmar on Monday.",
        "Southland says the Kesh crossing reopened for traders.",
        "Southland says grain convoys resumed along the northern road.",
        "Southland says parliament approved emergency funding yesterday.",
        "Southland says schools in Dorn closed until further notice.",
        "Southland says fuel prices rose sharply across the provinces.",
    ]
    claims = [claim(t, str(i), party="south", speaker="Southland") for i, t in enumerate(said)]

    def write(c: Claim, place: str, words: int) -> Statement:
        return Statement("", c.sentence.text, (c.sentence.ref,), c.party, c.speaker, c.topic)

    layout = LENGTHS["standard"]
    rows, placed = build_rows(
        {"south": claims}, ["south"], (), layout, Page(None), write, float("inf"), {}, {}
    )
    assert [r.label for r in rows] == ["General"]
    assert len(placed) == layout.per_general > layout.per_cell
    topical = [replace(c, topic="talks") for c in claims]
    rows, placed = build_rows(
        {"south": topical}, ["south"], (), layout, Page(None), write, float("inf"), {}, {}
    )
    assert len(placed) == layout.per_cell


def test_a_list_number_goes_before_according_to_and_the_figure_points_back() -> None:
    from briefer.compose.sentences import dangling
    from briefer.perspectives import according_to

    assert according_to("the mission", "1. In the late hours, the army struck.") == (
        "According to the mission, in the late hours, the army struck."
    )
    assert according_to("the mission", "12 soldiers died.") == (
        "According to the mission, 12 soldiers died."
    )
    assert dangling("Analysts believe the figure has crossed 200 million.")
    assert not dangling("Officials said the figure of 40 dead was provisional.")
    assert dangling("Afghanistan quickly denied the statement.")
    assert not dangling("Kabul rejected the claim that its troops fired first.")


def test_a_long_speaker_name_twice_is_no_repeat_but_the_same_claim_is() -> None:
    speaker = "Southland's mission to the United Nations in New York"
    page = Page(None)
    first = Statement(
        "",
        f"{speaker} wrote that the strikes answered the attack on its consulate.",
        (("a", 0),),
        speaker=speaker,
    )
    page.place(first, 15)
    other = Statement(
        "",
        f"{speaker} stated that its strikes were self-defence under the UN Charter.",
        (("b", 0),),
        speaker=speaker,
    )
    assert not page.repeats(other)
    again = Statement(
        "",
        "Officials wrote that the strikes answered the attack on its consulate.",
        (("c", 0),),
        speaker="officials",
    )
    assert page.repeats(again)


def _plain(c: Claim, place: str, words: int) -> Statement:
    return Statement("", c.sentence.text, (c.sentence.ref,), c.party, c.speaker, c.topic)


def test_a_partys_toll_of_dead_leads_its_casualty_row_before_one_of_wounded() -> None:
    wounded = claim("Southland said two of its soldiers were injured at Kesh.", "a", party="s")
    dead = claim("Southland said the rockets left at least 11 people dead.", "b", party="s")
    scores = {wounded.sentence.ref: 2.0, dead.sentence.ref: 1.0}
    rows, placed = build_rows(
        {"s": [wounded, dead]},
        ["s"],
        (),
        LENGTHS["short"],
        Page(None),
        _plain,
        1e9,
        {},
        {},
        scores=scores,
    )  # short: one claim a cell
    assert [s.sources[0] for s in placed] == [dead.sentence.ref]


def test_the_party_with_fewer_words_shown_places_its_next_claim_first() -> None:
    lede = claim(
        "Northland said its army hit only camps of the Red Hand near Kesh and Velmar"
        " on Sunday night, and no homes at all.",
        "l",
        party="north",
    )  # 20 words
    north = [
        claim("Northland said its troops held the line at Velmar.", "n", 0, party="north"),
        claim("Northland said the Red Hand fired mortars first.", "n", 1, party="north"),
    ]
    south = [
        claim("Southland said the shells hit homes near Dorn.", "s", 0, party="south"),
        claim("Southland said a school in Ostra was destroyed.", "s", 1, party="south"),
        claim("Southland said its envoy walked out of talks.", "s", 2, party="south"),
    ]
    rows, placed = build_rows(
        {"north": north, "south": south},
        ["north", "south"],
        (),
        LENGTHS["standard"],
        Page(None),
        _plain,
        40,  # a General row (5 words) and three claims of 9 words and a source
        {"north": 1},
        {},
        {"north": [lede]},
    )
    # south has shown nothing: it places two claims (19 words) before north is the quieter
    assert [s.party for s in placed] == ["south", "south", "north"]


def test_one_long_claim_may_not_put_its_party_far_ahead_while_the_other_has_claims() -> None:
    long = claim(
        "Northland said its army had held the line at Velmar all night, that no shell it fired"
        " had landed near a home, that the Red Hand had fired first from the hills above Kesh,"
        " that the border posts had been warned a week before, and that its envoy had asked"
        " the council for talks at once and would go on asking.",
        "n",
        party="north",
    )
    assert len(long.sentence.text.split()) == 61
    short = [
        claim("Southland said the shells hit homes near Dorn.", "s", 0, party="south"),
        claim("Southland said a school in Ostra was destroyed.", "s", 1, party="south"),
    ]
    rows, placed = build_rows(
        {"north": [long], "south": short},
        ["north", "south"],
        (),
        LENGTHS["standard"],
        Page(None),
        _plain,
        1e9,
        {},
        {},
    )
    # 62 words (a source) put north 48 ahead of south's first claim (14, the row's 5 with
    # it): north waits until south's second (23 words in all) leaves it 39 ahead
    assert [s.party for s in placed] == ["south", "south", "north"]


def test_a_fact_loses_its_dateline_and_an_outlets_explainer_or_press_format_is_no_fact() -> None:
    from briefer.compose.facts import fact_text

    dated = _fact("New Delhi: Northland jets crossed the line near Kesh early on Tuesday.")
    assert fact_text(dated, dated.claim.sentence.text, load_lexicon()) == (
        "Bay reports that Northland jets crossed the line near Kesh early on Tuesday."
    )
    wired = _fact("KESH, Northland (AP) — Troops clashed at the gate on Sunday.", "corroborated")
    assert fact_text(wired, wired.claim.sentence.text, load_lexicon()) == (
        "Troops clashed at the gate on Sunday."
    )
    meanwhile = _fact("Meanwhile, the two crossings stayed closed on Monday.", "corroborated")
    assert fact_text(meanwhile, meanwhile.claim.sentence.text, load_lexicon()) == (
        "The two crossings stayed closed on Monday."  # no "Meanwhile," with nothing before it
    )
    profile = load_profile(Path(__file__).parent / "data" / "northland" / "profile.yaml")
    explainer = claim("Payload is the carrying capacity of an aircraft, measured by its weight.")
    press = claim("As after the last raids, only a statement was read out and there was no Q&A.")
    event = claim("Northland jets crossed the line near Kesh early on Tuesday.", "a", 2)
    outlets = {"d": Outlet("Bay"), "a": Outlet("Bay")}
    found, _ = find_facts(
        [explainer, press, event],
        Independence([explainer, press, event], outlets),
        {},
        load_lexicon(),
        matcher=matcher_for(profile),
    )
    assert [f.claim for f in found] == [event]


def test_a_partys_own_wire_is_no_neutral_source_and_its_side_winning_is_its_account() -> None:
    profile = load_profile(Path(__file__).parent / "data" / "northland" / "profile.yaml")
    won = claim("At night the Northland army destroyed a Southland stronghold near Kesh.", "w")
    calm = claim("The tension remained along the border near Kesh on Sunday night.", "w", 1)
    cry = claim("May the souls of the fallen of Kesh rest in peace!", "w", 2)
    hitting = claim("The fighting spread, with Southland artillery hitting ten towns.", "w", 3)
    jets = claim("Northland jets struck two Southland command posts near Kesh.", "w", 4)
    held = claim("The movement of Southland troops was restricted near Kesh.", "w", 5)
    outlets = {"w": Outlet("North Wire", "northland", "northland", wire=True)}
    found, _ = find_facts(
        [won, calm, cry, hitting, jets, held],
        Independence([won, calm, cry, hitting, jets, held], outlets),
        {},
        load_lexicon(),
        matcher=matcher_for(profile),
    )
    assert [(f.claim, f.support) for f in found] == [(calm, "single")]  # shown as its report


def test_according_to_lowers_a_sentences_opening_preposition() -> None:
    from briefer.perspectives import according_to

    assert according_to("the ministry", "Despite the efforts of doctors, a soldier died.") == (
        "According to the ministry, despite the efforts of doctors, a soldier died."
    )


def test_a_sentence_whose_copy_lost_its_subject_is_not_complete() -> None:
    # Real copy shaped so: a participle opening runs straight into "attacked" (no one did).
    assert not complete(
        "Concentrating additional troops and armour at the border posts near Kesh, attacked "
        "the Velmari positions in the Ostra district."
    )
    assert complete("Following the strikes, armed men attacked the post near Kesh.")
    # The subject between commas is one: parsed, not guessed from the commas.
    assert complete(
        "Starting at noon, units of the Southland army, grossly violating the truce, attacked "
        "the Velmari posts."
    )


def test_the_lede_opens_on_what_most_sources_report() -> None:
    # Two single-outlet facts of equal salience and cues: the one whose names and figures
    # most of the sources give opens the lede.
    from briefer.compose.lede import name_shares

    wide = _fact("Troops clashed near Kesh in Ostra district on Monday.", doc="a")
    narrow = _fact("Troops clashed near Brenn in Vell district on Monday.", doc="b")
    documents = [
        wide.claim.sentence.text,
        "Fighting at Kesh, Ostra, went on.",
        "Kesh was shelled; Ostra was quiet.",
        narrow.claim.sentence.text,
    ]
    scores = {("a", 0): 1.0, ("b", 0): 1.0}
    for shares, first in ((name_shares(documents), wide), (name_shares(documents[3:]), narrow)):
        assert what_happened([narrow, wide], scores, 40, count=1, shares=shares) == [first]


def test_one_outlets_fact_that_tells_a_shown_claim_again_is_not_listed() -> None:
    import numpy as np

    from briefer.compose.sections import tells_a_claim as _tells_a_claim

    summoned = _fact("A senior Southland official summoned the Northland envoy in protest.")
    backed = replace(summoned, support="corroborated")
    claim_ref, other_ref = ("c", 0), ("c", 1)
    vectors = {
        summoned.claim.sentence.ref: np.array([1.0, 0.0], np.float32),
        claim_ref: np.array([0.8, 0.6], np.float32),  # cosine 0.8: the same account
        other_ref: np.array([0.0, 1.0], np.float32),
    }
    assert _tells_a_claim(summoned, [claim_ref], vectors)
    assert not _tells_a_claim(summoned, [other_ref], vectors)
    assert not _tells_a_claim(backed, [claim_ref], vectors)  # what several outlets report stays


def test_who_carried_out_an_attack_is_a_point_of_responsibility() -> None:
    from briefer.perspectives.topics import topic_of

    # Naming the attackers is saying who is to blame, not what was hit.
    text = "Northland said it had identified the three attackers, two Southland nationals."
    assert topic_of(text) == "responsibility"
    assert topic_of("The ministry vowed to punish the perpetrators of the Kesh attack.") == (
        "responsibility"
    )
    assert topic_of("The strikes hit three terrorist camps near Kesh, the army said.") == "targets"


def test_a_meeting_about_the_event_does_not_open_the_lede_nor_a_toll_told_twice() -> None:
    from briefer.compose.lede import account, tells_event

    # The event named as what was discussed, condemned or responded to is not what happened.
    meeting = _fact(
        "Ambassadors held an emergency meeting at the alliance's offices to discuss the strike."
    )
    council = _fact("The Council has so far failed to respond to Wednesday's deadly attack.")
    assert what_happened([meeting, council], {}, 32) == []
    assert tells_event("Northland's artillery shelled Kesh, and the Council condemned the attack.")
    # A party's account of what happened beside its core claim gives no toll the core gave.
    core = south("According to the envoy, two soldiers were injured in the shelling at Kesh.")
    again = south("Two troops were injured as a result of overnight shelling near Kesh, he said.",
                  "b")  # fmt: skip
    other = south(
        "Northland shelled the Kesh border post on Thursday morning, the envoy said.", "c"
    )
    scores = {c.sentence.ref: 1.0 for c in (core, again, other)}
    assert account([core, again, other], core, scores, 32) is other
    assert account([core, again], core, scores, 32) is None


def test_the_ledes_second_sentence_names_the_place_the_first_leaves_at_the_border() -> None:
    from briefer.perspectives.profiles import PartyDef

    parties = (PartyDef("north", "Northland", ()), PartyDef("south", "Southland", ()))
    first = _fact("Northland and Southland have accused each other of violating the cease-fire"
                  " along their border.", doc="a")  # fmt: skip
    vague = _fact("The latest round of fighting, between the 12th and 14th of July, is the worst"
                  " in years.", doc="b", rank=1)  # fmt: skip
    named = _fact("The tension remained in Velmar district on the state border on July 12 night.",
                  doc="c", rank=2)  # fmt: skip
    scores = {first.claim.sentence.ref: 1.5, vague.claim.sentence.ref: 0.35}
    scores[named.claim.sentence.ref] = 0.5
    assert what_happened([first, vague, named], scores, 32, parties) == [first, named]


def test_a_claim_kept_for_the_json_reads_as_a_shown_one_does() -> None:
    from briefer.compose.writer import Writer
    from briefer.summarize.base import SummaryContext
    from briefer.summarize.extractive import ExtractiveSummarizer

    writer = Writer(ExtractiveSummarizer(), {}, load_lexicon(), SummaryContext({}))
    kept = writer.kept(south("- The ministry said, “At 8am, troops opened fire on the post."))
    assert kept.text == "The ministry said, “At 8am, troops opened fire on the post.”"


def test_an_outlets_report_another_relays_may_tell_what_happened_but_not_one_sides_account():
    from briefer.compose.facts import fact_text, relayed_reports

    def voice(text: str, speaker: str, index: int) -> Claim:
        return claim(text, "r", index, speaker=speaker, party="other")

    profile = load_profile(Path(__file__).parent / "data" / "northland" / "profile.yaml")
    home = {
        "Southland's Kesh Times newspaper": "southland",
        "the Kesh Times newspaper": "southland",
    }
    report = voice(
        "Southland's Kesh Times newspaper reported the 10-minute exchange of fire began at 5:45"
        " AM in Velmar district, bordering Northland's Chong Pass.",
        "Southland's Kesh Times newspaper",
        0,
    )
    framing = voice(
        "Southland forces launched a counteroffensive against Northland troops early Thursday,"
        " reports the Kesh Times newspaper.",
        "the Kesh Times newspaper",
        1,
    )
    witness = voice("A resident said the shelling went on all night in Velmar.", "A resident", 2)
    facts = relayed_reports(
        [report, framing, witness],
        {},
        load_lexicon(),
        matcher=matcher_for(profile),
        home_of=lambda s: home.get(s, ""),
    )
    assert [f.claim for f in facts] == [report]  # an accusation in a party's press is no fact
    assert fact_text(facts[0], report.sentence.text, load_lexicon()) == report.sentence.text


def test_an_outlet_named_as_a_speaker_is_placed_by_the_outlet_table() -> None:
    from briefer.compose.outlets import speaker_home
    from briefer.perspectives import load_profile

    profile = load_profile("thai-cam")
    assert speaker_home("the Khmer Times newspaper", profile) == "cambodia"
    assert speaker_home("Thailand's Bangkok Post", profile) == "thailand"
    assert speaker_home("the Reuters news agency", profile) == ""
