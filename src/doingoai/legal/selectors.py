"""Reads of the legal bases register."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Sum

from doingoai.legal.models import LegalCitation, LegalDocument


def most_opened(*, user: Any, n: int = 8) -> list[LegalDocument]:
    """The documents this user opens most; while they have opened few, those everyone opens most."""
    mine = list(
        LegalDocument.objects.filter(openings__user=user).order_by("-openings__count", "-openings__last_opened_at")[:n]
    )
    if len(mine) >= n:
        return mine
    everyone = (
        LegalDocument.objects.exclude(pk__in=[d.pk for d in mine])
        .annotate(opened=Sum("openings__count"))
        .filter(opened__gt=0)
        .order_by("-opened", "number")[: n - len(mine)]
    )
    return mine + list(everyone)


def citing_records(*, document: LegalDocument, user: Any) -> list[tuple[str, str, str]]:
    """(kind, label, address) of the records citing the document that this user may read."""
    rows = []
    by_type: dict[int, list[int]] = {}
    for c in LegalCitation.objects.filter(document=document).order_by("id"):
        by_type.setdefault(c.content_type_id, []).append(c.object_id)
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        visible = model._default_manager.filter(pk__in=ids)
        if hasattr(visible, "restrict"):
            visible = visible.restrict(user, "view")
        for obj in visible:
            url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
            rows.append((str(model._meta.verbose_name).capitalize(), str(obj), url))
    return rows


def documents_cited_by(*, obj: models.Model) -> list[LegalDocument]:
    """The legal bases a record cites, as its page shows them."""
    content_type = ContentType.objects.get_for_model(type(obj))
    return list(
        LegalDocument.objects.filter(citations__content_type=content_type, citations__object_id=obj.pk).order_by(
            "year", "number"
        )
    )
