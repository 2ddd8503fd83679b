from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class DelegationsConfig(AppConfig):
    name = "doingoai.delegations"
    verbose_name = gettext_lazy("Đoàn ra, đoàn vào")
    url_prefix = "delegations/"
