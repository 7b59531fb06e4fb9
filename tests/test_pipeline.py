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


def test_every_summary_sentence_references_an_existing_source(documents, fake_summarizer):
    briefing = brief(documents, fake_summarizer)
    doc_ids = {d.id for d in documents}
    assert briefing.summary
    for sentence in (*briefing.summary, *briefing.key_facts):
        assert sentence.sources
        assert {doc_id for doc_id, _ in sentence.sources} <= doc_ids
    assert [s.number for s in briefing.sources] == list(range(1, len(documents) + 1))


def test_run_info_and_parties_come_from_profile_and_inputs(documents, fake_summarizer):
    briefing = brief(documents, fake_summarizer)
    assert briefing.run.input_count == len(documents) == 4
    assert briefing.run.summarizer == "fake"
    assert briefing.run.profile == "pak-afg"
    assert [p.id for p in briefing.parties] == [p.party for p in briefing.positions]
    assert briefing.date == "2024-12-26"


def test_both_parties_have_a_position_with_attributed_claims(documents, fake_summarizer):
    briefing = brief(documents, fake_summarizer)
    for position in briefing.positions:
        assert position.claims, position.party
        # a claim reported with the other side's rejection belongs to both parties
        assert all(position.party in (c.party, *c.also_parties) for c in position.claims)
        assert all(c.party != NARRATOR for c in position.claims)


def test_summary_respects_max_words(documents, fake_summarizer):
    briefing = brief(documents, fake_summarizer, max_words=40)
    assert sum(len(s.text.split()) for s in briefing.summary) <= 40 + 40  # one sentence of slack


def test_extractive_summarizer_is_the_default_without_a_model(documents):
    briefing = build_briefing(documents, embedder=HashingEmbedder(), date="2024-12-26")
    assert briefing.run.summarizer == "extractive"
    assert all(s.origin == "extracted" for s in briefing.summary)


def test_same_inputs_give_the_same_briefing(documents, fake_summarizer):
    assert brief(documents, fake_summarizer) == brief(documents, fake_summarizer)


def test_no_documents_is_a_usage_error():
    with pytest.raises(UsageError, match="no documents"):
        build_briefing([])


def test_bad_date_names_the_option(documents, fake_summarizer):
    with pytest.raises(UsageError, match="--date 26/12/2024"):
        build_briefing(documents, summarizer=fake_summarizer, embedder=HashingEmbedder(),
                       date="26/12/2024")


def test_abstractive_without_model_says_how_to_fix(documents):
    with pytest.raises(UsageError, match="--model"):
        build_briefing(documents, summarizer="abstractive", embedder=HashingEmbedder(),
                       model=None, date="2024-12-26")


def test_summary_holds_at_most_six_sentences(documents, fake_summarizer):
    briefing = brief(documents, fake_summarizer, max_words=400)
    assert 3 <= len(briefing.summary) <= 6


def test_a_rewritten_sentence_opening_with_a_pronoun_names_its_speaker(documents):
    from briefer.data import SummarySentence
    from briefer.perspectives import attribute, load_profile
    from briefer.pipeline import _attributed
    from briefer.split import split_sentences

    claims = attribute(
        [s for d in documents for s in split_sentences(d)], load_profile("pak-afg")
    )
    pronoun = next(c for c in claims if c.party != NARRATOR and c.speaker
                   and c.sentence.text.split()[0] in {"He", "She", "They"})
    rewrite = SummarySentence(
        pronoun.sentence.text, (pronoun.sentence.ref,), origin="generated"
    )
    out = _attributed(rewrite, {c.sentence.ref: c for c in claims})
    assert out.speaker == pronoun.speaker
    assert pronoun.speaker.split()[-1] in out.text
    assert not out.text.startswith(pronoun.sentence.text.split()[0] + " ")


def test_summary_never_exceeds_max_words_even_when_every_sentence_is_longer():
    from briefer.data import Document
    from briefer.split import MAX_SENTENCE_WORDS

    words = " ".join(f"word{i}" for i in range(1000))
    documents = [Document("d1", f"Officials said {words}", title="One long line")]
    for max_words in (20, 120):
        briefing = build_briefing(
            documents, summarizer="extractive", embedder=HashingEmbedder(), max_words=max_words
        )
        assert briefing.summary
        assert sum(len(s.text.split()) for s in briefing.summary) <= max_words
        for position in briefing.positions:
            for claim in position.claims:
                assert len(claim.sentence.text.split()) <= MAX_SENTENCE_WORDS


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
        "Strikes near the border", "The Border Herald", "2025-07-24", "https://news.herald.example/1"
    )
    assert briefing.positions[0].claims  # the outlet's home names whose officials speak
