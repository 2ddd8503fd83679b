"""Official documents in the format of Decree 30/2020/NĐ-CP (Annex I), written with python-docx. No Django.

`build_document(OfficialDocument(...))` returns the bytes of a .docx that opens cleanly in Word and LibreOffice:
A4 portrait, margins 20/20/30/15 mm, Times New Roman; the two-column header (issuing body with its short line,
national motto with its line, "Số: …", place and date in italics); document kind and title; justified body
with a first-line indent; page numbers centred in the top margin from page 2 (a PAGE field in the header of a
section with a different first page); "Nơi nhận" beside the signature block; then each appendix in its own
landscape section, with its own page numbers, a bordered table whose header repeats on every page, merged group
rows ("A", "ĐOÀN … : 04 đoàn") and numbered rows.
"""

from __future__ import annotations

from doingoai.documents.decree30.layout import format_number, format_place_date
from doingoai.documents.decree30.model import Appendix, GroupRow, Heading, OfficialDocument, Paragraph, Signature, Table
from doingoai.documents.decree30.writer import build_document

__all__ = [
    "Appendix",
    "GroupRow",
    "Heading",
    "OfficialDocument",
    "Paragraph",
    "Signature",
    "Table",
    "build_document",
    "format_number",
    "format_place_date",
]
