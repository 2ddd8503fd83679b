from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "doingoai.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app's api.py declares its endpoints (api.registry.register).
        autodiscover_modules("api")
