"""`doingoai reindex [app_label.model ...]`: rebuild the full-text index from the records."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext

from doingoai.search.indexing import reindex
from doingoai.search.registry import registered, spec_for


class Command(BaseCommand):
    help = "Dựng lại chỉ mục tìm kiếm toàn văn (mọi danh mục, hoặc các danh mục được nêu)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("registries", nargs="*", help=gettext("app_label.model, ví dụ delegations.delegation"))

    def handle(self, *args: Any, registries: list[str], **options: Any) -> None:
        specs = []
        for key in registries:
            spec = spec_for(key)
            if spec is None:
                known = ", ".join(s.key for s in registered())
                raise CommandError(f"Không có danh mục tìm kiếm “{key}”. Các danh mục: {known}")
            specs.append(spec)
        with transaction.atomic():
            done = reindex(specs or None)
        for key, count in done.items():
            self.stdout.write(f"{key}: {count}")
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {sum(done.values())} bản ghi."))
