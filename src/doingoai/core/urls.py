from django.urls import include, path

from doingoai.core import views
from doingoai.core.models import Partner, Unit
from doingoai.core.urls_helpers import registry_urls

app_name = "core"

urlpatterns = [
    path("units/lookup/", views.LookupView.as_view(model=Unit), name="unit_lookup"),
    path("partners/lookup/", views.LookupView.as_view(model=Partner), name="partner_lookup"),
    path(
        "units/",
        include(
            registry_urls("unit", list_view=views.UnitListView, detail=views.UnitDetailView, edit=views.UnitEditView)
        ),
    ),
    path(
        "partners/",
        include(
            registry_urls(
                "partner",
                list_view=views.PartnerListView,
                detail=views.PartnerDetailView,
                edit=views.PartnerEditView,
                delete=views.PartnerDeleteView,
            )
        ),
    ),
    path(
        "countries/",
        include(
            registry_urls(
                "country", list_view=views.CountryListView, detail=views.CountryDetailView, edit=views.CountryEditView
            )
        ),
    ),
    path(
        "relations/",
        include(
            registry_urls(
                "diplomaticrelation",
                list_view=views.DiplomaticRelationListView,
                detail=views.DiplomaticRelationDetailView,
                edit=views.DiplomaticRelationEditView,
            )
        ),
    ),
]
