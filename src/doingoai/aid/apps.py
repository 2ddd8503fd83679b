from django.apps import AppConfig


class AidConfig(AppConfig):
    name = "doingoai.aid"
    verbose_name = "Viện trợ, vốn vay và thu hút đầu tư"
    url_prefix = ""
