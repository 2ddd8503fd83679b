"""External information work: the products' workflow with their language versions, press releases, the restricted
false-information cases and their read log, and the deadlines they feed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from doingoai.core.deadlines import OVERDUE
from doingoai.core.registry import registry_for
from doingoai.core.workflow import StepPermissionDenied, WorkflowError
from doingoai.infowork import services
from doingoai.infowork.models import (
    FalseInfoCase,
    FalseInfoStatus,
    InfoProduct,
    InfoProductStatus,
    PressRelease,
    PressReleaseStatus,
    TranslationStatus,
)
from doingoai.persons.models import PersonalDataAccess
from doingoai.programs.models import SteeringCommittee
from tests.api_cases import api_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def standing(users):
    """officer1's unit is the standing agency of the external-information steering committee."""
    SteeringCommittee.objects.create(
        name="Ban Chỉ đạo công tác thông tin đối ngoại", standing_unit=users["officer1"].unit
    )
    return users["officer1"]


def product_of(user, **kw):
    values = {"year": TODAY.year, "title": "Phim ngắn quảng bá du lịch biển", "producing_unit": user.unit} | kw
    return InfoProduct.objects.create(**values)


def test_a_product_goes_from_plan_to_publication_through_reviewed_languages(users, standing):
    maker = users["officer2"]
    product = product_of(maker)
    with pytest.raises(WorkflowError, match="ít nhất một bản ngôn ngữ"):
        services.infoproduct_draft(infoproduct=product, by=maker)
    services.infoproduct_version_save(
        product=product, by=maker, language="vi", title="Biển Cửa Lò", translation_status="translated"
    )
    services.infoproduct_version_save(product=product, by=maker, language="lo", title="ທະເລ ກືອໂລ")
    with pytest.raises(WorkflowError, match="Chưa có bản dịch: Tiếng Lào"):
        services.infoproduct_draft(infoproduct=product, by=maker)
    lao = services.infoproduct_version_save(
        product=product, by=maker, language="lo", title="ທະເລ ກືອໂລ", translation_status="translated"
    )
    product = services.infoproduct_draft(infoproduct=product, by=maker)
    assert product.status == InfoProductStatus.DRAFTED

    # The standing agency reviews each language, then the product; the maker may not review its own.
    with pytest.raises(StepPermissionDenied):
        services.infoproduct_version_review(version=lao, by=maker, reviewer="Tôi")
    services.infoproduct_version_review(version=lao, by=standing, reviewer="Vông Phạ Chăn")
    with pytest.raises(WorkflowError, match="Tiếng Việt"):
        services.infoproduct_review(infoproduct=product, by=standing)
    services.infoproduct_version_review(version=product.versions.get(language="vi"), by=standing, reviewer="Lê Thị Hoa")
    with pytest.raises(StepPermissionDenied):
        services.infoproduct_review(infoproduct=product, by=maker)
    product = services.infoproduct_review(infoproduct=product, by=standing)
    assert product.status == InfoProductStatus.REVIEWED

    with pytest.raises(WorkflowError, match="sau ngày hôm nay"):
        services.infoproduct_publish(infoproduct=product, by=maker, published_on=TODAY + dt.timedelta(days=1))
    product = services.infoproduct_publish(
        infoproduct=product, by=maker, published_on=TODAY, link="https://nghean.gov.vn/bien"
    )
    assert product.status == InfoProductStatus.PUBLISHED and product.published_on == TODAY
    product = services.infoproduct_record_reach(infoproduct=product, by=maker, reach=12500)
    assert product.reach == 12500
    lao.refresh_from_db()
    assert lao.reviewer == "Vông Phạ Chăn" and lao.reviewed_on == TODAY
    assert product.history.filter(history_user=standing).exists()


def test_revision_sends_the_product_back_and_a_changed_translation_is_reviewed_again(users, standing):
    maker = users["officer2"]
    product = product_of(maker)
    version = services.infoproduct_version_save(
        product=product, by=maker, language="en", title="Cua Lo beach", translation_status="translated"
    )
    services.infoproduct_draft(infoproduct=product, by=maker)
    services.infoproduct_version_review(version=version, by=standing, reviewer="John Doe")
    with pytest.raises(WorkflowError, match="yêu cầu chỉnh sửa"):
        services.infoproduct_revise(infoproduct=product, by=standing, comment="  ")
    product = services.infoproduct_revise(infoproduct=product, by=standing, comment="Sửa tên bãi biển")
    assert product.status == InfoProductStatus.PLANNED and product.status_note == "Sửa tên bãi biển"
    version = services.infoproduct_version_save(
        product=product, by=maker, language="en", title="Cua Lo Beach", translation_status="translated"
    )
    assert version.reviewer == "" and version.translation_status == TranslationStatus.TRANSLATED


def test_only_the_producing_unit_edits_versions_and_nobody_marks_its_own_translation_reviewed(users, standing):
    product = product_of(users["officer2"])
    with pytest.raises(StepPermissionDenied):
        services.infoproduct_version_save(product=product, by=users["officer1"], language="en", title="x")
    with pytest.raises(WorkflowError, match="cơ quan thường trực thẩm định"):
        services.infoproduct_version_save(
            product=product, by=users["officer2"], language="en", translation_status=TranslationStatus.REVIEWED
        )
    assert not product.versions.exists()


def test_the_standing_agency_reads_every_drafted_product_other_units_do_not(users, standing, client_for):
    product = product_of(users["officer2"], status=InfoProductStatus.DRAFTED)
    assert client_for("officer1").get(product.get_absolute_url()).status_code == 200  # the standing agency
    SteeringCommittee.objects.update(active=False)
    assert client_for("officer1").get(product.get_absolute_url()).status_code == 404


def test_search_finds_a_product_by_any_language_title_without_accents(users, client_for):
    maker = users["officer2"]
    product = product_of(maker, status=InfoProductStatus.REVIEWED)
    services.infoproduct_version_save(product=product, by=users["coordinator"], language="en", title="Discover Nghe An")
    body = client_for("coordinator").get("/infowork/products/", {"q": "discover"}).content.decode()
    assert product.get_absolute_url() in body
    body = client_for("coordinator").get("/infowork/products/", {"q": "phim ngan quang ba"}).content.decode()
    assert product.get_absolute_url() in body
    found = client_for("coordinator").get("/search/", {"q": "Discover Nghe An"}).content.decode()
    assert product.get_absolute_url() in found


def test_versions_are_added_and_reviewed_through_the_product_page(users, standing, client_for):
    product = product_of(users["officer2"])
    response = client_for("officer2").post(
        f"/infowork/products/{product.pk}/versions/",
        {"language": "ja", "title": "ゲアン", "translation_status": "translated"},
    )
    assert response.status_code == 302
    version = product.versions.get(language="ja")
    services.infoproduct_draft(infoproduct=product, by=users["officer2"])
    page = client_for("officer1").get(product.get_absolute_url()).content.decode()
    assert "ゲアン" in page and f"/infowork/products/versions/{version.pk}/review/" in page
    client_for("officer1").post(f"/infowork/products/versions/{version.pk}/review/", {"reviewer": "Tanaka"})
    version.refresh_from_db()
    assert version.translation_status == TranslationStatus.REVIEWED
    # Another unit cannot add a version, whatever it posts.
    client_for("officer1").post(
        f"/infowork/products/{product.pk}/versions/", {"language": "ko", "title": "x", "translation_status": "todo"}
    )
    assert not product.versions.filter(language="ko").exists()


def test_a_press_release_is_issued_only_once_its_day_has_come(users):
    officer = users["officer2"]
    release = PressRelease.objects.create(
        date=TODAY + dt.timedelta(days=2), year=TODAY.year, title="Họp báo Năm Du lịch", spokesperson="Ông A",
        issuing_unit=officer.unit,
    )  # fmt: skip
    with pytest.raises(WorkflowError, match="chưa đến"):
        services.pressrelease_issue(pressrelease=release, by=officer)
    PressRelease.objects.filter(pk=release.pk).update(date=TODAY)
    assert services.pressrelease_issue(pressrelease=release, by=officer).status == PressReleaseStatus.ISSUED
    with pytest.raises(StepPermissionDenied):
        services.pressrelease_cancel(pressrelease=release, by=users["officer1"], reason="x")


# ----------------------------------------------------------------------------------------- false information


def case_of(unit, **kw):
    values = {
        "detected_on": TODAY - dt.timedelta(days=5),
        "source": "Trang Facebook giả mạo",
        "summary": "Tin sai về việc đóng cửa khẩu Nậm Cắn",
        "topic": "Cửa khẩu Nậm Cắn",
        "handling_unit": unit,
    } | kw
    return FalseInfoCase.objects.create(**values)


def test_a_case_is_read_by_its_unit_the_standing_agency_and_leaders_only(users, client_for):
    case = case_of(users["officer2"].unit)
    for role, status in [("officer2", 200), ("coordinator", 200), ("leader", 200), ("admin", 200),
                         ("finance", 404), ("officer1", 404)]:  # fmt: skip
        assert client_for(role).get(case.get_absolute_url()).status_code == status, role
    list_body = client_for("officer1").get("/infowork/false-information/").content.decode()
    assert "Nậm Cắn" not in list_body
    assert "Nậm Cắn" not in client_for("finance").get("/search/", {"q": "Nam Can"}).content.decode()
    SteeringCommittee.objects.create(name="Ban Chỉ đạo TTĐN", standing_unit=users["officer1"].unit)
    assert client_for("officer1").get(case.get_absolute_url()).status_code == 200


def test_every_read_of_a_case_is_logged(users, client_for):
    case = case_of(users["officer2"].unit)
    client_for("officer2").get(case.get_absolute_url())
    client_for("leader").get(case.get_absolute_url())
    client_for("officer2").get(f"/infowork/false-information/{case.pk}/edit/")
    assert api_client(users["coordinator"]).get(f"/api/false-information/{case.pk}/").status_code == 200
    client_for("finance").get(case.get_absolute_url())  # refused: nothing read, nothing logged
    logged = PersonalDataAccess.objects.filter(object_id=case.pk, content_type__model="falseinfocase")
    assert sorted(logged.values_list("username", "action")) == [
        ("coordinator", "api"), ("leader", "view"), ("officer2", "edit"), ("officer2", "view"),
    ]  # fmt: skip
    assert all("Nậm Cắn" not in row.record_label for row in logged)


def test_a_case_is_assessed_answered_and_closed_with_the_days_to_answer(users):
    officer = users["officer2"]
    case = case_of(officer.unit)
    case = services.falseinfocase_assess(falseinfocase=case, by=officer, risk="high", assessment="Lan truyền nhanh")
    with pytest.raises(WorkflowError, match="trước ngày phát hiện"):
        services.falseinfocase_answer(
            falseinfocase=case, by=officer, answered_on=case.detected_on - dt.timedelta(days=1), response="x",
            response_where="Báo Nghệ An",
        )  # fmt: skip
    case = services.falseinfocase_answer(
        falseinfocase=case, by=officer, answered_on=case.detected_on + dt.timedelta(days=2),
        response="Cửa khẩu vẫn thông quan bình thường", response_where="Báo Nghệ An",
    )  # fmt: skip
    assert case.status == FalseInfoStatus.ANSWERED and case.days_to_answer == 2
    with pytest.raises(StepPermissionDenied):
        services.falseinfocase_close(falseinfocase=case, by=officer)  # the standing agency closes
    case = services.falseinfocase_close(falseinfocase=case, by=users["coordinator"], comment="Đã gỡ bài")
    assert case.status == FalseInfoStatus.CLOSED and case.closed_on == TODAY


def test_an_unanswered_case_and_a_late_product_are_deadlines_of_their_unit(users):
    unit = users["officer2"].unit
    case = case_of(unit)  # detected 5 days ago, 3 days to answer
    product = product_of(users["officer2"], planned_on=TODAY - dt.timedelta(days=1))
    case_rule = registry_for(FalseInfoCase).deadlines[0]
    deadlines = list(case_rule.deadlines(registry_for(FalseInfoCase), users["officer2"]))
    assert [(d.due, d.unit) for d in deadlines] == [(case.detected_on + dt.timedelta(days=3), unit)]
    assert deadlines[0].stage(TODAY) == OVERDUE and "Nậm Cắn" not in deadlines[0].title
    assert not list(case_rule.deadlines(registry_for(FalseInfoCase), users["officer1"]))
    product_rule = registry_for(InfoProduct).deadlines[0]
    assert list(product_rule.overdue(registry_for(InfoProduct), users["coordinator"], TODAY)) == [product]
    services.falseinfocase_assess(falseinfocase=case, by=users["officer2"], risk="low", assessment="Ít lan truyền")
    assert len(list(case_rule.deadlines(registry_for(FalseInfoCase), users["officer2"]))) == 1  # still owed
