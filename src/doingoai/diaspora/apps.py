from django.apps import AppConfig


class DiasporaConfig(AppConfig):
    name = "doingoai.diaspora"
    verbose_name = "Người Việt Nam ở nước ngoài"
    url_prefix = "diaspora/"
