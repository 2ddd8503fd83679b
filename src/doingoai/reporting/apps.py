from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ReportingConfig(AppConfig):
    name = "doingoai.reporting"
    verbose_name = gettext_lazy("Báo cáo định kỳ, hạn và nhắc việc")
    url_prefix = "reports/"
