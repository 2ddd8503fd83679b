"""The dashboard and the calendar in the top menu (their pages are not registries: see urls.py)."""

from django.utils.translation import gettext_lazy

from doingoai.core.registry import MenuLink, menu_links

menu_links(
    MenuLink("follow", gettext_lazy("Biểu đồ"), "dashboard:dashboard", order=20),
    MenuLink("follow", gettext_lazy("Lịch"), "dashboard:calendar", order=30),
)
