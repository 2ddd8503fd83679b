"""`doingoai extract FILE`: the JSON contract on stdout and exit 0, or one Vietnamese line on stderr and exit 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from doingoai.documents.extract import CONTRACT_KEYS
from tests.documents import samples

COMMAND = [sys.executable, "-m", "doingoai.cli", "extract"]


@pytest.mark.django_db  # the command reads the reference data of the database
def test_prints_the_contract_as_json(tmp_path):
    path = tmp_path / "chuong-trinh.docx"
    path.write_bytes(samples.build_docx())
    out = StringIO()
    call_command("extract", str(path), "--db", stdout=out)
    result = json.loads(out.getvalue())
    assert tuple(result) == CONTRACT_KEYS
    assert result["document"]["province"] == "Quảng Trị"
    assert "Quảng Trị" in out.getvalue()  # Vietnamese as is, not \\u escapes


def test_an_unreadable_file_is_one_line_on_stderr_and_exit_1(tmp_path, capsys):
    path = tmp_path / "rong.txt"
    path.write_bytes(b"")
    out = StringIO()
    with pytest.raises(SystemExit) as exited:
        call_command("extract", str(path), stdout=out)
    assert exited.value.code == 1
    assert out.getvalue() == ""
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Tệp rỗng" in error


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings"}
    return subprocess.run(  # noqa: S603 - our own command
        [*COMMAND, *args], capture_output=True, text=True, timeout=120, env=environment, check=False
    )


def test_the_command_line_exit_codes_and_streams(tmp_path):
    good = tmp_path / "chuong-trinh.txt"
    good.write_text(samples.plain_text(), encoding="utf-8")
    done = _run(str(good))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["planned_counts"]["outbound_delegations"] == 5

    bad = tmp_path / "bang-tinh.xlsx"
    bad.write_bytes(samples.build_xlsx())
    failed = _run(str(bad))
    assert failed.returncode == 1
    assert failed.stdout == ""
    assert failed.stderr.strip().count("\n") == 0 and "Excel" in failed.stderr

    missing = _run(str(Path(tmp_path) / "khong-co.pdf"))
    assert missing.returncode == 1 and "Không tìm thấy" in missing.stderr


def test_extract_reads_without_starting_django(tmp_path):
    """Only reading a document: no Django, no web stack imported, and the same answer as through Django."""
    good = tmp_path / "chuong-trinh.txt"
    good.write_text(samples.plain_text(), encoding="utf-8")
    probe = (
        "import io, sys\n"
        "from doingoai.documents import command\n"
        "out = io.StringIO()\n"
        f"code = command.main([{str(good)!r}], stdout=out)\n"
        "heavy = sorted(name for name in sys.modules if name.split('.')[0] in {'django', 'openpyxl', 'pdfplumber'})\n"
        "print(code, heavy)\n"
        "print(out.getvalue())\n"
    )
    done = subprocess.run(  # noqa: S603 - our own probe
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    status, _, printed = done.stdout.partition("\n")
    assert status == "0 []"
    through_django = _run(str(good), "--db")
    assert through_django.returncode == 0, through_django.stderr
    assert json.loads(printed) == json.loads(through_django.stdout)


def test_extract_help_and_a_missing_argument_stay_in_vietnamese_and_fail():
    done = _run()
    assert done.returncode == 2 and "file" in done.stderr
    shown = _run("--help")
    assert shown.returncode == 0 and "--db" in shown.stdout and "JSON" in shown.stdout
