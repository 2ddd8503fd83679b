from __future__ import annotations

from doingoai.agreements.models import Agreement
from tests.factories import AgreementFactory, CountryFactory
from tests.registry_cases import RegistryViewCases


class TestAgreementViews(RegistryViewCases):
    model = Agreement
    factory = AgreementFactory
    owner_field = "proposing_unit"
    published_status = "consulted"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "title": "Biên bản ghi nhớ hợp tác với tỉnh Hủa Phăn",
            "type": "mou",
            "country": CountryFactory().pk,
            "partner_text": "Chính quyền tỉnh Hủa Phăn",
            "time_text": "Quý III",
            "signing_level": "Chủ tịch UBND tỉnh",
            "approving_authority": "Chủ tịch UBND tỉnh",
        }
