"""The partner page tells the relationship's story: milestones with round anniversaries, aliases as names, and
one timeline of every record linked to the partner (declared by each registry's `partner_link`)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.core.partner_story import partner_relations, partner_timeline, partner_timeline_kinds
from doingoai.core.registry import all_registries
from tests.factories import (
    AgreementActionFactory,
    AgreementFactory,
    AidProjectFactory,
    DelegationFactory,
    EventFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(users):
    partner = PartnerFactory(
        name="Xiêng Khoảng", aliases=["Xiengkhouang", "Xieng Khouang"], friendship_since=dt.date(2001, 9, 5)
    )
    unit = users["officer1"].unit
    agreement = AgreementFactory(
        proposing_unit=unit,
        partner=partner,
        status="in_force",
        title="Thỏa thuận hợp tác giai đoạn 2025–2030",
        year=2025,
        signed_on=dt.date(2025, 3, 10),
        valid_until=dt.date(2030, 3, 10),
    )
    AgreementActionFactory(agreement=agreement, owner_unit=unit, status="open", due_on=dt.date(2020, 1, 1))
    AgreementActionFactory(agreement=agreement, owner_unit=unit, status="done")
    delegation = DelegationFactory(proposing_unit=unit, name="Đoàn thăm và làm việc tại Xiêng Khoảng", year=2027)
    delegation.partners.set([partner])
    event = EventFactory(
        organising_unit=unit, title="Giao lưu hữu nghị nhân kỷ niệm quan hệ", year=2026, status="planned"
    )
    event.partners.set([partner])
    AidProjectFactory(managing_unit=unit, donor=partner, title="Trường học hữu nghị", year=2024, status="approved")
    # Another unit's draft: not part of what officer1 may read.
    hidden = DelegationFactory(proposing_unit=users["officer2"].unit, name="Dự thảo của Công an tỉnh", year=2027)
    hidden.partners.set([partner])
    AgreementFactory(title="Thỏa thuận với đối tác khác", partner=PartnerFactory(), status="in_force")
    return partner


def test_every_declared_partner_link_is_a_real_field():
    declared = {f"{r.app_label}.{r.model_name}" for r in all_registries() if r.partner_link}
    assert {
        "agreements.agreement",
        "delegations.delegation",
        "conferences.conference",
        "events.event",
        "aid.aidproject",
        "aid.investmentopportunity",
    } <= declared
    assert dict(partner_timeline_kinds()).keys() == declared


def test_timeline_gathers_every_kind_newest_first_within_the_users_rights(users, story):
    entries = partner_timeline(partner=story, user=users["officer1"])
    titles = [e.title for e in entries]
    assert titles == [
        "Đoàn thăm và làm việc tại Xiêng Khoảng",
        "Giao lưu hữu nghị nhân kỷ niệm quan hệ",
        "Thỏa thuận hợp tác giai đoạn 2025–2030",
        "Trường học hữu nghị",
    ]
    agreement = entries[2]
    assert agreement.day == dt.date(2025, 3, 10) and agreement.status == "Có hiệu lực"
    assert "đến 10/03/2030" in agreement.detail
    assert "2 việc triển khai, 1 đang thực hiện, 1 quá hạn" in agreement.detail
    coordinator_titles = [e.title for e in partner_timeline(partner=story, user=users["coordinator"])]
    assert "Dự thảo của Công an tỉnh" in coordinator_titles
    assert "Thỏa thuận với đối tác khác" not in coordinator_titles


def test_timeline_filters_by_year_and_kind(users, story):
    assert [e.title for e in partner_timeline(partner=story, user=users["officer1"], year=2024)] == [
        "Trường học hữu nghị"
    ]
    only = partner_timeline(partner=story, user=users["officer1"], kind="agreements.agreement")
    assert [e.kind for e in only] == ["agreements.agreement"]


def test_relations_give_round_anniversaries(story):
    story.mou_since = dt.date(2013, 5, 2)
    story.sister_since = dt.date(2020, 1, 1)
    relations = {r.label: r for r in partner_relations(partner=story, year=2026)}
    assert relations["Thiết lập quan hệ hữu nghị"].years == 25 and relations["Thiết lập quan hệ hữu nghị"].round
    assert relations["Ký biên bản ghi nhớ (MOU)"].years == 13 and not relations["Ký biên bản ghi nhớ (MOU)"].round
    assert relations["Kết nghĩa"].years == 6


def test_partner_page_shows_the_story_and_aliases_as_names(client_for, users, story):
    c = client_for("officer1")
    body = c.get(story.get_absolute_url()).content.decode()
    assert 'id="timeline"' in body and "Đoàn thăm và làm việc tại Xiêng Khoảng" in body
    assert "Dự thảo của Công an tỉnh" not in body
    assert "<li>Xiengkhouang</li>" in body and "[&#x27;Xiengkhouang" not in body and "['Xiengkhouang" not in body
    assert "Xiengkhouang; Xieng Khouang" in body  # the field row too
    years = timezone.localdate().year - 2001
    assert f"{years} năm" in body
    filtered = c.get(story.get_absolute_url() + "?year=2024&kind=aid.aidproject").content.decode()
    assert "Trường học hữu nghị" in filtered and "Đoàn thăm và làm việc" not in filtered
    none = c.get(story.get_absolute_url() + "?year=1990").content.decode()
    assert "Không có hoạt động nào khớp bộ lọc" in none


def test_a_partner_without_records_says_so(client_for, users):
    body = client_for("officer1").get(PartnerFactory().get_absolute_url()).content.decode()
    assert "Chưa có hoạt động nào gắn với đối tác này" in body
    assert "Chưa ghi ngày thiết lập quan hệ" in body
