"""Django system checks of the registry declarations (run at start-up, by `./dev check` and in the tests)."""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, register


@register()
def registry_declarations(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    from doingoai.core.registry import all_registries

    return [
        Error(problem, obj=type(reg).__name__, id="doingoai.E001")
        for reg in all_registries()
        for problem in reg.check()
    ]
