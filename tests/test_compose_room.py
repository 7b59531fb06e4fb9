"""Room in the table when one party's sources run dry, and sentences that read alone."""

from __future__ import annotations

from dataclasses import replace

from briefer.compose.facts import leans_back
from briefer.compose.length import LENGTHS
from briefer.compose.page import Page
from briefer.data import Claim, Clause, Sentence, Statement
from briefer.perspectives import attributed_text, content_words
from briefer.perspectives.positions import relayed


def claim(text: str, doc: str = "d", index: int = 0, **fields) -> Claim:
    return Claim(Sentence(doc, index, 0, len(text), text), **fields)


def _plain(c: Claim, place: str, words: int) -> Statement:
    return Statement("", c.sentence.text, (c.sentence.ref,), c.party, c.speaker, c.topic)


def test_a_party_whose_sources_hold_no_more_does_not_hold_the_others_claims_back() -> None:
    from briefer.compose.table import build_rows

    said = [
        "its troops held the line at Velmar",
        "the Red Hand fired mortars first",
        "no shell landed near a home",
        "its envoy asked for talks",
        "the border posts were warned",
        "its drones watched the hills",
    ]
    topics = ["targets", "responsibility", "targets", "talks", "", ""]
    north = [
        claim(f"Northland said {t}.", "n", i, party="north", topic=topic)
        for i, (t, topic) in enumerate(zip(said, topics, strict=True))
    ]
    south = [claim("Southland said the shells hit homes near Dorn.", "s", 0, party="south")]
    layout = LENGTHS["standard"]  # at most three claims beyond the other party's
    rows, placed = build_rows(
        {"north": north, "south": south},
        ["north", "south"],
        (),
        layout,
        Page(None),
        _plain,
        1e9,
        {},
        {},
    )
    assert [s.party for s in placed].count("south") == 1
    assert [s.party for s in placed].count("north") == 6  # not 1 + max_lead


def test_a_pronoun_for_a_name_earlier_in_the_sentence_does_not_lean_back() -> None:
    assert not leans_back("The Islamic Republic has not said how it will respond to the strikes.")
    assert leans_back("On Friday, they fired on the Kesh crossing.")
    assert leans_back("It was the heaviest shelling in years.")


def test_it_that_quotes_someone_is_the_relay_named_in_the_sentence() -> None:
    text = "It quoted a government official as confirming the death of one guard."
    quoted = claim(
        text,
        party="south",
        speaker="a government official",
        owned=((3, 31),),
        clauses=(Clause(32, len(text), "Dorn-based Kesh News", "other"),),
    )
    assert relayed(quoted) == (
        "Dorn-based Kesh News quoted a government official as confirming the death of one guard."
    )
    assert attributed_text(quoted) == relayed(quoted)
    assert relayed(claim("It also said a soldier died.", party="south")) == (
        "It also said a soldier died."
    )


def test_first_person_words_inside_a_quote_that_opened_before_stay_quoted() -> None:
    said = attributed_text(
        claim("We do not want the situation to worsen.", party="south", speaker="Asif")
    )
    assert said == "According to Asif, “We do not want the situation to worsen.”"
    closing = claim("These are factories and we struck them hard.”", party="s", speaker="Vell")
    assert (
        attributed_text(closing)
        == "According to Vell, “These are factories and we struck them hard.”"
    )
    plain = attributed_text(claim("The shells hit US bases.", party="south", speaker="the army"))
    assert plain == "According to the army, the shells hit US bases."


def test_a_possessive_is_the_word_itself_when_claims_are_compared() -> None:
    assert content_words("the army’s retaliatory strikes") == content_words(
        "the army retaliatory strikes"
    )


def test_a_partys_own_figure_leads_its_casualty_row_before_one_on_the_others_word() -> None:
    from briefer.compose.lede import casualty_figures
    from briefer.compose.table import _topic_leads_first

    theirs = claim(
        "Northern units were repelled, with four Northern soldiers killed according to the"
        " Northern ministry.",
        "a",
        party="south",
        topic="casualties",
    )
    own = claim("“There were no casualties among our troops,” she said.", "b", party="south")
    assert _topic_leads_first([theirs, own], False)[0] is theirs  # dead before none
    foreign = lambda c: "Northern ministry" in c.sentence.text  # noqa: E731
    assert _topic_leads_first([theirs, own], False, foreign)[0] is own
    # A time of day counts nobody: "Ministry of Defense, “At 13:45, ..." gives no figure.
    assert (
        casualty_figures("The Ministry of Defense said: “At 13:45, troops took casualties.”")
        == set()
    )


def test_a_figure_the_speaker_does_not_assert_does_not_lead_the_casualty_row() -> None:
    from briefer.compose.table import _topic_leads_first

    text = "Northland summoned the envoy following attacks in Southland that left 80 people dead."
    owned = ((0, text.index(" that left")),)
    background = claim(text, "a", party="north", topic="response", owned=owned)
    own = claim("Northland said two villagers were killed.", "b", party="north")
    assert background.owned_text.endswith("attacks in Southland")
    assert _topic_leads_first([background, own], False)[0] is own


def test_after_each_topic_s_lead_a_disputed_point_s_second_claim_comes_first() -> None:
    from briefer.compose.table import _topic_leads_first

    talks = [claim(f"Southland said talks on the border {i} would go on.", f"t{i}",
                   party="south", topic="talks") for i in (1, 2)]  # fmt: skip
    hit = [claim(f"Southland said the shelling of Kesh {i} hit homes.", f"h{i}",
                 party="south", topic="targets") for i in (1, 2)]  # fmt: skip
    order = [talks[0], talks[1], hit[0], hit[1]]  # by salience
    queue = _topic_leads_first(order, True, None, ("targets",))
    assert queue == [talks[0], hit[0], hit[1], talks[1]]
    assert _topic_leads_first(order, True) == [talks[0], hit[0], talks[1], hit[1]]


def test_a_disputed_point_s_row_holds_a_claim_more_than_another_topic_s() -> None:
    from briefer.compose.table import build_rows

    def write(c, place, words):
        return Statement("", c.sentence.text, (c.sentence.ref,), c.party, c.speaker, c.topic)

    def shown(topic: str, disputed: tuple[str, ...]) -> int:
        texts = [
            "Southland said the strike on Kesh hit a school.",
            "Officials in Dorn reported shells landing near the mosque.",
            "The army spokesman described rockets falling on Velmar market.",
            "A governor told reporters that bombs destroyed farmland outside Tarn.",
        ]
        claims = [claim(t, f"d{i}", party="south", topic=topic) for i, t in enumerate(texts)]
        page, standard = Page(None), LENGTHS["standard"]
        rows, _ = build_rows({"south": claims}, ["south"], disputed, standard, page, write,
                             1e9, {}, {"south": {"one"}})  # fmt: skip
        return sum(len(cell) for row in rows for cell in row.cells)

    assert shown("targets", ("targets",)) == LENGTHS["standard"].per_disputed == 3
    assert shown("targets", ()) == LENGTHS["standard"].per_cell == 2


def test_the_table_is_counted_as_the_markdown_shows_it() -> None:
    from briefings import sample_briefing

    from briefer.compose.table import cell_words, header_words, row_words, statement_words
    from briefer.render.markdown import markdown_blocks

    # Headings, pipes, rules, row labels ("(disputed)" too) and each empty cell's mark are
    # words a reader counts: the budget holds them.
    briefing = sample_briefing()
    blocks = markdown_blocks(briefing)
    at = blocks.index("## Positions side by side")
    names = [p.name for p in briefing.parties if p.id in briefing.columns]
    counted = header_words(names)
    for row in briefing.rows:
        counted += row_words(row.topic, len(row.cells), row.disputed)
        for cell in row.cells:
            done: list[Statement] = []
            for statement in cell:
                counted += cell_words(statement_words(statement), done)
                done.append(statement)
    assert counted == len(blocks[at].split()) + len(blocks[at + 1].split())


def test_a_speakers_second_voice_comes_after_every_other_speakers_first() -> None:
    from briefer.compose.sections import each_voice_first

    analyst = claim("Analyst Sam Reed said the strikes were a warning.", index=0)
    again = claim("Analyst Sam Reed added the raids were limited.", index=1)
    mission = claim("The UN mission called for an investigation.", index=2)
    analyst, again = (
        replace(c, speaker="Analyst Sam Reed", party="other") for c in (analyst, again)
    )
    mission = replace(mission, speaker="The UN mission", party="other")
    assert each_voice_first([analyst, again, mission]) == [analyst, mission, again]
