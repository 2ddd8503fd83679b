"""/api/overseas-vietnamese/ and /api/diaspora-associations/ (api.registry).

Overseas Vietnamese are personal data (Decree 13/2023/NĐ-CP): the API applies the web's rules — a unit reads
only what it recorded, contacts are masked for roles that do not need them, every record read is logged
("Đọc qua API"), and records are erased on request on the web, never deleted (`persons.api.personal_data_api`).
"""

from doingoai.api.registry import register
from doingoai.diaspora import views
from doingoai.persons.api import personal_data_api

personal_data_api(
    "overseas-vietnamese",
    list_view=views.OverseasVietnameseListView,
    detail_view=views.OverseasVietnameseDetailView,
    edit_view=views.OverseasVietnameseEditView,
)
register(
    "diaspora-associations",
    list_view=views.DiasporaAssociationListView,
    detail_view=views.DiasporaAssociationDetailView,
    edit_view=views.DiasporaAssociationEditView,
    delete_view=views.DiasporaAssociationDeleteView,
)
