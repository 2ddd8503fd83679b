from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = gettext_lazy("Danh mục chung")
    url_prefix = ""

    def ready(self) -> None:
        from doingoai.core import accounts, background, checks, lookups, reference_registry  # noqa: F401 - registered

        accounts.connect()
        from doingoai.core.history import keep_history_managers

        keep_history_managers()
        from doingoai.core import throttle

        throttle.connect()
        from django.contrib.auth.signals import user_logged_in

        from doingoai.core.middleware import session_seen_at_login

        user_logged_in.connect(session_seen_at_login, dispatch_uid="core.session_seen_at_login")
        from django.db.models.signals import post_migrate

        from doingoai.core.planner import analyse_new_indexes

        post_migrate.connect(analyse_new_indexes, sender=self, dispatch_uid="core.analyse_new_indexes")
