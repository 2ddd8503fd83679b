from django.apps import AppConfig


class ConferencesConfig(AppConfig):
    name = "doingoai.conferences"
    verbose_name = "Hội nghị, hội thảo quốc tế"
    url_prefix = "conferences/"
