from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class FinanceConfig(AppConfig):
    name = "doingoai.finance"
    verbose_name = gettext_lazy("Kinh phí và thẩm quyền")
    url_prefix = "finance/"

    def ready(self) -> None:
        from doingoai.core.signals import reference_synced
        from doingoai.finance.norms import sync_norms

        reference_synced.connect(sync_norms, dispatch_uid="finance.sync_norms")
