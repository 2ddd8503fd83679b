from __future__ import annotations

import pytest
from django.utils import timezone

from doingoai.delegations.models import Delegation, DelegationStatus
from tests.factories import CountryFactory, DelegationFactory
from tests.registry_cases import RegistryViewCases


class TestDelegationViews(RegistryViewCases):
    model = Delegation
    factory = DelegationFactory
    owner_field = "proposing_unit"
    published_status = "in_plan"
    title_field = "name"

    def form_data(self, users):
        return {
            "year": 2027,
            "direction": "out",
            "group": "departments",
            "name": "Đoàn xúc tiến du lịch tại Xiêng Khoảng",
            "capacity": "Đoàn công tác",
            "head": "Giám đốc Sở",
            "size": 5,
            "countries": [CountryFactory().pk],
            "time_text": "Quý II/Quý III",
            "funding_source": "province",
            "uses_state_budget": "on",
        }


@pytest.mark.django_db
def test_quarter_filter_uses_normalised_months(client_for, users):
    q2 = DelegationFactory(time_text="Quý II/Quý III", proposing_unit=users["officer1"].unit, name="Đoàn quý hai")
    q4 = DelegationFactory(time_text="Tháng 11-12", proposing_unit=users["officer1"].unit, name="Đoàn cuối năm")
    unknown = DelegationFactory(
        time_text="Tùy thuộc lịch thi đấu", proposing_unit=users["officer1"].unit, name="Đoàn thể thao"
    )
    body = client_for("coordinator").get("/delegations/?quarter=3").content.decode()
    assert q2.name in body and q4.name not in body and unknown.name not in body


@pytest.mark.django_db
def test_overlap_flagged_on_both_detail_pages_and_in_the_list(client_for, users):
    laos = CountryFactory()
    a = DelegationFactory(proposing_unit=users["officer1"].unit, countries=[laos], time_text="Quý II", name="Đoàn A")
    b = DelegationFactory(proposing_unit=users["officer2"].unit, countries=[laos], time_text="Tháng 5", name="Đoàn B")
    DelegationFactory(proposing_unit=users["officer2"].unit, countries=[laos], time_text="Quý IV", name="Đoàn C")
    c = client_for("coordinator")
    page_a = c.get(f"/delegations/{a.pk}/").content.decode()
    page_b = c.get(f"/delegations/{b.pk}/").content.decode()
    assert "Có thể kết hợp để tiết kiệm" in page_a and "Đoàn B" in page_a and "Đoàn C" not in page_a
    assert "Có thể kết hợp để tiết kiệm" in page_b and "Đoàn A" in page_b
    overlaps = c.get("/delegations/overlaps/?year=2027").content.decode()
    assert "Đoàn A" in overlaps and "Đoàn B" in overlaps and "Đoàn C" not in overlaps


@pytest.mark.django_db
def test_workflow_step_through_the_web(client_for, users):
    d = DelegationFactory(proposing_unit=users["officer1"].unit)
    c = client_for("officer1")
    assert "Gửi đề xuất" in c.get(f"/delegations/{d.pk}/").content.decode()
    assert c.post(f"/delegations/{d.pk}/action/submit/").status_code == 302
    d.refresh_from_db()
    assert d.status == "proposed"
    # the officer may not put it into the plan: no button, and a refused step
    assert "Đưa vào kế hoạch" not in c.get(f"/delegations/{d.pk}/").content.decode()
    c.post(f"/delegations/{d.pk}/action/include_in_plan/")
    d.refresh_from_db()
    assert d.status == "proposed"
    c = client_for("leader")
    response = c.post(f"/delegations/{d.pk}/action/approve/", {"decision_ref": "", "decision_date": ""})
    assert response.status_code == 400 and "Cần nhập số quyết định." in response.content.decode()


@pytest.mark.django_db
def test_the_overlap_page_opens_on_the_year_being_planned(client, users):
    """Issue 16, point 12: proposals for next year → the page opens on next year."""
    next_year = timezone.localdate().year + 1
    d = DelegationFactory(proposing_unit=users["officer1"].unit, year=next_year)
    Delegation.objects.filter(pk=d.pk).update(status=DelegationStatus.PROPOSED)
    client.force_login(users["coordinator"])
    response = client.get("/delegations/overlaps/")
    assert response.context["year"] == next_year


@pytest.mark.django_db
def test_the_list_is_called_after_the_menu_entry_it_was_opened_from(client, users):
    """Opened from "Đoàn ra", the list says so, with other filters too; unfiltered it has the registry's name."""
    client.force_login(users["officer1"])
    title = lambda query: client.get(f"/delegations/{query}").content.decode().split("<h1", 1)[1].split("</h1>")[0]  # noqa: E731
    assert title("?direction=out").endswith(">Đoàn ra")
    assert title("?direction=in&status=done").endswith(">Đoàn vào")
    assert title("").endswith(">Đoàn ra, đoàn vào")
    client.cookies["django_language"] = "en"
    assert title("?direction=out").endswith(">Outbound delegations")
