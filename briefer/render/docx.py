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

from briefer.data import EMPTY_CELL, SECTION_TITLES, Briefing, SentenceRef, Statement
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
    clean,
    column_names,
    header_line,
    human_date,
    method_lines,
    row_label,
    safe_link,
    since_line,
    source_groups,
    source_head,
    source_parts,
    statement_text,
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
    add_styles(document)
    _properties(document, briefing)
    _header_footer(document, briefing)
    write_briefing(document, briefing)
    buffer = io.BytesIO()
    document.save(buffer)
    return fixed_zip(buffer.getvalue(), _created(briefing))


def write_briefing(
    document: DocxDocument, briefing: Briefing, *, level: int = 0, anchor: int = 0
) -> None:
    """Write the briefing into `document` (styled by `add_styles`): its title as the Title
    at level 0, else as a heading of `level`, its sections one level below.

    `anchor` tells the briefings of one document apart (a digest's stories, 1, 2, ...), so
    that each story's source numbers link to its own sources list."""
    _Writer(document, briefing, level, anchor).write()


class _Writer:
    """Writes the sections, in order, into the document body."""

    def __init__(
        self, document: DocxDocument, briefing: Briefing, level: int = 0, anchor: int = 0
    ) -> None:
        self.document = document
        self.briefing = briefing
        self.level = level
        self.anchor = anchor
        self.numbers = {s.number for s in briefing.sources}

    def write(self) -> None:
        briefing = self.briefing
        title = clean(briefing.title) or "Briefing"
        if self.level == 0:
            self.document.add_paragraph(title, style="Title")
        else:
            self.document.add_heading(title, level=self.level)
        self.document.add_paragraph(header_line(briefing), style="Subtitle")
        if briefing.since is not None:
            self.document.add_paragraph(since_line(briefing), style="Lede")
        if briefing.lede:
            self._statements(self.document.add_paragraph(style="Lede"), briefing.lede)
        self._table()
        self._bullets("facts", briefing.facts)
        self._bullets("other_voices", briefing.other_voices)
        if briefing.background:
            self._heading("background")
            self._statements(self.document.add_paragraph(), briefing.background)
        if briefing.since is not None:
            self._bullets("earlier", briefing.since.earlier)
        self._sources()
        self._method()

    # sections

    def _bullets(self, key: str, statements: Sequence[Statement]) -> None:
        if statements:
            self._heading(key)
            for statement in statements:
                self._statements(self.document.add_paragraph(style="List Bullet"), [statement])

    def _table(self) -> None:
        rows = self.briefing.rows
        if not rows:
            return
        self._heading("table")
        names = column_names(self.briefing)
        table = self.document.add_table(rows=1 + len(rows), cols=1 + len(names))
        table.style = self.document.styles[TABLE_STYLE]
        table.autofit = False
        text_width = self._text_width_mm()
        topic = min(TOPIC_COLUMN_MM, text_width / (len(names) + 1))
        party = (text_width - topic) / len(names)
        column_widths(table, [topic] + [party] * len(names))
        repeat_header(table.rows[0])
        for cell, text in zip(table.rows[0].cells, ["Topic", *names], strict=True):
            _cell_paragraph(cell).add_run(text)
        for row, table_row in zip(table.rows[1:], rows, strict=True):
            _cell_paragraph(row.cells[0]).add_run(row_label(table_row))
            for cell, statements in zip(row.cells[1:], table_row.cells, strict=True):
                if not statements:
                    _cell_paragraph(cell).add_run(EMPTY_CELL)
                for i, statement in enumerate(statements):
                    paragraph = _cell_paragraph(cell) if i == 0 else cell.add_paragraph()
                    self._statements(paragraph, [statement])
        for row in table.rows:
            keep_row_together(row)
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.style = self.document.styles["Table Text"]

    def _sources(self) -> None:
        if not self.briefing.sources:
            return
        self._heading("sources")
        for heading, sources in source_groups(self.briefing):
            if heading:
                self.document.add_heading(heading, level=self.level + 2)
            for source in sources:
                self._source(source)

    def _source(self, source) -> None:
        paragraph = self.document.add_paragraph(style="Source Entry")
        outlet, title, day, location = source_parts(source)
        before, title, after = source_head(outlet, title, day)
        paragraph.add_run(f"[{source.number}]\t{before}")
        if title:
            paragraph.add_run(title, style="Emphasis")
            paragraph.add_run(after)
        link = safe_link(source.url) if source.url else ""
        if link:  # only http(s): a Word link runs whatever scheme it names
            paragraph.add_run(" ")
            hyperlink(paragraph, location, url=link)
        elif location:
            paragraph.add_run(f" {location}")
        bookmark(paragraph, self.anchor * 10_000 + source.number, self._bookmark(source.number))

    def _method(self) -> None:
        self._heading("method")
        self.document.add_paragraph(NEUTRALITY_NOTE)
        for line in method_lines(self.briefing):
            self.document.add_paragraph(clean(line), style="List Bullet")

    # inline content

    def _heading(self, key: str) -> None:
        self.document.add_heading(SECTION_TITLES[key], level=self.level + 1)

    def _statements(self, paragraph: Paragraph, statements: Iterable[Statement]) -> None:
        for i, statement in enumerate(statements):
            paragraph.add_run(("" if i == 0 else " ") + statement_text(statement))
            self._refs(paragraph, statement.sources)

    def _refs(self, paragraph: Paragraph, refs: Iterable[SentenceRef]) -> None:
        """' [1, 3]', each number a link to its entry in the sources list."""
        numbers = self.briefing.source_numbers(refs)
        if not numbers:
            return
        paragraph.add_run("\u00a0[", style="Source Reference")  # keeps "[1]" with its sentence
        for i, number in enumerate(numbers):
            if i:
                paragraph.add_run(", ", style="Source Reference")
            hyperlink(
                paragraph, str(number), anchor=self._bookmark(number), style="Source Reference"
            )
        paragraph.add_run("]", style="Source Reference")

    def _bookmark(self, number: int) -> str:
        prefix = f"story{self.anchor}_" if self.anchor else ""
        return f"{prefix}source_{number}"

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


def add_styles(document: DocxDocument) -> None:
    """The styles `write_briefing` uses, added to a document built on python-docx's template."""
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
    # The line under a title (day, sources, profile) stays with what follows: a story's
    # heading and that line never sit alone at the foot of a page.
    styles["Subtitle"].paragraph_format.keep_with_next = True

    lede = styles.add_style("Lede", WD_STYLE_TYPE.PARAGRAPH)
    lede.base_style = normal
    lede.font.size = Pt(11.5)
    lede.paragraph_format.space_after = Pt(10)

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
    names = [clean(party.name) for party in briefing.parties]
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
