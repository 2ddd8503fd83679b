from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = gettext_lazy("Danh mục chung")
    url_prefix = ""

    def ready(self) -> None:
        from doingoai.core import accounts, background, checks, reference_registry  # noqa: F401 - checks, receivers

        accounts.connect()
        from doingoai.core import throttle

        throttle.connect()
