from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html

from doingoai.core.tables import RegistryTable, StatusColumn
from doingoai.programs.models import Program, ProgramItem


class ProgramTable(RegistryTable):
    year = tables.Column(linkify=True)
    status = StatusColumn()

    class Meta(RegistryTable.Meta):
        model = Program
        fields = ("year", "number", "issued_on", "signer_name", "status", "adjustment_deadline")


class ProgramItemTable(RegistryTable):
    text = tables.Column(linkify=lambda record: record.detail_url, verbose_name="Nội dung")
    progress = tables.Column(verbose_name="Tiến độ")

    class Meta(RegistryTable.Meta):
        model = ProgramItem
        fields = ("program", "section", "text", "pillar", "lead_unit", "deadline", "progress")

    def render_text(self, value: str) -> str:
        return value if len(value) <= 160 else f"{value[:159]}…"

    def render_progress(self, value: Any) -> str:
        return format_html("{} %", value)
