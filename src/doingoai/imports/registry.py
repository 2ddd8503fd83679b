"""The imports in the top menu (their pages are not registries: see urls.py)."""

from typing import Any

from django.utils.translation import pgettext_lazy

from doingoai.core.registry import MenuLink, menu_links


def _coordinator(user: Any) -> bool:
    return bool(getattr(user, "is_coordinator", False))


menu_links(
    MenuLink(
        "reference", pgettext_lazy("menu", "Nhập đề xuất từ Excel"), "imports:index", order=60, divider_before=True
    ),
    MenuLink(
        "reference", pgettext_lazy("menu", "Nhập văn bản"), "imports:document_upload", order=61, visible_to=_coordinator
    ),
)
