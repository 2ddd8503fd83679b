"""The budget totals page's figures against a straightforward reference: every cost line and every record the
user may see, summed in Python. Guards the per-registry queries and covering indexes (finance 0002,
delegations 0012, conferences 0005) and the fast number formatting on the page."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest
from django.utils import timezone

from doingoai.finance import selectors, services
from doingoai.finance.currency import format_vnd
from doingoai.finance.models import BudgetStatus, CostLine, FundingSource
from tests.factories import ConferenceFactory, DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year
ZERO = Decimal(0)


def _line(record, by, price, source):
    services.cost_line_save(
        record=record, by=by, values={"quantity": "1", "days": "1", "category": "other", "unit_price": price,
                                      "funding_source": source},
    )  # fmt: skip


@pytest.fixture
def budgets(users):
    units = [users["officer1"].unit, users["officer2"].unit]
    statuses = ["draft", "proposed", "in_plan", "approved", "cancelled", "done"]
    sources = ["province", "partner", "central"]
    records = []
    for i in range(12):
        d = DelegationFactory(proposing_unit=units[i % 2], status="proposed", year=YEAR - (i == 11),
                              direction="in" if i % 3 == 0 else "out", time_text=f"Tháng {i % 12 + 1}")  # fmt: skip
        records.append(d)
    for i in range(4):
        records.append(ConferenceFactory(organising_unit=units[i % 2], status="proposed", year=YEAR,
                                         time_text="Quý III" if i % 2 else "Chưa rõ"))  # fmt: skip
    records.append(EventFactory(organising_unit=units[0], year=YEAR))
    for i, record in enumerate(records):
        if i == 5:
            continue  # no budget
        for j in range(1 + i % 3):
            _line(record, users["coordinator"], str(1_000_000 * (i + 1) + 7_000 * j), sources[(i + j) % 3])
        record.refresh_from_db()
        if i % 4 == 1:
            services.budget_appraise(record=record, by=users["finance"])
    for i, record in enumerate(records):
        type(record).objects.filter(pk=record.pk).update(status=statuses[i % len(statuses)])
        if i % 5 == 2:
            type(record).objects.filter(pk=record.pk).update(actual_vnd=Decimal(123_000 * i))
    return records


def _reference(user):
    """By funding source, from each line and its record as the user may see it."""
    by_source: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO] * 4)
    total = [ZERO] * 4
    for model in selectors.budgeted_models():
        visible = {r.pk: r for r in model._default_manager.restrict(user, "view")}
        for line in CostLine.objects.filter(content_type__model=model._meta.model_name):
            record = visible.get(line.object_id)
            if record is None or record.year != YEAR or record.status in ("cancelled", "draft"):
                continue
            if record.budget_status == BudgetStatus.NONE:
                continue
            approved = line.appraised_vnd or ZERO if record.status in model.budget_steps.decided else ZERO
            amounts = [line.amount_vnd or ZERO, line.appraised_vnd or ZERO, approved, line.actual_vnd or ZERO]
            by_source[line.funding_source] = [
                a + b for a, b in zip(by_source[line.funding_source], amounts, strict=True)
            ]
    for amounts in by_source.values():
        total = [a + b for a, b in zip(total, amounts, strict=True)]
    return total, by_source


@pytest.mark.parametrize("role", ["finance", "coordinator", "officer1"])
def test_totals_by_source_equal_the_reference(users, budgets, role):
    totals = selectors.budget_totals(year=YEAR, user=users[role])
    total, by_source = _reference(users[role])
    got = {label: [a.estimate, a.appraised, a.approved, a.actual] for label, a in totals.by_source}
    assert got == {str(dict(FundingSource.choices)[k]): v for k, v in by_source.items()}
    assert [label for label, _ in totals.by_source] == [
        str(dict(FundingSource.choices)[k]) for k, _ in sorted(by_source.items(), key=lambda kv: -kv[1][0])
    ]
    # The records' own amounts (the other tables) sum to the same estimate as the lines.
    for rows in (totals.by_unit, totals.by_kind, totals.by_quarter):
        assert sum((a.estimate for _, a in rows), ZERO) == totals.total.estimate == total[0]
    assert sum(a.actual for _, a in totals.by_kind) == totals.total.actual
    if role != "officer1":
        assert total[0] > 0 and total[2] > 0

    page = _page(users[role])
    for _, amounts in totals.by_source:
        assert format_vnd(amounts.estimate) in page


def _page(user):
    from django.test import Client

    client = Client()
    client.force_login(user, backend="doingoai.core.backends.UserBackend")
    return client.get(f"/finance/totals/?year={YEAR}").content.decode()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_amounts_written_as_babel_writes_them(language):
    """`format_vnd` writes whole amounts itself and translates its unit once per language: the same text."""
    import random

    from babel.numbers import format_decimal
    from django.utils import translation

    from doingoai.finance.currency import vnd

    rng = random.Random(3)
    amounts = [Decimal("-0.4"), Decimal(0), Decimal("-0"), Decimal("1234567.5"), Decimal("-2.5"), 0, 5]
    amounts += [Decimal(rng.randint(-(10**12), 10**12)) / 100 for _ in range(2000)]
    with translation.override(language):
        for amount in amounts:
            text = format_decimal(vnd(Decimal(amount)), locale=language, decimal_quantization=False)
            assert format_vnd(amount) == translation.gettext("%(text)s đ") % {"text": text}, amount
            assert format_vnd(amount, unit=False) == text
