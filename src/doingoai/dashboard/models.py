"""The secret address of a user's iCal feed (`/calendar/feed/<token>.ics`), revocable."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from simple_history.models import HistoricalRecords

# 32 random bytes, URL-safe base64: 43 characters.
TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class CalendarTokenQuerySet(models.QuerySet):
    def active(self) -> CalendarTokenQuerySet:
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class CalendarToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người dùng"),
        on_delete=models.CASCADE,
        related_name="calendar_tokens",
    )
    token = models.CharField(gettext_lazy("Mã bí mật"), max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(gettext_lazy("Ngày tạo"), auto_now_add=True)
    revoked_at = models.DateTimeField(gettext_lazy("Ngày thu hồi"), null=True, blank=True)
    # The history says who created and revoked which address, never the secret itself.
    history = HistoricalRecords(excluded_fields=["token"])

    objects = CalendarTokenQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("Địa chỉ lịch iCal")
        verbose_name_plural = pgettext_lazy("plural", "Địa chỉ lịch iCal")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        state = gettext("đã thu hồi") if self.revoked_at else gettext("đang dùng")
        return gettext("Lịch iCal của %(user)s (%(state)s)") % {"user": self.user, "state": state}

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class DelegationCount(models.Model):
    """How many delegations a year has in each direction, status, funding source and planned months: kept by the
    database's triggers (`dashboard.counts`), read by the dashboard; never written by the application."""

    year = models.PositiveSmallIntegerField()
    direction = models.CharField(max_length=3)
    status = models.CharField(max_length=16)
    funding_source = models.CharField(max_length=32)
    month_mask = models.PositiveSmallIntegerField()
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["year", "direction", "status", "funding_source", "month_mask"], name="dash_count_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.direction} {self.status} {self.funding_source} {self.month_mask}: {self.n}"


class DelegationCountryCount(models.Model):
    """How many delegations of a year, direction and status go to (or come from) each country (triggers)."""

    year = models.PositiveSmallIntegerField()
    direction = models.CharField(max_length=3)
    status = models.CharField(max_length=16)
    # No constraint: the count follows the many-to-many rows, which the country's deletion removes first.
    country = models.ForeignKey("core.Country", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "direction", "status", "country"], name="dash_country_key")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.direction} {self.status} {self.country_id}: {self.n}"


class DelegationRegionCount(models.Model):
    """How many delegations of a year and status go to each region, each once; region '' for those without a
    country (triggers)."""

    year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16)
    region = models.CharField(max_length=16, blank=True)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "status", "region"], name="dash_region_key")]

    def __str__(self) -> str:
        return f"{self.year} {self.status} {self.region or '-'}: {self.n}"


class BudgetSum(models.Model):
    """The cost lines' amounts of a year by kind of record, its status and budget status, and funding source
    (triggers, `dashboard.counts`)."""

    year = models.PositiveSmallIntegerField()
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    status = models.CharField(max_length=16)
    budget_status = models.CharField(max_length=16, blank=True)
    funding_source = models.CharField(max_length=32)
    estimate = models.DecimalField(max_digits=24, decimal_places=0, default=0)
    appraised = models.DecimalField(max_digits=24, decimal_places=0, default=0)
    actual = models.DecimalField(max_digits=24, decimal_places=0, default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["year", "content_type", "status", "budget_status", "funding_source"], name="dash_budget_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.content_type_id} {self.status} {self.funding_source}: {self.estimate}"
