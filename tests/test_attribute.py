"""Attribution: who asserts each sentence, and for which party."""

from __future__ import annotations

from briefer.data import NARRATOR, OTHER, Document, Sentence
from briefer.perspectives import attribute, claims_rows, load_profile
from briefer.split import split_sentences

PROFILE = load_profile("pak-afg")


def _sentences(*texts: str, doc_id: str = "d1") -> list[Sentence]:
    return [Sentence(doc_id, i, 0, len(t), t) for i, t in enumerate(texts)]


def _parties(*texts: str) -> list[str]:
    return [c.party for c in attribute(_sentences(*texts), PROFILE)]


def test_reporting_verb_names_the_party() -> None:
    claims = attribute(
        _sentences(
            "In response to the airstrikes, the Afghan Defense Ministry condemned the actions."
        ),
        PROFILE,
    )
    assert claims[0].party == "afghanistan"
    assert claims[0].speaker == "the Afghan Defense Ministry"


def test_pronoun_subject_inherits_previous_speaker() -> None:
    claims = attribute(
        _sentences(
            "The Afghan Defense Ministry condemned the strikes.",
            "The strikes hit a village.",
            "They claimed many victims were refugees.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims] == ["afghanistan", NARRATOR, "afghanistan"]
    assert claims[2].speaker == "the Afghan Defense Ministry" or claims[2].speaker.endswith(
        "Ministry"
    )


def test_pronoun_does_not_cross_documents() -> None:
    first = _sentences("Pakistan's Foreign Office said the strikes were legal.", doc_id="a")
    second = _sentences("He added that talks would continue.", doc_id="b")
    claims = attribute([*first, *second], PROFILE)
    assert claims[1].party == OTHER


def test_according_to() -> None:
    claims = attribute(
        _sentences(
            "PESHAWAR, Pakistan — Pakistan carried out airstrikes on Tuesday.",
            "A training facility was destroyed, according to four security officials who "
            "were not permitted to speak publicly.",
        ),
        PROFILE,
    )
    assert claims[1].speaker == "four security officials"
    assert claims[1].party == "pakistan"  # officials in a Pakistani dateline's context


def test_quote_attributed_after() -> None:
    claims = attribute(
        _sentences(
            "“We will not let this act go unanswered,” said Zabihullah Mujahid.",
            "“This is a huge blow to the militants,” a Pakistani security official told Reuters.",
        ),
        PROFILE,
    )
    assert [(c.party, c.quote) for c in claims] == [("afghanistan", True), ("pakistan", True)]


def test_quote_attributed_before() -> None:
    claims = attribute(
        _sentences(
            "The Afghan Defense Ministry issued a statement.",
            "The ministry stated, “The Islamic Emirate regards this as a brutal act.”",
        ),
        PROFILE,
    )
    assert claims[1].party == "afghanistan" and claims[1].quote


def test_quote_continuing_into_next_sentence_keeps_speaker() -> None:
    assert _parties(
        "“The leadership is in Pakistan,” Ashraf Ghani said. “They are unleashed.",
        "All of them.”",
    ) == ["afghanistan", "afghanistan"]


def test_in_a_message_on_x() -> None:
    assert _parties(
        "In a message on the X platform, the Afghan Defense Ministry urged restraint."
    ) == ["afghanistan"]


def test_claim_and_rejection_belongs_to_both() -> None:
    claim = attribute(
        _sentences(
            "Islamabad routinely asserts that the Pakistani Taliban use Afghan territory, "
            "a claim that the Afghan government has consistently refuted."
        ),
        PROFILE,
    )[0]
    assert claim.party == "pakistan"
    assert claim.also_parties == ("afghanistan",)
    assert claim.topic == "responsibility"


def test_pakistani_taliban_is_not_pakistan() -> None:
    assert _parties(
        "The Pakistani Taliban said they carried out the attack.",
        "A TTP spokesman claimed responsibility.",
    ) == [OTHER, OTHER]


def test_residents_and_analysts_are_other_voices() -> None:
    assert _parties(
        "Residents reported that at least eight people were killed.",
        "Security analyst Syed Muhammad Ali commented that the strikes were a warning.",
        "He added that Pakistan was careful.",
    ) == [OTHER, OTHER, OTHER]


def test_named_official_and_surname() -> None:
    assert _parties(
        "Mohammad Sadiq, Pakistan's special representative, said talks went well.",
        "Sadiq also reported a meeting with Afghanistan's foreign minister.",
    ) == ["pakistan", "pakistan"]


def test_narrator_sentences_and_subordinate_reports() -> None:
    assert _parties(
        "The airstrikes occurred in a mountainous region of Paktika province.",
        "This is the second such assault since March, when Pakistan reported strikes.",
        "The suicide bombing was claimed by a regional affiliate of the Islamic State.",
    ) == [NARRATOR, NARRATOR, NARRATOR]


def test_lowercased_us_officials_are_not_the_pronoun() -> None:
    profile = load_profile("us-pak")
    claims = attribute(
        _sentences(
            "The strike killed four militants, us officials said.",
            "Pakistani officials told us the strike killed civilians.",
        ),
        profile,
    )
    assert [c.party for c in claims] == ["united-states", "pakistan"]


def test_claims_rows_have_the_cli_fields() -> None:
    rows = claims_rows(attribute(_sentences("Pakistan denied the report."), PROFILE))
    assert rows == [
        {
            "doc_id": "d1",
            "sentence_index": 0,
            "kind": "body",
            "start": 0,
            "end": 27,
            "text": "Pakistan denied the report.",
            "speaker": "Pakistan",
            "party": "pakistan",
            "quote": False,
            "outlet": "",
            "topic": "",
            "clauses": [],
        }
    ]


def test_narrator_row_is_the_outlets_voice_without_a_speaker() -> None:
    doc = Document("d1", "The strikes targeted terrorist locations.", outlet="Dawn")
    (row,) = claims_rows(attribute(split_sentences(doc), PROFILE, documents=[doc]))
    assert (row["speaker"], row["party"], row["outlet"]) == (None, NARRATOR, "Dawn")


def test_generic_ministry_spokesman_resolves_to_last_named_ministry() -> None:
    claims = attribute(
        _sentences(
            "The Ministry of Defense of the Islamic Emirate of Afghanistan said that aircraft "
            "bombed several villages.",
            "A ministry spokesman said that 46 people were killed.",
            "The ministry said the strikes violated all international principles.",
            "It said the Islamic Emirate will respond.",
            "The ministry also said that Pakistan should not blame others for its failures.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims] == ["afghanistan"] * 5
    assert claims[1].speaker == (
        "a spokesman for the Ministry of Defense of the Islamic Emirate of Afghanistan"
    )
    assert {c.speaker for c in claims[2:]} == {
        "the Ministry of Defense of the Islamic Emirate of Afghanistan"
    }


def test_generic_head_matches_the_most_recent_speaker() -> None:
    assert _parties(
        "Pakistan's Foreign Office spokeswoman, Mumtaz Zahra Baloch, said talks would go on.",
        "A TTP spokesman said the group would fight on.",
        "The spokesman said the fighters had left the area.",
        "Residents said the village was quiet.",
        "The spokeswoman said Pakistan respects Afghan sovereignty.",
    ) == ["pakistan", OTHER, OTHER, OTHER, "pakistan"]


def test_lone_generic_speaker_without_antecedent_is_other() -> None:
    assert _parties(
        "The strikes hit a village near the border.",
        "A spokesman said the attack was unacceptable.",
        "The ministry said it would respond.",
    ) == [NARRATOR, OTHER, OTHER]


def test_adjective_after_linking_verb_is_no_reporting_verb() -> None:
    claims = attribute(
        _sentences(
            "KABUL — The death toll from Pakistani airstrikes in Afghanistan's Paktika province "
            "remained disputed on Thursday, two days after the strikes.",
            "The figures seemed disputed by everyone.",
        ),
        PROFILE,
    )
    assert [(c.party, c.speaker) for c in claims] == [(NARRATOR, ""), (NARRATOR, "")]


def test_a_quotation_opened_after_another_speaker_belongs_to_the_speaker_named_at_its_end():
    parties = _parties(
        "The Afghan Foreign Ministry summoned the Pakistani ambassador to lodge a protest.",
        "“Kabul has often been asked to secure the border region.",
        "Militants use Afghan soil to attack Pakistan,” Foreign Office spokesman Asim Iftikhar"
        " said.",
    )
    assert parties == ["afghanistan", "pakistan", "pakistan"]


def test_a_former_official_does_not_speak_for_the_state() -> None:
    assert _parties("Former Afghan president Hamid Karzai condemned the strikes on Kunar.") == [
        OTHER
    ]


def test_two_statements_run_together_give_the_second_speaker_only_his_own_part() -> None:
    from briefer.compose.arrange import _one_party

    text = (
        "Hamid Qadri, Pakistani interior minister, claimed that the census team was on the"
        " Pakistani side when attacked, Abdul Wali, the Afghan border police chief, said that"
        " the census was a cover for smuggling fighters into Afghanistan."
    )
    (found,) = attribute(_sentences(text), PROFILE)
    assert found.party == "afghanistan"
    assert found.owned_text.startswith("Abdul Wali") or "cover for smuggling" in found.owned_text
    assert "census team" not in found.owned_text
    assert [c.party for c in found.clauses] == ["pakistan"]
    assert not _one_party(found)  # not put in either party's column
    (own,) = attribute(
        _sentences(
            "Pakistan said its forces killed 50 Afghan soldiers, but Afghanistan said two died."
        ),
        PROFILE,
    )
    assert own.party == "pakistan" and _one_party(own)


def test_a_quote_left_open_ends_at_a_heading() -> None:
    text = (
        'A resident of Chaman says, "At midnight one drone came, and then they attacked…'
        " pic.twitter.com/AbCdEf12\nWorld reaction\nPakistan's Foreign Office also said"
        " the border would stay closed.\n"
    )
    document = Document("d1", text)
    claims = attribute(split_sentences(document), PROFILE, documents=[document])
    assert [c.sentence.text for c in claims][1] == "World reaction"
    assert claims[-1].party == "pakistan"
    assert claims[-1].speaker == "Pakistan's Foreign Office"


def test_the_country_is_its_party_and_a_party_in_an_adjective_does_not_name_it() -> None:
    from briefer.perspectives import attributed_text

    first, second = attribute(
        _sentences(
            "Pakistan blamed Afghan forces for the shelling.",
            "The country also said it had arrested two Pakistani smugglers who guided them.",
        ),
        PROFILE,
    )
    assert second.party == "pakistan" and second.speaker == "Pakistan"
    assert attributed_text(second).startswith("Pakistan also said")  # "Pakistani" is not it


def test_a_speaker_that_print_copy_broke_at_hyphens_is_read_whole() -> None:
    text = (
        "QUETTA: The Afghan rockets landed in Killi Lal in the Pakistani territory at the"
        " border, a senior of- ficial of the district ad- ministration confirmed on the"
        " condition of an- onymity."
    )
    document = Document("n", text, outlet="The Nation", place="Quetta")
    (claim,) = attribute(split_sentences(document), PROFILE, documents=[document])
    assert claim.party == "pakistan"
    assert claim.speaker == "a senior official of the district administration"
    assert claim.sentence.text == text[claim.sentence.start : claim.sentence.end]  # as given


def test_the_journalists_note_of_a_silence_does_not_carry_the_quote_before_it() -> None:
    claims = attribute(
        _sentences(
            '"We request Kabul to secure the border," the Foreign Office said.',
            '"This is detrimental to our efforts of maintaining peace along the border."',
            "While the ISPR has remained silent, it was only on Sunday that the Foreign Office"
            " came up with a response but made no mention of Kabul's claims that jets allegedly"
            " struck Khost.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims] == ["pakistan", "pakistan", NARRATOR]


def test_an_official_who_instructs_the_forces_speaks_for_the_party() -> None:
    text = (
        "Afghan army chief Gen. Yasin Zia instructed the border forces to give the Pakistani"
        " troops a tit-for-tat response."
    )
    (claim,) = attribute(_sentences(text), PROFILE)
    assert (claim.party, claim.speaker) == ("afghanistan", "Afghan army chief Gen. Yasin Zia")


def test_every_sentence_of_a_quotation_named_at_its_end_is_the_named_speakers() -> None:
    claims = attribute(
        _sentences(
            "Officials say that 15 people were killed in the clashes.",
            "“Pakistani troops opened fire on civilians in the Spin Boldak district.",
            "The Afghan military responded to the Pakistani forces.",
            "15 civilians were killed,” said Kandahar governor’s spokesman Baheer Ahmadi.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims[1:]] == ["afghanistan"] * 3
    assert {c.speaker for c in claims[1:]} == {"Kandahar governor’s spokesman Baheer Ahmadi"}


def test_a_spokeswoman_named_in_an_appositive_is_known_by_her_misspelt_name_later() -> None:
    claims = attribute(
        _sentences(
            "The spokesperson of the Foreign Office, Aisha Farooqui has said that Afghan forces"
            " opened unprovoked fire on civilians.",
            "Aisha Frooqui said Pakistan troops acted only in self-defence.",
            "It is reiterated that Pakistan Force did not open fire first and responded in"
            " self-defence only.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims] == ["pakistan"] * 3
    assert [c.speaker for c in claims[1:]] == ["Aisha Frooqui"] * 2  # troops did not speak


def test_a_dated_toll_after_a_rendered_statement_is_the_journalists_recap() -> None:
    claims = attribute(
        _sentences(
            "Pakistan said on Friday that Afghan forces opened fire on civilians in Chaman.",
            "“Afghan forces opened unprovoked fire on civilians,” the Foreign Office said.",
            "According to the statement, Afghan troops also targeted Pakistani check-posts.",
            "On July 30, at least five people were killed and 15 others sustained injuries"
            " after the protesters came under fire near the border crossing.",
            "The Foreign Office said several people were killed in the incident.",
            "Six civilians were killed and 17 others were injured in the firing.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims] == ["pakistan"] * 3 + [NARRATOR] + ["pakistan"] * 2


def test_a_statement_issued_by_a_ministry_and_the_statement_later_are_the_ministrys() -> None:
    claims = attribute(
        _sentences(
            "A statement issued by the Afghan Defense Ministry said: “Pakistani troops fired"
            " rockets at Spin Boldak.”",
            "According to the statement, two civilians were killed in the shelling.",
            "Later the statement said the Afghan forces had responded in self-defence.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims] == ["afghanistan"] * 3
    assert [c.speaker for c in claims] == ["the Afghan Defense Ministry"] * 3  # not "a statement"


def test_it_points_back_to_a_body_not_a_person_and_an_outlets_unnamed_official_is_its_countrys():
    claims = attribute(
        _sentences(
            "Pakistan-based The Nation reported that the clash began at dawn.",
            "Meanwhile, Afghanistan-based Tolo News, citing sources, reported five deaths.",
            "It quoted a government official as confirming the death of one border guard.",
            "It also said a Pakistani soldier died in the clash.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims[2:]] == ["afghanistan", OTHER]
    assert claims[3].speaker == "Afghanistan-based Tolo News"  # not "a government official"


def test_the_foreign_secretary_points_back_to_the_named_secretary() -> None:
    claims = attribute(
        _sentences(
            "Pakistan's foreign secretary Sohail Mahmood said the strikes hit militant camps.",
            "The foreign secretary said the action had been necessary and preemptive.",
        ),
        PROFILE,
    )
    assert [c.party for c in claims] == ["pakistan", "pakistan"]


def test_a_statement_printed_whole_goes_on_in_its_own_voice_and_nothing_is_no_speaker() -> None:
    claims = attribute(
        _sentences(
            "Fierce fighting continued near Kesh overnight, the Afghan Defense Ministry said.",
            "Major General Abdul Wali died on the forward defense line.",
            "Two more soldiers were wounded in the fighting near the crossing.",
            "They received medical aid, and nothing threatens their lives.",
            "The enemy also fires on civilians and our border villages.",
        ),
        PROFILE,
    )
    assert claims[-1].party == "afghanistan"  # "the enemy", "our": the ministry, three back
    assert claims[-2].speaker != "nothing"


def test_a_name_after_a_role_is_learned_and_known_later() -> None:
    claims = attribute(
        _sentences(
            "Afghan Defense Ministry representative Fawad Aman said the shelling began at noon.",
            "A reporter asked about the toll.",
            "Aman insisted that no civilians had been harmed.",
        ),
        PROFILE,
    )
    assert claims[2].party == "afghanistan"


def test_a_generic_speaker_pointing_back_to_unnamed_sources_keeps_its_own_words() -> None:
    # "an official for government sources" names nobody and reads garbled: the phrase as
    # written stays; one pointing back to a named body is named by it, with "an" before a
    # vowel.
    claims = attribute(
        _sentences(
            "But government sources say Pakistan is not planning to close the border.",
            "A government official said the shelling was only a warning to Kabul.",
            "The Ministry of Defense of the Islamic Emirate of Afghanistan denied it.",
            "A ministry official said that 46 people were killed.",
        ),
        PROFILE,
    )
    assert claims[1].speaker == "a government official"
    assert claims[3].speaker == (
        "an official for the Ministry of Defense of the Islamic Emirate of Afghanistan"
    )
