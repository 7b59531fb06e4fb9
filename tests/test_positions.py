"""Party claims: each claim once with every source, per party, and speakers named."""

from __future__ import annotations

from briefer.data import NARRATOR, Claim, RankedSentence, Sentence
from briefer.perspectives import (
    attribute,
    attributed_text,
    distinct_claims,
    is_repeat,
    load_profile,
    party_claims,
)

PROFILE = load_profile("pak-afg")


def _doc(doc_id: str, *texts: str) -> list[Sentence]:
    return [Sentence(doc_id, i, 0, len(t), t) for i, t in enumerate(texts)]


def _ranked(sentences, also=None):
    also = also or {}
    return [RankedSentence(s, 1.0 - i / 100, also.get(s.ref, ())) for i, s in enumerate(sentences)]


def test_same_claim_in_two_documents_is_kept_once_with_both_refs() -> None:
    a = _doc("a", "Pakistan's Foreign Office said the strikes targeted militants.")
    b = _doc("b", "Pakistan's Foreign Office said the strikes had targeted militants.")
    claims = attribute([*a, *b], PROFILE)
    ranked = [RankedSentence(a[0], 1.0, (b[0].ref,))]
    [kept] = distinct_claims(claims, ranked)
    assert kept.sentence.ref == ("a", 0) and kept.also == (("b", 0),)


def test_a_near_repeat_the_ranker_missed_is_folded_into_the_more_salient_claim() -> None:
    sentences = _doc(
        "d1",
        "Pakistan's military said the strikes hit militant hideouts in Paktika.",
        "Pakistan's army said the strikes hit militant hideouts in Paktika province.",
        "Pakistan's military said the strikes killed 20 militants.",
    )
    claims = attribute(sentences, PROFILE)
    kept = distinct_claims(claims, _ranked(sentences))
    assert [c.sentence.index for c in kept] == [0, 2]
    assert kept[0].also == (("d1", 1),)


def test_different_figures_are_never_one_claim() -> None:
    sentences = _doc(
        "d1",
        "Mujahid said the strikes killed 46 people in Barmal.",
        "Mujahid said the strikes killed 8 people in Barmal.",
    )
    kept = distinct_claims(attribute(sentences, PROFILE), _ranked(sentences))
    assert len(kept) == 2


def test_the_same_words_from_two_parties_stay_two_claims() -> None:
    sentences = _doc(
        "d1",
        "Pakistan's military said the strikes hit the border villages.",
        "Mujahid said the strikes hit the border villages.",
    )
    kept = distinct_claims(attribute(sentences, PROFILE), _ranked(sentences))
    assert [c.party for c in kept] == ["pakistan", "afghanistan"]


def test_party_claims_keep_each_partys_own_claims_in_salience_order() -> None:
    sentences = _doc(
        "d1",
        "The airstrikes occurred in a mountainous region of Paktika province on Tuesday.",
        "Mujahid said the strikes killed civilians.",
        "Pakistan's military said the strikes hit militant hideouts.",
        "Residents reported that at least eight people died.",
    )
    claims = attribute(sentences, PROFILE)
    by_party = party_claims(distinct_claims(claims, _ranked(sentences)), PROFILE)
    assert list(by_party) == ["pakistan", "afghanistan"]
    assert [c.sentence.index for c in by_party["pakistan"]] == [2]
    assert [c.sentence.index for c in by_party["afghanistan"]] == [1]
    assert is_repeat(sentences[2].text, "Pakistan's army said its strikes hit militant hideouts.")


def _claim(text: str, speaker: str, party: str) -> Claim:
    return Claim(Sentence("d1", 0, 0, len(text), text), speaker, party)


def test_attributed_text_names_the_speaker_of_a_pronoun_subject() -> None:
    claim = _claim(
        "They claimed many victims were refugees from the Waziristan area.",
        "the Afghan Defense Ministry",
        "afghanistan",
    )
    assert attributed_text(claim) == (
        "The Afghan Defense Ministry claimed many victims were refugees from the Waziristan area."
    )


def test_attributed_text_after_a_quote_keeps_the_appositive_commas() -> None:
    claim = _claim(
        "“Our operations are directed at terrorist groups, not at the people of "
        "Afghanistan,” she said.",
        "Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch",
        "pakistan",
    )
    assert attributed_text(claim) == (
        "“Our operations are directed at terrorist groups, not at the people of Afghanistan,” "
        "Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch, said."
    )


def test_attributed_text_names_the_role_quoted_as_telling_not_twice() -> None:
    # Not "According to X, “...,” the deputy foreign minister was quoted as telling ...".
    claim = _claim(
        "“Kabul demands decisive measures against the groups hiding across the border,” the "
        "deputy foreign minister was quoted as telling the envoy.",
        "Deputy Foreign Minister Arif Zamani",
        "afghanistan",
    )
    assert attributed_text(claim) == (
        "“Kabul demands decisive measures against the groups hiding across the border,” Deputy "
        "Foreign Minister Arif Zamani was quoted as telling the envoy."
    )


def test_attributed_text_replaces_a_bare_role_but_not_a_pronoun_inside_quotes() -> None:
    role = _claim(
        "The ministry said the strikes violated all international principles.",
        "the Ministry of Defense of the Islamic Emirate of Afghanistan",
        "afghanistan",
    )
    assert attributed_text(role) == (
        "The Ministry of Defense of the Islamic Emirate of "
        "Afghanistan said the strikes violated all international "
        "principles."
    )
    quoted = _claim("“He will pay,” he added.", "Zabihullah Mujahid", "afghanistan")
    assert attributed_text(quoted) == "“He will pay,” Zabihullah Mujahid added."


def test_attributed_text_leaves_named_speakers_and_the_narrator_alone() -> None:
    named = "Pakistan's military said the strikes hit militant hideouts."
    assert attributed_text(_claim(named, "Pakistan's military", "pakistan")) == named
    narration = "The strikes hit a village."
    assert attributed_text(_claim(narration, "", NARRATOR)) == narration
    continued = _claim("“All of them.”", "Ashraf Ghani", "afghanistan")
    assert attributed_text(continued) == "According to Ashraf Ghani, “All of them.”"


def test_a_speaker_the_sentence_names_already_is_not_put_in_for_its_subject() -> None:
    from briefer.perspectives.positions import _attributed

    text = "It quoted a government official as confirming the death of one soldier."
    assert _attributed(text, "a government official") == text


def test_a_quoted_sentence_whose_quote_opened_before_is_named_and_opened_after_the_name() -> None:
    said = "It is reiterated that Pakistan Force did not open fire first and responded only.”"
    text = attributed_text(_claim(said, "the foreign ministry", "pakistan"))
    # "Pakistan Force ... responded only" is no speaker: "responded" reports only with a
    # clause or a quote after it
    assert text == "According to the foreign ministry, “It is reiterated" + said[16:]
    answered = _claim("The spokesman replied: “We hit only camps.”", "the Foreign Office", "p")
    assert attributed_text(answered) == "The Foreign Office replied: “We hit only camps.”"


def test_a_quote_opened_before_and_closed_by_a_pronoun_names_the_speaker_in_its_place() -> None:
    # 'The Thais came to attack us," he said.' (the quote opened in the sentence before):
    # not 'According to Mao Phalla, "The Thais came to attack us," he said.'
    said = 'The Northerners came to attack us," he said.'
    text = attributed_text(_claim(said, "Arin Vell", "south"))
    assert text == '"The Northerners came to attack us," Arin Vell said.'
    text = attributed_text(_claim(said, "the army's spokesman, Arin Vell", "south"))
    assert text == '"The Northerners came to attack us," the army\'s spokesman, Arin Vell, said.'


def test_a_person_pronoun_as_subject_without_a_report_verb_becomes_the_speaker() -> None:
    # "He mentioned that ..." ("mentioned" frames no report): not "According to the army
    # spokesman, he mentioned that ...".
    said = "He mentioned that the fence was not meant to divide the people."
    text = attributed_text(_claim(said, "the army spokesman", "north"))
    assert text == "The army spokesman mentioned that the fence was not meant to divide the people."
    named = attributed_text(_claim("She played down the incident.", "the envoy, Arin Vell", "s"))
    assert named == "The envoy, Arin Vell, played down the incident."
    # a body's "he" may be someone else it speaks of: the body stays the source
    body = attributed_text(_claim("He also asked the other side to withdraw.", "the Army", "n"))
    assert body == "According to the Army, he also asked the other side to withdraw."
