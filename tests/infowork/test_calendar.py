"""The commemorations calendar: round anniversaries (every 5 years) and yearly days for any year, from the
calendar, the diplomatic relations and the partner localities; the plan tasks it proposes; the editorial calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.core.models import DiplomaticRelation
from doingoai.infowork.models import Commemoration, CommemorationKind, InfoProduct
from doingoai.infowork.selectors import commemorations_for_year
from doingoai.programs.models import PlanTask
from tests.factories import CountryFactory, PartnerFactory
from tests.programs.plan_data import make_info_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar_data(db):
    laos = CountryFactory()
    Commemoration.objects.create(
        kind=CommemorationKind.NATIONAL_DAY, title="Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
        date=dt.date(1945, 9, 2), yearly=True, source="Hiến pháp 2013",
    )  # fmt: skip
    Commemoration.objects.create(
        kind=CommemorationKind.FIGURE, title="Ngày sinh Chủ tịch Hồ Chí Minh", date=dt.date(1890, 5, 19),
        source="Tiểu sử Chủ tịch Hồ Chí Minh",
    )  # fmt: skip
    Commemoration.objects.create(
        kind=CommemorationKind.PARTNER_NATIONAL_DAY, title="Quốc khánh nước CHDCND Lào", date=dt.date(1975, 12, 2),
        country=laos, yearly=True, greetings=True, source="Đại sứ quán Lào",
    )  # fmt: skip
    DiplomaticRelation.objects.create(code="LA", name_vi="Lào", country=laos, established_on=dt.date(1962, 9, 5))
    PartnerFactory(name="Tỉnh Bô-ly-khăm-xay", country=laos, friendship_since=dt.date(2000, 2, 29))
    return laos


def test_round_anniversaries_and_yearly_days_of_a_year(calendar_data):
    occurrences = {o.title: o for o in commemorations_for_year(year=2027)}
    assert occurrences["Ngày thiết lập quan hệ ngoại giao Việt Nam – Lào"].years == 65
    assert occurrences["Quốc khánh nước CHDCND Lào"].years == 52 and not occurrences["Quốc khánh nước CHDCND Lào"].round
    assert occurrences["Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"].round is False
    assert "Ngày sinh Chủ tịch Hồ Chí Minh" not in occurrences  # 137 years: not a round year
    lao_day = occurrences["Quốc khánh nước CHDCND Lào"]
    assert lao_day.greetings and lao_day.task_text.startswith("Gửi thư, điện mừng")

    in_2025 = {o.title: o for o in commemorations_for_year(year=2025)}
    assert in_2025["Ngày sinh Chủ tịch Hồ Chí Minh"].years == 135 and in_2025["Ngày sinh Chủ tịch Hồ Chí Minh"].round
    assert in_2025["Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"].years == 80
    sister = in_2025["Ngày thiết lập quan hệ hữu nghị với Tỉnh Bô-ly-khăm-xay"]
    assert sister.date == dt.date(2025, 2, 28) and sister.years == 25  # 29/2 in a common year
    assert sister.task_text.startswith("Tổ chức các hoạt động kỷ niệm 25 năm")
    dates = [o.date for o in commemorations_for_year(year=2025)]
    assert dates == sorted(dates)
    round_only = commemorations_for_year(year=2027, round_only=True)
    assert all(o.round for o in round_only) and len(round_only) == 1


def test_the_plans_coordinator_turns_an_anniversary_into_a_plan_task(users, client_for, calendar_data):
    info = make_info_plan(users)
    year = info.plan.year
    page = client_for("coordinator").get("/infowork/anniversaries/", {"year": year, "pick": f"relation-LA-{year}"})
    if year - 1962 == 65 or (year - 1962) % 5 == 0:
        assert "Tổ chức các hoạt động kỷ niệm" in page.content.decode()
    data = {
        "plan": info.plan.pk,
        "text": "Gửi thư, điện mừng Quốc khánh nước CHDCND Lào",
        "deadline": f"{year}-11-25",
        "lead_unit": users["officer1"].unit.pk,
    }
    response = client_for("coordinator").post(f"/infowork/anniversaries/?year={year}", data)
    assert response.status_code == 302
    task = PlanTask.objects.get(plan=info.plan, text=data["text"])
    assert task.lead_unit == users["officer1"].unit and task.deadline == dt.date(year, 11, 25)
    again = client_for("coordinator").post(f"/infowork/anniversaries/?year={year}", data)
    assert again.status_code == 400 and "Kế hoạch đã có nhiệm vụ này" in again.content.decode()
    # An officer whose unit does not follow the plan up sees the list, not the form, and cannot post one.
    page = client_for("officer1").get("/infowork/anniversaries/", {"year": year}).content.decode()
    assert "Quốc khánh nước CHDCND Lào" in page and 'name="lead_unit"' not in page
    refused = client_for("officer1").post(f"/infowork/anniversaries/?year={year}", data | {"text": "Khác"})
    assert refused.status_code == 400 and not PlanTask.objects.filter(text="Khác").exists()


def test_the_editorial_calendar_shows_the_months_products_and_days(users, client_for, calendar_data):
    InfoProduct.objects.create(
        year=2027, title="Bản tin đối ngoại tháng 12", producing_unit=users["officer1"].unit,
        planned_on=dt.date(2027, 12, 10), status="reviewed",
    )  # fmt: skip
    body = client_for("officer2").get("/infowork/calendar/", {"year": 2027, "month": 12}).content.decode()
    assert "Bản tin đối ngoại tháng 12" in body and "Quốc khánh nước CHDCND Lào" in body
    assert (
        "Bản tin" not in client_for("officer2").get("/infowork/calendar/", {"year": 2027, "month": 11}).content.decode()
    )


def test_the_days_are_on_the_main_calendar(users, client_for, calendar_data):
    from doingoai.dashboard.calendar_selectors import calendar_entries

    entries = calendar_entries(user=users["officer1"], start=dt.date(2027, 12, 1), end=dt.date(2027, 12, 31))
    titles = [e.title for e in entries]
    assert "Quốc khánh nước CHDCND Lào" in titles
    in_2025 = calendar_entries(user=users["officer1"], start=dt.date(2025, 5, 1), end=dt.date(2025, 5, 31))
    assert "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh" in [e.title for e in in_2025]


@pytest.mark.parametrize("year", [2025, 2027])
@pytest.mark.parametrize("months", [[2], [9, 10, 11, 12], [5], [1, 3], []])
def test_the_days_of_some_months_are_those_of_the_whole_year_in_them(calendar_data, year, months):
    # The calendar asks for the few months it shows: the same occurrences as the year's, no fewer, no more.
    whole = [o for o in commemorations_for_year(year=year) if o.date.month in months]
    assert commemorations_for_year(year=year, months=months) == whole
    assert [o for o in commemorations_for_year(year=year, round_only=True) if o.date.month in months] == (
        commemorations_for_year(year=year, months=months, round_only=True)
    )
