"""The Decree 30/2020/NĐ-CP writer, read back with python-docx: page set-up, fonts, header block, body, closing,
page numbers and appendices."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.documents.decree30 import (
    Appendix,
    GroupRow,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    build_document,
    format_number,
    format_place_date,
)

FONT = "Times New Roman"
OUT_COLUMNS = ["TT", "Tên đoàn", "Trưởng đoàn", "Số người", "Đến nước", "Thời gian thực hiện", "Nguồn kinh phí"]
CONFERENCE_COLUMNS = [
    "TT",
    "Tên hội nghị",
    "Người Việt Nam",
    "Người nước ngoài ở trong nước",
    "Người nước ngoài từ nước ngoài",
    "Thời gian thực hiện",
]


def outbound_rows() -> list:
    return [
        GroupRow("A", "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH: 02 đoàn"),
        ["Đoàn cấp cao của tỉnh", "Bí thư Tỉnh ủy", "10", "Lào", "Quý III", "Ngân sách tỉnh"],
        ["Đoàn Thường trực HĐND tỉnh", "Chủ tịch HĐND tỉnh", "08", "Lào", "Tháng 9", "Ngân sách tỉnh"],
        GroupRow("B", "ĐOÀN ĐI NƯỚC NGOÀI CỦA CÁC SỞ, NGÀNH: 04 đoàn"),
        GroupRow("I", "ĐOÀN ĐI NƯỚC CHDCND LÀO: 04 đoàn"),
        *[[f"Đoàn công tác số {i}", "Giám đốc Sở", "05", "Lào", "Quý II", "Ngân sách tỉnh"] for i in range(4)],
    ]


def sample(**overrides) -> OfficialDocument:
    fields = {
        "issuer_parent": "UBND tỉnh Nghệ An",
        "issuer": "Sở Ngoại vụ",
        "number": "818/CTr-UBND",
        "place": "Nghệ An",
        "date": dt.date(2022, 1, 5),
        "kind": "Chương trình",
        "title": "Hoạt động đối ngoại tỉnh Nghệ An năm 2022",
        "body": [
            Paragraph("Căn cứ chức năng, nhiệm vụ được giao, Sở Ngoại vụ ban hành Chương trình như sau:"),
            Heading("I. MỤC ĐÍCH, YÊU CẦU"),
            Paragraph("1. Bảo đảm quản lý thống nhất các hoạt động đối ngoại trên địa bàn tỉnh."),
            Heading("1. Đối ngoại Đảng", level=2),
            Heading("a) Hợp tác quốc tế", level=3),
            Paragraph("Một đoạn nhấn mạnh.", bold=True, italic=True),
            Table(["TT", "Nội dung", "Cơ quan chủ trì"], [["1", "Hội đàm cấp cao", "Sở Ngoại vụ"]]),
        ],
        "recipients": ["Bộ Ngoại giao;", "- Thường trực Tỉnh ủy", "Lưu: VT, KGVX."],
        "signature": Signature("TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch", "Nguyễn Văn An"),
        "appendices": [
            Appendix(
                "1",
                "Kế hoạch đoàn đi nước ngoài năm 2022",
                "(Kèm theo Chương trình số 818/CTr-UBND ngày 30/12/2021 của UBND tỉnh Nghệ An)",
                OUT_COLUMNS,
                outbound_rows(),
                widths_cm=[1.0, 6.0, 4.0, 2.0, 3.0, 3.0, 3.0],
            ),
            Appendix(
                "3",
                "Kế hoạch tổ chức hội nghị, hội thảo quốc tế năm 2022",
                "(Kèm theo Chương trình số 818/CTr-UBND)",
                CONFERENCE_COLUMNS,
                [["Hội thảo xúc tiến đầu tư", "150", "20", "10", "Quý III"]],
                column_groups=[("", 1), ("", 1), ("Số lượng đại biểu", 3), ("", 1)],
            ),
        ],
    }
    fields |= overrides
    return OfficialDocument(**fields)


def read(doc: OfficialDocument):
    return Document(io.BytesIO(build_document(doc)))


@pytest.fixture(scope="module")
def docx():
    return read(sample())


def runs_of(paragraphs):
    return [r for p in paragraphs for r in p.runs if r.text.strip()]


def size_of(run):
    return run.font.size


TOLERANCE = Mm(0.5)


def approx(length, target):
    return abs(int(length) - int(target)) <= int(TOLERANCE)


# ---------------------------------------------------------------- page set-up


def test_a4_portrait_then_one_landscape_section_per_appendix(docx):
    first, *appendices = docx.sections
    assert len(appendices) == 2
    assert approx(first.page_width, Mm(210)) and approx(first.page_height, Mm(297))
    assert first.orientation == WD_ORIENT.PORTRAIT
    for section in appendices:
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert approx(section.page_width, Mm(297)) and approx(section.page_height, Mm(210))
    for section in docx.sections:
        assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25)
        assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20)


def test_times_new_roman_everywhere(docx):
    normal = docx.styles["Normal"]
    assert normal.font.name == FONT
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {FONT}
    paragraphs = list(docx.paragraphs)
    for table in docx.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    for run in runs_of(paragraphs):
        assert run.font.name in (None, FONT)


# ---------------------------------------------------------------- header block


def header_cells(docx):
    table = docx.tables[0]
    return table.rows[0].cells[0], table.rows[0].cells[1], table.rows[1].cells[0], table.rows[1].cells[1]


def test_header_table_has_no_borders(docx):
    borders = docx.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_issuing_body_parent_plain_issuer_bold_with_a_short_line(docx):
    issuer, _, _, _ = header_cells(docx)
    parent, own, line = issuer.paragraphs[:3]
    assert parent.text == "UBND TỈNH NGHỆ AN"
    assert not any(r.bold for r in parent.runs)
    assert own.text == "SỞ NGOẠI VỤ" and all(r.bold for r in own.runs)
    for run in parent.runs + own.runs:
        assert Pt(12) <= size_of(run) <= Pt(13)
    assert line.text == "" and line._p.pPr.find(qn("w:pBdr")) is not None
    width = Cm(6.5) - line.paragraph_format.left_indent - line.paragraph_format.right_indent
    assert Cm(1.0) < width < Cm(4.5)  # a short line, centred under the issuing body


def test_national_motto_block_with_its_line(docx):
    _, motto, _, _ = header_cells(docx)
    first, second, line = motto.paragraphs[:3]
    assert first.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert all(r.bold for r in first.runs) and all(Pt(12) <= size_of(r) <= Pt(13) for r in first.runs)
    assert second.text == "Độc lập - Tự do - Hạnh phúc"
    assert all(r.bold for r in second.runs) and all(Pt(13) <= size_of(r) <= Pt(14) for r in second.runs)
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in (first, second))
    assert line._p.pPr.find(qn("w:pBdr")).find(qn("w:top")).get(qn("w:val")) == "single"
    width = Cm(10.0 - 2 * 0.19) - line.paragraph_format.left_indent - line.paragraph_format.right_indent
    assert Cm(5.0) < width < Cm(6.5)  # as long as "Độc lập - Tự do - Hạnh phúc" (≈ 5.7 cm at 14 pt)


def test_number_and_italic_place_and_date(docx):
    _, _, number, date = header_cells(docx)
    assert number.paragraphs[0].text == "Số: 818/CTr-UBND"
    assert all(size_of(r) == Pt(13) for r in number.paragraphs[0].runs)
    assert date.paragraphs[0].text == "Nghệ An, ngày 05 tháng 01 năm 2022"
    assert all(r.italic for r in date.paragraphs[0].runs)
    assert all(Pt(13) <= size_of(r) <= Pt(14) for r in date.paragraphs[0].runs)


@pytest.mark.parametrize(
    ("date", "text"),
    [
        (dt.date(2021, 12, 30), "Nghệ An, ngày 30 tháng 12 năm 2021"),
        (dt.date(2022, 1, 5), "Nghệ An, ngày 05 tháng 01 năm 2022"),
        (dt.date(2023, 2, 9), "Nghệ An, ngày 09 tháng 02 năm 2023"),
        (dt.date(2024, 3, 10), "Nghệ An, ngày 10 tháng 3 năm 2024"),
        (dt.date(2024, 11, 1), "Nghệ An, ngày 01 tháng 11 năm 2024"),
    ],
)
def test_leading_zeros_for_days_below_10_and_months_1_and_2(date, text):
    assert format_place_date("Nghệ An", date) == text


def test_number_without_register_number_keeps_a_blank_for_the_clerk():
    assert format_number("818/CTr-UBND", "CTr") == "Số: 818/CTr-UBND"
    assert format_number("", "CTr-UBND").endswith("/CTr-UBND")
    assert format_number("", "CTr-UBND").startswith("Số: \u00a0")
    assert format_number("25", "KH-SNgV") == "Số: 25/KH-SNgV"


# ---------------------------------------------------------------- kind, title, body


def paragraph_after_header(docx, index):
    return docx.paragraphs[index]


def test_kind_upper_case_bold_and_title_bold_centred(docx):
    kind, title = docx.paragraphs[0], docx.paragraphs[1]
    assert kind.text == "CHƯƠNG TRÌNH"
    assert all(r.bold for r in kind.runs) and all(Pt(13) <= size_of(r) <= Pt(14) for r in kind.runs)
    assert kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.text == "Hoạt động đối ngoại tỉnh Nghệ An năm 2022"
    assert all(r.bold for r in title.runs) and title.alignment == WD_ALIGN_PARAGRAPH.CENTER


def body_paragraphs(docx):
    texts = {"Căn cứ", "I. MỤC", "1. Bảo", "1. Đối", "a) Hợp", "Một đo"}
    return [p for p in docx.paragraphs if p.text[:6] in texts]


def test_body_justified_with_first_line_indent_and_space_after(docx):
    body = body_paragraphs(docx)
    assert len(body) == 6
    for p in body:
        fmt = p.paragraph_format
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert Cm(1.0) <= fmt.first_line_indent <= Cm(1.27)
        assert fmt.space_after >= Pt(6)
        assert all(Pt(13) <= size_of(r) <= Pt(14) for r in p.runs)


def test_headings_bold_and_emphasis_kept(docx):
    by_text = {p.text: p for p in docx.paragraphs}
    assert all(r.bold for r in by_text["I. MỤC ĐÍCH, YÊU CẦU"].runs)
    assert all(r.bold and r.italic for r in by_text["a) Hợp tác quốc tế"].runs)
    assert not any(
        r.bold for r in by_text["1. Bảo đảm quản lý thống nhất các hoạt động đối ngoại trên địa bàn tỉnh."].runs
    )
    assert all(r.bold and r.italic for r in by_text["Một đoạn nhấn mạnh."].runs)


def test_body_table_is_bordered_with_a_repeated_bold_header(docx):
    table = next(t for t in docx.tables if t.rows[0].cells[1].text == "Nội dung")
    assert table.rows[1].cells[1].text == "Hội đàm cấp cao"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r.bold for r in table.rows[0].cells[1].paragraphs[0].runs)


# ---------------------------------------------------------------- page numbers


def test_page_numbers_in_the_header_from_page_2(docx):
    for section in docx.sections:
        assert section.different_first_page_header_footer
        header = section.header
        assert not header.is_linked_to_previous
        assert header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
        instructions = [i.text.strip() for i in header._element.iter(qn("w:instrText"))]
        assert instructions == ["PAGE"]
        types = [f.get(qn("w:fldCharType")) for f in header._element.iter(qn("w:fldChar"))]
        assert types == ["begin", "separate", "end"]
        first = section.first_page_header
        assert not first.is_linked_to_previous
        assert not list(first._element.iter(qn("w:instrText")))  # nothing on the first page


def test_each_appendix_numbers_its_own_pages(docx):
    first, *appendices = docx.sections
    assert first._sectPr.find(qn("w:pgNumType")) is None
    for section in appendices:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


# ---------------------------------------------------------------- closing


def closing_table(docx):
    return next(t for t in docx.tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:")


def test_recipients_label_and_list(docx):
    cell = closing_table(docx).rows[0].cells[0]
    label, *items = cell.paragraphs
    assert all(r.bold and r.italic and size_of(r) == Pt(12) for r in label.runs)
    assert [p.text for p in items] == ["- Bộ Ngoại giao;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, KGVX."]
    assert all(size_of(r) == Pt(11) for p in items for r in p.runs)


def test_signature_block_upper_case_bold_with_the_name(docx):
    cell = closing_table(docx).rows[0].cells[1]
    block = cell.paragraphs[0]
    assert block.text.splitlines() == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert all(r.bold and Pt(13) <= size_of(r) <= Pt(14) for r in block.runs if r.text)
    name = cell.paragraphs[-1]
    assert name.text == "Nguyễn Văn An" and all(r.bold for r in name.runs)
    assert closing_table(docx).rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_signature_without_deputy_line():
    doc = read(sample(signature=Signature("TM. Ủy ban nhân dân", position="Chủ tịch", name="Lê Văn B")))
    cell = closing_table(doc).rows[0].cells[1]
    assert cell.paragraphs[0].text.splitlines() == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


# ---------------------------------------------------------------- appendices


def appendix_paragraphs(docx, label):
    paragraphs = docx.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == label)
    return paragraphs[start : start + 3]


def test_appendix_heading_title_and_subtitle(docx):
    number, title, subtitle = appendix_paragraphs(docx, "PHỤ LỤC 1")
    assert all(r.bold for r in number.runs)
    assert title.text == "KẾ HOẠCH ĐOÀN ĐI NƯỚC NGOÀI NĂM 2022" and all(r.bold for r in title.runs)
    assert subtitle.text.startswith("(Kèm theo Chương trình số 818/CTr-UBND")
    assert all(r.italic for r in subtitle.runs)


def appendix_table(docx, first_header):
    return next(t for t in docx.tables if t.rows[0].cells[1].text == first_header)


def test_appendix_table_bordered_with_repeated_header_group_rows_and_numbers(docx):
    table = appendix_table(docx, "Tên đoàn")
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in header.cells] == OUT_COLUMNS
    assert all(r.bold for c in header.cells for p in c.paragraphs for r in p.runs)

    rows = [r._tr for r in table.rows[1:]]
    group_rows = [tr for tr in rows if len(tr.findall(qn("w:tc"))) == 2]
    assert len(group_rows) == 3
    for tr in group_rows:
        _, merged = tr.findall(qn("w:tc"))
        assert merged.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == str(len(OUT_COLUMNS) - 1)
        assert all(r.find(qn("w:rPr")).find(qn("w:b")) is not None for r in merged.iter(qn("w:r")))
    texts = ["".join(t.text for t in tr.iter(qn("w:t"))) for tr in group_rows]
    assert texts == [
        "AĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH: 02 đoàn",
        "BĐOÀN ĐI NƯỚC NGOÀI CỦA CÁC SỞ, NGÀNH: 04 đoàn",
        "IĐOÀN ĐI NƯỚC CHDCND LÀO: 04 đoàn",
    ]
    numbers = [r.cells[0].text for r in table.rows[1:] if r.cells[0].text.isdigit()]
    assert numbers == ["1", "2", "3", "4", "5", "6"]
    data = next(r for r in table.rows if r.cells[0].text == "3")
    assert data.cells[1].text == "Đoàn công tác số 0"
    assert data._tr.trPr.find(qn("w:cantSplit")) is not None
    style = data.cells[1].paragraphs[0].style  # records take their size from a table style based on Normal
    assert style.font.size == Pt(11) and style.base_style.name == "Normal"
    assert data.cells[0].paragraphs[0].alignment is None and data.cells[0].paragraphs[0].style.name == "Bảng 11 giữa"


def test_two_row_header_for_column_groups(docx):
    table = appendix_table(docx, "Tên hội nghị")
    top, bottom = table.rows[0]._tr, table.rows[1]._tr
    assert all(tr.trPr.find(qn("w:tblHeader")) is not None for tr in (top, bottom))
    top_cells = top.findall(qn("w:tc"))
    spans = [
        int(tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val"))) if tc.tcPr.find(qn("w:gridSpan")) is not None else 1
        for tc in top_cells
    ]
    assert spans == [1, 1, 3, 1]
    group = top_cells[2]
    assert "".join(t.text for t in group.iter(qn("w:t"))) == "Số lượng đại biểu"
    restarts = [tc.tcPr.find(qn("w:vMerge")) for tc in top_cells]
    assert [r is not None for r in restarts] == [True, True, False, True]
    bottom_texts = ["".join(t.text for t in tc.iter(qn("w:t"))) for tc in bottom.findall(qn("w:tc"))]
    assert bottom_texts[2:5] == CONFERENCE_COLUMNS[2:5]
    assert table.rows[2].cells[0].text == "1" and table.rows[2].cells[2].text == "150"


def test_explicit_numbers_are_kept_and_wrong_shapes_refused():
    appendix = Appendix("2", "T", "", ["TT", "A", "B"], [["5", "x", "y"], ["z", "w"]])
    doc = read(sample(appendices=[appendix]))
    table = appendix_table(doc, "A")
    assert [r.cells[0].text for r in table.rows[1:]] == ["5", "1"]
    with pytest.raises(ValueError, match="3 columns"):
        build_document(sample(appendices=[Appendix("2", "T", "", ["TT", "A", "B"], [["only"]])]))
    with pytest.raises(ValueError, match="column_groups"):
        build_document(sample(appendices=[Appendix("2", "T", "", ["TT", "A", "B"], [], column_groups=[("G", 2)])]))


def test_document_properties_and_language(docx):
    assert docx.core_properties.title == "Chương trình Hoạt động đối ngoại tỉnh Nghệ An năm 2022"
    lang = docx.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "vi-VN"


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraph=text, cell=text, group=text, recipient=text)
def test_any_text_makes_a_readable_document(paragraph, cell, group, recipient):
    doc = sample(
        body=[Paragraph(paragraph), Heading(paragraph)],
        recipients=[recipient],
        appendices=[Appendix("1", group, group, ["TT", "A"], [GroupRow("A", group), [cell]])],
    )
    read(doc)  # python-docx parses what was written
