"""Positions: attributed paragraphs per party, de-duplicated, balanced, in profile order."""

from __future__ import annotations

from briefer.data import NARRATOR, Claim, RankedSentence, Sentence
from briefer.perspectives import analyze, attribute, attributed_text, load_profile

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


_PLACES = ("Barmal", "Khost", "Paktika", "Kunar", "Nangarhar", "Waziristan", "Bajaur", "Kurram")


def _claim(text: str, speaker: str, party: str) -> Claim:
    return Claim(Sentence("d1", 0, 0, len(text), text), speaker, party)


def test_position_keeps_the_most_salient_claims_up_to_max_claims(fake_summarizer) -> None:
    sentences = _doc("d1", *(f"Pakistan's military said a strike hit {place}."
                             for place in _PLACES))
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=200,
                     max_claims=3)
    assert [c.sentence.index for c in result.positions[0].claims] == [0, 1, 2]
    default = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=200)
    assert len(default.positions[0].claims) == 5


def test_claim_cap_keeps_each_topic_and_drops_near_repeats(fake_summarizer) -> None:
    sentences = _doc(
        "d1",
        "Pakistan's military said the strikes hit militant hideouts in Paktika.",
        "Pakistan's army said the strikes hit militant hideouts in Paktika province.",
        "Pakistan's military said the strikes hit training camps of the TTP.",
        "Pakistan's military said the strikes killed 20 militants.",
    )
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=200,
                     max_claims=2)
    assert [c.sentence.index for c in result.positions[0].claims] == [0, 3]


def test_party_paragraph_has_at_most_three_sentences(fake_summarizer) -> None:
    sentences = _doc("d1", *(f"Mujahid said village {n} was hit." for n in range(6)))
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=400)
    assert 1 <= len(result.positions[1].summary) <= 3


def test_other_voices_are_capped_to_five(fake_summarizer) -> None:
    sentences = _doc("d1", *(f"Residents of {place} said houses were destroyed."
                             for place in _PLACES))
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=100)
    assert len(result.other_voices) == 5


def test_shorter_side_is_lengthened_when_the_longer_cannot_be_cut(fake_summarizer) -> None:
    sentences = _doc(
        "d1",
        "Pakistan's Foreign Office said the strikes hit the hideouts of militants who had "
        "planned attacks on soldiers in the border districts.",
        "Mujahid said 46 people were killed.",
        "Mujahid said the strikes violated Afghan sovereignty and all international law.",
    )
    claims = attribute(sentences, PROFILE)
    result = analyze(claims, _ranked(sentences), PROFILE, fake_summarizer, max_words=40)
    words = [sum(len(s.text.split()) for s in p.summary) for p in result.positions]
    assert min(words) / max(words) >= 0.8


def test_attributed_text_names_the_speaker_of_a_pronoun_subject() -> None:
    claim = _claim("They claimed many victims were refugees from the Waziristan area.",
                   "the Afghan Defense Ministry", "afghanistan")
    assert attributed_text(claim) == (
        "The Afghan Defense Ministry claimed many victims were refugees from the Waziristan area.")


def test_attributed_text_after_a_quote_keeps_the_appositive_commas() -> None:
    claim = _claim("“Our operations are directed at terrorist groups, not at the people of "
                   "Afghanistan,” she said.",
                   "Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch", "pakistan")
    assert attributed_text(claim) == (
        "“Our operations are directed at terrorist groups, not at the people of Afghanistan,” "
        "Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch, said.")


def test_attributed_text_replaces_a_bare_role_but_not_a_pronoun_inside_quotes() -> None:
    role = _claim("The ministry said the strikes violated all international principles.",
                  "the Ministry of Defense of the Islamic Emirate of Afghanistan", "afghanistan")
    assert attributed_text(role) == ("The Ministry of Defense of the Islamic Emirate of "
                                     "Afghanistan said the strikes violated all international "
                                     "principles.")
    quoted = _claim("“He will pay,” he added.", "Zabihullah Mujahid", "afghanistan")
    assert attributed_text(quoted) == "“He will pay,” Zabihullah Mujahid added."


def test_attributed_text_leaves_named_speakers_and_the_narrator_alone() -> None:
    named = "Pakistan's military said the strikes hit militant hideouts."
    assert attributed_text(_claim(named, "Pakistan's military", "pakistan")) == named
    narration = "The strikes hit a village."
    assert attributed_text(_claim(narration, "", NARRATOR)) == narration
    continued = _claim("“All of them.”", "Ashraf Ghani", "afghanistan")
    assert attributed_text(continued) == "According to Ashraf Ghani, “All of them.”"


def test_position_paragraph_uses_attributed_text(fake_summarizer) -> None:
    sentences = _doc("d1", "Security analyst Ali said the strikes hit bases.",
                     "Mujahid said the strikes killed civilians.",
                     "He added that the Islamic Emirate would respond.")
    claims = attribute(sentences, PROFILE)
    ranked = _ranked([sentences[2], sentences[1], sentences[0]])
    result = analyze(claims, ranked, PROFILE, fake_summarizer, max_words=200)
    summary = result.positions[1].summary
    assert [s.text for s in summary] == [attributed_text(claims[2]), attributed_text(claims[1])]
    assert summary[0].text == "Mujahid added that the Islamic Emirate would respond."
