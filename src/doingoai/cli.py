"""The `doingoai` command: every Django management command of the project, under one name.

`doingoai extract FILE`, `doingoai load_demo`, `doingoai runserver` … are the management commands of the apps.
`extract` only reads a document, so it is dispatched before Django starts (``documents.command``); with
``--db`` it runs as the management command, on the database's reference data.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["extract"]:
        from doingoai.documents import command

        if not command.wants_django(args[1:]):
            sys.exit(command.main(args[1:]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["doingoai", *args])


if __name__ == "__main__":
    main()
