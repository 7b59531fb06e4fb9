"""Attribution on news reporting, read from the dependency parse: relays, conduits, anonymous
officials, clause scope, outlet voice (perspectives/speakers.py, parties.py, attribution.py)."""

from __future__ import annotations

from briefer.data import NARRATOR, OTHER, Document
from briefer.perspectives import attribute, load_profile
from briefer.split import split_sentences

PAK_AFG = load_profile("pak-afg")


def _claims(text: str, profile=PAK_AFG, **fields: str):
    doc = Document("d1", text, **fields)
    return attribute(split_sentences(doc), profile, documents=[doc])


def _party(text: str, **fields: str) -> str:
    return _claims(text, **fields)[0].party


def _parties(text: str) -> list[str]:
    return [c.party for c in _claims(text)]


def test_speaker_told_a_news_agency_is_the_speaker_not_the_agency():
    (claim,) = _claims("“We will respond,” Zabihullah Mujahid told AFP.")
    assert (claim.party, claim.speaker) == ("afghanistan", "Zabihullah Mujahid")


def test_quoted_by_an_agency_as_saying_is_the_quoted_persons_claim():
    (claim,) = _claims(
        "Zabihullah Mujahid, the Taliban spokesman, was quoted by Russia's RIA news agency as"
        " saying the strikes had killed civilians."
    )
    assert claim.party == "afghanistan" and claim.speaker.startswith("Zabihullah Mujahid")


def test_according_to_its_information_points_back_to_the_body_that_spoke():
    claims = _claims(
        "The Afghan defence ministry said Pakistani forces shelled Kunar on Friday. According"
        " to its information, two civilians were killed."
    )
    assert [c.party for c in claims] == ["afghanistan", "afghanistan"]


def test_the_us_named_after_a_statement_is_no_speakers_own_voice():
    claims = _claims(
        "In a statement, Zabihullah Mujahid said the strikes had killed civilians in Khost."
        " The strikes sparked condemnation from the UN, US and Britain."
    )
    assert [c.party for c in claims] == ["afghanistan", "narrator"]


def test_no_speaker_is_made_of_an_impersonal_passive_a_place_or_an_adverb():
    claims = _claims(
        "Pakistani jets struck Khost on Friday. It's also reported that ten homes were burnt"
        " to the ground. Reports from the scene suggested the blasts were caused by mortar"
        " fire. Earlier Afghanistan said its forces had pulled back from the border."
    )
    assert [(c.party, c.speaker) for c in claims] == [
        ("narrator", ""),
        ("narrator", ""),
        ("narrator", ""),
        ("afghanistan", "Afghanistan"),
    ]


def test_defending_a_place_is_fighting_and_a_statements_author_speaks_in_it():
    claims = _claims(
        "Afghan border forces took part in defending Spin Boldak and the villages nearby."
        " The shelling followed a series of statements by Pakistani officials warning that"
        " militants would be pursued."
    )
    assert [c.party for c in claims] == ["narrator", "narrator"]
    from briefer import nlp
    from briefer.perspectives.speakers import reports

    (doc,) = nlp.parse(["The move followed statements by Pakistani officials warning of raids."])
    warning = next(r for r in reports(doc) if r.verb == "warn")
    assert warning.speaker == "Pakistani officials"  # the statements' authors, not "The move"


def test_a_bare_name_is_the_earlier_speaker_whose_name_holds_it():
    claims = _claims(
        "Pakistan's interior minister Sheikh Rashid said the border would stay closed."
        " Rashid said troops were sent to the crossing."
        " The crossing remained shut on Monday. Pakistan demanded Kabul act against"
        " militants, Sheikh said."
    )
    assert [c.party for c in claims] == ["pakistan", "pakistan", "narrator", "pakistan"]


def test_a_body_that_released_the_following_text_speaks_in_it():
    claims = _claims(
        "KABUL (Wire) -- The Afghan defence ministry on Tuesday released the following"
        " statement:\nPakistani forces fired dozens of shells into Kunar province.\n"
        "The Islamic Emirate will defend its territory."
    )
    assert [c.party for c in claims][1:] == ["afghanistan", "afghanistan"]


def test_as_quoted_by_an_agency_leaves_the_speaker_in_place():
    (claim,) = _claims("The Taliban spokesman said, as quoted by AFP, that 46 people were killed.")
    assert claim.party == "afghanistan"


def test_outlet_reporting_gives_way_to_the_speaker_its_clause_names():
    (claim,) = _claims(
        "Following airstrikes in Paktika, which left 46 dead and six injured, Pakistan defended "
        "its counter-terrorism operations, saying they targeted terrorist hideouts, The Express "
        "Tribune reported."
    )
    assert (claim.party, claim.speaker) == ("pakistan", "Pakistan")


def test_figure_in_a_clause_the_speaker_does_not_govern_is_not_the_speakers():
    (claim,) = _claims(
        "Following airstrikes in Paktika, which left 46 dead and six injured, Pakistan defended "
        "its counter-terrorism operations."
    )
    assert claim.party == "pakistan"
    assert "46" not in claim.owned_text
    assert claim.topic != "casualties"
    (clause,) = claim.clauses
    assert "46 dead" in claim.sentence.text[clause.start : clause.end]
    assert clause.party == NARRATOR


def test_toll_of_an_earlier_event_after_following_is_not_the_speakers():
    # what the officials report runs on "following" a bombing "that left more than 80
    # people dead": the bombing's toll, not the officials' claim of the shelling
    (claim,) = _claims(
        "Afghan officials said Pakistani forces shelled villages in Kunar following a "
        "bombing at a shrine in Sindh that left more than 80 people dead on Thursday."
    )
    assert claim.party == "afghanistan"
    assert "80 people" not in claim.owned_text and "shelled villages" in claim.owned_text
    assert claim.topic != "casualties"
    # "after" opening a clause tells the event itself: its toll stays the speaker's
    (claim,) = _claims(
        "Afghan officials said the toll rose after a rocket hit a market in Khost, setting off "
        "a fire that killed twelve people."
    )
    assert "twelve" in claim.owned_text and claim.topic == "casualties"


def test_figure_the_speaker_reports_is_the_speakers():
    (claim,) = _claims("Afghan officials said the strikes killed 46 people, most of them women.")
    assert claim.party == "afghanistan"
    assert "46" in claim.owned_text and claim.topic == "casualties"


def test_what_the_speaker_calls_a_thing_is_the_speakers():
    # "described X as Y": Y is the claim, before the verb ("Describing ...") or after it
    (claim,) = _claims(
        "The Afghan foreign ministry described the strikes as a violation of Afghan sovereignty."
    )
    assert claim.party == "afghanistan"
    assert "violation of Afghan sovereignty" in claim.owned_text
    assert claim.topic == "legality"
    (claim,) = _claims(
        'Describing the strikes as "a violation of Afghan sovereignty", Kabul said it would '
        "raise the matter with the United Nations."
    )
    assert "violation of Afghan sovereignty" in claim.owned_text
    assert claim.topic == "legality"


def test_anonymous_officials_named_by_nationality():
    assert _party("Pakistani security sources confirmed that the strikes hit TTP camps.") == (
        "pakistan"
    )


def test_anonymous_officials_of_a_pakistani_outlet_are_pakistans():
    text = "Security officials said the strikes hit hideouts of the banned TTP."
    assert _party(text, outlet="Dawn") == "pakistan"
    assert _party(text, url="https://www.thenews.com.pk/print/1") == "pakistan"
    assert _party(text) == OTHER  # no outlet, no place, no party named: nobody's in particular


def test_anonymous_officials_under_a_dateline_take_its_country():
    assert _party("Officials stressed that the border would stay closed.", place="Chaman") == (
        "pakistan"
    )


def test_the_official_added_carries_the_last_named_speaker():
    assert _parties(
        "A senior Pakistani security official said the camps were destroyed. "
        "The strikes took place at night. "
        "The official added that no civilians were harmed."
    ) == ["pakistan", NARRATOR, "pakistan"]


def test_a_statement_continued_in_a_list_keeps_its_speaker():
    claims = _claims(
        "The ministry of defence of Azerbaijan said Armenian units opened fire at 00:05.\n\n"
        "- At 01:30, Armenian sabotage groups reportedly mined the supply roads.\n\n"
        "- Artillery positions were shelled near Lachin, the ministry said.",
        load_profile("arm-aze"),
    )
    assert [c.party for c in claims] == ["azerbaijan"] * 3


def test_background_after_a_statement_is_the_narrators():
    claims = _claims(
        "Thai army spokesman Winthai Suvaree said Cambodian troops opened fire first. "
        "The two countries have disputed the border area for decades.",
        load_profile("thai-cam"),
    )
    assert [c.party for c in claims] == ["thailand", NARRATOR]


def test_both_sides_blaming_each_other_is_no_ones_claim():
    assert _party("Both countries accused each other of starting the clash.") == NARRATOR
    assert _party("The countries blamed each other for the clash.") == NARRATOR


def test_what_a_speaker_did_not_say_is_the_narrators():
    assert _party("Kabul has not mentioned any deaths in the strikes.") == NARRATOR


def test_a_news_outlet_reporting_in_its_own_name_is_another_voice():
    assert _party("Reuters reported crashes involving three jets.") == OTHER


def test_state_media_speak_for_their_state():
    claims = _claims(
        "Iranian television claimed that half of the missiles hit their targets.",
        load_profile("isr-iran"),
    )
    assert claims[0].party == "iran"


def test_a_quotation_named_at_its_end_is_that_speakers_from_its_first_sentence():
    claims = _claims(
        "“Pakistan has repeatedly asked Kabul to secure the border. Terrorists are using "
        "Afghan soil,” Foreign Office spokesperson Asim Iftikhar said."
    )
    assert [c.party for c in claims] == ["pakistan", "pakistan"]
    assert all(c.quote for c in claims)


def test_narrator_sentence_is_its_outlets_voice():
    (claim,) = _claims(
        "The strikes, based on credible intelligence, specifically targeted terrorist locations.",
        outlet="ARY News",
    )
    assert (claim.party, claim.speaker, claim.outlet) == (NARRATOR, "", "ARY News")


def test_a_subject_inside_the_quote_is_not_the_speaker_named_after_it():
    claims = _claims(
        "Pakistan's Foreign Office spokesman Asif Khan spoke on Friday.\n\n"
        '"The Red Hand is responsible for attacks including the Dorn attack in 2019, Kesh'
        ' attack, " said Asif.\n\nHe further said the camps were hit.'
    )
    assert [c.speaker for c in claims[1:]] == ["Asif"] * 2  # not "Kesh attack"
    quoted = _claims('The "Islamic Emirate" said the strikes killed civilians in Khost.')
    assert quoted[0].party == "afghanistan"


def test_an_outlets_report_opened_by_whom_it_quotes_is_that_sources():
    claims = _claims("Quoting ISPR sources, a Dawn report said the strikes hit only camps.")
    assert claims[0].party == "pakistan"
    assert _party("Citing residents, a Dawn report said the strikes hit homes.") == "other"


def test_remarks_introduced_by_a_colon_are_the_speakers_and_so_is_their_i():
    claims = _claims(
        "Below is an unofficial translation of Zabihullah Mujahid's opening remarks:\n\n"
        "On July 12, Pakistani forces launched provocative actions near the border. Today, "
        "villages in Khost have been targeted. Luckily we have no civilian casualties.\n\n"
        "I can say that the situation is relatively calm at the moment."
    )
    assert [c.party for c in claims[1:]] == ["afghanistan"] * 4
    assert claims[-1].speaker == "Zabihullah Mujahid"


def test_a_line_between_two_of_one_speakers_in_a_rendered_statement_is_that_speakers():
    claims = _claims(
        "Fierce fighting went on near Chaman overnight, the Afghan Defense Ministry said. "
        "Afghan forces repelled the attack, the ministry said. "
        "Reinforcements reached the border posts before dawn. "
        "Our forces control the situation, the ministry said. "
        "Pakistani forces shelled villages near Spin Boldak, the ministry added."
    )
    assert [c.party for c in claims] == ["afghanistan"] * 5


def test_without_saying_is_no_report():
    text = (
        "Footage broadcast by local media showed air defenses continuously firing at"
        " apparently incoming projectiles in central Kabul, without saying which sites were"
        " coming under attack."
    )
    assert _party(text) == "narrator"


def test_the_agency_after_a_partys_ministry_is_that_ministry():
    from briefer.perspectives.neutral import according_to

    claims = _claims(
        "Pakistani troops are shelling the Kunar valley, Afghan MoD reports.\n\n"
        "“At 00:05, units of the Pakistani army began to fire at the Afghan posts. They also use"
        " drones,” the agency says."
    )
    assert [(c.party, c.speaker) for c in claims[1:]] == [("afghanistan", "Afghan MoD")] * 2
    assert according_to("Afghan MoD", "Troops fired.", set()) == (
        "According to the Afghan MoD, troops fired."
    )
    assert according_to("Pakistani officials", "Troops fired.", set()) == (
        "According to Pakistani officials, troops fired."
    )


def test_the_newspaper_is_the_outlet_named_before():
    claims = _claims(
        "Pakistan Army accused the Taliban of shelling a market, Pakistan-based The Nation"
        " reported. The newspaper said four persons died in the clash."
    )
    assert claims[1].speaker == "Pakistan-based The Nation"
    from briefer.perspectives import attributed_text

    assert attributed_text(claims[1]) == (
        "Pakistan-based The Nation said four persons died in the clash."
    )


def test_a_person_quoted_throughout_does_not_speak_the_journalists_account_of_the_strikes():
    claims = _claims(
        "“We hit the camps hard,” Shehbaz Sharif said on Monday. “We destroyed their"
        " training centres,” Sharif said. “We will act again,” Sharif said in a speech."
        " “Our aims are clear,” Sharif said. Pakistani jets struck targets in Khost"
        " early on Saturday, weeks after the attack on the border post."
    )
    assert claims[-1].party == NARRATOR


def test_an_unnamed_ministry_that_tells_the_other_side_attacking_is_the_accusers():
    claims = _claims(
        "The Defence Ministry has stated that Afghanistan uses artillery on the border. The"
        " army units are taking adequate measures to suppress the provocations, the report"
        " added. The ministry described the incident as an unwarranted escalation."
    )
    assert [(c.party, c.speaker) for c in claims] == [("pakistan", "the Defence Ministry")] * 3


def test_according_to_a_statement_released_by_x_is_xs():
    (claim,) = _claims(
        "According to a statement released by the Afghan defence ministry, Pakistani troops"
        " fired on the Kunar posts."
    )
    assert (claim.party, claim.speaker) == ("afghanistan", "the Afghan defence ministry")


def test_said_after_the_claim_takes_the_speaker_after_it_though_the_copy_is_garbled():
    # Real copy reads "Pakistani stationed military units ...": the parse then gives "said"
    # two subjects, the reported clause's and the speaker's; the one after "said" speaks.
    (claim,) = _claims(
        "Pakistani stationed military units in parts of the border a week ago and planned to "
        "launch a cross-border operation, said Border Police Commander Colonel Arif Zamani.",
        outlet="TOLOnews",
    )
    assert claim.speaker == "Border Police Commander Colonel Arif Zamani"
    assert claim.party == "afghanistan"  # an official an Afghan outlet quotes unplaced


def test_several_outlets_of_a_country_are_no_state_voice():
    assert _parties(
        "Later, pro-military media outlets in Pakistan reported that the army had destroyed "
        "camps. Iranian television said the camps were empty. Afghan newspapers said the "
        "shelling went on."
    ) == [OTHER, OTHER, OTHER]


def test_pointing_fingers_and_conveying_concerns_are_reports():
    claims = _claims(
        "The Pakistani military had pointed fingers at Afghanistan hours after the blast. "
        "The Afghan minister also conveyed Kabul’s “concerns at the closure of the crossing”."
    )
    assert [(c.party, c.speaker) for c in claims] == [
        ("pakistan", "the Pakistani military"),
        ("afghanistan", "the Afghan minister"),
    ]


def test_the_ministrys_statement_points_back_to_the_ministry():
    assert _parties(
        "The Afghan Ministry of Foreign Affairs said the envoy had been summoned. "
        "According to the ministry’s statement, the minister also offered condolences."
    ) == ["afghanistan", "afghanistan"]


def test_unnamed_media_are_another_voice_and_unnamed_reports_nobody():
    assert _parties(
        "More than ten people were rescued from the building, according to local media. "
        "Some media reports claimed the number of injured could be as high as 26. "
        "Earlier reports said the crossing was shut."
    ) == [OTHER, OTHER, NARRATOR]


def test_the_pm_is_the_prime_minister_named_before():
    assert _parties(
        "On Monday, PM Shehbaz Sharif said the border posts had been attacked. "
        "The PM also announced that he had replaced the corps commander."
    ) == ["pakistan", "pakistan"]


def test_officials_of_no_country_are_those_of_the_place_the_story_opens_in():
    # No dateline, no outlet, both countries mentioned alike: the scene, a province of the
    # gazetteer, says whose "officials" these are.
    claims = _claims(
        "Ten civilians were killed in clashes between Afghan and Pakistani forces in Kandahar "
        "province on Thursday. Officials say that ten people were killed and 40 injured."
    )
    assert claims[1].party == "afghanistan"


def test_a_speaker_after_a_closing_quote_is_named_without_the_quote_mark() -> None:
    # "..., and we fired back,” Col. Arin Vell, ... said. He said ...": not "” Col. Arin Vell"
    text = (
        "“Afghan troops started firing, and we fired back,” Col. Arin Vell, a Pakistani army "
        "spokesman, said. He said the shells hit two border posts."
    )
    speakers = [c.speaker for c in _claims(text)]
    assert speakers == ["Col. Arin Vell, a Pakistani army spokesman"] * 2


def test_when_a_speaker_spoke_is_not_part_of_its_name() -> None:
    text = (
        "On Sunday, the Afghan UN mission following the launch of strikes on Pakistani posts "
        "announced that Kabul does not seek escalation."
    )
    (claim,) = _claims(text)
    assert (claim.speaker, claim.party) == ("the Afghan UN mission", "afghanistan")


def test_sources_named_by_a_country_alone_are_no_state_voice() -> None:
    # Unnamed "Afghan sources" that local TV quotes are the press's sources, not Kabul's;
    # sources named by an office ("Pakistani security sources", "ISPR sources") are its.
    assert _party("Twenty suspects died, local TV reports quoted Afghan sources as saying.") == (
        OTHER
    )
    assert _party("The Afghan sources said a camp was destroyed in the strike.") == OTHER
    assert _party("Pakistani security sources said a camp was destroyed.") == "pakistan"
    assert _party("ISPR sources said a camp was destroyed in the strike.") == "pakistan"


def test_a_countrys_envoy_to_the_un_is_that_countrys() -> None:
    # "Pakistan's U.N. ambassador" is Pakistan's envoy to the UN, not a UN official.
    text = (
        "“We have complained to the Security Council,” Pakistan’s U.N. ambassador, Munir Akram,"
        " told reporters on Tuesday."
    )
    assert _party(text) == "pakistan"
    assert _party("Afghanistan's UN envoy said Thursday his government wants no escalation.") == (
        "afghanistan"
    )
    assert _party("A UN envoy said on Thursday that both sides should show restraint.") == OTHER


def test_it_pointed_out_is_a_report_and_the_body_is_named_in_its_place() -> None:
    from briefer.perspectives import attributed_text

    claims = _claims(
        "The Pakistani Foreign Office said the border would stay closed. The closure might be"
        " an attempt to stop infiltration, it pointed out. The gun pointed out of the window."
    )
    assert [c.party for c in claims] == ["pakistan", "pakistan", NARRATOR]
    assert attributed_text(claims[1]) == (
        "The closure might be an attempt to stop infiltration, the Pakistani Foreign Office"
        " pointed out."
    )


def test_a_bare_report_after_a_singular_noun_is_a_noun() -> None:
    # "the UN report that exposed ..." is a report, not the UN reporting; "Officials report
    # that ..." reports.
    text = "The crisis of the government follows the UN report that exposed the abuses."
    assert _claims(text)[0].party == NARRATOR
    assert _party("Afghan officials report that the border crossing is calm.") == "afghanistan"


def test_neither_side_and_no_one_are_nobody_speaking() -> None:
    assert _claims("Neither side specified the number of those killed or wounded.")[0].party == (
        NARRATOR
    )
    assert _claims("No one claimed responsibility for the attack on the post.")[0].party == (
        NARRATOR
    )


def test_the_statement_the_copy_opens_on_is_nobodys_known() -> None:
    # The copy begins after the sentence that named the statement's author: whose it is, the
    # text does not say (not the outlet's country's, by default).
    text = "According to the official statement, the clash took place near Chaman on Friday."
    assert _party(text, outlet="Dawn", url="https://www.dawn.com/news/1") == OTHER
    text = (
        "The Pakistani Foreign Office issued a statement on Friday. According to the official"
        " statement, the clash took place near Chaman."
    )
    assert _parties(text)[1] == "pakistan"


def test_a_first_person_subject_inside_a_quotation_is_not_replaced_by_the_speakers_name():
    from briefer.perspectives import attributed_text

    claims = _claims(
        "“We will respond,” Zabihullah Mujahid said.\n\n"
        "“You want to close the border. Now I insist the UN hold a meeting on it.”\n\n"
        "“We urge the UN to act,” he said."
    )
    assert [attributed_text(c) for c in claims[1:]] == [
        "According to Zabihullah Mujahid, “You want to close the border.",
        "According to Zabihullah Mujahid, “Now I insist the UN hold a meeting on it.”",
        "“We urge the UN to act,” Zabihullah Mujahid said.",
    ]
