"""Small pieces of WordprocessingML that python-docx has no API for.

Fields (PAGE, NUMPAGES), bookmarks, hyperlinks, paragraph borders, table row properties,
and a zip rewrite that makes a saved package byte-for-byte reproducible.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph


def field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader's application computes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    for element in (char("begin"), instr, char("separate")):
        paragraph.add_run()._r.append(element)
    paragraph.add_run("1")
    paragraph.add_run()._r.append(char("end"))


def bottom_border(paragraph: Paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "4"), ("color", "A6A6A6")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    p_pr = paragraph._p.get_or_add_pPr()
    tabs = p_pr.find(qn("w:tabs"))  # schema order: pStyle, keepNext..., pBdr, shd, tabs
    if tabs is not None:
        tabs.addprevious(border)
    else:
        p_pr.append(border)


def bookmark(paragraph: Paragraph, bookmark_id: int, name: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    first_content = p.pPr.getnext() if p.pPr is not None else (p[0] if len(p) else None)
    if first_content is not None:
        first_content.addprevious(start)
    else:
        p.append(start)
    p.append(end)


def hyperlink(
    paragraph: Paragraph,
    text: str,
    *,
    url: str = "",
    anchor: str = "",
    style: str = "Hyperlink",
) -> None:
    """A link to `url` (external) or to the bookmark `anchor` (inside the document)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    if url:
        rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rel_id)
    else:
        link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = paragraph.add_run(text, style=style)
    link.append(run._r)  # moves the run from the paragraph into the link
    paragraph._p.append(link)


def column_widths(table: Any, widths_mm: list[float]) -> None:
    """Fixed column widths (Word reads the grid, LibreOffice the cells: set both)."""
    from docx.shared import Mm

    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def repeat_header(row: Any) -> None:
    """Repeat the party names at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def keep_row_together(row: Any) -> None:
    """A topic row moves to the next page whole rather than splitting a statement in two."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().insert(0, OxmlElement("w:cantSplit"))


def fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same package with every entry's timestamp set to `when`: equal input, equal bytes."""
    stamp = (when.year, when.month, when.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
