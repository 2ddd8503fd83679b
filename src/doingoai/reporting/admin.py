"""Administration: the reporting schedules are data the administrator keeps (another province's, a programme's);
what reminders were sent can be looked up."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin

from doingoai.reporting.models import ReminderSent, ReportingSchedule
from doingoai.reporting.schedule import entries_from_data

ENTRIES_HELP = (
    'Danh sách JSON, mỗi kỳ một mục, ví dụ [{"period": "semiannual", "due": "06-15"}, {"period": "annual", '
    '"due": "12-15"}, {"period": "monthly", "due": "20"}]. Loại kỳ: monthly, quarterly, semiannual, annual, adhoc; '
    '"due" là "NN" (hằng tháng) hoặc "TT-NN"; hoặc "days_after": số ngày sau khi kết thúc kỳ.'
)


class ReportingScheduleForm(forms.ModelForm):
    class Meta:
        model = ReportingSchedule
        fields = ["name", "source", "entries", "is_default"]
        help_texts = {"entries": ENTRIES_HELP}

    def clean_entries(self) -> Any:
        entries = self.cleaned_data["entries"]
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise forms.ValidationError(gettext("Các kỳ báo cáo phải là một danh sách JSON các mục {…}."))
        valid = entries_from_data(entries)
        if len(valid) != len(entries):
            raise forms.ValidationError(
                gettext("Có mục không hợp lệ: loại kỳ không đúng hoặc thiếu cả “due” lẫn “days_after”.")
            )
        if any(e.due is None and e.days_after is None for e in valid):
            raise forms.ValidationError(gettext("Mỗi mục cần “due” (ngày nộp) hoặc “days_after” (số ngày sau kỳ)."))
        return entries


@admin.register(ReportingSchedule)
class ReportingScheduleAdmin(SimpleHistoryAdmin):
    form = ReportingScheduleForm
    list_display = ("name", "source", "is_default")
    list_filter = ("is_default",)
    search_fields = ("name", "source")


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    list_display = ("deadline_key", "stage", "due", "sent_at", "recipients", "emails")
    list_filter = ("stage",)
    search_fields = ("deadline_key",)
    readonly_fields = ("deadline_key", "stage", "due", "sent_at", "recipients", "emails")
