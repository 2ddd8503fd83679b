from __future__ import annotations

import django_filters as df
from django.utils.translation import gettext_lazy

from doingoai.core.filters import RegistryFilterSet, year_choices
from doingoai.legal.models import KINDS, LegalDocument, LegalStatus


class LegalDocumentFilterSet(RegistryFilterSet):
    kind = df.ChoiceFilter(label=gettext_lazy("Loại văn bản"), choices=KINDS, empty_label=gettext_lazy("Tất cả"))
    year = df.ChoiceFilter(label=gettext_lazy("Năm ban hành"), choices=year_choices, empty_label=gettext_lazy("Tất cả"))
    status = df.ChoiceFilter(
        label=gettext_lazy("Hiệu lực"), choices=LegalStatus.choices, empty_label=gettext_lazy("Tất cả")
    )
    issuer = df.CharFilter(label=gettext_lazy("Cơ quan ban hành"), lookup_expr="icontains")
    search_fields = ("number", "issuer", "title", "note")

    class Meta:
        model = LegalDocument
        fields = ["q", "kind", "year", "status", "issuer"]
