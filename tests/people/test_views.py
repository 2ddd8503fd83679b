"""Foreign students and foreign workers: the personal-data cases (Decree 13/2023) every registry of persons
passes, with records from the declarations' `example()`; the API cases are generated from these."""

from __future__ import annotations

from doingoai.core.registry import registry_for
from doingoai.people.models import ForeignStudent, ForeignWorker
from tests.factories import CountryFactory
from tests.registries.test_views import ExampleFactory, form_value
from tests.registry_cases import PersonalDataViewCases


def example_form(model, users, n: int, **values) -> dict:
    data = registry_for(model).example(unit=users["officer1"].unit, n=n) | values
    return {k: form_value(v) for k, v in data.items()}


class TestForeignStudentViews(PersonalDataViewCases):
    model = ForeignStudent
    factory = ExampleFactory(registry_for(ForeignStudent))
    owner_field = "recording_unit"
    title_field = "full_name"

    def form_data(self, users):
        return example_form(ForeignStudent, users, 40, full_name="Khamphone Thử", email="khamphone@example.org")

    def export_split(self, users):
        keep = [self.make(users, "officer1"), self.make(users, "officer2")]
        other = self.make(users, "officer1", status="graduated")
        return keep, other, "status=studying"


class TestForeignWorkerViews(PersonalDataViewCases):
    model = ForeignWorker
    factory = ExampleFactory(registry_for(ForeignWorker))
    owner_field = "recording_unit"
    title_field = "full_name"

    def form_data(self, users):
        return example_form(ForeignWorker, users, 40, full_name="Sato Thử", email="sato@example.org")

    def export_split(self, users):
        thailand = CountryFactory(code="TH", name_vi="Thái Lan", name_en="Thailand")
        keep = [self.make(users, "officer1"), self.make(users, "officer2")]
        other = self.make(users, "officer1", category="volunteer", country=thailand)
        return keep, other, "category=expert"
