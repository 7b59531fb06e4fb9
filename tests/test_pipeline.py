from pathlib import Path

import pytest

from briefer.data import NARRATOR
from briefer.embed import HashingEmbedder
from briefer.errors import UsageError
from briefer.pipeline import build_briefing
from briefer.readers import load_documents

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def documents():
    return load_documents([ROOT / "seeds", ROOT / "samples" / "inputs"])


def brief(documents, summarizer, **options):
    return build_briefing(
        documents, summarizer=summarizer, embedder=HashingEmbedder(), date="2024-12-26", **options
    )


def test_every_shown_statement_references_an_existing_source(documents, fake_summarizer):
    briefing = brief(documents, fake_summarizer)
    doc_ids = {d.id for d in documents}
    assert briefing.lede
    for statement in briefing.shown():
        assert statement.sources or statement.origin == "note"
        assert {doc_id for doc_id, _ in statement.sources} <= doc_ids
    assert [s.number for s in briefing.sources] == list(range(1, len(documents) + 1))


def test_run_info_and_parties_come_from_profile_and_inputs(documents, fake_summarizer):
    briefing = brief(documents, fake_summarizer)
    assert briefing.run.input_count == len(documents) == 4
    assert briefing.run.summarizer == "fake"
    assert briefing.run.profile == "pak-afg"
    assert [p.id for p in briefing.parties] == ["pakistan", "afghanistan"]
    assert briefing.columns == ("pakistan", "afghanistan")
    assert briefing.date == "2024-12-26"
    assert briefing.run.length == "standard"


def test_both_parties_have_a_core_claim_in_the_lede_and_claims_in_the_table(
    documents, fake_summarizer
):
    briefing = brief(documents, fake_summarizer)
    assert [s.party for s in briefing.lede if s.party != NARRATOR] == ["pakistan", "afghanistan"]
    cells = [s for row in briefing.rows for cell in row.cells for s in cell]
    for column, party in enumerate(briefing.columns):
        in_column = [s for row in briefing.rows for s in row.cells[column]]
        assert in_column and all(s.party == party and s.speaker for s in in_column)
    assert all(s.place == "table" for s in cells)


def test_body_respects_max_words(documents, fake_summarizer):
    from briefer.render.markdown import render_markdown

    for budget in (80, 120, 200, 300):
        text = render_markdown(brief(documents, fake_summarizer, max_words=budget))
        body = text.split("\n## Sources")[0]
        assert len(body.split()) <= budget, budget  # counted as the Markdown shows them


def test_too_small_a_budget_names_the_option(documents, fake_summarizer):
    with pytest.raises(UsageError, match="--max-words 30"):
        brief(documents, fake_summarizer, max_words=30)
    with pytest.raises(UsageError, match="--length medium"):
        brief(documents, fake_summarizer, length="medium")


def test_extractive_summarizer_is_the_default_without_a_model(documents):
    briefing = build_briefing(documents, embedder=HashingEmbedder(), date="2024-12-26")
    assert briefing.run.summarizer == "extractive"
    assert all(s.origin in ("extracted", "note") for s in briefing.shown())


def test_same_inputs_give_the_same_briefing(documents, fake_summarizer):
    assert brief(documents, fake_summarizer) == brief(documents, fake_summarizer)


def test_no_documents_is_a_usage_error():
    with pytest.raises(UsageError, match="no documents"):
        build_briefing([])


def test_bad_date_names_the_option(documents, fake_summarizer):
    with pytest.raises(UsageError, match="--date 26/12/2024"):
        build_briefing(
            documents, summarizer=fake_summarizer, embedder=HashingEmbedder(), date="26/12/2024"
        )


def test_abstractive_without_model_says_how_to_fix(documents):
    with pytest.raises(UsageError, match="--model"):
        build_briefing(
            documents,
            summarizer="abstractive",
            embedder=HashingEmbedder(),
            model=None,
            date="2024-12-26",
        )


def test_lede_holds_two_to_four_sentences(documents, fake_summarizer):
    for length in ("short", "standard", "full"):
        briefing = brief(documents, fake_summarizer, length=length)
        assert 2 <= len(briefing.lede) <= 4, length


def test_every_statement_stays_short_even_when_every_sentence_is_longer():
    from briefer.data import Document
    from briefer.split import MAX_SENTENCE_WORDS

    words = " ".join(f"word{i}" for i in range(1000))
    documents = [Document("d1", f"Officials said {words}", title="One long line")]
    for max_words in (60, 120):
        briefing = build_briefing(
            documents, summarizer="extractive", embedder=HashingEmbedder(), max_words=max_words
        )
        for statement in briefing.shown():
            assert len(statement.text.split()) <= MAX_SENTENCE_WORDS + 10


def test_sources_name_the_outlet_the_profile_knows_by_the_urls_domain(tmp_path, fake_summarizer):
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "name: p\nparties:\n  - {id: a, name: A, aliases: [Aland]}\n  - {id: b, name: B, aliases: "
        "[Bland]}\noutlets:\n  - {name: The Border Herald, domains: [herald.example], home: a}\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "Title: Strikes near the border\nURL: https://news.herald.example/1\nDate: 2025-07-24\n\n"
        "Strikes near the border\n\nSecurity officials said the strikes hit camps in Bland.\n",
        encoding="utf-8",
    )
    briefing = brief(load_documents([article]), fake_summarizer, profile=str(profile))
    (source,) = briefing.sources
    assert (source.title, source.outlet, source.date, source.url) == (
        "Strikes near the border",
        "The Border Herald",
        "2025-07-24",
        "https://news.herald.example/1",
    )
    # the outlet's home names whose officials speak: the claim is party a's
    assert any(s.party == "a" for s in briefing.statements)
