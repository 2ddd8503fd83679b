from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "doingoai.api"
    label = "api"
    verbose_name = "API"
    url_prefix = "api/"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Hand-written viewsets (api.registry.register_viewset) in apps' api.py; registries come from registry.py.
        autodiscover_modules("api")

        from doingoai.api.services import end_tokens_with_credentials
        from doingoai.core.signals import credentials_ended

        credentials_ended.connect(end_tokens_with_credentials, dispatch_uid="api.end_tokens")
