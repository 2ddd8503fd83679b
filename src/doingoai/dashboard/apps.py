from typing import Any

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy


def ensure_counts(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """After every migrate: the count triggers a SQLite table rebuild may have dropped, recreated (dashboard.counts)."""
    from doingoai.dashboard import counts

    counts.ensure(connections[using])


class DashboardConfig(AppConfig):
    name = "doingoai.dashboard"
    verbose_name = gettext_lazy("Biểu đồ tổng hợp và lịch")
    url_prefix = ""

    def ready(self) -> None:
        from doingoai.core.generic import register_list_counter
        from doingoai.core.signals import credentials_ended
        from doingoai.dashboard.selectors import delegation_list_count, stored_budget
        from doingoai.dashboard.services import end_feeds_with_credentials
        from doingoai.delegations.models import Delegation
        from doingoai.finance.selectors import STORED_BUDGET

        register_list_counter(Delegation, delegation_list_count)  # the list's count from the stored counts
        if stored_budget not in STORED_BUDGET:
            STORED_BUDGET.append(stored_budget)  # the budget totals page reads the sums kept here

        credentials_ended.connect(end_feeds_with_credentials, dispatch_uid="dashboard.end_feeds")
        post_migrate.connect(ensure_counts, sender=self, dispatch_uid="dashboard.ensure_counts")
