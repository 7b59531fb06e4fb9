"""Article text cleaning: page furniture marked with its kind, every body sentence kept."""

from __future__ import annotations

import json

import pytest
from cleaning_corpus import ARTICLES, CUT_OFF, CUT_OFF_FRAGMENT, build

from briefer.data import BODY
from briefer.readers import load_documents
from briefer.readers.clean import clean
from briefer.readers.furniture import furniture_kind
from briefer.readers.text import text_document
from briefer.readers.wrapped import mend_words
from briefer.split import split_segments


def _inside(spans: list[tuple[int, int]], start: int, end: int, text: str) -> float:
    """The share of the non-space characters of text[start:end] inside `spans`."""
    chars = [i for i in range(start, end) if not text[i].isspace()]
    covered = sum(1 for i in chars if any(a <= i < b for a, b in spans))
    return covered / len(chars) if chars else 1.0


def _body(doc) -> list[str]:
    """The document's body sentences, as the pipeline reads them."""
    return [s.text for s in split_segments(doc) if s.kind == BODY]


def _check(doc, spans) -> None:
    segments = split_segments(doc)
    body = [(s.start, s.end) for s in segments if s.kind == BODY]
    kinds = {(s.start, s.end): s.kind for s in segments}
    for start, end, kind in spans:
        share = _inside(body, start, end, doc.text)
        piece = doc.text[start:end]
        if kind == BODY:
            assert share == 1.0, f"body text lost: {piece!r}"
        else:
            assert share == 0.0, f"{kind} kept as body: {piece!r}"
            assert kinds.get((start, end)) == kind, f"{piece!r}: {kinds.get((start, end))}"


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["paragraphs", "lines"])
@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_page_furniture_is_marked_with_its_kind_and_body_sentences_are_kept(name, separator):
    text, spans = build(ARTICLES[name], separator)
    _check(text_document(text, f"{name}.txt"), spans)


def test_text_stays_as_read_so_spans_are_the_files():
    text, _ = build(ARTICLES["clipping"])
    doc = text_document(text, "a.txt")
    assert doc.text == text
    assert all(doc.text[s.start : s.end] == s.text for s in split_segments(doc))


def test_header_block_names_title_outlet_date_url_and_the_dateline_the_place():
    text, _ = build(ARTICLES["clipping"])
    doc = text_document(text, "a.txt")
    assert (doc.title, doc.outlet, doc.date, doc.url, doc.place) == (
        "Jets strike militant camps across the border",
        "Dawn",
        "2024-12-25",
        "https://www.dawn.com/news/1000001/jets-strike-militant-camps",
        "Peshawar",
    )


def test_mail_export_headers_give_the_sender_as_outlet_and_the_subject_as_title():
    doc = text_document(build(ARTICLES["mail"])[0], "mail.txt")
    assert (doc.title, doc.outlet, doc.date) == (
        "Strikes hit hideouts, officials say",
        "Frontier Daily",
        "2024-12-25",
    )


def test_wire_dateline_gives_outlet_and_place_and_the_headline_the_title():
    doc = text_document(build(ARTICLES["wire"])[0], "wire.txt")
    assert (doc.title, doc.outlet, doc.place) == (
        "Border clashes leave dozens dead, officials say",
        "Reuters",
        "Islamabad",
    )


def test_published_in_line_gives_outlet_and_date_without_a_header():
    text = "Officials said the strikes hit camps.\n\nPublished in Dawn, December 25th, 2024\n"
    doc = text_document(text, "a.txt")
    assert (doc.outlet, doc.date) == ("Dawn", "2024-12-25")


def test_url_without_an_outlet_is_named_by_the_outlet_table_or_the_domain():
    known = "URL: https://tribune.com.pk/story/1\n\nOfficials said so.\n"
    unknown = "URL: https://news.example.org/a/1\n\nOfficials said so.\n"
    assert text_document(known, "a.txt").outlet == "The Express Tribune"
    assert text_document(unknown, "b.txt").outlet == "news.example.org"


def test_cut_off_last_sentence_is_a_fragment_and_the_one_before_it_is_kept():
    text, _ = build(CUT_OFF)
    segments = split_segments(text_document(text, "cut.txt"))
    assert [(s.kind, s.text) for s in segments][-2:] == [
        (BODY, "The ministry said eight people were killed and that it would investigate."),
        ("fragment", CUT_OFF_FRAGMENT),
    ]


def test_wire_credit_after_the_last_sentence_is_marked_alone():
    text = "The strikes hit camps, officials said.\n\nThe ministry denied it. — AFP\n"
    segments = split_segments(text_document(text, "a.txt"))
    assert [(s.kind, s.text) for s in segments] == [
        (BODY, "The strikes hit camps, officials said."),
        (BODY, "The ministry denied it."),
        ("credit", "— AFP"),
    ]


def test_a_one_line_note_without_a_period_stays_body():
    doc = text_document("Strikes reported near the border\n", "note.txt")
    assert [s.kind for s in split_segments(doc)] == [BODY]


def test_a_file_with_only_a_header_is_an_input_error_naming_it(tmp_path):
    from briefer.errors import InputError

    path = tmp_path / "empty.txt"
    path.write_text("Title: Strikes\nSource: Dawn\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty.txt: has no article text"):
        load_documents([path])


def test_a_file_without_article_text_in_a_folder_is_left_out_with_a_warning(tmp_path):
    from briefer.errors import InputError

    (tmp_path / "empty.txt").write_text("Title: Strikes\nSource: Dawn\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(
        "Officials said the strikes hit camps near the border on Tuesday.\n", encoding="utf-8"
    )
    with pytest.warns(UserWarning, match="1 file without article text left out: .*empty.txt"):
        (doc,) = load_documents([tmp_path])
    assert doc.path.endswith("story.txt")
    (tmp_path / "story.txt").unlink()
    with pytest.raises(InputError, match="empty.txt: has no article text, nor has any other"):
        load_documents([tmp_path])


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday evening, 46 bodies had been recovered, officials said.",
        "Photos shared on social media showed damaged houses near the crossing.",
        "The Taliban posted on X: “We will defend our airspace.”",
        "Pakistan's share of the trade fell by half last year, the ministry said.",
        "Reports of civilian deaths could not be verified independently, AFP said.",
        "Follow-up strikes were reported on Thursday, according to residents.",
        "The ministry said the toll was 46. It gave no breakdown by age.",
        "“We will respond,” the spokesman said, “at a time of our choosing.”",
        "The notice was printed in a small font size, he said.",
        "The temple, known in Thai as ปราสาท, lies on the border.",
        "Three comments by the envoy angered the ministry, officials said.",
        "The army said the icons of the old temple were not damaged.",
    ],
)
def test_body_sentences_that_look_like_furniture_are_never_marked(line):
    text = f"Pakistan carried out strikes on Tuesday, officials said.\n\n{line}\n\nIt ended.\n"
    assert clean(text).marks == ()


def test_the_same_article_is_cleaned_alike_in_every_format(tmp_path):
    import docx

    lines = ARTICLES["clipping"][4:]  # no header block: formats carry their own metadata
    text, _ = build(lines)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    record = {"text": text, "title": "Jets strike militant camps across the border"}
    (tmp_path / "b.json").write_text(json.dumps(record), encoding="utf-8")
    word = docx.Document()
    for paragraph in text.split("\n\n"):
        word.add_paragraph(paragraph.strip())
    word.save(tmp_path / "c.docx")
    docs = [load_documents([tmp_path / name])[0] for name in ("a.txt", "b.json", "c.docx")]
    bodies = [[s.text for s in split_segments(d) if s.kind == BODY] for d in docs]
    assert bodies[0] == bodies[1] == bodies[2]
    assert bodies[0][0].startswith("Jets struck suspected hideouts")
    assert all(d.place == "Peshawar" for d in docs)


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://www.example-news.com/world/asia/2022/09/12/border-clash/", "2022-09-12"),
        ("https://example.org/2017-05-05-chaman-clash", "2017-05-05"),
        ("https://example.org/news/2019/2/27/jets-downed", "2019-02-27"),
        ("https://example.org/news/1718123", ""),  # an article number
        ("https://example.org/archive/2022/09/", ""),  # a month, no day
        ("https://example.org/2022/13/40/x", ""),  # no such day
        ("https://example.org/2022/09-12/x", ""),  # separators that differ
        ("https://2022.example.org/a", ""),  # the host is no path
    ],
)
def test_a_news_url_dates_its_article_only_by_a_whole_day_in_its_path(url, day) -> None:
    from briefer.readers.metadata import date_in_url

    assert date_in_url(url) == day


def test_an_undated_article_takes_its_urls_day_and_a_stated_date_wins() -> None:
    body = "Border guards exchanged fire near the crossing on Friday, officials said.\n"
    url = "URL: https://www.example-news.com/2022/12/11/crossing-clash/\n"
    undated = text_document("Title: Crossing clash\n" + url + "\n" + body, "a.txt")
    assert undated.date == "2022-12-11"
    dated = text_document("Title: Crossing clash\n" + url + "Date: 2022-12-12\n\n" + body, "b.txt")
    assert dated.date == "2022-12-12"


def test_another_storys_teaser_under_its_headline_and_time_is_clutter() -> None:
    text = (
        "Shelling hits Fernpass market\n"
        "FERNPASS – Four people were killed when shells hit the market on Sunday, police said.\n"
        "The border crossing was closed for an indefinite period, officials said.\n"
        "Talks on the dam resume in Lindau 11:25 AM | 21 Nov, 2024\n"
        "LINDAU – Negotiators have conditionally agreed to resume talks on the dam more than ...\n"
        "Residents said the shelling went on until dawn.\n"
    )
    doc = text_document(text, "a.txt")
    teaser = text.index("LINDAU")
    kinds = {text[m.start : m.end][:6]: m.kind for m in doc.marks}
    assert kinds.get("LINDAU") == "clutter"
    body = _body(doc)
    assert "Residents said the shelling went on until dawn." in body
    assert not any(s.startswith("LINDAU") for s in body) and teaser > 0


def test_words_broken_at_a_hyphen_or_glued_to_an_icon_are_mended_with_every_offset_kept() -> None:
    text = "the In- ter-Services ad- ministration, pro- and anti-war"
    assert mend_words(text) == "the Inter-Services administration, pro- and anti-war"
    same = mend_words(text, same_length=True)
    assert len(same) == len(text) and same.index(",") == text.index(",")
    words = ["the", "Inter-Services", "administration", ",", "pro-", "and", "anti-war"]
    assert same.split() == words
    glued = "troops on the Durand Lineinfo-icon have been equipped"
    assert mend_words(glued) == "troops on the Durand Line have been equipped"
    assert mend_words(glued, same_length=True).split() == mend_words(glued).split()


def test_page_controls_or_a_place_and_date_line_are_no_title():
    text = "+ ↺ − 16 px\n\nFighting went on near Kesh overnight, the ministry said.\n"
    assert text_document(text, "a.txt").title == ""
    text = "KESH, Northland, July 14\n\nFighting went on near Kesh overnight, the army said.\n"
    assert text_document(text, "b.txt").title == ""
    text = "Troops clash at Kesh gate\n\nFighting went on near Kesh overnight, the army said.\n"
    assert text_document(text, "c.txt").title == "Troops clash at Kesh gate"

    # a bulleted link of the site's menu above the headline
    text = (
        "• Directory of Northland\n\nTroops clash at Kesh gate\n\n"
        "KESH (Wire) -- Fighting went on near Kesh overnight, the army said.\n"
    )
    doc = text_document(text, "d.txt")
    assert doc.title == "Troops clash at Kesh gate"
    assert _body(doc) == ["Fighting went on near Kesh overnight, the army said."]


def test_a_papers_print_edition_date_is_not_the_articles_date():
    from cleaning_corpus import PAPER_SITE

    text, _ = build(PAPER_SITE)
    doc = text_document(text, "a.txt")
    assert (doc.title, doc.date) == (
        "Child among three killed as shelling hits border villages",
        "2016-10-29",
    )


@pytest.mark.parametrize(
    "headline",
    [
        "(5th LD) Troops clash at Kesh gate",
        "UPDATE 2-Troops clash at Kesh gate",
        "(LEAD) Troops clash at Kesh gate",
    ],
)
def test_a_wires_version_mark_is_not_part_of_the_title(headline):
    text = f"{headline}\n\nKESH (Wire) -- Fighting went on near Kesh overnight, the army said.\n"
    assert text_document(text, "a.txt").title == "Troops clash at Kesh gate"


def test_a_ticker_above_the_headline_is_no_title_and_a_title_case_headline_is_one():
    # Another story's "BREAKING:" line tops the page; the headline, in title case with a
    # figure, is no run of section names ("Israel News Health & Wellness WORLD NEWS ...").
    text = (
        "BREAKING: Oil Depot in Eastern Velmar Reportedly Hit by Drone\n"
        "Northland Defense Ministry Says 24 Soldiers Missing After Border Clash With Southland"
        "\n\nKESH (Wire) - Contact was lost with 24 soldiers after the clash, the ministry said.\n"
    )
    doc = text_document(text, "a.txt")
    assert doc.title.startswith("Northland Defense Ministry Says 24 Soldiers Missing")
    assert _body(doc) == ["Contact was lost with 24 soldiers after the clash, the ministry said."]
    menu = "The Daily Ledger World News Middle East Business & Innovation Opinion Sports Culture"
    assert furniture_kind(menu)[0] == "clutter"


def test_a_wrapped_line_as_long_as_its_neighbours_is_no_heading():
    text = (
        "Firing between Northland and Southland forces first broke out\n"
        "on Sunday evening at the crossing, about 45 km (28 miles) west\n"
        "of Kesh, over the construction of a new border post on the\n"
        "Northland side.\n"
        "Major Arin Vell Dorrance was among nine Northland and six\n"
        "Southland troops who were wounded in the fighting, according to\n"
        "security officials. One Southland soldier was killed.\n"
    )
    doc = text_document(text, "wire.txt")
    body = _body(doc)
    assert any(t.startswith("Major Arin Vell Dorrance was among nine") for t in body)
    assert not any(t.startswith("Southland troops who") for t in body)


def test_a_dateline_after_a_line_taken_for_body_is_still_a_dateline():
    text = (
        "Clashes close the Kesh crossing\n\n"
        "14 Jun 2016 / 19:21 H.\n\n"
        "KESH, Southland: Northland and Southland forces clashed on Tuesday, officials said.\n\n"
        "The crossing stayed closed.\n"
    )
    doc = text_document(text, "sun.txt")
    body = _body(doc)
    assert any(t.startswith("Northland and Southland forces clashed") for t in body)
    assert doc.place == "Kesh, Southland"


def test_a_links_words_are_clutter_not_a_sentence():
    from briefer.readers.furniture import furniture_kind

    assert furniture_kind("(Read the minister’s full statement here.)")[0] == "clutter"
    assert furniture_kind("The army said its troops were here.")[0] == ""


def test_a_dateline_may_name_two_places():
    from briefer.readers.metadata import dateline_at

    found = dateline_at("KESH/VELMAR: Skirmishes went on along the border.", 0)
    assert found is not None and found.place == "Kesh/Velmar" and found.end == 13
    assert dateline_at("Northland/Southland relations are strained.", 0) is None


def test_a_header_title_keeps_the_quotation_that_ends_it():
    from briefer.readers.metadata import header_fields

    assert header_fields("Title", "Kesh 'calls ceasefire'").title == "Kesh 'calls ceasefire'"
    assert header_fields("Title", '"Kesh calls ceasefire"').title == "Kesh calls ceasefire"


def test_a_dateline_may_give_its_day_with_dots_day_first():
    from briefer.readers.metadata import dateline_at

    found = dateline_at("KESH, 17.09.2022 (Wire Agency) – Shelling went on overnight.", 0)
    assert found is not None and found.place == "Kesh"
    assert (found.meta.outlet, found.meta.date) == ("Wire Agency", "2022-09-17")


def test_a_dateline_glued_to_the_first_sentence_is_still_one():
    text = (
        "Troops clash at Kesh gate\n\nKesh (Wire)It was the worst clash in years, the army said.\n"
    )
    doc = text_document(text, "a.txt")
    assert _body(doc) == ["It was the worst clash in years, the army said."]
    assert doc.outlet == "Wire"


def test_a_newsletter_promotion_or_a_cookie_notice_is_clutter():
    promo = "Wire will soon launch Border Watch, a weekly newsletter on the frontier. Sign up here."
    assert furniture_kind(promo)[0] == "clutter"
    assert furniture_kind("We use cookies to improve our website for you.")[0] == "clutter"
    assert furniture_kind("The ministry said it would sign up new recruits.")[0] == ""
    assert furniture_kind("jane.roe@paper.example")[0] == "clutter"


def test_a_sites_notice_on_syndication_reprints_comments_or_a_captcha_is_clutter():
    for notice in (
        "(This story has not been edited by Frontier Daily staff and is auto-generated from a"
        " syndicated feed.)",
        "This copy is for your personal non-commercial use only. To order copies for"
        " distribution, contact the Wire's reprints desk.",
        "Conversations are opinions of our readers and are subject to the Code of Conduct.",
        "The Daily does not endorse these opinions.",
        "Captcha verification failed!",
    ):
        assert furniture_kind(notice)[0] == "clutter", notice
    assert furniture_kind("The ministry said the feed of refugees across the border grew.")[0] == ""
    text = (
        "Border talks resume\n\nKESH: Officials of both sides met at the Kesh gate on Monday.\n\n"
        "The talks will go on on Tuesday, the ministry said. (Only the headline and picture of"
        " this report may have been reworked by the Daily staff; the rest of the content is"
        " auto-generated from a syndicated feed.)\n"
    )
    assert _body(text_document(text, "a.txt")) == [
        "Officials of both sides met at the Kesh gate on Monday.",
        "The talks will go on on Tuesday, the ministry said.",
    ]


def test_another_storys_headline_quoting_in_single_marks_inside_the_page_is_no_body():
    text = (
        "Border talks resume\n\nKESH: Officials of both sides met at the Kesh gate on Monday.\n\n\n"
        "Velmar summons envoy, protests ‘large-scale arrest of its traders’\n\n\n"
        "The talks will go on on Tuesday, the ministry said.\n"
    )
    assert _body(text_document(text, "a.txt")) == [
        "Officials of both sides met at the Kesh gate on Monday.",
        "The talks will go on on Tuesday, the ministry said.",
    ]


def test_a_first_paragraph_a_feed_cut_its_title_from_is_body_when_it_opens_on_a_dateline():
    text = (
        "Title: KESH, September 16. /WIRE/. Northland troops shelled border villages\n\n"
        "KESH, September 16. /WIRE/. Northland troops shelled border villages on Friday, the"
        " border service said.\n\nThe shelling went on until noon, it said.\n"
    )
    assert _body(text_document(text, "a.txt")) == [
        "Northland troops shelled border villages on Friday, the border service said.",
        "The shelling went on until noon, it said.",
    ]


def test_captions_credited_the_guardians_or_reuters_way_are_no_body():
    text = (
        "Troops leave Kesh\n\n"
        "Northland troops drive near Kesh. They are to leave within three days. Photograph:"
        " Maya Orrin/AFP/Getty Images\n\nKESH: Northland troops left the town on Friday, the"
        " army said.\n\n"
        "A soldier wounded in the fighting sits on a bed at a hospital in Velmar April 13, 2031."
        "        REUTERS/ Stringer\nPowered by Wire AlertNet.\n\n"
        "The withdrawal will take three days, the army said.\n"
    )
    assert _body(text_document(text, "a.txt")) == [
        "Northland troops left the town on Friday, the army said.",
        "The withdrawal will take three days, the army said.",
    ]


def test_a_broadcasters_sign_off_is_a_credit_alone_or_after_the_lead():
    assert furniture_kind("Wire's Maya Orrin reports from Velmar.")[0] == "credit"
    assert furniture_kind("Velmar's own radio reports from the town were cut.")[0] == ""
    text = (
        "Troops sent to Kesh\n\nNorthland sent troops to the Kesh border after the raid."
        " Wire's Maya Orrin reports from Velmar.\n\nSouthland said the raid killed 17.\n"
    )
    assert _body(text_document(text, "a.txt")) == [
        "Northland sent troops to the Kesh border after the raid.",
        "Southland said the raid killed 17.",
    ]


def test_a_deck_printed_again_under_a_dateline_is_said_once():
    text = (
        "Title: Northland starts an operation in Kesh\n\nThe latest news and stories from"
        " Northland. Stay tuned for updates.\n\n"
        "President Maya Orrin said on Saturday that troops had begun an operation in Kesh.\n"
        "KESH, August 9 (Wire) - President Maya Orrin said on Saturday that troops had begun an"
        " operation in Kesh.\n\nSouthland said its forces held the line.\n"
    )
    doc = text_document(text, "a.txt")
    assert _body(doc) == [
        "President Maya Orrin said on Saturday that troops had begun an operation in Kesh.",
        "Southland said its forces held the line.",
    ]


def test_a_box_of_links_repeating_the_headline_before_a_paragraph_is_cut_off():
    text = (
        "Title: Northland says it has seized the Kesh oil field\n\n"
        "KESH (Wire) -- Northland forces have captured the Kesh oil field, its army said.\n\n"
        "Northland says it has seized the Kesh oil field - Wire Northland says it has seized the"
        " Kesh oil field - Wire Oil at the center of clashes “That is Northland,” he said."
        " Southland lodged a complaint with the United Nations on Wednesday.\n"
    )
    assert _body(text_document(text, "a.txt")) == [
        "Northland forces have captured the Kesh oil field, its army said.",
        "Southland lodged a complaint with the United Nations on Wednesday.",
    ]


def test_a_reporters_name_in_capitals_and_a_dated_posted_line_are_no_body():
    text = (
        "PETER ROE\n\nPosted: Thursday, April 21, 2022. 10:11 pm CST.\n\n"
        "Thousands of people were turned away at the border on Friday, officials said.\n"
    )
    segments = split_segments(text_document(text, "a.txt"))
    assert [s.kind for s in segments] == ["byline", "timestamp", "body"]
