from django.urls import path

from doingoai.infowork import public, views

app_name = "infowork"

# Pages other than the registries' own (those come from registry.py).
urlpatterns = [
    path("calendar/", views.EditorialCalendarView.as_view(), name="editorial_calendar"),
    path("anniversaries/", views.AnniversariesView.as_view(), name="anniversaries"),
    path("public/", public.PublicInfoView.as_view(), name="public"),
    path("public/feed.atom", public.PublicFeed(), name="public_feed"),  # ?lang=vi|en|lo
]
