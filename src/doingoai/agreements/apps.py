from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class AgreementsConfig(AppConfig):
    name = "doingoai.agreements"
    verbose_name = gettext_lazy("Thỏa thuận quốc tế")
    url_prefix = "agreements/"
