from django.urls import path

from doingoai.persons import views

app_name = "persons"

urlpatterns = [
    path("access-log/", views.PersonalDataAccessListView.as_view(), name="personaldataaccess_list"),
    path("erasures/", views.ErasureRecordListView.as_view(), name="erasurerecord_list"),
]
