from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "doingoai.reporting"
    verbose_name = "Báo cáo định kỳ, hạn và nhắc việc"
    url_prefix = "reports/"
