from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy


def fill_empty_index(using: str = "default", **kwargs: Any) -> None:
    """A database that had records before the search app existed gets its index on the first migrate."""
    from django.db import connections

    from doingoai.search.indexing import reindex
    from doingoai.search.models import SearchEntry

    if SearchEntry._meta.db_table not in connections[using].introspection.table_names():
        return
    if not SearchEntry.objects.using(using).exists():
        reindex()


class SearchConfig(AppConfig):
    name = "doingoai.search"
    label = "search"
    verbose_name = gettext_lazy("Tìm kiếm")
    url_prefix = "search/"

    def ready(self) -> None:
        from doingoai.core.filters import register_text_search
        from doingoai.core.registry import all_registries
        from doingoai.search import indexing, registry
        from doingoai.search.selectors import filter_queryset

        # Every registry declared with `search = Search(...)` (its app's registry.py) is searchable.
        for declared in all_registries():
            if declared.search is not None:
                registry.register(declared.model, **vars(declared.search))
        register_text_search(filter_queryset)  # the lists' free-text filter uses the full-text index
        indexing.connect_signals()
        post_migrate.connect(fill_empty_index, sender=self, dispatch_uid="doingoai.search.fill_empty_index")
