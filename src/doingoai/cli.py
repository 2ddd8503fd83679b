"""The `doingoai` command: every Django management command of the project, under one name.

`doingoai extract FILE`, `doingoai load_demo`, `doingoai runserver` … are the management commands of the apps.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["doingoai", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
