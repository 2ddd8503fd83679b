"""`doingoai extract --db FILE`: the contract of DESIGN.md, on the reference data of the database.

`doingoai extract FILE` without ``--db`` never reaches this command: ``doingoai.cli`` runs it without Django
(``documents.command``) on the shipped reference data. Here the work is the same, with the countries,
partners and diplomatic relations as the administrator keeps them (the shipped files while the tables are
empty). A file that cannot be read is one line in Vietnamese on stderr and exit 1.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from doingoai.core.selectors import reference_from_database
from doingoai.documents import command


class Command(BaseCommand):
    help = command.HELP

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=command.FILE_HELP)
        parser.add_argument("--db", action="store_true", help=command.DB_HELP)

    def handle(self, *args: Any, **options: Any) -> None:
        out, error = command.extract_file(options["file"], reference=reference_from_database)
        if error is not None:
            sys.stderr.write(error + "\n")
            sys.exit(1)
        self.stdout.write(out or "")
