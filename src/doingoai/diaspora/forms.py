from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from doingoai.core.forms import RegistryForm
from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.persons.forms import EMAIL_MESSAGE, PersonalDataForm, clean_phone


class OverseasVietnameseForm(PersonalDataForm):
    class Meta:
        model = OverseasVietnamese
        fields = [
            "full_name",
            "birth_year",
            "country",
            "city",
            "home_commune",
            "home_district",
            "occupation",
            "phone",
            "email",
            "address",
            "association",
            "purpose",
            "consent_given_on",
            "consent_means",
            "consent_withdrawn_on",
            "recording_unit",
            "note",
        ]
        widgets = {"purpose": forms.Textarea, "note": forms.Textarea}

    def clean_birth_year(self) -> int | None:
        year = self.cleaned_data.get("birth_year")
        if year is not None and not 1900 <= year <= timezone.localdate().year:
            raise forms.ValidationError(
                gettext("Năm sinh phải trong khoảng 1900–%(year)s.") % {"year": timezone.localdate().year}
            )
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        association, country = data.get("association"), data.get("country")
        if association and country and association.country_id != country.pk:
            self.add_error(
                "association",
                gettext("Hội “%(association)s” ở %(country)s, không ở %(country_2)s.")
                % {"association": association, "country": association.country, "country_2": country},
            )
        return data


class DiasporaAssociationForm(RegistryForm):
    class Meta:
        model = DiasporaAssociation
        fields = ["name", "country", "city", "leader", "phone", "email", "address", "members_count", "note"]
        help_texts = {"phone": gettext_lazy("Số của hội; không ghi số cá nhân khi người đó chưa đồng ý.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["invalid"] = EMAIL_MESSAGE

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))
