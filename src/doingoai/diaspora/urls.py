from django.urls import path

from doingoai.diaspora import views

app_name = "diaspora"

# The Decree 13/2023 logs; the registries' own pages come from registry.py.
urlpatterns = [
    path("access-log/", views.PersonalDataAccessListView.as_view(), name="personaldataaccess_list"),
    path("erasures/", views.ErasureRecordListView.as_view(), name="erasurerecord_list"),
]
