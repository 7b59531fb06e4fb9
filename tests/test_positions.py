"""Positions: attributed paragraphs per party, de-duplicated, balanced, in profile order."""

from __future__ import annotations

from briefer.data import RankedSentence, Sentence
from briefer.perspectives import analyze, attribute, load_profile

PROFILE = load_profile("pak-afg")


def _doc(doc_id: str, *texts: str) -> list[Sentence]:
    return [Sentence(doc_id, i, 0, len(t), t) for i, t in enumerate(texts)]


def _ranked(sentences, also=None):
    also = also or {}
    return [RankedSentence(s, 1.0 - i / 100, also.get(s.ref, ())) for i, s in
            enumerate(sentences)]


def test_positions_in_profile_order_with_note_for_silent_party(fake_summarizer) -> None:
    sentences = _doc("d1", "The Afghan Defense Ministry condemned the strikes on civilians.")
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=100)
    assert [p.party for p in result.positions] == ["pakistan", "afghanistan"]
    pakistan, afghanistan = result.positions
    assert pakistan.summary == ()
    assert pakistan.note == "The sources carry no statement from Pakistan."
    assert afghanistan.note == "" and afghanistan.summary


def test_extractive_summary_stays_attributed(fake_summarizer) -> None:
    sentences = _doc(
        "d1",
        "The Afghan Defense Ministry condemned the strikes.",
        "They claimed many victims were refugees.",
        "“We will respond,” the ministry stated.",
    )
    claims = attribute(sentences, PROFILE)
    ranked = _ranked([sentences[1], sentences[2], sentences[0]])
    result = analyze(claims, ranked, PROFILE, fake_summarizer, max_words=200)
    texts = [s.text for s in result.positions[1].summary]
    assert texts[0] == "The Afghan Defense Ministry claimed many victims were refugees."
    assert texts[1] == "“We will respond,” the Afghan Defense Ministry stated."
    assert all(s.party == "afghanistan" and s.speaker for s in result.positions[1].summary)


def test_same_claim_in_two_documents_is_kept_once_with_both_refs(fake_summarizer) -> None:
    a = _doc("a", "Pakistan's Foreign Office said the strikes targeted militants.")
    b = _doc("b", "Pakistan's Foreign Office said the strikes had targeted militants.")
    claims = attribute([*a, *b], PROFILE)
    ranked = [RankedSentence(a[0], 1.0, (b[0].ref,))]
    result = analyze(claims, ranked, PROFILE, fake_summarizer, max_words=100)
    pakistan = result.positions[0]
    assert len(pakistan.claims) == 1
    assert pakistan.claims[0].also == (("b", 0),)
    assert pakistan.summary[0].sources == (("a", 0), ("b", 0))


def test_longer_side_is_trimmed_for_balance(fake_summarizer) -> None:
    sentences = _doc(
        "d1",
        "Pakistan's military said the strikes hit militant hideouts in the border area.",
        "Zabihullah Mujahid said the strikes killed civilians in two villages near the border.",
        "Mujahid added that the strikes violated Afghan sovereignty and international law.",
        "Mujahid said the Islamic Emirate would defend its territory against any attack.",
    )
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=200)
    words = [sum(len(s.text.split()) for s in p.summary) for p in result.positions]
    assert min(words) / max(words) >= 0.8
    assert len(result.positions[1].claims) == 3  # the claims stay; only the paragraph is cut


def test_other_voices_and_key_facts(fake_summarizer) -> None:
    sentences = _doc(
        "d1",
        "The airstrikes occurred in a mountainous region of Paktika province on Tuesday.",
        "Residents reported that at least eight people died.",
    )
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=100)
    assert [c.speaker for c in result.other_voices] == ["Residents"]
    assert [s.sources for s in result.key_facts] == [(("d1", 0),)]
