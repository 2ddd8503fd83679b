"""`write_appendix`: one appendix as a sheet laid out like the printed one, formulas neutralised."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from doingoai.documents.decree30 import Appendix, GroupRow
from doingoai.documents.xlsx import write_appendix


def workbook(appendix: Appendix):
    out = io.BytesIO()
    rows = write_appendix(out, appendix)
    out.seek(0)
    return rows, load_workbook(out).active


def test_titles_header_group_rows_and_numbers():
    appendix = Appendix(
        "1",
        "Kế hoạch đoàn đi nước ngoài năm 2027",
        "(Kèm theo Chương trình số 818/CTr-UBND)",
        ["TT", "Tên đoàn", "Nước"],
        [
            GroupRow("A", "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH: 02 đoàn"),
            ["Đoàn cấp cao", "Lào"],
            ["Đoàn Thường trực HĐND", "Lào"],
            GroupRow("B", "ĐOÀN CỦA CÁC SỞ: 01 đoàn"),
            ['=HYPERLINK("http://x")', "Hàn Quốc\x0b"],
        ],
        widths_cm=[1.0, 8.0, 3.0],
    )
    count, ws = workbook(appendix)
    assert count == 3
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "PHỤ LỤC 1"
    assert values[1][0] == "KẾ HOẠCH ĐOÀN ĐI NƯỚC NGOÀI NĂM 2027"
    assert values[2][0] == "(Kèm theo Chương trình số 818/CTr-UBND)"
    assert values[4] == ["TT", "Tên đoàn", "Nước"]
    assert values[5][:2] == ["A", "ĐOÀN ĐI NƯỚC NGOÀI CỦA LÃNH ĐẠO TỈNH: 02 đoàn"]
    assert values[6] == [1, "Đoàn cấp cao", "Lào"]
    assert values[7][0] == 2
    assert values[8][:2] == ["B", "ĐOÀN CỦA CÁC SỞ: 01 đoàn"]
    assert values[9][0] == 3
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:C1", "A2:C2", "A3:C3", "B6:C6", "B9:C9"} <= merged
    assert ws["B6"].font.b and ws["A5"].font.b and not ws["B7"].font.b
    assert ws["B10"].data_type == "s" and ws["B10"].value.startswith("=")  # text, never a formula
    assert ws["C10"].value == "Hàn Quốc "  # a character Excel cannot hold is replaced
    assert ws.freeze_panes == "A6"
    assert ws.page_setup.orientation == "landscape"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width


def test_two_row_header_for_column_groups():
    appendix = Appendix(
        "3",
        "Hội nghị",
        "",
        ["TT", "Tên", "Người Việt Nam", "Người nước ngoài"],
        [["Hội thảo", "150", "20"]],
        column_groups=[("", 1), ("", 1), ("Số lượng đại biểu", 2)],
    )
    count, ws = workbook(appendix)
    assert count == 1
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header_top = next(i for i, row in enumerate(values) if row[0] == "TT")
    assert values[header_top] == ["TT", "Tên", "Số lượng đại biểu", None]
    assert values[header_top + 1][2:] == ["Người Việt Nam", "Người nước ngoài"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    row = header_top + 1  # 1-based row of the top header line
    assert {f"A{row}:A{row + 1}", f"B{row}:B{row + 1}", f"C{row}:D{row}"} <= merged
    assert values[header_top + 2] == [1, "Hội thảo", "150", "20"]
