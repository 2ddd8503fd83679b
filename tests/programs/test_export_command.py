"""`doingoai export program YEAR -o FILE`: the programme as .docx, one appendix as .xlsx, clear refusals."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document
from openpyxl import load_workbook

from doingoai.delegations.models import DelegationStatus
from doingoai.programs.management.commands.export import exporters
from tests.factories import DelegationFactory
from tests.programs.factories import ProgramFactory, ProgramItemFactory

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    err = io.StringIO()
    call_command("export", *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def test_exporters_are_found_in_the_apps():
    assert "program" in exporters()


def test_programme_with_its_tree(tmp_path):
    program = ProgramFactory(year=2027, number="818/CTr-UBND", status="issued")
    ProgramItemFactory(plan=program, section="I", text="MỤC ĐÍCH, YÊU CẦU")
    DelegationFactory(year=2027, status=DelegationStatus.IN_PLAN, name="Đoàn xúc tiến")
    target = tmp_path / "ct.docx"
    messages = run("program", "2027", "-o", str(target))
    assert f"Đã ghi {target}" in messages and "soạn tự động" not in messages
    doc = Document(str(target))
    texts = [p.text for p in doc.paragraphs]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "PHỤ LỤC 1" in texts
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    assert "Đoàn xúc tiến" in cells and "Số: 818/CTr-UBND" in cells


def test_a_year_without_programme_is_exported_with_a_generated_body(tmp_path):
    DelegationFactory(year=2031, status=DelegationStatus.IN_PLAN, name="Đoàn năm 2031")
    target = tmp_path / "ct-2031.docx"
    messages = run("program", "2031", "-o", str(target))
    assert "Chưa có Chương trình năm 2031" in messages
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert "- Dự kiến năm 2031 có 01 đoàn ra và 00 đoàn vào (Phụ lục 1, Phụ lục 2)." in texts


def test_programme_without_items_says_so(tmp_path):
    ProgramFactory(year=2028)
    assert "chưa có nhiệm vụ nào" in run("program", "2028", "-o", str(tmp_path / "x.docx"))


def test_one_appendix_as_xlsx(tmp_path):
    DelegationFactory(year=2027, status=DelegationStatus.IN_PLAN, name="Đoàn xúc tiến")
    target = tmp_path / "pl1.xlsx"
    run("program", "2027", "-o", str(target), "--appendix", "1")
    values = {c.value for row in load_workbook(target).active.iter_rows() for c in row}
    assert "Đoàn xúc tiến" in values and "PHỤ LỤC 1" in values


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("program", "2027", "-o", "x.xlsx"), "--appendix"),
        (("program", "2027", "-o", "x.pdf"), ".pdf"),
        (("program", "2027", "-o", "x.docx", "--appendix", "2"), ".xlsx"),
        (("program", "1200", "-o", "x.docx"), "Năm không hợp lệ"),
    ],
)
def test_refusals_are_clear(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not list(tmp_path.iterdir())


def test_unwritable_target(tmp_path):
    with pytest.raises(CommandError, match="Không ghi được tệp"):
        run("program", "2027", "-o", str(tmp_path / "no-such-folder" / "x.docx"))
