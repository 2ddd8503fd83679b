"""Readers: text (plain, hard-wrapped, Markdown), .docx and .pdf into one representation; DocumentError."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest

from doingoai.documents import readers
from doingoai.documents.model import Cell, DocumentError, Paragraph, Table
from doingoai.documents.readers import normalise_numbers, read, read_text
from tests.documents import samples

# Text -----------------------------------------------------------------------------------------------------


def test_plain_text_keeps_one_paragraph_per_line_and_reads_tab_tables():
    document = read(samples.plain_text().encode())
    paragraphs = document.paragraphs()
    assert paragraphs[:3] == samples.HEADER_LEFT
    assert "Công tác đối ngoại của tỉnh Quảng Trị năm 2027" in paragraphs
    assert len(document.tables()) == 1 + len(samples.APPENDICES)  # the signature block, then the appendices
    outbound = document.tables()[1]
    assert outbound.texts()[0] == samples.OUT_HEADER
    assert outbound.texts()[2][:3] == ["1", "Đoàn cấp cao tỉnh", "Đoàn đối ngoại"]


def test_a_merged_group_row_repeated_in_every_cell_is_one_group_header():
    outbound = read(samples.plain_text().encode()).tables()[1]
    group = outbound.rows[1]
    assert group == [Cell("A"), Cell(samples.APPENDICES[0].rows[0][1], span=10)]


def test_equal_neighbouring_data_cells_are_not_collapsed():
    table = read_text("\tTT\n\tA\n\tB\n\tC\n\n\t1\n\t10\n\t10\n\tLào\n").tables()[0]
    assert table.texts()[1] == ["1", "10", "10", "Lào"]


def test_tab_table_cells_continue_on_lines_without_a_tab():
    table = read_text("Mở đầu.\n\tTT\n\tNội dung\n\n\t1\n\t- Dạy tiếng\n- Giao lưu văn hóa\n\nKết thúc.\n")
    assert table.tables()[0].texts()[1] == ["1", "- Dạy tiếng\n- Giao lưu văn hóa"]
    assert table.paragraphs() == ["Mở đầu.", "Kết thúc."]


def test_markdown_pipe_tables():
    text = "# KẾ HOẠCH\n\n| TT | Tên đoàn | Nước |\n|---|---|---|\n| A | **Đoàn lãnh đạo** | **Đoàn lãnh đạo** |\n"
    document = read(text.encode(), "ke-hoach.md")
    assert document.tables()[0].rows == [
        [Cell("TT"), Cell("Tên đoàn"), Cell("Nước")],
        [Cell("A"), Cell("Đoàn lãnh đạo", 2)],
    ]


def test_hard_wrapped_text_is_joined_back_into_the_same_paragraphs():
    plain = read(samples.plain_text().encode()).paragraphs()
    wrapped = read(samples.wrapped_text().encode()).paragraphs()
    body = [paragraph for paragraph in samples.paragraphs() if paragraph not in samples.HEADER_RIGHT]
    for paragraph in body:
        expected = paragraph.replace("[1]", "").replace("134 - KH/TU", "134-KH/TU")
        assert expected in wrapped
        assert expected in plain


def test_numbers_and_ranges_broken_across_lines_are_joined_without_a_space():
    text = (
        "theo Chương trình số 1726-\n\nCTr/TU và Quyết định số 06/2020/QĐ-\n\nTTg, kỷ niệm với Trung Quốc "
        "(18/01/1950-\n\n18/01/2025) và quan hệ Việt Nam -\n\nLào được củng cố trong giai đoạn 2021-\n\n2030.\n"
    )
    (paragraph,) = read_text(text).paragraphs()
    assert "số 1726-CTr/TU" in paragraph
    assert "06/2020/QĐ-TTg" in paragraph
    assert "(18/01/1950-18/01/2025)" in paragraph
    assert "Việt Nam - Lào" in paragraph
    assert "2021-2030" in paragraph


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Kế hoạch số 134 - KH/TU", "Kế hoạch số 134-KH/TU"),
        ("số 134 -KH / TU", "số 134-KH/TU"),
        ("Nghị định 80/2020/NĐ - CP", "Nghị định 80/2020/NĐ-CP"),
        ("Kế hoạch 682/KH - UBND", "Kế hoạch 682/KH-UBND"),
        ("Công văn 1349 / BNG-CNV", "Công văn 1349/BNG-CNV"),
        ("80 / 2020 / NĐ-CP", "80/2020/NĐ-CP"),
        ("quan hệ Việt Nam - Lào", "quan hệ Việt Nam - Lào"),
        ("giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025"),
        ("Quý II - III", "Quý II - III"),
    ],
)
def test_spaced_hyphens_inside_document_numbers_are_closed(written, expected):
    assert normalise_numbers(written) == expected


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Triển khai các văn bản[1].\n[1] Nghị định số 64/2021/NĐ-CP.\n", "Triển khai các văn bản."),
        ("Triển khai các văn bản¹.\n¹ Nghị định số 64/2021/NĐ-CP.\n", "Triển khai các văn bản."),
        ("Triển khai các văn bản⁽¹⁾.\n⁽¹⁾ Nghị định số 64/2021/NĐ-CP.\n", "Triển khai các văn bản."),
    ],
)
def test_footnote_markers_leave_the_text_and_bodies_become_footnotes(text, body):
    document = read_text(text)
    assert document.paragraphs() == [body]
    assert document.footnotes == {"1": "Nghị định số 64/2021/NĐ-CP."}


def test_numbered_footnotes_below_a_separator_in_wrapped_text():
    document = read(samples.wrapped_text().encode())
    assert document.footnotes == {"1": samples.FOOTNOTE}
    assert not any(samples.FOOTNOTE in paragraph for paragraph in document.paragraphs())
    assert any(paragraph.endswith("tỉnh Udon Thani (Thái Lan).") for paragraph in document.paragraphs())


def test_a_number_glued_to_a_word_is_only_removed_when_it_is_a_footnote():
    text = "Thực hiện nhiệm vụ c2000 và hoạt động đối ngoại1.\n" + " " * 40 + "\n1 Kế hoạch số 134-KH/TU.\n"
    document = read_text(text)
    assert document.paragraphs() == ["Thực hiện nhiệm vụ c2000 và hoạt động đối ngoại."]
    assert document.footnotes == {"1": "Kế hoạch số 134-KH/TU."}


# Word --------------------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_come_in_document_order():
    document = read(samples.build_docx(), "chuong-trinh.docx")
    assert document.source == "docx"
    kinds = [type(block) for block in document.blocks]
    assert kinds[0] is Table  # the header table (issuing body | national motto)
    assert isinstance(document.blocks[1], Paragraph) and document.blocks[1].text == "CHƯƠNG TRÌNH"
    titles = [block.text for block in document.blocks if isinstance(block, Paragraph) and block.text.startswith("PHỤ")]
    assert titles == ["PHỤ LỤC 1", "PHỤ LỤC 2", "PHỤ LỤC 3", "PHỤ LỤC 4"]
    assert document.footnotes == {"1": samples.FOOTNOTE}


@pytest.mark.parametrize("merged", [True, False])
def test_docx_merged_group_rows_become_one_group_header(merged):
    outbound = read(samples.build_docx(merged=merged)).tables()[2]
    assert outbound.rows[1] == [Cell("A"), Cell(samples.APPENDICES[0].rows[0][1], span=10)]
    assert [cell.span for cell in outbound.rows[2]] == [1] * 11


def test_docx_merged_header_cells_keep_their_grid_position():
    conferences = read(samples.build_docx()).tables()[4]
    top, below = conferences.rows[0], conferences.rows[1]
    assert [(cell.text, cell.span) for cell in top][3] == ("Số lượng đại biểu", 3)
    assert [cell.text for cell in below][:4] == ["", "", "", "Người Việt Nam"]
    assert sum(cell.span for cell in top) == sum(cell.span for cell in below) == 9


# PDF ---------------------------------------------------------------------------------------------------------


def test_pdf_text_tables_and_footnotes(sample_pdf):
    document = read(sample_pdf)
    assert document.source == "pdf"
    paragraphs = document.paragraphs()
    assert paragraphs[:3] == samples.HEADER_LEFT  # the two header columns are read one after the other
    assert "CHƯƠNG TRÌNH" in paragraphs
    assert document.footnotes == {"1": samples.FOOTNOTE}
    tables = [table for table in document.tables() if table.rows and table.rows[0][0].text in ("TT", "STT")]
    assert len(tables) == len(samples.APPENDICES)
    assert tables[0].rows[1] == [Cell("A"), Cell(samples.APPENDICES[0].rows[0][1], span=10)]


# Errors ------------------------------------------------------------------------------------------------------


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ENCRYPTED_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"3 0 obj<</Filter/Standard/V 1/R 2/O<" + b"00" * 32 + b">/U<" + b"11" * 32 + b">/P -4>>endobj\n"
    b"trailer<</Root 1 0 R/Encrypt 3 0 R/ID[<" + b"22" * 16 + b"><" + b"22" * 16 + b">]>>\n%%EOF\n"
)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "rỗng"),
        (b"   \n\t \n", "rỗng"),
        (b"\x00\x01\x02binary\x00" * 50, "không phải văn bản"),
        (b"PK\x03\x04 this is not really a zip", "hỏng"),
        (_zip({"hello.txt": b"xin chao"}), "không phải là văn bản Word"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, ".doc"),
        (b"{\\rtf1\\ansi Chuong trinh}", "RTF"),
        (b"%PDF-1.4\n%%EOF garbage", "PDF"),
        (ENCRYPTED_PDF, "mật khẩu"),
        (b"12345 67890 \n 2024", "không có nội dung chữ"),
    ],
)
def test_unreadable_inputs_raise_document_error_with_a_vietnamese_reason(data, words):
    with pytest.raises(DocumentError) as caught:
        read(data, "tep-tai-len")
    assert words.lower() in str(caught.value).lower()
    assert "\n" not in str(caught.value)


def test_a_spreadsheet_is_refused_as_not_a_document():
    with pytest.raises(DocumentError, match="Excel"):
        read(samples.build_xlsx(), "chuong-trinh.docx")


def test_a_zip_bomb_is_refused_before_python_docx_opens_it():
    word = zipfile.ZipFile(io.BytesIO(samples.build_docx(footnote=False)))
    entries = {item.filename: word.read(item.filename) for item in word.infolist()}
    entries["word/media/image1.png"] = b"\x00" * (3 * 1024 * 1024)  # compresses a thousandfold
    with pytest.raises(DocumentError, match="bom nén"):
        read(_zip(entries))


def test_a_file_larger_than_the_limit_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    path = tmp_path / "lon.txt"
    path.write_text("Chương trình đối ngoại. " * 100, encoding="utf-8")
    with pytest.raises(DocumentError, match="quá lớn"):
        read(path)
    with pytest.raises(DocumentError, match="quá lớn"):
        read(path.read_bytes())


def test_missing_paths_and_folders_are_document_errors(tmp_path):
    with pytest.raises(DocumentError, match="Không tìm thấy"):
        read(tmp_path / "khong-co.docx")
    with pytest.raises(DocumentError, match="thư mục"):
        read(tmp_path)


def _cp1258(text: str) -> bytes:
    """Windows-1258 writes a toned letter as its base letter followed by a combining tone mark."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(mark for mark in decomposed if mark not in tones))
        out += (base + "".join(mark for mark in decomposed if mark in tones)).encode("cp1258")
    return out


def test_text_in_the_vietnamese_windows_code_page_is_read():
    document = read(_cp1258("Chương trình hoạt động đối ngoại năm 2025."))
    assert document.paragraphs() == ["Chương trình hoạt động đối ngoại năm 2025."]


def test_the_name_is_a_hint_the_content_decides():
    assert read(samples.build_docx(), "chuong-trinh.txt").source == "docx"
    assert read(samples.plain_text().encode(), "chuong-trinh").source == "text"
    with pytest.raises(DocumentError, match=r"đuôi \.pdf"):
        read("Chương trình đối ngoại.".encode(), "chuong-trinh.pdf")
