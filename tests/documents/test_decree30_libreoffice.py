"""The writer's .docx opened the way a clerk opens it: LibreOffice converts it to PDF, and the pages come out as
laid out (portrait body with numbers from page 2, landscape appendices numbered on their own)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from doingoai.documents.decree30 import (
    Appendix,
    GroupRow,
    Heading,
    OfficialDocument,
    Paragraph,
    Signature,
    build_document,
)

SOFFICE = Path("/usr/bin/soffice")
pytestmark = pytest.mark.skipif(not SOFFICE.exists(), reason="LibreOffice (/usr/bin/soffice) is not installed")

A4 = (595, 842)  # points, rounded


def document() -> OfficialDocument:
    body = [Paragraph("Căn cứ chức năng, nhiệm vụ được giao, Ủy ban nhân dân tỉnh ban hành Chương trình sau:")]
    body += [Heading("I. MỤC ĐÍCH, YÊU CẦU")]
    body += [Paragraph(f"{i}. Nhiệm vụ ngắn số {i}.") for i in range(1, 41)]
    out_rows: list = [GroupRow("A", "ĐOÀN ĐI NƯỚC CHDCND LÀO: 40 đoàn")]
    out_rows += [[f"Đoàn công tác số {i}", "Lào", "Quý II"] for i in range(1, 41)]
    return OfficialDocument(
        issuer_parent="",
        issuer="ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN",
        number="818/CTr-UBND",
        place="Nghệ An",
        date=dt.date(2021, 12, 30),
        kind="CHƯƠNG TRÌNH",
        title="Hoạt động đối ngoại tỉnh Nghệ An năm 2022",
        body=body,
        recipients=["Bộ Ngoại giao", "Lưu: VT"],
        signature=Signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"),
        appendices=[
            Appendix(
                "1",
                "Kế hoạch đoàn ra",
                "(Kèm theo Chương trình số 818/CTr-UBND)",
                ["TT", "Tên đoàn", "Nước", "Thời gian"],
                out_rows,
            ),
            Appendix(
                "2",
                "Kế hoạch đoàn vào",
                "(Kèm theo Chương trình số 818/CTr-UBND)",
                ["TT", "Tên đoàn", "Nước"],
                [["Đoàn tỉnh bạn", "Lào"]],
            ),
        ],
    )


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("soffice")
    source = folder / "chuong-trinh.docx"
    source.write_bytes(build_document(document()))
    profile = folder / "profile"  # a private LibreOffice profile: no clash with a running instance
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with pdfplumber.open(folder / "chuong-trinh.pdf") as pdf:
        pages = []
        for page in pdf.pages:
            top = page.within_bbox((0, 0, page.width, 52)).extract_text() or ""  # the top margin (20 mm = 57 pt)
            pages.append(
                {"size": (round(page.width), round(page.height)), "top": top.strip(), "text": page.extract_text()}
            )
    shutil.rmtree(profile, ignore_errors=True)
    return pages


def test_page_count_and_orientation(pdf_pages):
    sizes = [p["size"] for p in pdf_pages]
    assert sizes == [A4, A4, A4[::-1], A4[::-1], A4[::-1]]


def test_first_page_has_the_header_block_and_no_page_number(pdf_pages):
    first = pdf_pages[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first["text"]
    assert "Độc lập - Tự do - Hạnh phúc" in first["text"]
    assert "Số: 818/CTr-UBND" in first["text"]
    assert "Nghệ An, ngày 30 tháng 12 năm 2021" in first["text"]
    assert first["top"] == ""


def test_page_numbers_from_page_2_and_per_appendix(pdf_pages):
    assert pdf_pages[1]["top"] == "2"
    assert "Nơi nhận:" in pdf_pages[1]["text"] and "Nguyễn Văn An" in pdf_pages[1]["text"]
    appendix_1, appendix_1_more, appendix_2 = pdf_pages[2:]
    assert appendix_1["text"].startswith("PHỤ LỤC 1") and appendix_1["top"] == ""
    assert appendix_1_more["top"] == "2"
    assert "TT Tên đoàn" in appendix_1_more["text"]  # the header row repeats
    assert "Đoàn công tác số 40" in appendix_1_more["text"]
    assert appendix_2["text"].startswith("PHỤ LỤC 2") and appendix_2["top"] == ""
