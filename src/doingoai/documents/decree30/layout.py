"""The format of Decree 30: page, margins, fonts and sizes, and the texts written in a set way."""

from __future__ import annotations

import datetime
import re

from docx.shared import Cm, Length, Pt, Twips

FONT = "Times New Roman"
A4_SHORT, A4_LONG = Twips(11906), Twips(16838)  # 210 × 297 mm, as Word writes A4
# Margins in whole twips, rounded up so that they are never a hair below the legal minimum.
MARGIN_TOP = MARGIN_BOTTOM = Twips(1134)  # 20 mm
MARGIN_LEFT, MARGIN_RIGHT = Twips(1701), Twips(851)  # 30 mm, 15 mm
HEADER_DISTANCE = Twips(567)  # 10 mm

SIZE_HEADER = Pt(13)  # issuing body, national motto line 1, "Số: …"
SIZE_MOTTO = Pt(14)  # "Độc lập - Tự do - Hạnh phúc"
SIZE_BODY = Pt(14)  # body, kind, title, place and date, signature
SIZE_PAGE_NUMBER = Pt(13)
SIZE_RECIPIENTS_LABEL = Pt(12)
SIZE_RECIPIENTS = Pt(11)
SIZE_TABLE = Pt(12)  # tables inside the body
SIZE_APPENDIX_TABLE = Pt(11)  # landscape appendix tables (ten or more columns)

ZERO = Pt(0)
FIRST_LINE_INDENT = Cm(1.27)
SPACE_AFTER = Pt(6)
LINE_SPACING = 1.15

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

HEADER_LEFT_CM, HEADER_RIGHT_CM = 6.5, 10.0
RECIPIENTS_CM, SIGNATURE_CM = 7.5, 9.0
NUMBER_COLUMN_CM = 1.0
CELL_MARGIN_CM = 0.19  # Word's default left/right cell margin (108 twips)


def format_place_date(place: str, date: datetime.date) -> str:
    """ "Nghệ An, ngày 05 tháng 01 năm 2022": days below 10 and the months 1 and 2 take a leading zero."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def format_number(number: str, abbreviation: str) -> str:
    """ "Số: 818/CTr-UBND"; a number without "/" is completed with the abbreviation ("Số:      /CTr-UBND")."""
    number = number.strip()
    if "/" in number:
        return f"Số: {number}"
    register = number or "\u00a0" * 6
    return f"Số: {register}/{abbreviation}"


# Characters XML 1.0 cannot carry (pasted from old documents: vertical tabs, form feeds, NULs…).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters a .docx cannot hold; tabs and carriage returns become spaces or newlines."""
    return _XML_INVALID.sub(" ", (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


# Relative advance widths of Times New Roman (in ems), close enough to size the lines drawn under a text.
_NARROW = set("iljtfrI.,;:'!|()[]- ")


def text_width_cm(text: str, size: Length, bold: bool = False) -> float:
    """An estimate of the printed width of `text` (within a few per cent for Vietnamese in Times New Roman)."""
    ems = 0.0
    for ch in text:
        if ch == " ":
            ems += 0.25
        elif ch in _NARROW:
            ems += 0.3
        elif ch.isupper():
            ems += 0.72 if bold else 0.68
        elif ch.isdigit():
            ems += 0.5
        else:
            ems += 0.48 if bold else 0.46
    return ems * size.pt / 72 * 2.54
