from __future__ import annotations

import pytest

from doingoai.events.models import Event, Inspection, TrainingCourse
from tests.factories import AidProjectFactory, CountryFactory, EventFactory, InspectionFactory, TrainingCourseFactory
from tests.registry_cases import RegistryViewCases


class TestEventViews(RegistryViewCases):
    model = Event
    factory = EventFactory
    owner_field = "organising_unit"
    published_status = "planned"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "title": "Ngày hội văn hóa Việt - Lào tại Viêng Chăn",
            "kind": "cultural",
            "time_text": "Tháng 7",
            "start_date": "2027-07-10",
            "end_date": "2027-07-12",
            "place": "Viêng Chăn",
            "countries": [CountryFactory().pk],
            "participants": "Đoàn nghệ thuật tỉnh",
            "participants_count": 40,
        }


class TestTrainingCourseViews(RegistryViewCases):
    model = TrainingCourse
    factory = TrainingCourseFactory
    owner_field = "organising_unit"
    published_status = "planned"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "title": "Bồi dưỡng kiến thức đối ngoại cho cán bộ cấp xã",
            "topic": "Lễ tân đối ngoại; thông tin đối ngoại",
            "audience": "Cán bộ xã biên giới",
            "time_text": "Quý II",
            "place": "Thành phố Vinh",
            "trainees_planned": 60,
        }


class TestInspectionViews(RegistryViewCases):
    model = Inspection
    factory = InspectionFactory
    owner_field = "inspecting_unit"
    published_status = "planned"
    title_field = "title"

    def form_data(self, users):
        return {
            "year": 2027,
            "title": "Kiểm tra việc quản lý đoàn ra năm 2026",
            "inspected_unit": users["coordinator"].unit.pk,
            "domain": "delegations",
            "scope": "Việc xin phép, báo cáo kết quả đoàn ra",
            "time_text": "Quý III",
        }


@pytest.mark.django_db
def test_event_form_refuses_dates_out_of_order(client_for, users):
    data = TestEventViews().form_data(users) | {"start_date": "2027-07-12", "end_date": "2027-07-10"}
    response = client_for("officer1").post("/events/add/", data)
    assert response.status_code == 400
    assert response.context["form"].errors["end_date"] == ["Ngày kết thúc không được trước ngày bắt đầu."]


@pytest.mark.django_db
def test_inspection_of_itself_is_refused(client_for, users):
    data = TestInspectionViews().form_data(users) | {"inspected_unit": users["officer1"].unit.pk}
    response = client_for("officer1").post("/inspections/add/", data)
    assert response.status_code == 400
    assert "phải khác cơ quan thanh tra" in response.context["form"].errors["inspected_unit"][0]


@pytest.mark.django_db
def test_event_lists_filter_by_quarter_and_country(client_for, users):
    july = EventFactory(organising_unit=users["officer1"].unit, time_text="Tháng 7", title="Sự kiện tháng bảy")
    march = EventFactory(organising_unit=users["officer1"].unit, time_text="Tháng 3", title="Sự kiện tháng ba")
    march.countries.set([CountryFactory()])
    c = client_for("officer1")
    q3 = c.get("/events/?quarter=3").content.decode()
    assert july.title in q3 and march.title not in q3
    laos = c.get(f"/events/?country={CountryFactory().pk}").content.decode()
    assert march.title in laos and july.title not in laos


@pytest.mark.django_db
def test_search_box_finds_the_cooperation_registries_without_diacritics(client_for, users):
    event = EventFactory(organising_unit=users["officer1"].unit, title="Lễ hội văn hóa Xiêng Khoảng", status="planned")
    aid = AidProjectFactory(managing_unit=users["officer1"].unit, title="Nước sạch cho bản Huồi Tụ", status="approved")
    c = client_for("officer2")
    assert event.get_absolute_url() in c.get("/search/?q=xieng khoang").content.decode()
    assert aid.get_absolute_url() in c.get("/search/?q=huoi tu").content.decode()
