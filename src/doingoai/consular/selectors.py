"""Reads of the consular registries shared by views, exports, the home page and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from doingoai.consular.models import ApecCardApplication, ApecStatus, CitizenCase, ForeignPressVisit


def citizen_case_list(*, user: Any) -> QuerySet[CitizenCase]:
    return CitizenCase.objects.restrict(user, "view").select_related("country", "recording_unit")


def apec_application_list(*, user: Any) -> QuerySet[ApecCardApplication]:
    return (
        ApecCardApplication.objects.restrict(user, "view")
        .select_related("receiving_unit")
        .prefetch_related("countries")
    )


def apec_cards_to_be_returned(*, user: Any, today: dt.date | None = None) -> QuerySet[ApecCardApplication]:
    """Cards whose holder has left the post and that have not been returned yet (late from that day)."""
    today = today or timezone.localdate()
    return apec_application_list(user=user).filter(
        status=ApecStatus.CARD_ISSUED, left_post_on__isnull=False, left_post_on__lte=today, card_returned_on=None
    )


def press_visit_list(*, user: Any) -> QuerySet[ForeignPressVisit]:
    return ForeignPressVisit.objects.restrict(user, "view").select_related("country", "host_unit")
