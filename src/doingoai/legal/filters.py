from __future__ import annotations

import django_filters as df

from doingoai.core.filters import RegistryFilterSet, year_choices
from doingoai.legal.models import KINDS, LegalDocument, LegalStatus


class LegalDocumentFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(label="Loại văn bản", choices=KINDS, empty_label="Tất cả")
    year = df.ChoiceFilter(label="Năm ban hành", choices=year_choices, empty_label="Tất cả")
    status = df.ChoiceFilter(label="Hiệu lực", choices=LegalStatus.choices, empty_label="Tất cả")
    issuer = df.CharFilter(label="Cơ quan ban hành", lookup_expr="icontains")
    search_fields = ("number", "issuer", "title", "note")

    class Meta:
        model = LegalDocument
        fields = ["q", "kind", "year", "status", "issuer"]
