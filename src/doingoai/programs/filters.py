from __future__ import annotations

import django_filters as df

from doingoai.core.filters import RegistryFilterSet
from doingoai.core.models import Unit
from doingoai.programs.models import Pillar, Program, ProgramItem, ProgramStatus


class ProgramFilterSet(RegistryFilterSet):
    status = df.ChoiceFilter(label="Trạng thái", choices=ProgramStatus.choices, empty_label="Tất cả")
    search_fields = ("title", "number", "signer_name", "note")

    class Meta:
        model = Program
        fields = ["q", "status"]


class ProgramItemFilterSet(RegistryFilterSet):
    program = df.ModelChoiceFilter(label="Chương trình", queryset=Program.objects.all(), empty_label="Tất cả")
    pillar = df.ChoiceFilter(label="Trụ cột", choices=Pillar.choices, empty_label="Tất cả")
    lead_unit = df.ModelChoiceFilter(label="Cơ quan chủ trì", queryset=Unit.objects.all(), empty_label="Tất cả")
    search_fields = ("text", "domain", "section", "progress_note")

    class Meta:
        model = ProgramItem
        fields = ["q", "program", "pillar", "lead_unit"]
