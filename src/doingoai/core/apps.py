from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = "Danh mục chung"
    url_prefix = ""

    def ready(self) -> None:
        from doingoai.core import reference_registry  # noqa: F401 - core's declarations (see that module)
