from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ConferencesConfig(AppConfig):
    name = "doingoai.conferences"
    verbose_name = gettext_lazy("Hội nghị, hội thảo quốc tế")
    url_prefix = "conferences/"
