"""The briefing as a Word document fit to attach to an email.

Every string from the briefing reaches the document through `clean` (one printable line:
XML refuses control characters) and links only through `safe_link` (http and https).

Built with python-docx (imported here, not at `import briefer`) on its default template:
real styles (Title, Heading 1/2, List Bullet, a table style), source numbers linked to
bookmarks on the sources list, a header with title and date, page numbers in the footer.
The bytes are deterministic: fixed zip timestamps, dates taken from the briefing.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from briefer.data import Briefing, Claim, SentenceRef, SummarySentence
from briefer.errors import UsageError
from briefer.render._ooxml import (
    bookmark,
    bottom_border,
    column_widths,
    field,
    fixed_zip,
    hyperlink,
    keep_row_together,
    repeat_header,
)
from briefer.render.common import (
    NEUTRALITY_NOTE,
    SECTION_TITLES,
    claim_refs,
    claim_text,
    clean,
    human_date,
    method_lines,
    ordered_positions,
    party_names,
    position_note,
    safe_link,
    source_parts,
    topic_rows,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

PAGE_SIZES = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}  # millimetres
MARGIN_MM = 20.0
TOPIC_COLUMN_MM = 26.0
TABLE_STYLE = "Light Grid Accent 1"
ACCENT = "1F4E79"


def render_docx(briefing: Briefing, *, page_size: str = "A4") -> bytes:
    """The briefing as .docx bytes on A4 or Letter paper (`page_size`, case-insensitive)."""
    size = PAGE_SIZES.get(page_size.strip().upper())
    if size is None:
        raise UsageError(f"--page-size {page_size}: unknown page size (use A4 or Letter)")
    import docx

    document = docx.Document()
    _page(document, size)
    _styles(document)
    _properties(document, briefing)
    _header_footer(document, briefing)
    _Writer(document, briefing).write()
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue(), _created(briefing))


class _Writer:
    """Writes the sections, in order, into the document body."""

    def __init__(self, document: DocxDocument, briefing: Briefing) -> None:
        self.document = document
        self.briefing = briefing
        self.names = {key: clean(name) for key, name in party_names(briefing).items()}
        self.numbers = {s.number for s in briefing.sources}

    def write(self) -> None:
        briefing = self.briefing
        self.document.add_paragraph(clean(briefing.title) or "Briefing", style="Title")
        self.document.add_paragraph(self._date_line(), style="Subtitle")
        self._prose("summary", briefing.summary)
        self._bullet_section("key_facts", [[s] for s in briefing.key_facts])
        self._positions()
        self._disputes()
        if briefing.other_voices:
            self._heading("other_voices")
            for claim in briefing.other_voices:
                self._claims(self.document.add_paragraph(style="List Bullet"), [claim])
        self._prose("background", briefing.background)
        self._sources()
        self._method()

    # sections

    def _prose(self, key: str, sentences: Sequence[SummarySentence]) -> None:
        if sentences:
            self._heading(key)
            self._sentences(self.document.add_paragraph(), sentences)

    def _bullet_section(self, key: str, items: Sequence[Sequence[SummarySentence]]) -> None:
        if items:
            self._heading(key)
            for sentences in items:
                self._sentences(self.document.add_paragraph(style="List Bullet"), sentences)

    def _positions(self) -> None:
        positions = ordered_positions(self.briefing)
        if not positions:
            return
        self._heading("positions")
        rows = topic_rows(positions)
        if rows:
            self._table(positions, rows)
        for position in positions:
            self.document.add_heading(clean(position.name), level=2)
            if position.summary:
                self._sentences(self.document.add_paragraph(), position.summary)
            else:  # no paragraph to show: list the statements rather than leave a bare heading
                for claim in position.claims:
                    self._claims(self.document.add_paragraph(style="List Bullet"), [claim])
            note = position_note(position)
            if note:
                self.document.add_paragraph().add_run(note, style="Emphasis")

    def _table(self, positions, rows) -> None:
        table = self.document.add_table(rows=1 + len(rows), cols=1 + len(positions))
        table.style = self.document.styles[TABLE_STYLE]
        table.autofit = False
        text_width = self._text_width_mm()
        topic = min(TOPIC_COLUMN_MM, text_width / (len(positions) + 1))
        party = (text_width - topic) / len(positions)
        column_widths(table, [topic] + [party] * len(positions))
        repeat_header(table.rows[0])
        header = ["Topic", *(clean(p.name) for p in positions)]
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            _cell_paragraph(cell).add_run(text)
        for row, topic_row in zip(table.rows[1:], rows, strict=True):
            _cell_paragraph(row.cells[0]).add_run(topic_row.topic)
            cells = zip(row.cells[1:], positions, topic_row.cells, strict=True)
            for cell, position, claims in cells:
                if claims:
                    for i, claim in enumerate(claims):
                        paragraph = _cell_paragraph(cell) if i == 0 else cell.add_paragraph()
                        paragraph.style = self.document.styles["Table Text"]
                        self._claims(paragraph, [claim])
                elif not position.claims and topic_row is rows[0]:
                    _cell_paragraph(cell).add_run(position_note(position), style="Emphasis")
                else:
                    _cell_paragraph(cell).add_run("—")
        for row in table.rows:
            keep_row_together(row)
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.style = self.document.styles["Table Text"]

    def _disputes(self) -> None:
        if not self.briefing.disputes:
            return
        self._heading("disputes")
        for dispute in self.briefing.disputes:
            point = clean(dispute.point)
            self.document.add_heading(point[:1].upper() + point[1:], level=2)
            for side in dispute.sides:
                paragraph = self.document.add_paragraph(style="List Bullet")
                name = self.names.get(side.party) or clean(side.party)
                paragraph.add_run(name + ":", style="Strong")
                paragraph.add_run(" ")
                if side.claims:
                    self._claims(paragraph, side.claims)
                else:
                    paragraph.add_run("No statement.")

    def _sources(self) -> None:
        if not self.briefing.sources:
            return
        self._heading("sources")
        for bookmark_id, source in enumerate(sorted(self.briefing.sources, key=lambda s: s.number)):
            paragraph = self.document.add_paragraph(style="Source Entry")
            title, details, location = source_parts(source)
            paragraph.add_run(f"[{source.number}]\t")
            paragraph.add_run(title, style="Emphasis")
            paragraph.add_run(f". {details}." if details else ".")
            link = safe_link(source.url) if source.url else ""
            if link:  # only http(s): a Word link runs whatever scheme it names
                paragraph.add_run(" ")
                hyperlink(paragraph, location, url=link)
            elif location:
                paragraph.add_run(f" {location}")
            bookmark(paragraph, bookmark_id + 1, _bookmark_name(source.number))

    def _method(self) -> None:
        self._heading("method")
        self.document.add_paragraph(NEUTRALITY_NOTE)
        for line in method_lines(self.briefing):
            self.document.add_paragraph(clean(line), style="List Bullet")

    # inline content

    def _heading(self, key: str) -> None:
        self.document.add_heading(SECTION_TITLES[key], level=1)

    def _date_line(self) -> str:
        parts = [human_date(self.briefing.date)] if self.briefing.date else []
        count = len(self.briefing.sources)
        parts.append(f"{count} source{'s' if count != 1 else ''}")
        if self.briefing.run.profile:
            parts.append(f"profile {self.briefing.run.profile}")
        return clean(" · ".join(parts))

    def _sentences(self, paragraph: Paragraph, sentences: Iterable[SummarySentence]) -> None:
        for i, sentence in enumerate(sentences):
            paragraph.add_run(("" if i == 0 else " ") + clean(sentence.text))
            self._refs(paragraph, sentence.sources)

    def _claims(self, paragraph: Paragraph, claims: Iterable[Claim]) -> None:
        for i, claim in enumerate(claims):
            paragraph.add_run(("" if i == 0 else " ") + claim_text(claim))
            self._refs(paragraph, claim_refs(claim))

    def _refs(self, paragraph: Paragraph, refs: Iterable[SentenceRef]) -> None:
        """' [1, 3]', each number a link to its entry in the sources list."""
        numbers = self.briefing.source_numbers(refs)
        if not numbers:
            return
        paragraph.add_run("\u00a0[", style="Source Reference")  # keeps "[1]" with its sentence
        for i, number in enumerate(numbers):
            if i:
                paragraph.add_run(", ", style="Source Reference")
            hyperlink(paragraph, str(number), anchor=_bookmark_name(number),
                       style="Source Reference")
        paragraph.add_run("]", style="Source Reference")

    def _text_width_mm(self) -> float:
        section = self.document.sections[0]
        return (section.page_width - section.left_margin - section.right_margin) / 36000


# document set-up


def _page(document: DocxDocument, size: tuple[float, float]) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(size[0]), Mm(size[1])
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin = section.bottom_margin = Mm(MARGIN_MM)
    section.header_distance = section.footer_distance = Mm(10)


def _styles(document: DocxDocument) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Mm, Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1
    styles["Title"].font.size = Pt(24)
    styles["Heading 1"].paragraph_format.space_before = Pt(16)
    styles["Heading 2"].paragraph_format.space_before = Pt(10)
    styles["List Bullet"].paragraph_format.space_after = Pt(3)

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(3)
    table_text.paragraph_format.line_spacing = 1.0

    entry = styles.add_style("Source Entry", WD_STYLE_TYPE.PARAGRAPH)
    entry.base_style = normal
    entry.font.size = Pt(9.5)
    entry.paragraph_format.left_indent = Mm(9)
    entry.paragraph_format.first_line_indent = Mm(-9)
    entry.paragraph_format.tab_stops.add_tab_stop(Mm(9))
    entry.paragraph_format.space_after = Pt(3)

    reference = styles.add_style("Source Reference", WD_STYLE_TYPE.CHARACTER)
    reference.font.color.rgb = RGBColor.from_string(ACCENT)

    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8.5)
        styles[name].font.color.rgb = RGBColor.from_string("595959")

    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor.from_string("0563C1")
    link.font.underline = True


def _properties(document: DocxDocument, briefing: Briefing) -> None:
    names = [clean(p.name) for p in briefing.parties] or [clean(p.name) for p in briefing.positions]
    created = _created(briefing)
    props = document.core_properties
    props.title = _property(briefing.title)
    props.subject = _property(
        "Neutral briefing" + (f": positions of {', '.join(names)}" if names else "")
    )
    props.author = "briefer"
    props.last_modified_by = "briefer"
    props.keywords = _property("; ".join(["briefing", *names]))
    props.comments = f"Generated by briefer {briefing.run.briefer_version}"
    props.category = "Briefing"
    props.created = props.modified = created
    props.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # the template's picture of an empty page
            del package.rels[rel_id]


def _header_footer(document: DocxDocument, briefing: Briefing) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm

    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    tabs = header.paragraph_format.tab_stops
    for position in (4680, 9360):  # the template's Letter-width tab stops, in twips
        tabs.add_tab_stop(Mm(position * 25.4 / 1440), WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    header.add_run(clean(briefing.title))
    if briefing.date:
        header.add_run("\t" + clean(human_date(briefing.date)))
    bottom_border(header)

    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    field(footer, "PAGE")
    footer.add_run(" of ")
    field(footer, "NUMPAGES")


def _property(text: str, limit: int = 255) -> str:
    """A core property: one clean line of at most 255 characters (python-docx refuses more)."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut) + "…"


def _bookmark_name(number: int) -> str:
    return f"source_{number}"


def _cell_paragraph(cell: _Cell) -> Paragraph:
    return cell.paragraphs[0]


def _created(briefing: Briefing) -> datetime:
    """The document date: the briefing's day (or its run's), else today, at 00:00 UTC."""
    for candidate in (briefing.date, briefing.run.date):
        try:
            day = date.fromisoformat(candidate)
        except ValueError:
            continue
        if day.year >= 1980:  # zip timestamps cannot go earlier
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
    today = datetime.now(UTC).date()
    return datetime(today.year, today.month, today.day, tzinfo=UTC)

