"""No 500 from input: bodies that are not objects, deep nesting, bad text, wrong types and content types — each is
a JSON error with a Vietnamese message and the right status, on every endpoint (the parser, the exception
handler and the form bridge are shared, so one registry and the hand-written reporting viewsets stand for all)."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doingoai.core.uploads import check_upload
from doingoai.core.workflow import WorkflowError
from tests.api_cases import api_client
from tests.factories import CountryFactory, DelegationFactory

pytestmark = pytest.mark.django_db

VIETNAMESE = set("ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ")


def vietnamese(text: str) -> bool:
    return bool(VIETNAMESE & set(text.lower()))


def raw(client: APIClient, method: str, url: str, body: bytes | str, content_type: str = "application/json"):
    return getattr(client, method)(url, data=body, content_type=content_type)


def assert_refused(response, status: int = 400) -> dict:
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    data = response.json()
    messages = [data["detail"]] if "detail" in data else [m for ms in data.values() for m in ms]
    assert messages and all(vietnamese(m) for m in messages), data
    return data


def delegation_body(users) -> dict:
    return {
        "year": 2027,
        "direction": "out",
        "group": "departments",
        "name": "Đoàn xúc tiến du lịch",
        "countries": [CountryFactory().pk],
        "funding_source": "province",
        "uses_state_budget": True,
        "proposing_unit": users["officer1"].unit.pk,
    }


@pytest.fixture
def delegation(users):
    return DelegationFactory(proposing_unit=users["officer1"].unit)


@pytest.mark.parametrize("body", ["null", "[1, 2, 3]", '"một chuỗi"', "42", "true"])
def test_a_body_that_is_not_an_object_is_a_400(users, delegation, body):
    client = api_client(users["officer1"])
    for method, url in [
        ("post", "/api/delegations/"),
        ("patch", f"/api/delegations/{delegation.pk}/"),
        ("put", f"/api/delegations/{delegation.pk}/"),
        ("post", f"/api/delegations/{delegation.pk}/actions/submit/"),
        ("post", "/api/reporting-periods/"),
    ]:
        data = assert_refused(raw(client, method, url, body))
        assert data == {"detail": "Nội dung yêu cầu phải là một đối tượng JSON ({…})."}
    delegation.refresh_from_db()
    assert delegation.status == "draft"  # not a silent empty update


def test_deep_nesting_is_a_400_not_a_recursion_error(users, delegation):
    client = api_client(users["coordinator"])
    for body in ["[" * 5000 + "]" * 5000, '{"name": ' + "[" * 40 + "]" * 40 + "}", '{"a":' * 5000 + "1" + "}" * 5000]:
        assert "quá sâu" in assert_refused(raw(client, "patch", f"/api/delegations/{delegation.pk}/", body))["detail"]
    shallow = '{"name": "Đoàn mới", "note": ' + "[" * 3 + "]" * 3 + "}"
    assert raw(client, "patch", f"/api/delegations/{delegation.pk}/", shallow).status_code != 500


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('{"name": "\\ud800"}', "UTF-8"),
        (b'{"name": "\xff\xfe"}', "UTF-8"),
        ('{"name": "a", }', "JSON"),
        ('{"size": NaN}', "JSON"),
        ('{"size": 1e999}', "JSON"),
        ('{"size": ' + "9" * 5000 + "}", "JSON"),
    ],
)
def test_undecodable_bodies_are_a_400(users, delegation, body, expected):
    response = raw(api_client(users["coordinator"]), "patch", f"/api/delegations/{delegation.pk}/", body)
    assert expected in assert_refused(response)["detail"]


def test_a_body_over_the_limit_is_a_413(users, delegation, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"note": "x" * 2000})
    data = assert_refused(
        raw(api_client(users["coordinator"]), "patch", f"/api/delegations/{delegation.pk}/", body), 413
    )
    assert "1.000 byte" in data["detail"]


def test_a_wrong_content_type_is_a_415(users):
    response = raw(api_client(users["coordinator"]), "post", "/api/delegations/", "name=x", "text/plain")
    assert "text/plain" in assert_refused(response, 415)["detail"]


def test_booleans_accept_only_booleans(users, delegation):
    client = api_client(users["coordinator"])
    for value in ["yes", 1, 0, "true", None, [True], {"a": True}]:
        response = client.patch(
            f"/api/delegations/{delegation.pk}/", {"uses_state_budget": value, "version": 1}, format="json"
        )
        assert assert_refused(response) == {"uses_state_budget": ["Giá trị phải là true hoặc false."]}, value
    created = client.post("/api/delegations/", delegation_body(users) | {"uses_state_budget": False}, format="json")
    assert created.status_code == 201 and created.json()["uses_state_budget"] is False


def test_objects_and_lists_are_refused_where_one_value_is_expected(users, delegation):
    client = api_client(users["coordinator"])
    for body in [{"name": {"vi": "Đoàn"}}, {"name": ["Đoàn", "Hai"]}, {"size": [5]}, {"countries": [{"id": 1}]}]:
        response = client.patch(f"/api/delegations/{delegation.pk}/", body | {"version": 1}, format="json")
        field = next(iter(body))
        assert assert_refused(response) == {field: ["Giá trị không đúng kiểu."]}, body
    delegation.refresh_from_db()
    assert not delegation.name.startswith("{")


@pytest.mark.parametrize("text", ["Đoàn\x00", "Đoàn\x01công tác", "Đoàn\x1b[31m", "Đoàn\x7f", "Đoàn\x85công tác"])
def test_control_characters_are_refused_in_text_fields(users, delegation, text):
    client = api_client(users["coordinator"])
    response = client.patch(f"/api/delegations/{delegation.pk}/", {"name": text, "version": 1}, format="json")
    assert assert_refused(response) == {"name": ["Văn bản có ký tự điều khiển không hợp lệ."]}


def test_tab_and_newlines_stay_allowed(users, delegation):
    response = api_client(users["coordinator"]).patch(
        f"/api/delegations/{delegation.pk}/", {"purpose": "Dòng một\r\nDòng hai\tcột", "version": 1}, format="json"
    )
    assert response.status_code == 200, response.json()


def test_control_characters_are_refused_in_step_forms_and_web_forms(users, client_for):
    d = DelegationFactory(status="in_plan", proposing_unit=users["officer1"].unit)
    response = api_client(users["coordinator"]).post(
        f"/api/delegations/{d.pk}/actions/postpone/", {"reason": "Hoãn\x07"}, format="json"
    )
    assert assert_refused(response) == {"reason": ["Văn bản có ký tự điều khiển không hợp lệ."]}
    web = client_for("coordinator").post(f"/delegations/{d.pk}/action/postpone/", {"reason": "Hoãn\x07"})
    assert "ký tự điều khiển" in web.content.decode()
    d.refresh_from_db()
    assert d.status == "in_plan"
    edit = client_for("coordinator").post(f"/delegations/{d.pk}/edit/", {"name": "Đoàn\x01"})
    assert "ký tự điều khiển" in edit.content.decode()


def test_reporting_texts_refuse_control_characters(users):
    response = api_client(users["coordinator"]).post(
        "/api/reporting-periods/", {"label": "Quý\x01", "kind": "x"}, format="json"
    )
    data = assert_refused(response)
    assert data["label"] == ["Văn bản có ký tự điều khiển không hợp lệ."]


def test_drf_messages_are_vietnamese(users, delegation):
    client = api_client(users["coordinator"])
    assert assert_refused(client.get("/api/delegations/999999/"), 404) == {"detail": "Không tìm thấy bản ghi."}
    assert "đăng nhập" in assert_refused(api_client().get("/api/delegations/"), 401)["detail"]
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token sai-khoa")
    assert assert_refused(bad.get("/api/delegations/"), 401) == {"detail": "Khóa API không hợp lệ."}
    assert "PUT" in assert_refused(client.put("/api/figures/", {}, format="json"), 405)["detail"]
    assert assert_refused(client.delete("/api/countries/1/"), 405)
    # the reporting viewsets validate with DRF serializers: their stock messages are translated by code
    errors = assert_refused(client.post("/api/reporting-periods/", {"year": "x"}, format="json"))
    assert errors["year"] == ["Cần nhập một số nguyên."] and errors["label"] == ["Trường này là bắt buộc."]
    # a message the project raised in Vietnamese stays as it is
    assert client.post(f"/api/delegations/{delegation.pk}/actions/nope/").json() == {
        "detail": "Không có bước quy trình này."
    }


def test_token_header_errors_are_vietnamese(users):
    Token.objects.create(user=users["officer1"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token a b")
    assert_refused(client.get("/api/delegations/"), 401)


def test_django_404_and_500_under_api_are_json(users, client, monkeypatch):
    assert assert_refused(api_client(users["coordinator"]).get("/api/khong-co/"), 404) == {
        "detail": "Không tìm thấy địa chỉ này."
    }
    assert client.get("/khong-co/").headers["Content-Type"].startswith("text/html")

    from doingoai.api import views

    def boom(self, request):
        raise RuntimeError("lỗi thử")

    monkeypatch.setattr(views.FiguresIndexView, "get", boom)
    failing = api_client(users["coordinator"])
    failing.raise_request_exception = False
    assert assert_refused(failing.get("/api/figures/"), 500)["detail"].startswith("Lỗi máy chủ")


def test_upload_size_message_keeps_the_file_name():
    upload = SimpleUploadedFile("big100.pdf", b"%PDF-1.4\n" + b"0" * (101 * 1024 * 1024 // 10))
    with pytest.raises(WorkflowError) as refused:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr("django.conf.settings.DOINGOAI_REPORT_ATTACHMENT_MAX_MB", 1)
            check_upload(upload)
    assert "“big100.pdf”" in str(refused.value) and "10,1 MB" in str(refused.value)
