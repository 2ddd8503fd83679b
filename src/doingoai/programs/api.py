"""/api/programs/ and /api/program-items/ (api.registry)."""

from doingoai.api.registry import register
from doingoai.programs import views

register(
    "programs",
    list_view=views.ProgramListView,
    detail_view=views.ProgramDetailView,
    edit_view=views.ProgramEditView,
    delete_view=views.ProgramDeleteView,
    action_view=views.ProgramActionView,
)
# Tasks are deleted with their sub-tasks by the web page's own service, so the API only reads and writes them.
register(
    "program-items",
    list_view=views.ProgramItemListView,
    detail_view=views.ProgramItemDetailView,
    edit_view=views.ProgramItemEditView,
)
