"""A small made-up programme of another province and year, written out as text, hard-wrapped text and .docx.

The same content in every format lets the tests check that every reader leads to the same extraction. The
wording is our own; only the kind of facts (numbers, dates, names of places) follows real programmes.
"""

from __future__ import annotations

import io
import re
import textwrap
import zipfile
from dataclasses import dataclass, field

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.shared import Mm, Pt

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: 245/CTr-UBND"]
HEADER_RIGHT = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quảng Trị, ngày 20 tháng 12 năm 2026",
]

BODY = [
    "CHƯƠNG TRÌNH",
    "Công tác đối ngoại của tỉnh Quảng Trị năm 2027",
    "Căn cứ Luật Thỏa thuận quốc tế số 70/2020/QH14 ngày 13/11/2020 của Quốc hội; căn cứ Nghị định số "
    "64/2021/NĐ-CP ngày 30/6/2021 của Chính phủ; thực hiện Kết luận số 12-KL/TW ngày 12/8/2021 của Bộ Chính "
    "trị, Ủy ban nhân dân tỉnh xây dựng Chương trình công tác đối ngoại năm 2027 với các nội dung dưới đây.",
    "I. MỤC TIÊU",
    "1. Bảo đảm mọi hoạt động đối ngoại của tỉnh được quản lý thống nhất, đúng thẩm quyền và tiết kiệm.",
    "2. Gắn công tác đối ngoại với thu hút đầu tư, mở rộng thị trường và bảo vệ biên giới.",
    "II. NHIỆM VỤ CỤ THỂ",
    "1. Đối ngoại Đảng",
    "a) Duy trì trao đổi đoàn giữa Tỉnh ủy với Tỉnh ủy các tỉnh Xa Vẳn Na Khẹt và Xa La Van (Lào) theo "
    "Chỉ thị số 32-CT/TW ngày 28/02/2019 của Bộ Chính trị.",
    "b) Phối hợp với Ban Đối ngoại Trung ương đón các đoàn đảng nước ngoài đến thăm tỉnh.",
    "2. Ngoại giao Nhà nước",
    "a) Hợp tác với các địa phương nước ngoài",
    "- Ký kết bản ghi nhớ hợp tác với tỉnh Chiba (Nhật Bản) và thành phố Incheon (Hàn Quốc); củng cố quan hệ "
    "với tỉnh Chăm Pa Xắc (Lào) và tỉnh Udon Thani (Thái Lan)[1].",
    "- Làm việc với Đại sứ quán Hàn Quốc, KOICA và JICA về các dự án hỗ trợ phát triển.",
    "b) Công tác kỷ niệm các ngày lễ lớn",
    "- Tổ chức kỷ niệm 35 năm thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc và kỷ niệm 50 năm Ngày ký Hiệp "
    "ước Hữu nghị và Hợp tác Việt Nam - Lào.",
    "- Phối hợp tổ chức kỷ niệm năm chẵn quan hệ ngoại giao với Campuchia (24/6/1967-24/6/2027) và kỷ niệm "
    "40 năm thiết lập quan hệ ngoại giao Việt Nam - Bô-li-vi-a.",
    "- Tổ chức gặp mặt nhân kỷ niệm 80 năm Ngày Thương binh - Liệt sỹ (27/7/1947-27/7/2027).",
    "c) Quản lý đoàn ra, đoàn vào",
    "- Dự kiến năm 2027 tổ chức 05 đoàn ra, 03 đoàn vào sử dụng ngân sách nhà nước (Phụ lục 1, 2).",
    "- Dự kiến tổ chức 02 hội nghị, hội thảo quốc tế (Phụ lục 3) và ký kết 01 thỏa thuận quốc tế (Phụ lục 4).",
    "3. Đối ngoại nhân dân",
    "- Hội hữu nghị tỉnh tổ chức giao lưu thanh niên với tỉnh Xa Vẳn Na Khẹt theo Kế hoạch số 134 - KH/TU ngày "
    "02/11/2022 của Tỉnh ủy.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Các sở, ngành, địa phương báo cáo hằng tháng trước ngày 20 về Sở Ngoại vụ; báo cáo 6 tháng trước ngày "
    "15/6 và báo cáo năm trước ngày 15/12 gửi UBND tỉnh (qua Sở Ngoại vụ).",
    "2. Đơn vị có đoàn ra báo cáo kết quả trong vòng 15 ngày kể từ ngày về nước gửi Sở Ngoại vụ.",
    "3. Đề xuất điều chỉnh kế hoạch đoàn ra, đoàn vào gửi Sở Ngoại vụ trước ngày 31/3/2027.",
]
FOOTNOTE = "Theo Quyết định số 06/2020/QĐ-TTg ngày 21/02/2020 của Thủ tướng Chính phủ."
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Minh"]
RECIPIENTS = ["Nơi nhận:", "- Bộ Ngoại giao;", "- Lưu: VT."]

OUT_HEADER = [
    "TT", "Tên đoàn", "Danh nghĩa đoàn", "Trưởng đoàn", "Số người", "Đến nước", "Đối tác làm việc",
    "Nội dung hoạt động", "Số ngày", "Thời gian thực hiện", "Nguồn kinh phí",
]  # fmt: skip
IN_HEADER = [
    "STT", "Tên đoàn", "Danh nghĩa đoàn", "Trưởng đoàn", "Số người", "Đến từ nước", "Nội dung hoạt động",
    "Số ngày", "Thời gian thực hiện", "Nguồn kinh phí",
]  # fmt: skip


@dataclass
class Appendix:
    title: list[str]
    header: list[list[str]]  # header rows; a repeated neighbour is a merged header cell
    rows: list[list[str]] = field(default_factory=list)  # a row of two cells is a group row (marker, label)


APPENDICES = [
    Appendix(
        ["PHỤ LỤC 1", "KẾ HOẠCH ĐOÀN RA NĂM 2027", "(Kèm theo Chương trình số 245/CTr-UBND của UBND tỉnh)"],
        [OUT_HEADER],
        [
            ["A", "ĐOÀN CỦA LÃNH ĐẠO TỈNH THUỘC DIỆN BỘ CHÍNH TRỊ, BAN BÍ THƯ QUẢN LÝ: 01 đoàn"],
            ["1", "Đoàn cấp cao tỉnh", "Đoàn đối ngoại", "Bí thư Tỉnh ủy", "09 người, gồm: lãnh đạo tỉnh và các sở",
             "Lào", "Tỉnh Xa Vẳn Na Khẹt", "Hội đàm cấp cao", "04 ngày", "Quý I", "Ngân sách tỉnh"],
            ["B", "ĐOÀN CỦA LÃNH ĐẠO TỈNH: 01 đoàn"],
            ["2", "Đoàn UBND tỉnh", "Đoàn xúc tiến đầu tư", "Phó Chủ tịch UBND tỉnh", "06 người",
             "Nhật Bản, Hàn Quốc", "Tỉnh Chiba; thành phố Incheon", "Xúc tiến đầu tư", "07 ngày", "Tháng 9-10",
             "Ngân sách tỉnh"],
            ["C", "ĐOÀN CỦA CÁC SỞ, NGÀNH VÀ ĐỊA PHƯƠNG: 03 đoàn"],
            ["-", "Đoàn của Bộ Chỉ huy Bộ đội Biên phòng tỉnh: 01 đoàn"],
            ["3", "Đoàn Bộ đội Biên phòng tỉnh", "Đoàn công tác", "Chỉ huy trưởng", "05 người", "Lào",
             "Ban chỉ huy quân sự tỉnh Xa La Van", "Giao ban biên giới", "03 ngày", "Quý II, IV",
             "Kinh phí nghiệp vụ"],
            ["-", "Đoàn của các sở, ngành: 01 đoàn"],
            ["4", "Đoàn Sở Du lịch", "Đoàn xúc tiến du lịch", "Giám đốc Sở", "03 người", "Xinh-ga- po",
             "Doanh nghiệp lữ hành", "Dự hội chợ du lịch", "05 ngày", "Tháng 5", "Ngân sách tỉnh"],
            ["-", "Đoàn của các huyện: 01 đoàn"],
            ["5", "Đoàn UBND huyện Hướng Hóa", "Đoàn đối ngoại", "Chủ tịch UBND huyện", "07 người", "Lào",
             "Huyện Xê Pôn, tỉnh Xa Vẳn Na Khẹt", "Giao ban cấp huyện", "02 ngày", "Quý III", "Ngân sách huyện"],
        ],
    ),
    Appendix(
        ["PHỤ LỤC 2", "KẾ HOẠCH ĐOÀN VÀO NĂM 2027"],
        [IN_HEADER],
        [
            ["A", "ĐOÀN VÀO SỬ DỤNG NGÂN SÁCH NHÀ NƯỚC: 03 đoàn"],
            ["I", "ĐOÀN VÀO LÀM VIỆC VỚI LÃNH ĐẠO TỈNH: 02 đoàn"],
            ["1", "Đoàn tỉnh Xa Vẳn Na Khẹt", "Đoàn đối ngoại", "Tỉnh trưởng", "10-15", "Lào", "Hội đàm thường niên",
             "03 ngày", "Quý IV", "Ngân sách tỉnh"],
            ["2", "Đoàn tỉnh Chiba", "Thăm và làm việc", "Thống đốc", "08", "Nhật Bản", "Ký bản ghi nhớ",
             "03 ngày", "Tháng 11", "Ngân sách tỉnh"],
            ["II", "ĐOÀN VÀO LÀM VIỆC VỚI CÁC SỞ, BAN, NGÀNH, ĐỊA PHƯƠNG: 01 đoàn"],
            ["3", "Đoàn Công an tỉnh Xa La Van", "Nghiệp vụ", "Giám đốc Công an tỉnh", "12", "Lào",
             "Trao đổi nghiệp vụ", "04 ngày", "Quý II", "Ngân sách tỉnh"],
            ["B", "ĐOÀN VÀO KHÔNG SỬ DỤNG NGÂN SÁCH NHÀ NƯỚC: 01 đoàn"],
            ["1", "Tổ chức phi chính phủ Tầm nhìn Thế giới", "Khảo sát dự án", "Giám đốc quốc gia", "03", "Hoa Kỳ",
             "Khảo sát dự án nước sạch", "02 ngày", "6/2027", "Tự túc"],
        ],
    ),
    Appendix(
        ["PHỤ LỤC 3", "KẾ HOẠCH TỔ CHỨC HỘI NGHỊ, HỘI THẢO QUỐC TẾ NĂM 2027"],
        [
            ["TT", "Tên hội nghị, hội thảo", "Cơ quan, tổ chức nước ngoài phối hợp", "Số lượng đại biểu",
             "Số lượng đại biểu", "Số lượng đại biểu", "Thời gian", "Nguồn kinh phí", "Cơ quan cho phép"],
            ["", "", "", "Người Việt Nam", "Người nước ngoài ở trong nước", "Người nước ngoài từ nước ngoài", "", "",
             ""],
        ],
        [
            ["1", "Hội thảo xúc tiến đầu tư Nhật Bản", "JETRO", "80", "20", "15", "Quý II", "Ngân sách tỉnh",
             "Chủ tịch UBND tỉnh"],
            ["2", "Hội nghị hợp tác hành lang kinh tế Đông - Tây", "Các tỉnh Lào, Thái Lan", "100", "10", "40",
             "Tháng 8", "Ngân sách tỉnh, xã hội hóa", "Thủ tướng Chính phủ"],
        ],
    ),
    Appendix(
        ["PHỤ LỤC 4", "THỎA THUẬN QUỐC TẾ DỰ KIẾN KÝ NĂM 2027"],
        [["TT", "Cơ quan đề xuất", "Danh nghĩa ký", "Loại văn bản", "Tên văn bản", "Nước ký", "Tên đối tác",
          "Thời điểm dự kiến ký", "Dự kiến cấp ký", "Cấp có thẩm quyền phê duyệt", "Ghi chú"]],
        [
            ["1", "Sở Ngoại vụ", "UBND tỉnh", "Bản ghi nhớ", "Bản ghi nhớ hợp tác với tỉnh Chiba", "Nhật Bản",
             "Chính quyền tỉnh Chiba", "Tháng 11", "Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", ""],
        ],
    ),
]  # fmt: skip

# What the extraction must find in this programme, whatever the format.
EXPECTED_DELEGATIONS = [
    # direction, group, countries, months, state_budget, size
    ("out", "central_leaders", ["LA"], [1, 2, 3], True, 9),
    ("out", "provincial_leaders", ["JP", "KR"], [9, 10], True, 6),
    ("out", "armed_forces", ["LA"], [4, 5, 6, 10, 11, 12], True, 5),
    ("out", "departments", ["SG"], [5], True, 3),
    ("out", "districts", ["LA"], [7, 8, 9], True, 7),
    ("in", "provincial_leaders", ["LA"], [10, 11, 12], True, 10),
    ("in", "provincial_leaders", ["JP"], [11], True, 8),
    ("in", "armed_forces", ["LA"], [4, 5, 6], True, 12),
    ("in", "departments", ["US"], [6], False, 3),
]


def paragraphs() -> list[str]:
    return [*HEADER_LEFT, *HEADER_RIGHT, *BODY]


def _table_lines(appendix: Appendix) -> list[str]:
    width = len(appendix.header[0])
    lines: list[str] = []
    for row in [*appendix.header, *appendix.rows]:
        cells = row if len(row) > 2 else [row[0], *([row[1]] * (width - 1))]
        lines.extend(f"\t{cell}" for cell in cells)
        lines.append("")
    return lines


def plain_text(appendices: list[Appendix] | None = None) -> str:
    """One paragraph per line, tables one cell per tab-indented line (what copying out of Word gives)."""
    lines = [*paragraphs()]
    lines.append("")
    lines.extend(["\t" + line for line in RECIPIENTS[:1]] + RECIPIENTS[1:] + ["\t" + "\n".join(SIGNATURE)])
    for appendix in APPENDICES if appendices is None else appendices:
        lines.append(" " + appendix.title[0])
        lines.extend(appendix.title[1:])
        lines.extend(_table_lines(appendix))
    lines.append(f"[1] {FOOTNOTE}")
    return "\n".join(lines) + "\n"


def wrapped_text(width: int = 78) -> str:
    """The body as a PDF-to-text tool gives it: hard-wrapped lines with blank lines between them, a page break
    (a line starting with a space), numbers broken across lines, a footnote under a separator line."""
    out: list[str] = []
    for paragraph in paragraphs():
        paragraph = paragraph.replace("[1]", "1")
        for line in textwrap.wrap(paragraph, width, break_on_hyphens=False):
            out.extend([line + " ", ""])
    text = "\n".join(out)
    # Force the breaks that PDF extraction produces inside document numbers and date ranges.
    text = text.replace("64/2021/NĐ-CP", "64/2021/NĐ-\n\nCP", 1)
    text = text.replace("(24/6/1967-24/6/2027)", "(24/6/1967-\n\n24/6/2027)", 1)
    text = text.replace("\n\nIII. TỔ CHỨC", "\n\n" + " " * 40 + "\n\n1 " + FOOTNOTE + " \n\n III. TỔ CHỨC", 1)
    signature = "\n\n".join([*RECIPIENTS, *SIGNATURE])
    return f"{text}\n\n \n\n{signature}\n"


def _set_text(cell: object, text: str) -> None:
    cell.text = text  # type: ignore[attr-defined]


def build_docx(*, merged: bool = True, footnote: bool = True) -> bytes:
    """The programme as a .docx: header and signature tables, body paragraphs, appendix tables whose group
    rows are merged cells (or, with ``merged=False``, the same text typed into every cell)."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(13)
    header = document.add_table(rows=1, cols=2)
    _set_text(header.cell(0, 0), "\n".join(HEADER_LEFT))
    _set_text(header.cell(0, 1), "\n".join(HEADER_RIGHT))
    for text in BODY:
        paragraph = document.add_paragraph()
        if "[1]" in text and footnote:
            before, after = text.split("[1]")
            paragraph.add_run(before)
            paragraph.add_run("\uf000FOOTNOTE\uf000")  # replaced by a footnote reference below
            paragraph.add_run(after)
        else:
            paragraph.add_run(text.replace("[1]", ""))
    signature = document.add_table(rows=1, cols=2)
    _set_text(signature.cell(0, 0), "\n".join(RECIPIENTS))
    _set_text(signature.cell(0, 1), "\n".join(SIGNATURE))
    landscape = document.add_section(WD_SECTION.NEW_PAGE)
    landscape.orientation = WD_ORIENT.LANDSCAPE
    landscape.page_width, landscape.page_height = landscape.page_height, landscape.page_width
    landscape.left_margin = landscape.right_margin = Mm(15)
    document.styles["Table Grid"].font.size = Pt(9)
    for number, appendix in enumerate(APPENDICES):
        if number:
            document.add_page_break()
        for line in appendix.title:
            document.add_paragraph(line)
        width = len(appendix.header[0])
        table = document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for row in appendix.header:
            cells = table.add_row().cells
            for index, text in enumerate(row):
                _set_text(cells[index], text)
        for index, row in enumerate(appendix.header):
            for column, text in enumerate(row):
                if index and not text:  # merged with the header cell above
                    table.cell(index - 1, column).merge(table.cell(index, column))
            start = 0
            while start < width:
                end = start
                while end + 1 < width and row[start] and row[end + 1] == row[start]:
                    end += 1
                if end > start:
                    merged_cell = table.cell(index, start).merge(table.cell(index, end))
                    _set_text(merged_cell, row[start])
                start = end + 1
        for row in appendix.rows:
            cells = table.add_row().cells
            if len(row) == 2:
                _set_text(cells[0], row[0])
                if merged:
                    _set_text(cells[1].merge(cells[-1]), row[1])
                else:
                    for cell in cells[1:]:
                        _set_text(cell, row[1])
            else:
                for cell, text in zip(cells, row, strict=True):
                    _set_text(cell, text)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return _with_footnote(data) if footnote else data


_FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
    '<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def _with_footnote(data: bytes) -> bytes:
    """Add word/footnotes.xml with one footnote and point the marked run at it (python-docx cannot)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = re.sub(
                    rb"<w:r>(?:(?!<w:r>).)*?\xef\x80\x80FOOTNOTE\xef\x80\x80</w:t></w:r>",
                    b'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
                    content,
                    flags=re.S,
                )
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            elif item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", _FOOTNOTES_XML.format(text=FOOTNOTE))
    return out.getvalue()


def build_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["TT", "Tên đoàn"])  # type: ignore[union-attr]
    workbook.active.append([1, "Đoàn Sở Du lịch"])  # type: ignore[union-attr]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
