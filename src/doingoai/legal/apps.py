from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "doingoai.legal"
    verbose_name = "Văn bản căn cứ"
    url_prefix = "legal/"
