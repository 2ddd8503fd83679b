"""/api/partners/, /api/units/, /api/countries/, /api/relations/ (api.registry)."""

from doingoai.api.registry import register
from doingoai.core import views

register(
    "partners",
    list_view=views.PartnerListView,
    detail_view=views.PartnerDetailView,
    edit_view=views.PartnerEditView,
    delete_view=views.PartnerDeleteView,
)
register("units", list_view=views.UnitListView, detail_view=views.UnitDetailView, edit_view=views.UnitEditView)
register(
    "countries", list_view=views.CountryListView, detail_view=views.CountryDetailView, edit_view=views.CountryEditView
)
register(
    "relations",
    list_view=views.DiplomaticRelationListView,
    detail_view=views.DiplomaticRelationDetailView,
    edit_view=views.DiplomaticRelationEditView,
)
