"""The periodic reports in the top menu (their pages are not registries: see urls.py)."""

from django.utils.translation import gettext_lazy

from doingoai.core.registry import MenuLink, menu_links

menu_links(MenuLink("follow", gettext_lazy("Báo cáo định kỳ"), "reporting:period_list", order=10))
