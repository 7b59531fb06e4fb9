"""Composition: the lede, every claim once, corroborated facts, lengths, coverage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from layout_checks import body_words, repeated_sentences

from briefer.compose.outlets import Independence, Outlet
from briefer.data import NARRATOR, Claim, Document, RankedSentence, Sentence, SummarySentence
from briefer.embed import HashingEmbedder
from briefer.errors import UsageError
from briefer.perspectives import load_profile
from briefer.pipeline import build_briefing
from briefer.readers import load_documents
from briefer.render.markdown import render_markdown

ROOT = Path(__file__).resolve().parents[1]
EVENT = ROOT / "tests" / "data" / "northland"
PROFILE = load_profile(EVENT / "profile.yaml")


def brief(documents, **options):
    options.setdefault("summarizer", "extractive")
    return build_briefing(
        documents, embedder=HashingEmbedder(), date="2031-03-06", profile=PROFILE, **options
    )


@pytest.fixture(scope="module")
def event() -> tuple:
    return load_documents([EVENT])


@pytest.fixture(scope="module")
def standard(event):
    return brief(event)


def test_lede_says_what_happened_then_each_partys_core_claim_in_profile_order(standard):
    lede = standard.lede
    assert 3 <= len(lede) <= 4
    assert lede[0].party == NARRATOR and lede[0].support in ("corroborated", "neutral")
    parties = [s.party for s in lede if s.party != NARRATOR]
    assert parties == ["northland", "southland"]
    northland, southland = (s for s in lede if s.party != NARRATOR)
    assert "12 fighters" in northland.text and "Northland" in northland.text
    assert "nine civilians" in southland.text and "Southland" in southland.text


def test_every_claim_is_shown_once_with_every_outlet_that_reports_it(standard):
    text = render_markdown(standard)
    claim = "Northland's defence ministry said the shells hit weapons depots of the Red Hand"
    assert text.count(claim) == 1
    reported = next(s for s in standard.shown() if s.text.startswith(claim))
    numbers = standard.source_numbers(reported.sources)
    outlets = {s.outlet for s in standard.sources if s.number in numbers}
    assert outlets == {"Global Wire", "City Courier", "Pacific Times"}
    assert f"{claim} group and killed 12 fighters. [{', '.join(map(str, numbers))}]" in text


@pytest.mark.parametrize("length", ["short", "standard", "full"])
def test_no_sentence_of_eight_words_is_printed_twice(event, length):
    assert repeated_sentences(render_markdown(brief(event, length=length))) == []


def test_the_repeat_check_finds_a_repeated_sentence() -> None:
    text = (
        "Lede one two three four five six seven eight. [1]\n\n| Topic | A |\n| --- | --- |\n"
        "| General | Lede one two three four five six seven eight. [2] |\n"
    )
    assert repeated_sentences(text) == ["lede one two three four five six seven eight."]


def test_lengths_hold_their_word_budgets_for_ten_articles(event):
    words = {
        n: body_words(render_markdown(brief(event, length=n)))
        for n in ("short", "standard", "full")
    }
    assert words["short"] <= 275 < words["standard"] <= 600, words
    assert words["standard"] < words["full"], words
    full = brief(event, length="full")
    assert full.background and not brief(event).background
    short = brief(event, length="short")
    assert not short.facts and not short.other_voices
    assert all(len(cell) <= 1 for row in short.rows for cell in row.cells)


def test_max_words_sets_the_body_budget_at_any_length(event):
    for length in ("short", "full"):
        text = render_markdown(brief(event, length=length, max_words=200))
        assert body_words(text) <= 200, length
    with pytest.raises(UsageError, match="--max-words 10"):
        brief(event, max_words=10)


def test_each_partys_casualty_figure_is_given_once_and_attributed(standard):
    text = render_markdown(standard).split("## Sources")[0]
    assert len(re.findall(r"\b12 fighters\b", text)) == 1
    assert len(re.findall(r"\bnine civilians\b", text)) == 1
    for statement in standard.shown():
        if "12 fighters" in statement.text:
            assert statement.party == "northland"
        if "nine civilians" in statement.text:
            assert statement.party == "southland"


def test_facts_are_corroborated_neutral_or_attributed_to_their_one_outlet(standard):
    assert standard.facts
    outlets = {s.outlet for s in standard.sources}
    for fact in standard.facts:
        assert fact.party == NARRATOR
        if fact.support == "single":
            outlet = fact.text.split(" reports that ")[0]
            assert outlet in outlets, fact.text
        else:
            assert fact.support in ("corroborated", "neutral")
    shown = " ".join(s.text for s in (*standard.facts, *standard.lede) if s.party == NARRATOR)
    assert "terrorists" not in shown  # a partisan outlet's framing is never a fact
    assert "cowardly" not in shown
    assert "12" not in shown and "nine civilians" not in shown  # one side's version


def test_the_same_wire_copy_counts_as_one_outlet_and_two_outlets_as_two() -> None:
    def claim(doc: str, index: int, text: str) -> Claim:
        return Claim(Sentence(doc, index, 0, len(text), text))

    copy = "Southland closed the Kesh border crossing to all traffic on Tuesday afternoon."
    other = "The Kesh crossing between the two countries was shut on Tuesday afternoon."
    claims = [
        claim("wire", 0, copy),
        claim("paper", 0, copy),
        claim("tv", 0, other),
        claim("a", 0, copy),
        claim("b", 0, copy),
    ]
    for i in range(1, 4):  # a and b share three more sentences: one reprints the other
        shared = f"Sentence number {i} of the report that one paper took from the other."
        claims += [claim("a", i, shared), claim("b", i, shared)]
    outlets = {
        "wire": Outlet("Global Wire", wire=True),
        "paper": Outlet("City Courier"),
        "tv": Outlet("Bay Observer"),
        "a": Outlet("Paper A"),
        "b": Outlet("Paper B"),
    }
    independence = Independence(claims, outlets)
    assert independence.voices([("wire", 0), ("paper", 0)]) == 1
    assert independence.voices([("wire", 0), ("paper", 0), ("tv", 0)]) == 2
    assert independence.voices([("a", 0), ("b", 0)]) == 1
    assert independence.voices([("paper", 0), ("a", 0)]) == 2


def test_header_gives_the_period_and_sources_are_grouped_by_home(standard):
    text = render_markdown(standard)
    assert text.split("\n\n")[1] == (
        "6 March 2031 · sources dated 4–6 March 2031 · 10 sources · profile northland"
    )
    groups = re.findall(r"^### (.+)$", text.split("## Sources")[1], flags=re.M)
    assert groups[:2] == ["Based in Northland", "Based in Southland"]
    assert groups[-1] == "Outlets whose home is not known"
    assert [s.number for s in standard.sources] == list(range(1, 11))
    method = text.split("## Method and neutrality note")[1]
    assert "Outlets by where they are based: Northland 2, Southland 2," in method


def test_one_sided_coverage_is_said_once_in_the_method_note():
    docs = [
        Document(
            "h",
            "Defence Minister Ilse Marten said the army hit only Red Hand depots. "
            "Southland's government said the shelling violated its sovereignty.",
            outlet="Northland Herald",
            date="2031-03-04",
            url="https://herald.nl.test/a",
        ),
        Document(
            "t",
            "Northland's foreign ministry said the strikes were self-defence. "
            "Interior Minister Ana Ruiz said nine civilians were killed in Velmar.",
            outlet="Northland Today",
            date="2031-03-05",
            url="https://today.nl.test/b",
        ),
    ]
    briefing = brief(docs)
    assert briefing.coverage.notes == (
        "All of Southland's statements come from outlets based in Northland.",
    )
    text = render_markdown(briefing)
    assert text.count("All of Southland's statements come from outlets based in Northland.") == 1


def test_a_party_without_a_statement_is_named_in_the_lede_and_has_no_column():
    docs = [
        Document(
            "d",
            "Northland's defence ministry said the shells hit Red Hand depots. "
            "The shelling of Velmar began shortly after dawn on Tuesday.",
            outlet="Global Wire",
            url="https://globalwire.test/x",
        )
    ]
    briefing = brief(docs)
    notes = [s for s in briefing.lede if s.origin == "note"]
    assert [s.text for s in notes] == ["The sources carry no statement from Southland."]
    assert briefing.columns == ("northland",)
    assert next(p for p in briefing.parties if p.id == "southland").note == notes[0].text


def test_with_no_fact_to_open_it_the_lede_gives_each_partys_account_of_what_happened():
    docs = [
        Document(
            "h",
            "Defence Minister Ilse Marten said the strikes killed 12 Red Hand fighters in Dorn. "
            "Northland's defence ministry said its jets struck Red Hand camps near Velmar on "
            "Tuesday night.",
            outlet="Global Wire",
            date="2031-03-04",
            url="https://globalwire.test/a",
        ),
        Document(
            "t",
            "Interior Minister Ana Ruiz said nine civilians were killed on Tuesday. "
            "Southland's interior ministry said Northland aircraft bombed three villages in "
            "Velmar province.",
            outlet="Pacific Times",
            date="2031-03-05",
            url="https://pacifictimes.test/b",
        ),
    ]
    lede = brief(docs).lede
    assert not [s for s in lede if s.party == NARRATOR]
    assert [s.party for s in lede] == ["northland", "southland", "northland", "southland"]
    told = " ".join(s.text for s in lede)
    assert all(sentence in told for d in docs for sentence in d.text.split(". "))

    quiet = Document("t", "Interior Minister Ana Ruiz said nine civilians were killed.")
    lede = brief([docs[0], quiet]).lede  # Southland says nothing of where or when
    assert [s.party for s in lede] == ["northland", "southland"]


class CuttingSummarizer:
    """Cuts a sentence at its first comma, as a compressing summarizer might."""

    name = "cutting"
    model_id = "cutting"

    def summarize(
        self, sentences: Sequence[RankedSentence], *, context: object, max_words: int
    ) -> tuple[SummarySentence, ...]:
        first = sentences[0]
        head = first.sentence.text.split(",")[0].rstrip(".") + "."
        return (SummarySentence(head, first.refs, origin="generated"),)


def test_a_long_claim_is_condensed_by_the_summarizer_and_still_names_its_speaker():
    long = (
        "She said the shells destroyed the school, the market, the clinic, the bus station "
        "and most of the houses on the river road in the old town of Velmar on Tuesday "
        "morning, when the streets were full of children walking to their lessons."
    )
    docs = [
        Document(
            "d",
            "Interior Minister Ana Ruiz said Velmar was hit. " + long,
            outlet="Southland Post",
            url="https://post.sl.test/a",
        )
    ]
    briefing = brief(docs, summarizer=CuttingSummarizer())
    [claim] = [s for s in briefing.shown() if s.sources[:1] == (("d", 1),)]
    assert claim.origin == "generated"  # the guard kept the cut: a deletion invents nothing
    assert claim.text == "Interior Minister Ana Ruiz said the shells destroyed the school."


def test_demo_brief_has_no_repeats_and_names_both_parties_in_the_lede():
    documents = load_documents([ROOT / "seeds", ROOT / "samples" / "inputs"])
    briefing = build_briefing(
        documents, embedder=HashingEmbedder(), summarizer="extractive", date="2024-12-26"
    )
    text = render_markdown(briefing)
    assert repeated_sentences(text) == []
    assert body_words(text) <= 600
    lede = " ".join(s.text for s in briefing.lede)
    assert re.search(r"\bPakistan", lede) and re.search(r"\bAfghan", lede)
    assert len(re.findall(r"\b46 people\b", text.split("## Sources")[0])) <= 1


def test_a_quote_a_headline_or_a_link_is_never_a_fact() -> None:
    from briefer.compose.facts import usable

    def claim(text: str) -> Claim:
        return Claim(Sentence("d", 0, 0, len(text), text))

    assert usable(claim("Southland closed the Kesh border crossing on Tuesday afternoon."))
    assert not usable(claim("“Thai invading forces opened fire on our troops at the temple."))
    assert not usable(claim("Border clash: Northland deploys artillery against Southland"))
    assert not usable(claim("Link: https://courier.test/news/velmar was shared by the agency."))
    assert not usable(claim("During the visit, he met the minister of the interior in Velmar."))
    # the outlet's judgement or guess is no fact either
    assert not usable(claim("Perhaps the Southland army is simply over-stretched in the hills."))
    assert not usable(claim("Jets bombed the area that is clearly in Southland on Friday."))


def test_two_outlets_wording_one_fact_differently_make_one_corroborated_fact() -> None:
    import numpy as np

    from briefer.compose.sentences import Paraphrases

    def claim(doc: str, text: str) -> Claim:
        return Claim(Sentence(doc, 0, 0, len(text), text))

    first = claim("a", "Southland closed the Kesh crossing to all traffic on Tuesday.")
    same = claim("b", "The Kesh crossing was shut by Southland on Tuesday afternoon.")
    other_side = claim("c", "Northland closed the Kesh crossing to all traffic on Tuesday.")
    figures = claim("d", "Southland closed 2 crossings, Kesh among them, on Tuesday.")
    near = np.array([1.0, 0.0], np.float32)
    vectors = {c.sentence.ref: near for c in (first, same, other_side, figures)}
    vectors[("d", 0)] = np.array([0.8, 0.6], np.float32)  # cosine 0.8: close in meaning

    def named(text: str) -> tuple[str, ...]:
        return tuple(p for p in ("northland", "southland") if p in text.lower())

    pool = Paraphrases([first, same, other_side, figures], vectors, named)
    assert [c.sentence.doc_id for c in pool.of(first)] == ["b", "d"]
    assert pool.of(same) == []  # taken: shown once, with the first
    assert ("c", 0) not in pool.taken  # another party named: another account


def test_a_quotation_cut_at_the_sentence_end_is_closed_where_the_shown_sentence_ends() -> None:
    from briefer.perspectives.quotes import closed_quote

    opened = "The ministry said, “At 8am, troops opened fire on the post."
    assert closed_quote(opened) == opened + "”"
    assert closed_quote('He said "the post fell.') == 'He said "the post fell."'
    whole = "The ministry said, “Troops opened fire.”"
    assert closed_quote(whole) == whole


def test_a_sentence_about_the_article_or_a_statement_is_no_fact() -> None:
    from briefer.compose.facts import usable
    from briefer.data import Claim, Sentence

    def ok(text: str) -> bool:
        return usable(Claim(Sentence("d", 0, 0, len(text), text)))

    assert not ok("TASS has compiled key facts about the situation on the border.")
    assert not ok("The list was published by the PTI agency on Wednesday morning.")
    assert not ok("The statement comes a day after strikes hit two border provinces.")
    assert ok("Strikes hit two border provinces early on Saturday, officials in both said.")


def test_a_claim_opening_on_an_earlier_year_is_history() -> None:
    from briefer.compose.sentences import about_the_past

    assert about_the_past("Earlier in 2020, a soldier was killed at a border post.", 2022)
    assert about_the_past("In March 2019, the border was closed for a week.", 2022)
    assert not about_the_past("In 2022, the border was closed for a week.", 2022)
    assert not about_the_past("The army said the strikes were the worst since 2020.", 2022)
    assert not about_the_past("Earlier in 2020, a soldier was killed.", 0)  # no dates known


def test_the_lede_names_a_party_before_a_sentence_that_does_not_without_a_stray_capital():
    from briefer.compose.lede import naming_party
    from briefer.perspectives import load_profile

    cambodia = next(p for p in load_profile("thai-cam").parties if p.id == "cambodia")
    assert naming_party("Around 6,500 traders fled the border market.", cambodia, "", set()) == (
        f"For {cambodia.name}, around 6,500 traders fled the border market."
    )
    quoted = "According to the agency, “Thai forces fired at Cambodian positions at 8am.”"
    for speaker in ("", "the agency"):  # "Cambodian" only inside the quotation, not its speaker
        assert naming_party(quoted, cambodia, speaker, set()) == (
            f"For {cambodia.name}, according to the agency, “Thai forces fired at Cambodian"
            " positions at 8am.”"
        )
    fo = "“Groups have attacked Cambodia's border posts,” the FO said."
    assert naming_party(fo, cambodia, "Cambodia's Foreign Office") == f"For {cambodia.name}, {fo}"
    said = "Cambodia's defence ministry said Thai jets struck two roads."
    assert naming_party(said, cambodia, "Cambodia's defence ministry") == said
    named = "Cambodia hit two Thai bases hard on Saturday, Hun Manet said."
    assert naming_party(named, cambodia, "Hun Manet", {"Cambodia", "Hun"}) == (
        f"For {cambodia.name}, {named}"  # not "cambodia hit"
    )


def test_a_word_broken_at_a_hyphen_by_hard_wrapped_copy_is_whole_again() -> None:
    from briefer.compose.writer import clean

    assert clean("fire in the Cha- man\narea by the In- ter-Services") == (
        "fire in the Chaman area by the Inter-Services"
    )
    assert clean("pro- and anti-government crowds") == "pro- and anti-government crowds"


@pytest.mark.parametrize(
    ("text", "leans_back"),
    [
        ("Colonel Qureshi said this base had trained the attackers.", True),
        ("These officers were arrested on Monday.", True),
        ("He said that these fighters had crossed from the south.", True),
        ("The minister said this attack was unprovoked.", False),  # the event itself
        ("Pakistan said these strikes violated its sovereignty.", False),
        ("She said that this camp in Muridke was hit.", False),  # says which camp
        ("The statement added that Pakistani officials had met.", False),  # "that" reports
        ("That afternoon the army fired on the post.", False),
        ("He said that those responsible would be punished.", False),
        # who did it is named only before: the brief does not show who "they" are
        ("They intensively fired at the Velmari posts and damaged two of them.", True),
        ("They immediately received medical aid, the ministry said.", True),
        ("He also told reporters the posts were hit.", False),  # the speaker, named
        ("“They attacked the mosques,” a resident of Kesh said.", False),  # a witness's words
        ("A 5.", False),  # no word of two letters: nothing to lean back on
        # whose account, whose accusations? told only in a sentence the brief does not show
        ("Southland disputed this account, saying Northland started the fight.", True),
        ("Southland, however, denied the accusations, saying it repulsed the attack.", True),
        ("Southland denied the accusations of attacking first.", False),
    ],
)
def test_a_claim_about_a_thing_named_only_before_it_does_not_stand_alone(text, leans_back):
    from briefer.compose.sentences import dangling

    assert dangling(text) is leans_back


def test_a_claim_that_leans_on_the_sentence_before_is_not_shown(event):
    from conftest import make_document

    extra = make_document(
        "Northland's defence ministry said this depot held rockets of the Red Hand group that"
        " were fired at Northland villages.",
        "x1",
        title="Depot",
        outlet="Harbour News",
        date="2031-03-05",
    )
    shown = [s.text for s in brief((*event, extra), length="full").shown()]
    assert not any("this depot" in text for text in shown)


def test_the_default_title_is_a_headline_that_states_no_ones_claim():
    claim_headline = Document(
        "s",
        "Southland's army said Northland shelled Velmar on Tuesday. "
        "Interior Minister Ana Ruiz said nine civilians were killed.",
        title="Northland shelled Velmar, Southland says",
        outlet="Pacific Times",
        url="https://pacifictimes.test/a",
    )
    partisan = Document(
        "h",
        "Defence Minister Ilse Marten said the army hit only Red Hand depots near Velmar.",
        title="Army hits Red Hand depots near Velmar",
        outlet="Northland Herald",
        url="https://herald.nl.test/b",
    )
    neutral = Document(
        "c",
        "Shells hit the town of Velmar on Tuesday, residents said.",
        title="Shelling hits Velmar + video",
        outlet="City Courier",
        url="https://courier.test/c",
    )
    assert brief([claim_headline, partisan, neutral]).title == "Shelling hits Velmar"
    assert brief([claim_headline, partisan]).title == "Northland and Southland: what each side says"
    section = Document(
        "w",
        "Artillery fire went on near Velmar into Wednesday, a wire agency reported.",
        title="Off the wire",  # a page's section heading taken for the headline
        outlet="Wire Digest",
        url="https://digest.test/w",
    )
    assert brief([section, neutral]).title == "Shelling hits Velmar"
    for title in (
        "Army takes control of Velmar – spokesperson",
        "Northland suffers casualties in clash - Velmar Times editor",
        "VELMAR, May 7. /WIRE/. Northland troops shell Velmar",  # a first paragraph's start
        "Southland: Northland troops shelled Velmar",
        "Southland reports intense shelling in Velmar",
        # a first paragraph taken for the title: a whole sentence, full stop and all
        "Northland shelled Tuesday the Southland town of Velmar, killing five people and wounding"
        " at least 13 others.",
    ):
        assert (
            brief([replace(claim_headline, title=title), neutral]).title == "Shelling hits Velmar"
        )
