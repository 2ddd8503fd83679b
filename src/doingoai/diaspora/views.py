"""Views of the diaspora registries (the Decree 13/2023 views they configure are in `persons.views`)."""

from __future__ import annotations

from typing import Any, ClassVar

from doingoai.core import generic
from doingoai.diaspora import filters, forms, selectors, tables
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons.views import (
    PersonalDataDetailView,
    PersonalDataEditView,
    PersonalDataEraseView,
    PersonalDataExportView,
    PersonalDataListView,
)

# --- overseas Vietnamese

PERSONS = OverseasVietnamese.objects.select_related("country", "association", "recording_unit")


class OverseasVietnameseListView(PersonalDataListView):
    queryset = PERSONS
    filterset_class = filters.OverseasVietnameseFilterSet
    table_class = tables.OverseasVietnameseTable


class OverseasVietnameseDetailView(PersonalDataDetailView):
    queryset = PERSONS


class OverseasVietnameseEditView(PersonalDataEditView):
    queryset = OverseasVietnamese.objects.all()
    form_class = forms.OverseasVietnameseForm


class OverseasVietnameseExportView(PersonalDataExportView):
    queryset: ClassVar = OverseasVietnamese.objects.all()


class OverseasVietnameseEraseView(PersonalDataEraseView):
    queryset: ClassVar = OverseasVietnamese.objects.all()


# --- associations

ASSOCIATIONS = DiasporaAssociation.objects.select_related("country")


class DiasporaAssociationListView(generic.ObjectListView):
    queryset = ASSOCIATIONS
    filterset_class = filters.DiasporaAssociationFilterSet
    table_class = tables.DiasporaAssociationTable


class DiasporaAssociationDetailView(generic.ObjectDetailView):
    queryset = ASSOCIATIONS
    extra_template = "diaspora/_association_extra.html"

    def extra_context(self, obj: DiasporaAssociation) -> dict[str, Any]:
        members = selectors.overseas_vietnamese_list(user=self.request.user).filter(association=obj)
        return {"members_recorded": members.count()}


class DiasporaAssociationEditView(generic.ObjectEditView):
    queryset = DiasporaAssociation.objects.all()
    form_class = forms.DiasporaAssociationForm


class DiasporaAssociationDeleteView(generic.ObjectDeleteView):
    queryset = DiasporaAssociation.objects.all()
