"""Factories of the reporting app (test data only; demo data lives in devtools/demo/reporting.py)."""

from __future__ import annotations

import datetime as dt

import factory

from doingoai.reporting.models import PeriodKind, ReportingPeriod, UnitReport


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod
        skip_postgeneration_save = True

    kind = PeriodKind.SEMIANNUAL
    year = 2027
    label = "6 tháng đầu năm 2027"
    start = dt.date(2027, 1, 1)
    end = dt.date(2027, 6, 14)
    due_date = dt.date(2027, 6, 15)

    @factory.post_generation
    def units(self, create: bool, extracted: list | None, **kwargs: object) -> None:
        """`units=[…]` also creates each unit's draft report, as opening a period does."""
        if create and extracted:
            self.units.set(extracted)
            for unit in extracted:
                UnitReport.objects.get_or_create(period=self, unit=unit)
