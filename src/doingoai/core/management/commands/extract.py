"""`doingoai extract FILE`: print what a programme, plan or notice says, as the JSON contract of DESIGN.md.

Reads .docx, .pdf or text (judged by content), writes one JSON object to stdout and exits 0; for a file that
cannot be read it writes one line in Vietnamese to stderr and exits 1. The work is done by the Django-free
``documents`` package; this command only connects it to the command line and to the reference data of the
database (countries, partners, diplomatic relations as the administrator keeps them; the shipped files while
the tables are empty).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doingoai.core.selectors import reference_from_database
from doingoai.documents.extract import extract
from doingoai.documents.model import DocumentError
from doingoai.documents.readers import read


class Command(BaseCommand):
    help = "In ra nội dung một chương trình, kế hoạch, thông báo (.docx, .pdf, .txt) theo định dạng JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Đường dẫn tệp văn bản (.docx, .pdf, .txt, .md)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            document = read(options["file"])
        except DocumentError as exc:
            sys.stderr.write(f"{options['file']}: {exc}\n")
            sys.exit(1)
        data = extract(document, reference=reference_from_database())
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
