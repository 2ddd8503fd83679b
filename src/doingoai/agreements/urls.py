from doingoai.agreements import views
from doingoai.core.urls_helpers import registry_urls

app_name = "agreements"

urlpatterns = registry_urls(
    "agreement",
    list_view=views.AgreementListView,
    detail=views.AgreementDetailView,
    edit=views.AgreementEditView,
    delete=views.AgreementDeleteView,
    action=views.AgreementActionView,
)
