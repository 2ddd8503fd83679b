from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from doingoai.core.forms import DateInput, RegistryForm
from doingoai.legal.models import LegalDocument, LegalStatus, number_key, year_in_number

FILE_MAX_BYTES = 20 * 1024 * 1024


class LegalDocumentForm(RegistryForm):
    class Meta:
        model = LegalDocument
        fields = [
            "kind", "number", "year", "issued_on", "issuer", "title", "status", "replaced_by", "file", "url", "note",
        ]  # fmt: skip
        widgets = {"issued_on": DateInput()}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        number, issued_on = data.get("number") or "", data.get("issued_on")
        year = data.get("year") or (issued_on.year if issued_on else year_in_number(number))
        if issued_on and data.get("year") and issued_on.year != data["year"]:
            self.add_error(
                "year",
                gettext("Năm ban hành %(year)s khác năm của ngày ban hành (%(issued_on)s).")
                % {"year": data["year"], "issued_on": format(issued_on, "%d/%m/%Y")},
            )
        if number:
            same = LegalDocument.objects.filter(number_key=number_key(number), year=year).exclude(pk=self.instance.pk)
            taken = same.first()
            if taken is not None:
                self.add_error(
                    "number",
                    gettext("Văn bản số %(number)s năm %(year)s đã có trong sổ: %(taken)s.")
                    % {"number": number, "year": year or gettext("(không rõ)"), "taken": taken},
                )
        status, replaced_by = data.get("status"), data.get("replaced_by")
        if status == LegalStatus.REPLACED and replaced_by is None:
            self.add_error("replaced_by", gettext("Cần chọn văn bản thay thế khi văn bản đã được thay thế."))
        if replaced_by is not None and status != LegalStatus.REPLACED:
            self.add_error("status", gettext("Đã chọn văn bản thay thế: chọn hiệu lực “Đã được thay thế”."))
        if replaced_by is not None and replaced_by.pk == self.instance.pk:
            self.add_error("replaced_by", gettext("Văn bản không thể thay thế chính nó."))
        upload = data.get("file")
        if upload and getattr(upload, "size", 0) > FILE_MAX_BYTES:
            self.add_error("file", gettext("Tệp văn bản quá lớn (tối đa 20 MB)."))
        return data
