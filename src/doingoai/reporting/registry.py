"""The periodic reports in the top menu (their pages are not registries: see urls.py)."""

from typing import Any

from django.utils.translation import gettext_lazy, pgettext_lazy

from doingoai.core.permissions import READ_ALL_ROLES, role_of
from doingoai.core.registry import MenuLink, menu_links
from doingoai.infowork.models import is_standing_agency


def _follows_a_committee(user: Any) -> bool:
    """The province-level roles and a steering committee's standing agency."""
    return role_of(user) in READ_ALL_ROLES or is_standing_agency(user)


menu_links(
    MenuLink("follow", pgettext_lazy("menu", "Báo cáo định kỳ"), "reporting:period_list", order=10),
    MenuLink(
        "follow",
        pgettext_lazy("menu", "Báo cáo của thành viên Ban Chỉ đạo"),
        "reporting:committee",
        order=11,
        visible_to=_follows_a_committee,
        title=gettext_lazy("Tình hình báo cáo của các thành viên theo kế hoạch"),
    ),
)
