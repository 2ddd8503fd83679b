from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from doingoai.core import generic
from doingoai.legal import selectors, services


class LegalDocumentListView(generic.ObjectListView):
    """The list, with the documents this user opens most at hand."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["most_opened"] = selectors.most_opened(user=self.request.user)
        return ctx


class LegalDocumentDetailView(generic.ObjectDetailView):
    """Every opening of a document counts towards the user's most-opened documents."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        response = super().get(request, pk)
        if response.status_code == 200:
            services.legal_document_opened(document=self.get_queryset().get(pk=pk), user=request.user)
        return response
