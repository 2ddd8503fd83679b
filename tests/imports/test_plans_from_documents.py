"""Importing a document creates the plan itself: kind, number, signer, planned counts, reporting regime and the
task tree with its units matched to the unit registry; reviewed first, never duplicated, all or nothing."""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from doingoai.core.models import Unit
from doingoai.core.workflow import WorkflowError
from doingoai.delegations.models import Delegation
from doingoai.imports.matching import UnitResolver, units_in_task
from doingoai.imports.models import ImportStatus, PendingImport
from doingoai.programs import services as program_services
from doingoai.programs.models import Plan, PlanKind, PlanStatus, PlanTask, SteeringCommittee
from tests.factories import UnitFactory
from tests.imports.test_documents import CONTRACT, review, upload

pytestmark = pytest.mark.django_db

TASKS = [
    {
        "section": "II.1",
        "pillar": "general",
        "domain": "Công tác thông tin đối ngoại",
        "text": "Xây dựng phim quảng bá du lịch tỉnh bằng tiếng Lào và tiếng Anh.",
        "lead_unit": "Sở Du lịch tỉnh Nghệ An",
        "coordinating_units": ["Công an tỉnh", "Đài Phát thanh và Truyền hình tỉnh"],
    },
    {
        "section": "II.1",
        "pillar": "general",
        "domain": "Công tác thông tin đối ngoại",
        "text": "Tổ chức đón phóng viên nước ngoài đến tác nghiệp tại tỉnh.",
        "lead_unit": "Công an tỉn",  # misspelt in the document: matched fuzzily
        "coordinating_units": ["Sở Ngoại vụ"],
    },
    {
        "section": "II.2.a",
        "pillar": "state",
        "domain": "Ngoại giao kinh tế",
        "text": "Tổ chức Hội nghị xúc tiến đầu tư Nhật Bản tại tỉnh trước ngày 30/6/2022.",
        "lead_unit": None,
        "coordinating_units": [],
    },
]
PROGRAMME = {
    **copy.deepcopy(CONTRACT),
    "tasks": TASKS,
    "reporting": [
        {"period": "semiannual", "due": "06-15", "days_after": None, "to": "UBND tỉnh (qua Sở Ngoại vụ)"},
        {"period": "annual", "due": "12-15", "days_after": None, "to": "UBND tỉnh"},
        {"period": "weekly", "due": None, "days_after": None, "to": ""},  # not a period the system knows
    ],
    "deadlines": [{"date": "2022-06-30", "text": "Tổ chức Hội nghị xúc tiến đầu tư Nhật Bản tại tỉnh"}],
}
BODY_ONLY = {
    **copy.deepcopy(PROGRAMME),
    "document": {**CONTRACT["document"], "title": "Chương trình hoạt động đối ngoại năm 2025", "year": 2025},
    "partners": [],
    "delegations": [],
    "conferences": [],
    "agreements": [],
    "deadlines": [],
}
SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
SEED_2025 = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS.is_dir() else None

# An external-information plan as the steering committee issues it, read by the real reader and extraction.
INFORMATION_PLAN = """TỈNH ỦY NGHỆ AN
BAN CHỈ ĐẠO CÔNG TÁC THÔNG TIN ĐỐI NGOẠI
Số: 12/KH-BCĐ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 15 tháng 01 năm 2026
KẾ HOẠCH
Công tác thông tin đối ngoại năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao hiệu quả công tác thông tin đối ngoại của tỉnh.
II. NHIỆM VỤ
1. Thông tin, tuyên truyền về hình ảnh tỉnh
- Xây dựng phim giới thiệu tỉnh bằng tiếng Anh và tiếng Lào. Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Ngoại vụ, \
Báo Nghệ An thực hiện.
- Cập nhật trang thông tin đối ngoại của tỉnh hằng tháng. Sở Ngoại vụ chủ trì, phối hợp với Công an tỉnh thực hiện.
2. Quản lý phóng viên nước ngoài
- Hướng dẫn phóng viên nước ngoài tác nghiệp tại tỉnh theo quy định. Công an tỉnh chủ trì, phối hợp với Sở Ngoại vụ \
thực hiện.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị báo cáo kết quả 6 tháng trước ngày 15/6 và báo cáo năm trước ngày 15/12 gửi về Ban Tuyên giáo và \
Dân vận Tỉnh ủy để tổng hợp.
TM. BAN CHỈ ĐẠO
TRƯỞNG BAN
Nguyễn Văn Thông
"""


def use(monkeypatch, contract: dict) -> dict:
    data = copy.deepcopy(contract)
    monkeypatch.setattr("doingoai.imports.documents.extract_file", lambda path: copy.deepcopy(data))
    return data


def confirm(client, pending: PendingImport, unit: Unit, **choices: object):
    data = {"action": "confirm", "default_unit": unit.pk, "partners_listed": "1", **choices}
    return client.post(reverse("imports:document_detail", args=[pending.pk]), data)


def test_the_programme_is_created_with_its_tasks_and_their_units(client_for, users, countries, monkeypatch):
    use(monkeypatch, PROGRAMME)
    tourism, police, foreign = users["officer1"].unit, users["officer2"].unit, users["coordinator"].unit
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    draft = review(client, pending).context["draft"]
    assert draft.existing is None and draft.kind == PlanKind.PROGRAM and draft.status == PlanStatus.DRAFT
    assert not Plan.objects.exists(), "the review saves nothing"

    confirm(client, pending, foreign)
    pending.refresh_from_db()
    assert pending.status == ImportStatus.IMPORTED and pending.report["plan"]["tasks_created"] == 5
    plan = Plan.objects.get()
    assert (plan.kind, plan.year, plan.number, plan.status) == (PlanKind.PROGRAM, 2022, "818/CTr-UBND", "draft")
    assert plan.issued_on is None, "the document gives no date: the programme stays a draft"
    assert plan.signer_name == "Lê Hồng Vinh" and plan.issuer == "UBND tỉnh Nghệ An"
    assert plan.coordinating_unit == foreign
    assert (plan.planned_outbound, plan.planned_inbound, plan.planned_conferences, plan.planned_agreements) == (
        2,
        1,
        1,
        1,
    )
    assert plan.reporting == [
        {"period": "semiannual", "due": "06-15", "days_after": None, "to": "UBND tỉnh (qua Sở Ngoại vụ)"},
        {"period": "annual", "due": "12-15", "days_after": None, "to": "UBND tỉnh"},
    ]
    assert Delegation.objects.count() == 3, "the appendix rows as before"

    heading = plan.tasks.get(section="II.1", parent=None)
    assert heading.text == "Công tác thông tin đối ngoại" and heading.lead_unit is None
    film, press = heading.children.order_by("order")
    assert film.lead_unit == tourism and film.section == "II.1"
    assert list(film.coordinating_units.all()) == [police]
    assert "Đài Phát thanh và Truyền hình tỉnh" in film.status_note, "a unit not in the registry is kept as text"
    assert press.lead_unit == police and list(press.coordinating_units.all()) == [foreign]
    conference = plan.tasks.get(section="II.2.a")
    assert conference.parent.section == "II.2" and conference.parent.text == "Ngoại giao kinh tế"
    assert conference.deadline == dt.date(2022, 6, 30) and conference.pillar == "state"
    assert film.history.first().history_user == users["coordinator"]


def test_the_review_shows_each_match_and_the_lead_unit_chosen_there_is_used(client_for, users, countries, monkeypatch):
    use(monkeypatch, PROGRAMME)
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    response = review(client, pending)
    html = response.content.decode()
    draft = response.context["draft"]
    film, press = (t for t in draft.tasks if not t.heading and t.section == "II.1")
    assert film.lead.score == 0.9 and 0.8 <= press.lead.score < 1
    assert "Văn bản ghi: “Công an tỉn” → khớp" in html and f"khớp {press.lead.percent}%" in html
    assert f'name="lead:{film.key}"' in html and 'Sở Ngoại vụ <span class="text-muted">(100%)</span>' in html
    assert "Đài Phát thanh và Truyền hình tỉnh (chưa có trong danh mục)" in html
    assert "Xác nhận nhập 5 bản ghi, tạo kế hoạch và 5 nhiệm vụ" in html

    foreign = users["coordinator"].unit
    confirm(client, pending, foreign, **{f"lead:{film.key}": str(foreign.pk), f"lead:{press.key}": ""})
    assert PlanTask.objects.get(text__startswith="Xây dựng phim").lead_unit == foreign
    assert PlanTask.objects.get(text__startswith="Tổ chức đón phóng viên").lead_unit is None


def test_a_second_import_creates_no_plan_and_no_task(client_for, users, countries, monkeypatch):
    use(monkeypatch, PROGRAMME)
    client = client_for("coordinator")
    upload(client)
    confirm(client, PendingImport.objects.get(), users["coordinator"].unit)
    plan = Plan.objects.get()
    before = (PlanTask.objects.count(), Delegation.objects.count(), plan.version)

    upload(client)
    second = PendingImport.objects.latest("pk")
    response = review(client, second)
    draft = response.context["draft"]
    assert draft.existing == plan and draft.tasks_to_create == 0 and draft.tasks_skipped == 5 and not draft.fills
    assert "Chương trình năm 2022 đã có" in response.content.decode()
    assert not response.context["plan"].has_changes
    confirm(client, second, users["coordinator"].unit)
    second.refresh_from_db()
    assert second.status == ImportStatus.IMPORTED and second.report["plan"]["created"] is False
    plan.refresh_from_db()
    assert (PlanTask.objects.count(), Delegation.objects.count(), plan.version) == before
    assert Plan.objects.count() == 1


def test_a_programme_made_by_hand_is_completed_not_duplicated(client_for, users, countries, monkeypatch):
    data = use(monkeypatch, PROGRAMME)
    by_hand = program_services.program_create(year=2022, by=users["coordinator"], planned_outbound=40)
    PlanTask.objects.create(plan=by_hand, section="II.1", text=TASKS[0]["text"])
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    draft = review(client, pending).context["draft"]
    assert draft.existing == by_hand and "chưa có số" in draft.identity
    assert "Số văn bản" in draft.fills and "Số đoàn ra dự kiến (văn bản nêu)" not in draft.fills
    confirm(client, pending, users["coordinator"].unit)
    by_hand.refresh_from_db()
    assert Plan.objects.count() == 1
    assert by_hand.number == data["document"]["number"] and by_hand.planned_inbound == 1
    assert by_hand.planned_outbound == 40, "what the plan holds is not overwritten"
    assert PlanTask.objects.filter(text=TASKS[0]["text"]).count() == 1, "a task already there is skipped"
    assert by_hand.tasks.count() == 5


def test_a_body_only_programme_is_confirmed_into_a_plan_with_its_tasks(client_for, users, countries, monkeypatch):
    data = copy.deepcopy(BODY_ONLY)
    data["document"]["issued_on"] = "2024-12-30"
    use(monkeypatch, data)
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    response = review(client, pending)
    html = response.content.decode()
    assert response.context["plan"].to_create == 0 and response.context["plan"].has_changes
    assert "Xác nhận nhập 0 bản ghi, tạo kế hoạch và 5 nhiệm vụ" in html
    assert 'type="submit" disabled' not in html
    confirm(client, pending, users["coordinator"].unit)
    pending.refresh_from_db()
    assert pending.status == ImportStatus.IMPORTED, pending.report
    plan = Plan.objects.get()
    assert plan.year == 2025 and plan.tasks.count() == 5 and not Delegation.objects.exists()
    assert plan.status == PlanStatus.ISSUED and plan.issued_on == dt.date(2024, 12, 30), "numbered and dated"
    assert plan.versions.count() == 1, "an issued programme keeps version 1 of its appendices"


def test_an_external_information_plan_becomes_an_information_plan(users, tmp_path):
    press = UnitFactory(name="Ban Tuyên giáo và Dân vận Tỉnh ủy", short_name="BTGDV")
    culture = UnitFactory(name="Sở Văn hóa và Thể thao", short_name="SVHTT")
    committee = SteeringCommittee.objects.create(
        name="Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", standing_unit=press
    )
    path = tmp_path / "ke-hoach-ttdn-2026.txt"
    path.write_text(INFORMATION_PLAN, encoding="utf-8")
    out = io.StringIO()
    call_command("import", str(path), "--user", "coordinator", stdout=out)
    plan = Plan.objects.get()
    assert plan.kind == PlanKind.INFORMATION and plan.number == "12/KH-BCĐ" and plan.year == 2026
    assert plan.title == "Kế hoạch công tác thông tin đối ngoại năm 2026"
    assert plan.committee == committee and plan.coordinating_unit == press, "followed up by the standing agency"
    assert [e["due"] for e in plan.reporting] == ["06-15", "12-15"]
    film = plan.tasks.get(text__startswith="Xây dựng phim")
    assert film.lead_unit == culture and list(film.coordinating_units.all()) == [users["coordinator"].unit]
    assert plan.tasks.get(text__startswith="Hướng dẫn phóng viên").lead_unit == users["officer2"].unit
    assert "tạo “Kế hoạch công tác thông tin đối ngoại năm 2026 (số 12/KH-BCĐ)” với 4 nhiệm vụ" in out.getvalue()


def test_a_failure_in_the_middle_leaves_nothing_saved(client_for, users, countries, monkeypatch):
    use(monkeypatch, PROGRAMME)
    real = program_services._check_task
    seen: list[str] = []

    def fail_on_the_third(task, **kwargs):
        seen.append(task.text)
        if len(seen) == 3:
            raise WorkflowError("Nhiệm vụ thử nghiệm không hợp lệ.")
        return real(task, **kwargs)

    monkeypatch.setattr(program_services, "_check_task", fail_on_the_third)
    client = client_for("coordinator")
    upload(client)
    pending = PendingImport.objects.get()
    response = confirm(client, pending, users["coordinator"].unit)
    assert response.status_code == 302
    assert len(seen) == 3, "two tasks were written before the failure"
    assert not Plan.objects.exists() and not PlanTask.objects.exists() and not Delegation.objects.exists()
    pending.refresh_from_db()
    assert pending.status == ImportStatus.READY, "the import can be confirmed again"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Nhiệm vụ thử nghiệm không hợp lệ."]


def test_the_command_dry_run_writes_nothing_then_imports_once(users, countries, monkeypatch, tmp_path):
    use(monkeypatch, PROGRAMME)
    path = tmp_path / "chuong-trinh-2022.txt"
    path.write_bytes(b"CHUONG TRINH")
    out = io.StringIO()
    call_command("import", str(path), "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Kế hoạch: sẽ tạo Chương trình hoạt động đối ngoại năm 2022 — 818/CTr-UBND" in text
    assert "Nhiệm vụ: sẽ tạo 5, bỏ qua (đã có) 0" in text and "chủ trì: Sở Du lịch (90%)" in text
    assert "Số lượng dự kiến: đoàn ra 2, đoàn vào 1, hội nghị 1, thỏa thuận 1" in text
    assert "chưa lưu gì" in text
    assert not Plan.objects.exists() and not PlanTask.objects.exists() and not Delegation.objects.exists()

    call_command("import", str(path), "--user", "coordinator", stdout=io.StringIO())
    assert Plan.objects.get().tasks.count() == 5
    out = io.StringIO()
    call_command("import", str(path), stdout=out)
    assert "bổ sung “Hoạt động đối ngoại" in out.getvalue() and "0 nhiệm vụ mới" in out.getvalue()
    assert Plan.objects.count() == 1 and PlanTask.objects.count() == 5


@pytest.mark.parametrize(
    ("written", "expected", "score"),
    [
        ("Sở Ngoại vụ", "Sở Ngoại vụ", 1.0),
        ("Sở Ngoại Vụ tỉnh Nghệ An", "Sở Ngoại vụ", 0.9),
        ("Sở Ngoại vu", "Sở Ngoại vụ", 1.0),  # tones aside the same name
        ("Sở Khoa hoc Công nghệ", "Sở Khoa học và Công nghệ", None),
        ("Ủy ban Mặt trận Tổ quốc tỉnh", None, None),
    ],
)
def test_unit_names_are_matched_with_a_score(db, written, expected, score):
    UnitFactory(name="Sở Ngoại vụ", short_name="SNgV")
    UnitFactory(name="Sở Khoa học và Công nghệ", short_name="SKHCN")
    match = UnitResolver(Unit.objects.all()).match(written)
    assert (match.unit.name if match.unit else None) == expected
    if score is not None:
        assert match.score == score
    elif expected:
        assert UnitResolver.FUZZY_MIN <= match.score < 1


def test_units_are_read_from_a_task_text_when_the_extraction_gives_none():
    assert units_in_task("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh thực hiện.") == (
        "Sở Nội vụ",
        "Sở Tài chính, Công an tỉnh thực hiện",
    )
    assert units_in_task("Cơ quan chủ trì: Sở Ngoại vụ; cơ quan phối hợp: Báo Nghệ An.") == (
        "Sở Ngoại vụ",
        "Báo Nghệ An",
    )
    assert units_in_task("Tăng cường quảng bá hình ảnh tỉnh.") == (None, "")


@pytest.mark.skipif(SEED_2025 is None, reason="../shared/seeds/000_*.txt is not here")
def test_the_2025_programme_without_appendices_is_imported_as_a_plan(client_for, users):
    from django.core.files.uploadedfile import SimpleUploadedFile

    call_command("load_refdata", verbosity=0, stdout=io.StringIO())
    client = client_for("coordinator")
    file = SimpleUploadedFile("chuong-trinh-2025.txt", SEED_2025.read_bytes(), content_type="text/plain")
    client.post(reverse("imports:document_upload"), {"file": file})
    pending = PendingImport.objects.get()
    plan = client.get(pending.get_absolute_url()).context["plan"]
    assert plan.to_create == 0 and plan.has_changes and plan.plan_draft.tasks_to_create > 20
    confirm(client, pending, users["coordinator"].unit)
    programme = Plan.objects.get(kind=PlanKind.PROGRAM, year=2025)
    assert programme.planned_outbound == 60 and programme.planned_inbound == 46
    assert programme.tasks.count() == plan.plan_draft.tasks_to_create and not Delegation.objects.exists()
