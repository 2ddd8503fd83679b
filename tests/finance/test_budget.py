"""Estimates priced from the norms, the finance department's appraisal, settlement after the activity, and the
year's totals — through the services, the pages and the API."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.delegations import services as delegation_services
from doingoai.finance import selectors, services
from doingoai.finance.currency import decimal_of, format_vnd
from doingoai.finance.models import BudgetStatus, CostLine, Norm, NormKind, record_q
from tests.api_cases import api_client
from tests.factories import ConferenceFactory, CountryFactory, DelegationFactory, EventFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def line(record, by, **values):
    return services.cost_line_save(record=record, by=by, values={"quantity": "1", "days": "1", **values})


@pytest.fixture
def trip(users):
    """An outbound delegation of officer1's unit, proposed, in this year's plan."""
    return DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan", year=TODAY.year, size=4)


@pytest.fixture
def guests(users):
    return DelegationFactory(
        proposing_unit=users["officer1"].unit, status="in_plan", direction="in", year=TODAY.year, size=6
    )


@pytest.fixture
def meals_norms():
    def norm(rank, amount):
        return Norm.objects.create(
            kind=NormKind.INBOUND_MEALS, rank=rank, item="Ăn hằng ngày", amount=amount, source="Thông tư (thử)"
        )

    return norm("Hạng B", Decimal(2_000_000)), norm("Hạng C", Decimal(1_600_000))


# ------------------------------------------------------------------------------------------------ amounts


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.234.567", 1234567), ("1234567", 1234567), ("12,5", Decimal("12.5")), ("1.234,5", Decimal("1234.5"))],
)
def test_amounts_are_read_as_exact_decimals_in_vietnamese_writing(text, value):
    assert decimal_of(text, label="Đơn giá") == Decimal(value)
    assert format_vnd(Decimal("1234567.4")) == "1.234.567 đ"


def test_a_foreign_line_is_converted_exactly_at_its_rate(users, trip):
    made = line(
        trip, users["officer1"], category="allowance", quantity="3", days="2,5", unit_price="60,10",
        currency="USD", rate="25400,5", rate_date=TODAY,
    )  # fmt: skip
    # 3 × 2.5 × 60.10 × 25400.5 = 11449275.375 → 11449275 (to the đồng, half up): no float on the way
    assert made.amount_vnd == Decimal(11449275)
    trip.refresh_from_db()
    assert trip.estimate_vnd == Decimal(11449275) and trip.budget_status == BudgetStatus.PENDING


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"unit_price": "-5"}, "Đơn giá không được âm"),
        ({"unit_price": "năm trăm"}, "không phải là số"),
        ({"unit_price": "5", "quantity": "0"}, r"Số người \(số lượng\) phải lớn hơn 0"),
        ({"unit_price": "5", "currency": "XYZ"}, "Đơn vị tiền tệ “XYZ” không có trong danh mục"),
        ({"unit_price": "5", "currency": "USD"}, "cần nhập tỷ giá USD/VND"),
        ({"unit_price": "5", "currency": "USD", "rate": "25000"}, "Ngày tỷ giá"),
        ({"unit_price": "NaN"}, "không phải là số"),
        ({"category": "caviar", "unit_price": "5"}, "không có trong danh mục"),
    ],
)
def test_bad_lines_are_refused_and_nothing_is_written(users, trip, values, message):
    with pytest.raises(WorkflowError, match=message):
        line(trip, users["officer1"], **{"category": "other", **values})
    trip.refresh_from_db()
    assert not CostLine.objects.filter(record_q(trip)).exists()
    assert trip.budget_status == BudgetStatus.NONE and trip.estimate_vnd == 0


def test_a_line_is_priced_from_the_norm_by_default_and_flagged_above_it(users, guests, meals_norms):
    by_norm = line(guests, users["officer1"], category="meals", quantity="6", days="3")
    assert by_norm.norm == meals_norms[1] and by_norm.unit_price == Decimal(1_600_000)  # the lower class first
    assert by_norm.amount_vnd == Decimal(28_800_000) and not by_norm.over_norm
    over = line(guests, users["officer1"], category="meals", unit_price="2500000", norm=meals_norms[0])
    assert over.over_norm and over.norm_amount == Decimal(2_000_000)
    page = api_client(users["officer1"]).get(f"/api/delegations/{guests.pk}/").json()
    assert page["estimate_vnd"] == "31300000"
    html = _client(users, "officer1").get(_budget_url(guests)).content.decode()
    assert "vượt định mức" in html and "2.000.000 đ/người/ngày" in html and "31.300.000 đ" in html


def test_a_norm_without_a_verified_amount_never_prices_a_line(users, guests):
    Norm.objects.create(kind=NormKind.INBOUND_MEALS, item="Chưa kiểm tra", source="Thông tư (thử)")
    with pytest.raises(WorkflowError, match="Đơn giá: cần nhập"):
        line(guests, users["officer1"], category="meals")


def test_only_the_unit_and_the_coordinator_edit_the_estimate(users, trip):
    for who in ("officer2", "leader", "finance"):
        with pytest.raises(StepPermissionDenied):
            line(trip, users[who], category="other", unit_price="100")
    line(trip, users["coordinator"], category="other", unit_price="100")


# ---------------------------------------------------------------------------------------------- appraisal


def test_finance_appraises_per_line_and_the_estimate_is_then_locked(users, trip):
    air = line(trip, users["officer1"], category="air_fare", quantity="4", unit_price="20000000")
    gifts = line(trip, users["officer1"], category="gifts", unit_price="5000000")
    trip.refresh_from_db()
    for who in ("officer1", "coordinator", "leader"):
        assert not services.BudgetSteps.transitions(type(trip).budget_steps)[0].permits(users[who], trip)
    done = services.budget_appraise(
        record=trip, by=users["finance"], comment="Giảm quà tặng", lines={gifts.pk: "3.000.000"}
    )
    assert done.budget_status == BudgetStatus.APPRAISED and done.appraised_vnd == Decimal(83_000_000)
    assert done.estimate_vnd == Decimal(85_000_000) and done.budget_note == "Giảm quà tặng"
    assert CostLine.objects.get(pk=air.pk).appraised_vnd == Decimal(80_000_000)
    event = BusinessEvent.objects.get(object_id=trip.pk, verb="appraise_budget")
    assert event.actor == users["finance"] and "83.000.000 đ" in event.summary
    with pytest.raises(WorkflowError, match="đã được thẩm định"):
        line(done, users["officer1"], category="other", unit_price="1")


def test_a_returned_estimate_goes_back_to_finance_when_the_unit_changes_it(users, trip):
    made = line(trip, users["officer1"], category="other", unit_price="100000000")
    trip.refresh_from_db()
    with pytest.raises(WorkflowError, match="lý do"):
        services.budget_return(record=trip, by=users["finance"], reason=" ")
    returned = services.budget_return(record=trip, by=users["finance"], reason="Vượt định mức chỗ ở")
    assert returned.budget_status == BudgetStatus.RETURNED
    assert not any(t.name == "appraise_budget" for t in _available(users["finance"], returned))
    services.cost_line_save(
        record=returned, by=users["officer1"], line=made, values={"category": "other", "unit_price": "60.000.000"}
    )
    returned.refresh_from_db()
    assert returned.budget_status == BudgetStatus.PENDING and returned.estimate_vnd == Decimal(60_000_000)
    assert (
        "gửi lại Sở Tài chính"
        in BusinessEvent.objects.filter(object_id=trip.pk, verb="estimate").order_by("pk").last().summary
    )


def test_appraisal_refusals_name_the_reason(users, trip):
    with pytest.raises(WorkflowError, match="chưa có dự toán"):
        services.budget_appraise(record=trip, by=users["finance"])
    line(trip, users["officer1"], category="other", unit_price="100")
    trip.refresh_from_db()
    with pytest.raises(StepPermissionDenied):
        services.budget_appraise(record=trip, by=users["coordinator"])
    with pytest.raises(WorkflowError, match="không phải là số"):
        services.budget_appraise(record=trip, by=users["finance"], total="abc")
    with pytest.raises(WorkflowError, match="không thuộc bản ghi này"):
        services.budget_appraise(record=trip, by=users["finance"], lines={999999: "1"})
    trip.refresh_from_db()
    assert trip.budget_status == BudgetStatus.PENDING and trip.appraised_vnd is None


def test_the_finance_home_lists_what_waits_for_it_and_nothing_else(users, client_for):
    waiting = DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan", name="Đoàn chờ thẩm định")
    line(waiting, users["officer1"], category="other", unit_price="100")
    DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan", name="Đoàn chưa có dự toán")
    own = DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan", uses_state_budget=False,
                            name="Đoàn tự túc")  # fmt: skip
    line(own, users["officer1"], category="other", unit_price="100")
    event = EventFactory(organising_unit=users["officer1"].unit, status="proposed", title="Sự kiện chờ thẩm định")
    line(event, users["officer1"], category="venue", unit_price="100")
    page = client_for("finance").get("/").content.decode()
    assert "Đoàn chờ thẩm định" in page and "Sự kiện chờ thẩm định" in page
    assert "Đoàn chưa có dự toán" not in page and "Đoàn tự túc" not in page


# --------------------------------------------------------------------------------------------- settlement


def test_settlement_only_after_the_trip_with_differences(users, trip):
    a = line(trip, users["officer1"], category="air_fare", unit_price="40000000")
    b = line(trip, users["officer1"], category="allowance", unit_price="10000000")
    trip.refresh_from_db()
    trip = services.budget_appraise(record=trip, by=users["finance"], lines={a.pk: "38000000"})
    trip.status, trip.actual_start, trip.actual_end = "done", TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=3)
    trip.save()
    with pytest.raises(WorkflowError, match="sau khi hoạt động đã kết thúc"):
        services.budget_settle(record=trip, by=users["officer1"], actual={a.pk: "1"})
    trip.actual_start, trip.actual_end = TODAY - dt.timedelta(days=5), TODAY - dt.timedelta(days=1)
    trip.save()
    with pytest.raises(StepPermissionDenied):
        services.budget_settle(record=trip, by=users["officer2"], actual={a.pk: "1"})
    with pytest.raises(WorkflowError, match="không được âm"):
        services.budget_settle(record=trip, by=users["officer1"], actual={a.pk: "-1"})
    settled = services.budget_settle(record=trip, by=users["officer1"], actual={a.pk: "39.500.000", b.pk: "9000000"})
    assert settled.budget_status == BudgetStatus.SETTLED and settled.actual_vnd == Decimal(48_500_000)
    rows = {r.pk: r for r in selectors.budget_lines(settled)}
    assert rows[a.pk].appraised_difference == Decimal(1_500_000)  # over the appraisal
    assert rows[b.pk].estimate_difference == Decimal(-1_000_000)
    assert "chênh lệch +500.000 đ" in BusinessEvent.objects.get(object_id=trip.pk, verb="settle").summary


# ------------------------------------------------------------------------------------------------- totals


def test_totals_by_source_unit_kind_and_quarter_are_summed_by_the_database(users, django_assert_max_num_queries):
    out = DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan", year=TODAY.year,
                            time_text="Tháng 5")  # fmt: skip
    line(out, users["coordinator"], category="air_fare", unit_price="30000000", funding_source="province")
    line(out, users["coordinator"], category="other", unit_price="5000000", funding_source="partner")
    out.refresh_from_db()
    services.budget_appraise(record=out, by=users["finance"])
    type(out).objects.filter(pk=out.pk).update(status="approved")  # decided: its appraised amounts are approved
    conf = ConferenceFactory(organising_unit=users["officer2"].unit, status="proposed", year=TODAY.year,
                             time_text="Tháng 11")  # fmt: skip
    line(conf, users["coordinator"], category="venue", unit_price="20000000", funding_source="province")
    DelegationFactory(proposing_unit=users["officer1"].unit, status="approved", year=TODAY.year - 1)
    with django_assert_max_num_queries(40):
        totals = selectors.budget_totals(year=TODAY.year, user=users["finance"])
    assert totals.total.estimate == Decimal(55_000_000)
    assert totals.total.appraised == totals.total.approved == Decimal(35_000_000)  # the conference is pending
    sources = dict(totals.by_source)
    assert sources["Ngân sách tỉnh"].estimate == Decimal(50_000_000)
    assert sources["Ngân sách tỉnh"].approved == Decimal(30_000_000)
    assert sources["Đối tác tài trợ"].estimate == Decimal(5_000_000)
    assert dict(totals.by_quarter)["Quý 2"].estimate == Decimal(35_000_000)
    assert dict(totals.by_quarter)["Quý 4"].estimate == Decimal(20_000_000)
    assert dict(totals.by_kind)["Đoàn ra"].approved == Decimal(35_000_000)
    assert dict(totals.by_unit)[users["officer2"].unit.name].estimate == Decimal(20_000_000)

    page = _client(users, "finance").get(reverse("finance:totals")).content.decode()
    assert "55.000.000 đ" in page and "Ngân sách tỉnh" in page
    xlsx = _client(users, "finance").get(reverse("finance:totals") + "?format=xlsx")
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb.sheetnames == ["Theo nguồn", "Theo đơn vị", "Theo loại", "Theo quý", "Chi tiết"]
    rows = [[c.value for c in r] for r in wb["Theo nguồn"].iter_rows(min_row=4)]
    assert rows[-1][:5] == ["Tổng cộng", 55000000, 35000000, 35000000, 0]
    assert wb["Theo nguồn"]["B4"].number_format == "#,##0"


def test_a_unit_officer_totals_only_what_it_may_see(users):
    draft = DelegationFactory(proposing_unit=users["officer2"].unit, status="draft", year=TODAY.year)
    line(draft, users["officer2"], category="other", unit_price="7000000")
    assert selectors.budget_totals(year=TODAY.year, user=users["officer1"]).total.estimate == 0


# ---------------------------------------------------------------------------------------------- the pages


def _client(users, who):
    from django.test import Client

    c = Client()
    c.force_login(users[who], backend="doingoai.core.backends.UserBackend")
    return c


def _budget_url(record):
    return reverse("finance:budget", args=[record._meta.label_lower, record.pk])


def _available(user, record):
    return [t for t in delegation_services.WORKFLOW.available(user, record)]


def test_the_budget_page_adds_edits_appraises_and_refuses_cleanly(users, trip):
    officer = _client(users, "officer1")
    url = _budget_url(trip)
    form = {"action": "add", "line-category": "other", "line-quantity": "1", "line-days": "1",
            "line-currency": "VND", "line-funding_source": "province"}  # fmt: skip
    bad = officer.post(url, form | {"line-unit_price": "-3"})
    assert bad.status_code == 400 and "Đơn giá không được âm" in bad.content.decode()
    assert not CostLine.objects.exists()
    ok = officer.post(url, form | {"line-quantity": "2", "line-unit_price": "1.500.000"})
    assert ok.status_code == 302
    made = CostLine.objects.get()
    assert made.amount_vnd == Decimal(3_000_000)
    assert _client(users, "officer2").get(url).status_code == 200  # in the plan: every unit reads it
    assert _client(users, "officer2").post(url, {"delete": made.pk}).status_code == 400  # but cannot change it
    assert CostLine.objects.filter(pk=made.pk).exists()
    finance = _client(users, "finance")
    page = finance.get(url).content.decode()
    assert f'name="appraised-{made.pk}"' in page
    done = finance.post(url, {"action": "appraise", f"appraised-{made.pk}": "2.800.000", "comment": "Đạt"})
    assert done.status_code == 302
    trip.refresh_from_db()
    assert trip.appraised_vnd == Decimal(2_800_000) and trip.budget_status == BudgetStatus.APPRAISED
    # the generic step page sends the appraisal to the budget page (amounts line by line)
    again = DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan")
    line(again, users["officer1"], category="other", unit_price="1")
    step = finance.get(reverse("delegations:delegation_action", args=[again.pk, "appraise_budget"]))
    assert step.status_code == 302 and step["Location"] == _budget_url(again)


def test_a_draft_budget_page_is_not_found_for_another_unit(users):
    draft = DelegationFactory(proposing_unit=users["officer2"].unit, status="draft")
    assert _client(users, "officer1").get(_budget_url(draft)).status_code == 404
    assert _client(users, "officer1").get("/finance/budget/core.unit/1/").status_code == 404
    assert _client(users, "officer1").get("/finance/budget/nothing/1/").status_code == 404


def test_the_api_takes_the_budget_steps_with_the_same_rules(users, trip):
    made = line(trip, users["officer1"], category="other", unit_price="10000000")
    finance = api_client(users["finance"])
    steps = {s["name"] for s in finance.get(f"/api/delegations/{trip.pk}/actions/").json()}
    assert {"appraise_budget", "return_budget"} <= steps
    url = f"/api/delegations/{trip.pk}/actions/appraise_budget/"
    assert api_client(users["coordinator"]).post(url, {}, format="json").status_code == 403
    bad = finance.post(url, {"lines": {str(made.pk): "mười triệu"}}, format="json")
    assert bad.status_code == 409 and "không phải là số" in bad.json()["detail"]
    bad = finance.post(url, {"lines": ["x"]}, format="json")
    assert bad.status_code == 400
    ok = finance.post(url, {"lines": {str(made.pk): "9000000"}, "comment": "Đạt"}, format="json")
    assert ok.status_code == 200 and ok.json()["appraised_vnd"] == "9000000"
    again = finance.post(url, {}, format="json")
    assert again.status_code in (403, 409)


def test_conferences_and_events_carry_a_budget_too(users):
    conf = ConferenceFactory(organising_unit=users["officer1"].unit, status="proposed")
    line(conf, users["officer1"], category="interpretation", quantity="2", days="2", unit_price="1500000")
    conf.refresh_from_db()
    conf = services.budget_appraise(record=conf, by=users["finance"])
    assert conf.appraised_vnd == Decimal(6_000_000)
    event = EventFactory(organising_unit=users["officer1"].unit, status="held", end_date=TODAY - dt.timedelta(days=2))
    made = line(event, users["officer1"], category="venue", unit_price="8000000")
    event.refresh_from_db()
    event = services.budget_settle(record=event, by=users["officer1"], actual={made.pk: "7500000"})
    assert event.actual_vnd == Decimal(7_500_000) and event.budget_status == BudgetStatus.SETTLED


def test_country_norms_are_preferred_for_the_country_of_the_line(users, trip):
    laos, japan = CountryFactory(code="LA", name_vi="Lào"), CountryFactory(code="JP", name_vi="Nhật Bản")
    general = Norm.objects.create(kind=NormKind.OUTBOUND_ALLOWANCE, item="Chung", amount=50, currency="USD",
                                  source="thử")  # fmt: skip
    lao = Norm.objects.create(kind=NormKind.OUTBOUND_ALLOWANCE, country=laos, item="Lào", amount=40, currency="USD",
                              source="thử")  # fmt: skip
    assert services.applicable_norms(record=trip, category="allowance", country=laos) == [lao]
    assert services.applicable_norms(record=trip, category="allowance", country=japan) == [general]
    made = line(trip, users["officer1"], category="allowance", country=laos, rate="25000", rate_date=TODAY)
    assert (made.norm, made.unit_price, made.currency, made.amount_vnd) == (lao, 40, "USD", Decimal(1_000_000))


def test_the_programme_api_and_dashboard_carry_the_budget(users, client_for):
    from docx import Document

    from doingoai.programs.exports import program_docx
    from tests.programs.factories import ProgramFactory, ProgramItemFactory

    programme = ProgramFactory(year=TODAY.year)
    ProgramItemFactory(plan=programme, section="III", text="KINH PHÍ THỰC HIỆN")
    ProgramItemFactory(plan=programme, section="IV", text="TỔ CHỨC THỰC HIỆN")
    trip = DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan", year=TODAY.year)
    line(trip, users["coordinator"], category="air_fare", unit_price="12345000", funding_source="province")
    trip.refresh_from_db()
    services.budget_appraise(record=trip, by=users["finance"], total="12000000")

    paragraphs = [p.text for p in Document(io.BytesIO(program_docx(year=TODAY.year).content)).paragraphs]
    budget_at = next(i for i, text in enumerate(paragraphs) if "KINH PHÍ THỰC HIỆN" in text)
    organisation_at = next(i for i, text in enumerate(paragraphs) if "TỔ CHỨC THỰC HIỆN" in text)
    intro = next(i for i, text in enumerate(paragraphs) if text.startswith("Tổng dự toán kinh phí"))
    assert budget_at < intro < organisation_at  # under the programme's own budget part
    assert "12.345.000 đ" in paragraphs[intro] and "12.000.000 đ" in paragraphs[intro]
    cells = [c.text for t in Document(io.BytesIO(program_docx(year=TODAY.year).content)).tables for r in t.rows
             for c in r.cells]  # fmt: skip
    assert "Ngân sách tỉnh" in cells and "12.345.000" in cells

    figures = api_client(users["leader"]).get(f"/api/figures/{TODAY.year}/").json()["budget"]
    assert figures["total"]["estimate"] == "12345000" and figures["by_source"][0]["label"] == "Ngân sách tỉnh"
    page = client_for("coordinator").get(programme.get_absolute_url()).content.decode()
    assert 'id="programme-budget"' in page and "12.345.000 đ" in page
    dashboard = client_for("finance").get(reverse("dashboard:dashboard") + f"?year={TODAY.year}").content.decode()
    assert 'id="chart-budget"' in dashboard and "12.345.000 đ" in dashboard


def test_finance_appraises_the_programme_by_funding_source(users, client_for):
    from doingoai.programs import services as plan_services
    from tests.programs.factories import ProgramFactory

    programme = ProgramFactory(year=TODAY.year)
    trip = DelegationFactory(proposing_unit=users["officer1"].unit, status="in_plan", year=TODAY.year)
    line(trip, users["coordinator"], category="air_fare", unit_price="12000000", funding_source="province")
    url = reverse("programs:plan_budget_appraisal", args=[programme.pk])
    assert client_for("coordinator").post(url, {"amount-province": "1"}).status_code == 403
    finance = client_for("finance")
    page = finance.get(programme.get_absolute_url()).content.decode()
    assert 'id="programme-appraise"' in page and 'name="amount-province"' in page
    finance.post(url, {"amount-province": "mười"})
    programme.refresh_from_db()
    assert programme.budget_appraisal == {}  # refused, nothing written
    done = finance.post(url, {"amount-province": "11.500.000", "amount-partner": "", "comment": "Đạt"})
    assert done.status_code == 302
    programme.refresh_from_db()
    assert programme.budget_appraisal == {"province": "11500000"} and programme.budget_note == "Đạt"
    assert "11.500.000 đ" in finance.get(programme.get_absolute_url()).content.decode()
    api = api_client(users["finance"])
    step = f"/api/plans/{programme.pk}/actions/appraise_budget/"
    assert api.post(step, {"amounts": {"caviar": "1"}}, format="json").status_code == 400
    ok = api.post(step, {"amounts": {"province": "11000000", "central": 5000000}}, format="json")
    assert ok.status_code == 200
    programme.refresh_from_db()
    assert programme.budget_appraisal == {"province": "11000000", "central": "5000000"}
    with pytest.raises(StepPermissionDenied):
        plan_services.plan_appraise_budget(plan=programme, by=users["leader"], amounts={"province": "1"})
