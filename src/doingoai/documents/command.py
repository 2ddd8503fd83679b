"""`doingoai extract FILE` without Django: read, extract, print the JSON contract of DESIGN.md.

The command only reads a document, so it neither starts Django nor imports the web stack: ``doingoai.cli``
sends ``extract`` here before ``django.setup`` (start-up drops from seconds to a few hundredths). The reference
data are then the shipped CSV files, the same rows ``load_refdata`` puts in the database; ``--db`` goes through
Django instead and uses the database's rows, as an administrator has corrected them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import IO, Any

HELP = "In ra nội dung một chương trình, kế hoạch, thông báo (.docx, .pdf, .txt) theo định dạng JSON."
FILE_HELP = "Đường dẫn tệp văn bản (.docx, .pdf, .txt, .md)"
DB_HELP = (
    "dùng dữ liệu tham chiếu (quốc gia, đối tác, quan hệ ngoại giao) trong cơ sở dữ liệu (khởi động Django, chậm hơn)"
)


def wants_django(argv: list[str]) -> bool:
    """Whether an ``extract`` command line asks for the database's reference data."""
    return "--db" in argv


def extract_file(path: str, reference: Callable[[], Any] | None = None) -> tuple[str | None, str | None]:
    """(JSON text, None) for a readable file, (None, one-line Vietnamese error) otherwise.

    ``reference`` gives the reference data, asked only once the file has been read (default: shipped files).
    """
    from doingoai.documents.extract import extract
    from doingoai.documents.model import DocumentError
    from doingoai.documents.readers import read

    try:
        document = read(path)
    except DocumentError as exc:
        return None, f"{path}: {exc}"
    result = extract(document, reference=reference() if reference else None)
    return json.dumps(result, ensure_ascii=False, indent=2), None


def main(argv: list[str], stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run ``extract FILE`` (``argv`` without the program name and without "extract"); the exit code."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = argparse.ArgumentParser(prog="doingoai extract", description=HELP)
    parser.add_argument("file", help=FILE_HELP)
    parser.add_argument("--db", action="store_true", help=DB_HELP)
    options = parser.parse_args(argv)
    out, error = extract_file(options.file)
    if error is not None:
        stderr.write(error + "\n")
        return 1
    stdout.write(f"{out}\n")
    return 0
