"""The dashboard and the calendar in the top menu (their pages are not registries: see urls.py)."""

from django.utils.translation import pgettext_lazy

from doingoai.core.registry import MenuLink, menu_links

menu_links(
    MenuLink("follow", pgettext_lazy("menu", "Biểu đồ"), "dashboard:dashboard", order=20),
    MenuLink("follow", pgettext_lazy("menu", "Lịch"), "dashboard:calendar", order=30),
)
