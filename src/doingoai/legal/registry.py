"""The register of legal bases (văn bản căn cứ)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext, pgettext_lazy

from doingoai.core.registry import Api, Menu, Registry, Search, register
from doingoai.legal import filters, forms, selectors, tables, views
from doingoai.legal.models import LegalDocument


@register
class LegalDocumentRegistry(Registry):
    model = LegalDocument
    path = "documents/"
    queryset = LegalDocument.objects.select_related("replaced_by")
    form = forms.LegalDocumentForm
    filterset = filters.LegalDocumentFilterSet
    table = tables.LegalDocumentTable
    list_view = views.LegalDocumentListView
    detail_view = views.LegalDocumentDetailView
    list_buttons_template = "legal/_most_opened.html"
    detail_template = "legal/_legaldocument_extra.html"
    detail_fields = ["kind", "number", "year", "issued_on", "issuer", "title", "status", "replaced_by", "url", "note"]
    paginate_by = 50
    menu = Menu("reference", pgettext_lazy("menu", "Văn bản căn cứ"), order=60, divider_before=True)
    search = Search(fields=["kind", "number", "issuer", "title", "note"], order=75)
    api = Api("legal-documents")

    def detail_context(self, obj: LegalDocument, request: Any) -> dict[str, Any]:
        return {
            "citing": selectors.citing_records(document=obj, user=request.user),
            "replaces": list(obj.replaces.all()),
        }

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any] | None:
        return {
            "kind": gettext("Nghị định"),
            "number": f"{80 + n}/2020/NĐ-CP",
            "issued_on": dt.date(2020, 7, 11),
            "issuer": gettext("Chính phủ"),
            "title": gettext("Quản lý và sử dụng viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức"),
        }
