"""The dashboard and the calendar in the top menu (their pages are not registries: see urls.py)."""

from doingoai.core.registry import MenuLink, menu_links

menu_links(
    MenuLink("follow", "Biểu đồ", "dashboard:dashboard", order=20),
    MenuLink("follow", "Lịch", "dashboard:calendar", order=30),
)
