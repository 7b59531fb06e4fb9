"""briefer.readers: real files of every supported kind, metadata, errors, duplicates."""

from __future__ import annotations

import datetime
import io
import json
import sys
import unicodedata
import warnings
from pathlib import Path

import pytest

from briefer.errors import InputError
from briefer.readers import load_documents
from briefer.readers.metadata import normalize_date
from briefer.split import split_sentences

ARTICLE = (
    "PESHAWAR, Pakistan — Pakistan carried out airstrikes on Tuesday on suspected hideouts "
    "of the Pakistani Taliban inside Afghanistan, four security officials said.\n"
    "The Afghan Defense Ministry condemned the strikes and said eight people died, "
    "including women and children, in the province of Paktika.\n"
)
OTHER = (
    "KABUL (Reuters) - The Taliban government summoned Pakistan's envoy on Wednesday to "
    "protest against the strikes, a spokesman for the foreign ministry said.\n"
)

# Datelines are metadata: the readers mark them as non-body (the text stays as read).
ARTICLE_BODY = ARTICLE.strip().removeprefix("PESHAWAR, Pakistan — ")
OTHER_BODY = OTHER.strip().removeprefix("KABUL (Reuters) - ")


def body(doc) -> str:
    """The document's body sentences, one per line (what later stages read)."""
    return "\n".join(s.text for s in split_sentences(doc))


def one_line(text: str) -> str:
    return " ".join(text.split())


HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Pakistan strikes Taliban hideouts in Afghanistan | Dawn</title>
<meta property="og:title" content="Pakistan strikes Taliban hideouts in Afghanistan">
<meta property="og:site_name" content="Dawn">
<meta property="article:published_time" content="2024-03-18T09:30:00+05:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<article>
<h1>Pakistan strikes Taliban hideouts in Afghanistan</h1>
<p>PESHAWAR, Pakistan — Pakistan carried out airstrikes on Monday on suspected hideouts of the
Pakistani Taliban inside Afghanistan, four security officials said on condition of anonymity.</p>
<p>The Afghan Defense Ministry condemned the strikes and said eight people died, including
women and children, in the border province of Paktika.</p>
<p>Pakistan's Foreign Office said the operation targeted militants responsible for recent
attacks on security forces, and that it respected Afghanistan's sovereignty.</p>
</article>
<footer><p>Copyright 2024 Dawn Media Group. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def input_error(paths: list, **options: float) -> str:
    """The message of the InputError that loading `paths` raises."""
    with pytest.raises(InputError) as excinfo:
        load_documents(paths, **options)
    message = str(excinfo.value)
    assert "\n" not in message
    return message


# --- plain text and Markdown ---------------------------------------------------------------


def test_text_file_marks_the_dateline_and_gets_id_path_and_place(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    (doc,) = load_documents([path])
    assert (doc.id, doc.path, doc.title, doc.place) == ("d1", str(path), "", "Peshawar, Pakistan")
    assert doc.text == ARTICLE
    assert body(doc) == ARTICLE_BODY


def test_short_first_line_without_period_becomes_the_title(tmp_path):
    path = write(tmp_path, "a.txt", "Pakistan strikes Taliban hideouts\n" + ARTICLE)
    (doc,) = load_documents([path])
    assert doc.title == "Pakistan strikes Taliban hideouts"
    assert body(doc).startswith("Pakistan carried out")


def test_dateline_gives_outlet_and_date(tmp_path):
    path = write(tmp_path, "a.txt", "KABUL, March 19, 2024 (Reuters) - The Taliban said so.\n")
    (doc,) = load_documents([path])
    assert (doc.outlet, doc.date) == ("Reuters", "2024-03-19")
    assert body(doc) == "The Taliban said so."


def test_markdown_front_matter_gives_title_outlet_date_url(tmp_path):
    text = (
        '---\ntitle: "Strikes: what we know"\nsource: Dawn\ndate: March 18, 2024\n'
        "url: https://example.org/strikes\n---\n# Strikes: what we know\n\n"
        "Officials **said** eight people died, according to [the ministry](https://mod.af).\n"
    )
    (doc,) = load_documents([write(tmp_path, "a.md", text)])
    assert (doc.title, doc.outlet, doc.date, doc.url) == (
        "Strikes: what we know",
        "Dawn",
        "2024-03-18",
        "https://example.org/strikes",
    )
    assert body(doc) == "Officials said eight people died, according to the ministry."


def test_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path, "a.txt", "\ufeffKabul said no.".encode())
    assert load_documents([path])[0].text == "Kabul said no."  # the BOM is no character


def test_cp1252_text_is_read_with_a_warning_naming_the_file(tmp_path):
    path = write(tmp_path, "old.txt", "Pakistan’s envoy said “no comment.”".encode("cp1252"))
    with pytest.warns(UnicodeWarning, match="old.txt.*cp1252"):
        (doc,) = load_documents([path])
    assert doc.text == "Pakistan’s envoy said “no comment.”"


def test_stdin_text_is_read_as_a_document(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE))
    (doc,) = load_documents(["-"])
    assert (doc.path, body(doc)) == ("-", ARTICLE_BODY)


def test_stdin_bytes_are_decoded_from_the_buffer(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(OTHER.encode())))
    assert load_documents(["-"])[0].outlet == "Reuters"


# --- HTML, DOCX, JSON ----------------------------------------------------------------------


def test_html_page_keeps_the_article_and_drops_navigation_and_footer(tmp_path):
    (doc,) = load_documents([write(tmp_path, "page.html", HTML_PAGE)])
    assert body(doc).startswith("Pakistan carried out airstrikes")
    assert "eight people died" in doc.text
    for boilerplate in ("Subscribe", "Copyright", "Privacy policy", "Home"):
        assert boilerplate not in doc.text
    assert (doc.title, doc.outlet, doc.date) == (
        "Pakistan strikes Taliban hideouts in Afghanistan",
        "Dawn",
        "2024-03-18",
    )


def test_html_keeps_the_words_of_a_link_inside_a_sentence(tmp_path):
    # A page that wraps its links in <span class="link"> (CBS News does): the link's words
    # stay in the sentence, not "the stakes are especially high for ."
    link = '<span class="link"><a href="/news/minister-profile">the foreign minister</a></span>'
    page = HTML_PAGE.replace(
        "<p>Pakistan's Foreign Office said",
        f"<p>The stakes are especially high for {link}.</p>\n<p>Pakistan's Foreign Office said",
    )
    (doc,) = load_documents([write(tmp_path, "page.html", page)])
    assert "The stakes are especially high for the foreign minister." in doc.text


def test_deeply_nested_html_is_an_input_error_not_a_crash(tmp_path):
    page = "<html><body>" + "<div>" * 50_000 + "deep" + "</div>" * 50_000 + "</body></html>"
    assert "deep.htm:" in input_error([write(tmp_path, "deep.htm", page)])


def test_docx_paragraphs_and_core_properties(tmp_path):
    import docx

    word = docx.Document()
    word.core_properties.title = "Strikes in Paktika"
    word.core_properties.created = datetime.datetime(2024, 3, 18, 8, 0)
    word.add_heading("Strikes in Paktika", level=1)
    for paragraph in ARTICLE.strip().split("\n"):
        word.add_paragraph(paragraph)
    word.save(tmp_path / "brief.docx")
    (doc,) = load_documents([tmp_path / "brief.docx"])
    assert (doc.title, doc.date) == ("Strikes in Paktika", "2024-03-18")
    assert body(doc) == ARTICLE_BODY


def test_corrupt_docx_is_an_input_error_naming_the_file(tmp_path):
    path = write(tmp_path, "broken.docx", b"PK\x03\x04 this is not really a zip archive")
    message = input_error([path])
    assert message.startswith(f"{path}: is not a readable .docx file")


def test_json_list_of_records_gives_one_document_each(tmp_path):
    records = [
        {"text": ARTICLE, "title": "Strikes", "source": "AP", "date": "2024-03-18", "url": "u"},
        {"text": OTHER, "extra": [1, 2]},
    ]
    docs = load_documents([write(tmp_path, "r.json", json.dumps(records))])
    assert [(d.id, d.title, d.outlet, d.date, d.url) for d in docs] == [
        ("d1", "Strikes", "AP", "2024-03-18", "u"),
        ("d2", "", "Reuters", "", ""),
    ]


def test_json_single_object_is_one_document(tmp_path):
    path = write(tmp_path, "one.json", json.dumps({"text": OTHER, "title": None}))
    assert body(load_documents([path])[0]) == OTHER_BODY


def test_jsonl_skips_blank_lines(tmp_path):
    content = json.dumps({"text": ARTICLE}) + "\n\n" + json.dumps({"text": OTHER}) + "\n"
    assert len(load_documents([write(tmp_path, "r.jsonl", content)])) == 2


def test_json_record_without_text_names_file_and_record_number(tmp_path):
    path = write(tmp_path, "r.json", json.dumps([{"text": ARTICLE}, {"title": "no text"}]))
    assert input_error([path]).startswith(f"{path}: record 2 has no 'text'")


def test_json_record_with_wrong_typed_field_names_the_field(tmp_path):
    path = write(tmp_path, "r.json", json.dumps([{"text": ARTICLE, "date": 20240318}]))
    assert input_error([path]).startswith(f"{path}: record 1: 'date' is a number")


def test_jsonl_bad_line_names_the_line(tmp_path):
    path = write(tmp_path, "r.jsonl", json.dumps({"text": ARTICLE}) + "\n{not json\n")
    assert input_error([path]).startswith(f"{path}: line 2 is not valid JSON")


def test_jsonl_line_that_is_not_an_object_names_the_line(tmp_path):
    path = write(tmp_path, "r.jsonl", '["text"]\n')
    assert input_error([path]).startswith(f"{path}: line 1 is a list, not an object")


def test_invalid_json_is_an_input_error(tmp_path):
    path = write(tmp_path, "r.json", '{"text": "unterminated')
    assert input_error([path]).startswith(f"{path}: is not valid JSON")


# --- paths and folders ---------------------------------------------------------------------


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden_and_unsupported(tmp_path):
    write(tmp_path, "b.txt", OTHER)
    write(tmp_path, "a/z.md", ARTICLE)
    write(tmp_path, ".hidden.txt", "Hidden text that must not be read.")
    write(tmp_path, ".git/c.txt", "Repository internals.")
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    docs = load_documents([tmp_path])
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == ["a/z.md", "b.txt"]
    assert [d.id for d in docs] == ["d1", "d2"]


def test_file_named_twice_is_read_once(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    docs = load_documents([tmp_path, path])
    assert [(d.id, d.duplicates) for d in docs] == [("d1", ())]


def test_folder_without_supported_files_is_an_input_error(tmp_path):
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    assert input_error([tmp_path]).startswith(f"{tmp_path}: holds no supported files")


def test_missing_path_is_an_input_error(tmp_path):
    path = tmp_path / "nope.txt"
    assert input_error([path]) == f"{path}: does not exist (check the path)"


def test_unsupported_suffix_named_directly_is_an_input_error(tmp_path):
    path = write(tmp_path, "a.pdf", b"%PDF-1.4")
    assert "'.pdf' files are not supported" in input_error([path])


@pytest.mark.parametrize("content", ["", "  \n\t\n  "])
def test_empty_or_blank_file_is_reported_as_empty(tmp_path, content):
    path = write(tmp_path, "blank.txt", content)
    assert input_error([path]).startswith(f"{path}: is empty")


def test_binary_file_is_an_input_error(tmp_path):
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    assert input_error([path]).startswith(f"{path}: looks binary")


def test_unreadable_file_is_an_input_error(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", ARTICLE)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    assert input_error([path]).startswith(f"{path}: cannot be read (permission denied)")


def test_file_over_the_size_limit_suggests_the_option(tmp_path):
    path = write(tmp_path, "big.txt", ARTICLE * 20)
    message = input_error([path], max_input_mb=0.001)
    assert message.startswith(f"{path}: is ") and "--max-input-mb" in message


def test_stdin_over_the_size_limit_suggests_the_option(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE * 20))
    assert "--max-input-mb" in input_error(["-"], max_input_mb=0.001)


# --- duplicates ----------------------------------------------------------------------------


def test_exact_copies_collapse_into_the_first_and_ids_stay_dense(tmp_path):
    first = write(tmp_path, "1.txt", ARTICLE)
    copy = write(tmp_path, "2.txt", ARTICLE.upper())
    other = write(tmp_path, "3.txt", OTHER)
    docs = load_documents([first, copy, other])
    assert [(d.id, d.path, d.duplicates) for d in docs] == [
        ("d1", str(first), (str(copy),)),
        ("d2", str(other), ()),
    ]


def test_near_duplicate_with_a_small_edit_is_collapsed(tmp_path):
    first = write(tmp_path, "1.txt", ARTICLE + OTHER)
    edited = (ARTICLE + OTHER).replace("Wednesday", "Wednesday evening")
    near = write(tmp_path, "2.txt", edited)
    (doc,) = load_documents([first, near])
    assert doc.duplicates == (str(near),)


def test_different_articles_on_the_same_event_are_kept(tmp_path):
    docs = load_documents([write(tmp_path, "1.txt", ARTICLE), write(tmp_path, "2.txt", OTHER)])
    assert len(docs) == 2


def test_ids_are_deterministic_across_runs(tmp_path):
    write(tmp_path, "b.txt", OTHER)
    write(tmp_path, "a.txt", ARTICLE)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_documents([tmp_path]) == load_documents([tmp_path])


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-03-18T09:30:00+05:00", "2024-03-18"),
        ("March 18, 2024", "2024-03-18"),
        ("18 Mar. 2024", "2024-03-18"),
        ("Sept. 3, 2023", "2023-09-03"),
        ("2024/3/8", "2024-03-08"),
        ("2024-13-40", ""),
        ("yesterday", ""),
    ],
)
def test_normalize_date_gives_iso_day_or_nothing(value, iso):
    assert normalize_date(value) == iso


# --- characters normalized once, for every reader (issue 16) ------------------------------


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("a\ud800b", "a\ufffdb"),  # a lone surrogate (JSON "\ud800")
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\x0bb\x0cc\x85d", "a\nb\nc\nd"),  # line-breaking controls
        ("a\x00\x01\x1b[31mb\x7f\x9bc", "a[31mbc"),  # C0, ESC, DEL, C1: dropped
        ("tab\tstays", "tab\tstays"),
        ("x\ufffey\uffff", "xy"),  # noncharacters XML refuses
        ("Cafe\u0301", "Café"),  # NFC
    ],
)
def test_normalize_characters(raw, normal):
    from briefer.readers.text import normalize_characters

    assert normalize_characters(raw) == normal


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".docx", ".html", ".md"])
def test_every_reader_normalizes_text_and_metadata(tmp_path, suffix):
    body = (
        "Officials said eight\x1b[0m people died in Paktika\x01 province, Cafe\u0301 owners said."
    )
    title = "Strikes\x1b[31m in Paktika"
    if suffix in (".json", ".jsonl"):
        data = json.dumps({"text": body + " \ud800", "title": title, "url": "https://x.org/\x07"})
        path = write(tmp_path, "a" + suffix, data)
    elif suffix == ".docx":  # XML holds no control characters at all: NFC is what is left
        import docx

        word = docx.Document()
        word.add_paragraph(body.replace("\x1b", "").replace("\x01", ""))
        word.core_properties.title = "Cafe\u0301 strikes"
        path = tmp_path / "a.docx"
        word.save(path)
    elif suffix == ".html":
        page = HTML_PAGE.replace("eight people died", "eight\x1b[0m people\x01 died, Cafe\u0301")
        path = write(tmp_path, "a.html", page)
    else:
        path = write(tmp_path, "a.md", f"---\ntitle: {title}\n---\n{body}\n")
    (doc,) = load_documents([path])
    for value in (doc.text, doc.title, doc.url):
        assert not [ch for ch in value if ord(ch) < 32 and ch not in "\t\n"], value
        assert unicodedata.is_normalized("NFC", value), value
        value.encode("utf-8")  # no lone surrogate left


def test_the_outlets_name_a_pages_title_adds_is_not_part_of_the_title() -> None:
    from briefer.readers.text import without_site_name

    assert without_site_name("Masks stolen from hospital | The Kesh Times", "Kesh Times") == (
        "Masks stolen from hospital"
    )
    assert without_site_name("Motion defeated - Northland Newsday", "Northland Newsday") == (
        "Motion defeated"
    )
    assert without_site_name("Troops clash | WIRE |", "wire.example") == "Troops clash"
    # a title's own dash stays: "... - Governor calls for calm" is no outlet
    title = "Premier arrested - Governor calls for calm - Kesh Times News"
    assert (
        without_site_name(title, "Kesh Times News") == "Premier arrested - Governor calls for calm"
    )
    assert (
        without_site_name("Strikes - Kabul says 8 killed", "Dawn")
        == "Strikes - Kabul says 8 killed"
    )


def test_hard_wrapped_wire_copy_reads_as_whole_sentences_after_a_dateline_without_its_agency(
    tmp_path,
):
    # A wire story as copied pages keep it: hard-wrapped at ~60 characters, its "(Reuters) -"
    # lost, a line cut after "and the" and one after a short clause.
    text = (
        "By Sam Reed\n"
        "KESH, Northland, June 14 A Northland military\n"
        "officer died on Tuesday after being shot by Southland forces during\n"
        "a clash at the Kesh crossing, Northland's military said.\n"
        "Northland Prime Minister Ama Reed's office in Kesh and the\n"
        "Northland military's press wing confirmed the officer's death.\n"
        "VELMAR, Oct 3 The alliance demanded an immediate halt\n"
        "to aggressive acts against Northland on Wednesday.\n"
    )
    (doc,) = load_documents([write(tmp_path, "a.txt", text)])
    assert [s.text.replace("\n", " ") for s in split_sentences(doc)] == [
        "A Northland military officer died on Tuesday after being shot by Southland forces"
        " during a clash at the Kesh crossing, Northland's military said.",
        "Northland Prime Minister Ama Reed's office in Kesh and the Northland military's press"
        " wing confirmed the officer's death.",
        "VELMAR, Oct 3 The alliance demanded an immediate halt to aggressive acts against"
        " Northland on Wednesday.",
    ]
    assert doc.place == "Kesh"


def test_a_byline_under_story_highlights_and_a_caption_above_an_agency_first_credit(tmp_path):
    # Reuters' old page shape: highlights, the byline, the dateline that opens the story; a
    # photo's caption ending on its date above "REUTERS/<photographer>".
    text = (
        "Title: Alliance demands halt to attacks on Northland\n"
        "Source: Reuters\n"
        "Date: 2012-10-03\n\n"
        "* Ambassadors hold late-night meeting to discuss the\n"
        "shelling\n"
        "* Alliance issues strong statement in support of Northland\n"
        "By Adrian Croft\n"
        "VELMAR, Oct 3 The alliance demanded an immediate halt to attacks on Northland.\n"
        "A general view shows palm trees along the main street of Northland's capital Kesh,"
        " February 20, 2016\n"
        "REUTERS/Sam Reed\n"
        "Northland said its troops returned fire at the Kesh crossing on Sunday.\n"
    )
    (doc,) = load_documents([write(tmp_path, "a.txt", text)])
    body = [s.text for s in split_sentences(doc)]
    assert "By Adrian Croft" not in body
    assert "The alliance demanded an immediate halt to attacks on Northland." in body
    assert not any("general view" in s for s in body)
    assert body[-1] == "Northland said its troops returned fire at the Kesh crossing on Sunday."


def test_a_papers_own_photo_credit_glued_after_the_caption_marks_a_caption(tmp_path):
    text = (
        "Title: Northland not far away from war: Reed\n\n"
        "Prepare for war if you wish for peace, Prime Minister Reed says amid the tension"
        " after the shelling killed five. DAILY NEWS photo, Emrah GÜREL\n\n"
        "Northland is not seeking a war, but must be prepared for war, Prime Minister Ama Reed"
        " said on Friday.\n"
    )
    (doc,) = load_documents([write(tmp_path, "a.txt", text)])
    assert [s.text for s in split_sentences(doc)] == [
        "Northland is not seeking a war, but must be prepared for war, Prime Minister Ama Reed"
        " said on Friday."
    ]
