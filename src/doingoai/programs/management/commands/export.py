"""`doingoai export WHAT … -o FILE`: official documents as files.

`doingoai export program 2027 -o chuong-trinh-2027.docx` writes the programme in the Decree 30 format with its
appendices; `-o phu-luc-1.xlsx --appendix 1` writes one appendix. Every kind of export is a subcommand declared
by an app in `COMMAND_EXPORTERS` of its `exports` module (see doingoai.programs.exports), so a new one, e.g.
`doingoai export report PERIOD_ID -o FILE`, needs no change here. Messages go to stderr, the file to -o.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext

from doingoai.programs.exports import Exporter, ExportError


def exporters() -> dict[str, Exporter]:
    """Every `COMMAND_EXPORTERS` entry of the installed apps' `exports` modules."""
    found: dict[str, Exporter] = {}
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "exports"):
            continue
        module = import_module(f"{config.name}.exports")
        found.update(getattr(module, "COMMAND_EXPORTERS", {}))
    return found


class Command(BaseCommand):
    help = (
        "Xuất văn bản: Chương trình hoạt động đối ngoại (.docx) và các phụ lục (.xlsx). "
        "Ví dụ: export program 2027 -o chuong-trinh-2027.docx"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        subparsers = parser.add_subparsers(dest="what", metavar=gettext("LOẠI"), required=True)
        for name, exporter in sorted(exporters().items()):
            sub = subparsers.add_parser(name, help=exporter.help, description=exporter.help)
            exporter.add_arguments(sub)

    def handle(self, *args: Any, **options: Any) -> None:
        exporter = exporters().get(options["what"])
        if exporter is None:
            raise CommandError(f"Không có loại xuất “{options['what']}”.")
        try:
            result = exporter.export(options)
        except ExportError as exc:
            raise CommandError(str(exc)) from exc
        path = Path(options.get("output") or result.filename)
        try:
            path.write_bytes(result.content)
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {path}: {exc.strerror or exc}") from exc
        for note in result.notes:
            self.stderr.write(note)
        self.stderr.write(f"Đã ghi {path} ({len(result.content):,} byte).".replace(",", "."))
