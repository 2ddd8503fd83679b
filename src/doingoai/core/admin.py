"""Administration of the reference data (units, countries, partners) and users: the ordinary Django admin.

Persons of the diaspora registries have no admin on purpose: every read of personal data must go through the
pages that log it (Decree 13/2023, doingoai.persons).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin

from doingoai.core.accounts import user_credentials_revoke
from doingoai.core.models import CompetentUnit, Country, Partner, Unit, User


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind", "parent", "is_coordinator", "active_to")
    list_filter = ("kind", "is_coordinator")
    list_select_related = ("parent",)
    search_fields = ("name", "short_name")
    autocomplete_fields = ("parent",)


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "name_en", "region")
    list_filter = ("region",)
    search_fields = ("name_vi", "name_en", "code")


@admin.register(Partner)
class PartnerAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "country", "friendship_since", "mou_since")
    list_filter = ("kind", "country__region")
    list_select_related = ("country",)
    search_fields = ("name", "search_text")
    autocomplete_fields = ("country",)


@admin.register(CompetentUnit)
class CompetentUnitAdmin(SimpleHistoryAdmin):
    """Which units write the records of a competent body's subject (border, consular cases, APEC, persons)."""

    list_display = ("subject", "unit", "note")
    list_filter = ("subject",)
    list_select_related = ("unit",)
    search_fields = ("unit__name", "note")
    autocomplete_fields = ("unit",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "last_name", "first_name", "role", "unit", "is_active")
    list_filter = ("role", "is_active", "is_staff")
    list_select_related = ("unit",)
    autocomplete_fields = ("unit",)
    fieldsets = (*BaseUserAdmin.fieldsets, ("Vai trò", {"fields": ("role", "unit", "phone")}))  # type: ignore[misc]
    actions = ("revoke_credentials",)

    @admin.action(description="Thu hồi mọi khóa API và địa chỉ lịch iCal", permissions=("change",))
    def revoke_credentials(self, request: HttpRequest, queryset: QuerySet[User]) -> Any:
        ended = sum(user_credentials_revoke(user=user, by=request.user) for user in queryset)
        self.message_user(
            request,
            gettext("Đã thu hồi %(ended)s khóa API và địa chỉ lịch của %(queryset_count)s người dùng.")
            % {"ended": ended, "queryset_count": len(queryset)},
            messages.SUCCESS,
        )
