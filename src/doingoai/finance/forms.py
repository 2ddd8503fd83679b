"""Forms of money and authority: an estimate line, the finance department's appraisal, the settlement, and the
step forms the API uses (line amounts as a JSON object {line id: amount})."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core.choices import FundingSource
from doingoai.core.forms import RegistryForm, StyledForm, date_field, required_message
from doingoai.core.models import Country, User
from doingoai.finance.currency import CURRENCY_CHOICES, VND
from doingoai.finance.models import ApprovalRule, Authority, AuthorityGrant, CostCategory, Norm

AMOUNT_HELP = gettext_lazy("Số, có thể viết 1.234.567 hoặc 12,5")


def amount_field(
    label: StrOrPromise, *, required: bool = False, help_text: StrOrPromise = AMOUNT_HELP
) -> forms.CharField:
    """Amounts are typed as text and read as exact decimals by the services (never floats)."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=32,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "text-end"}),
        error_messages={"required": required_message(label)},
    )


class CostLineForm(StyledForm):
    """A line of an estimate; the service checks the numbers, prices it from the norm and computes the amount."""

    category = forms.ChoiceField(label=gettext_lazy("Khoản chi"), choices=CostCategory.choices)
    description = forms.CharField(label=gettext_lazy("Diễn giải"), max_length=255, required=False)
    country = forms.ModelChoiceField(
        label=gettext_lazy("Nước (định mức theo nước)"), queryset=Country.objects.order_by("name_vi"), required=False
    )
    quantity = amount_field(gettext_lazy("Số người (số lượng)"), required=True, help_text="")
    days = amount_field(gettext_lazy("Số ngày (số lần)"), required=True, help_text="")
    unit_price = amount_field(gettext_lazy("Đơn giá"), help_text=gettext_lazy("Để trống: lấy theo định mức"))
    currency = forms.ChoiceField(label=gettext_lazy("Tiền tệ"), choices=CURRENCY_CHOICES, initial=VND)
    rate = amount_field(gettext_lazy("Tỷ giá (VND/ngoại tệ)"), help_text=gettext_lazy("Bắt buộc với ngoại tệ"))
    rate_date = date_field(gettext_lazy("Ngày tỷ giá"), required=False)
    funding_source = forms.ChoiceField(label=gettext_lazy("Nguồn kinh phí"), choices=FundingSource.choices)
    norm = forms.ModelChoiceField(
        label=gettext_lazy("Định mức áp dụng"),
        queryset=Norm.objects.select_related("country"),
        required=False,
        help_text=gettext_lazy("Để trống: hệ thống chọn định mức phù hợp"),
    )

    def __init__(self, *args: Any, norms: list[Norm] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quantity"].initial = "1"
        self.fields["days"].initial = "1"
        if norms is not None:
            field = self.fields["norm"]
            field.queryset = Norm.objects.filter(pk__in=[n.pk for n in norms]).select_related("country")  # type: ignore[attr-defined]

    def values(self) -> dict[str, Any]:
        """The cleaned values the service takes (empty unit price: priced from the norm)."""
        data = dict(self.cleaned_data)
        if not data.get("norm"):
            data.pop("norm", None)
        return data


def budget_page(obj: Any) -> str:
    from django.urls import reverse

    return reverse("finance:budget", args=[obj._meta.label_lower, obj.pk])


class AppraiseForm(StyledForm):
    """The appraisal step (API): one total, or amounts per line ({line id: amount}); a comment. On the web the
    step is taken on the budget page, line by line (`page_url`)."""

    page_url = staticmethod(budget_page)

    total = amount_field(
        gettext_lazy("Tổng kinh phí thẩm định"),
        help_text=gettext_lazy("Để trống: theo từng khoản (mặc định bằng dự toán)"),
    )
    lines = forms.JSONField(
        label=gettext_lazy("Kinh phí thẩm định từng khoản"),
        required=False,
        help_text=gettext_lazy('{"id dòng": số tiền}'),
    )
    comment = forms.CharField(
        label=gettext_lazy("Ý kiến thẩm định"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_lines(self) -> dict[int, Any]:
        return _line_amounts(self.cleaned_data.get("lines"))


class ReturnBudgetForm(StyledForm):
    reason = forms.CharField(
        label=gettext_lazy("Lý do trả lại dự toán"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": gettext_lazy("Cần ghi lý do trả lại dự toán.")},
    )


class SettleForm(StyledForm):
    """The settlement step (API): what each line actually cost, {line id: amount in VND}."""

    page_url = staticmethod(budget_page)
    actual = forms.JSONField(
        label=gettext_lazy("Thực chi từng khoản"), help_text=gettext_lazy('{"id dòng": số tiền (đồng)}')
    )

    def clean_actual(self) -> dict[int, Any]:
        amounts = _line_amounts(self.cleaned_data.get("actual"))
        if not amounts:
            raise forms.ValidationError(gettext("Cần ghi số tiền thực chi của ít nhất một khoản."))
        return amounts


def _line_amounts(value: Any) -> dict[int, Any]:
    if value in (None, "", {}):
        return {}
    if not isinstance(value, dict):
        raise forms.ValidationError(gettext('Cần một đối tượng {"id dòng": số tiền}.'))
    result: dict[int, Any] = {}
    for key, amount in value.items():
        if not str(key).isdigit():
            raise forms.ValidationError(gettext("“%(key)s” không phải là mã dòng dự toán.") % {"key": key})
        if isinstance(amount, bool) or not isinstance(amount, str | int | float):
            raise forms.ValidationError(gettext("Dòng %(key)s: số tiền phải là một số.") % {"key": key})
        result[int(key)] = str(amount)
    return result


# ------------------------------------------------------------------------------------------- registries


class NormForm(RegistryForm):
    class Meta:
        model = Norm
        fields = ["kind", "country", "rank", "item", "amount", "currency", "per", "source", "valid_from", "valid_to",
                  "verified", "note"]  # fmt: skip


class AuthorityForm(RegistryForm):
    class Meta:
        model = Authority
        fields = ["name", "kind", "level", "note"]


class ApprovalRuleForm(RegistryForm):
    class Meta:
        model = ApprovalRule
        fields = ["target", "direction", "group", "state_budget", "head_rank", "authority", "priority", "source",
                  "note"]  # fmt: skip


class AuthorityGrantForm(RegistryForm):
    class Meta:
        model = AuthorityGrant
        fields = ["user", "authority", "unit", "valid_from", "valid_to", "delegated_by", "basis"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", gettext("Ngày kết thúc không được trước ngày bắt đầu."))
        if data.get("delegated_by") and not data.get("basis"):
            self.add_error("basis", gettext("Cần ghi văn bản ủy quyền (số, ngày)."))
        return data


class DelegateForm(StyledForm):
    """A holder delegates an authority to a named person for a period."""

    authority = forms.ModelChoiceField(label=gettext_lazy("Thẩm quyền"), queryset=Authority.objects.all())
    to = forms.ModelChoiceField(label=gettext_lazy("Ủy quyền cho"), queryset=User.objects.filter(is_active=True))
    valid_from = date_field(gettext_lazy("Từ ngày"))
    valid_to = date_field(gettext_lazy("Đến hết ngày"))
    basis = forms.CharField(
        label=gettext_lazy("Văn bản ủy quyền"),
        max_length=255,
        help_text=gettext_lazy("Số, ngày văn bản phân công, ủy quyền"),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is not None and getattr(user, "role", "") != "admin":  # a holder delegates what it holds
            held = AuthorityGrant.objects.filter(user=user, delegated_by__isnull=True).values("authority")
            self.fields["authority"].queryset = Authority.objects.filter(pk__in=held)  # type: ignore[attr-defined]
            self.fields["to"].queryset = User.objects.filter(is_active=True).exclude(pk=user.pk)  # type: ignore[attr-defined]
