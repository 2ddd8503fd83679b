from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = "Danh mục chung"
    url_prefix = ""

    def ready(self) -> None:
        from doingoai.core import accounts, background, checks, reference_registry  # noqa: F401 - checks, receivers

        accounts.connect()
        from doingoai.core import throttle

        throttle.connect()
