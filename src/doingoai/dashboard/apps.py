from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "doingoai.dashboard"
    verbose_name = "Biểu đồ tổng hợp và lịch"
    url_prefix = ""
