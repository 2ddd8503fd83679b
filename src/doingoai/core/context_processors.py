from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from doingoai.core.registry import menu_for


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "PROVINCE_NAME": settings.PROVINCE_NAME,
        "COORDINATOR_UNIT_NAME": settings.COORDINATOR_UNIT_NAME,
        # The top menu, from the registries' declarations (computed only by pages that show it).
        "MENU": SimpleLazyObject(lambda: menu_for(getattr(request, "user", None))),
        # The language switch names each language in itself ("English", "Tiếng Việt"), never translated.
        "LANGUAGE_NAMES": settings.LANGUAGES,
    }
