from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class DashboardConfig(AppConfig):
    name = "doingoai.dashboard"
    verbose_name = gettext_lazy("Biểu đồ tổng hợp và lịch")
    url_prefix = ""

    def ready(self) -> None:
        from doingoai.core.signals import credentials_ended
        from doingoai.dashboard.services import end_feeds_with_credentials

        credentials_ended.connect(end_feeds_with_credentials, dispatch_uid="dashboard.end_feeds")
