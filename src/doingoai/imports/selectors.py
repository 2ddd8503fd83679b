"""Reads of the imports pages."""

from __future__ import annotations

from typing import Any

from django.db import models

from doingoai.imports.models import PendingImport


def pending_import_list(*, user: Any) -> models.QuerySet[PendingImport]:
    """Document imports this user may see (the coordinator's), newest first."""
    return PendingImport.objects.restrict(user, "view").select_related("created_by", "imported_by")  # type: ignore[attr-defined]
