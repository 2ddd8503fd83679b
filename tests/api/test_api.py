"""The API beyond the generated registry tests: step forms, figures, tokens, the root and the OpenAPI document."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doingoai.api.registry import registered
from doingoai.core.models import BusinessEvent
from tests.api_cases import api_client
from tests.factories import AgreementFactory, ConferenceFactory, CountryFactory, DelegationFactory
from tests.finance.data import appraise, make_authorities

pytestmark = pytest.mark.django_db


def test_step_form_validates_like_the_web_and_the_service_records_the_decision(users):
    make_authorities(users)
    d = appraise(DelegationFactory(status="in_plan", proposing_unit=users["officer1"].unit), users)
    leader = api_client(users["leader"])
    url = f"/api/delegations/{d.pk}/actions/approve/"
    refused = leader.post(url, {"decision_ref": "", "decision_date": "31/02/2027"}, format="json")
    assert refused.status_code == 400
    assert refused.json() == {
        "decision_ref": ["Cần nhập số quyết định."],
        "decision_date": ["Ngày không hợp lệ (ngày/tháng/năm)."],
    }
    done = leader.post(url, {"decision_ref": "405/QĐ-UBND", "decision_date": "2026-03-02"}, format="json")
    assert done.status_code == 200, done.json()
    d.refresh_from_db()
    assert (d.status, d.decision_ref, str(d.decision_date)) == ("approved", "405/QĐ-UBND", "2026-03-02")
    assert done.json()["status_display"] == "Đã phê duyệt"
    event = BusinessEvent.objects.get(object_id=d.pk, verb="approve")
    assert event.actor == users["leader"]
    # an officer of the owning unit may not approve: the same refusal as on the web
    d2 = DelegationFactory(status="in_plan", proposing_unit=users["officer1"].unit)
    body = {"decision_ref": "1/QĐ", "decision_date": "2026-03-02"}
    denied = api_client(users["officer1"]).post(f"/api/delegations/{d2.pk}/actions/approve/", body, format="json")
    assert denied.status_code == 403 and "không có quyền" in denied.json()["detail"]


def test_available_steps_list_their_form_fields(users):
    make_authorities(users)
    d = DelegationFactory(status="in_plan", proposing_unit=users["officer1"].unit)
    steps = {s["name"]: s for s in api_client(users["leader"]).get(f"/api/delegations/{d.pk}/actions/").json()}
    assert set(steps) == {"approve", "return_for_review", "postpone", "cancel"}
    assert [f["name"] for f in steps["approve"]["fields"]] == ["decision_ref", "decision_date"]
    assert steps["approve"]["url"].endswith(f"/api/delegations/{d.pk}/actions/approve/")
    assert api_client(users["officer1"]).get(f"/api/delegations/{d.pk}/actions/").json() == []


def test_many_to_many_and_form_encoded_writes(users):
    laos, thailand = CountryFactory(), CountryFactory(code="TH", name_vi="Thái Lan")
    client = api_client(users["officer1"])
    created = client.post(
        "/api/delegations/",
        {
            "year": 2027,
            "direction": "out",
            "group": "departments",
            "name": "Đoàn khảo sát du lịch",
            "countries": [laos.pk, thailand.pk],
            "funding_source": "province",
            "uses_state_budget": False,
        },
        format="json",
    ).json()
    assert sorted(created["countries"]) == sorted([laos.pk, thailand.pk])
    assert created["uses_state_budget"] is False and created["countries_names"]
    # the browsable API posts form-encoded data
    changed = client.patch(
        f"/api/delegations/{created['id']}/",
        {"countries": [str(laos.pk)], "size": "7", "version": str(created["version"])},
        format="multipart",
    )
    assert changed.status_code == 200, changed.json()
    assert changed.json()["countries"] == [laos.pk] and changed.json()["size"] == 7
    assert changed.json()["name"] == "Đoàn khảo sát du lịch"  # PATCH keeps what it does not send


def test_year_figures_for_the_ministry(users, settings):
    settings.PROVINCE_NAME = "Hà Tĩnh"
    laos = CountryFactory()
    unit = users["officer1"].unit
    for status, time_text in [("done", "Quý I"), ("approved", "Tháng 5"), ("in_plan", "Tùy thuộc lịch"), ("draft", "")]:
        DelegationFactory(status=status, time_text=time_text, countries=[laos], proposing_unit=unit)
    thailand = CountryFactory(code="TH", name_vi="Thái Lan", region="sea")
    DelegationFactory(status="done", direction="in", time_text="Tháng 11-12", countries=[thailand], proposing_unit=unit)
    DelegationFactory(status="done", year=2026, proposing_unit=unit)
    ConferenceFactory(status="held", time_text="Tháng 9", organising_unit=unit)
    AgreementFactory(status="signed", time_text="Quý III", proposing_unit=unit)
    data = api_client(users["leader"]).get("/api/figures/2027/").json()
    assert data["province"] == "Hà Tĩnh" and data["year"] == 2027
    figures = {r["registry"]: r for r in data["registries"]}
    d = figures["delegations"]
    assert (d["appendix"], d["planned"], d["done"]) == ("1, 2", 4, 2)
    quarters = {q["quarter"]: (q["planned"], q["done"]) for q in d["by_quarter"]}
    assert quarters == {1: (1, 1), 2: (1, 0), 3: (0, 0), 4: (1, 1), 0: (1, 0)}
    assert {s["status"]: s["count"] for s in d["by_status"]}["draft"] == 1
    directions = {g["value"]: (g["planned"], g["done"]) for g in d["groups"]}
    assert directions == {"out": (3, 1), "in": (1, 1)}
    regions = {r["region"]: (r["planned"], r["done"]) for r in d["by_region"]}
    assert regions == {"lao": (3, 1), "sea": (1, 1)}
    assert (figures["conferences"]["planned"], figures["conferences"]["done"]) == (1, 1)
    assert (figures["agreements"]["appendix"], figures["agreements"]["done"]) == ("4", 1)
    years = api_client(users["leader"]).get("/api/figures/").json()
    assert [y["year"] for y in years] == [2027, 2026]
    assert api_client(users["leader"]).get("/api/figures/1800/").status_code == 400


def test_figures_count_only_what_the_user_may_see(users):
    DelegationFactory(status="draft", proposing_unit=users["officer2"].unit)
    officer = api_client(users["officer1"]).get("/api/figures/2027/").json()
    leader = api_client(users["leader"]).get("/api/figures/2027/").json()

    def drafts(data):
        return {s["status"]: s["count"] for s in data["registries"][0]["by_status"]}["draft"]

    assert (drafts(officer), drafts(leader)) == (0, 1)


def test_token_page_creates_shows_once_and_revokes(client_for, users):
    c = client_for("officer1")
    assert "chưa có khóa" in c.get("/api/token/").content.decode()
    page = c.post("/api/token/", {"action": "create"}).content.decode()
    key = Token.objects.get(user=users["officer1"]).key
    assert key in page
    assert key not in c.get("/api/token/").content.decode()
    token_client = APIClient()
    token_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert token_client.get("/api/delegations/").status_code == 200
    c.post("/api/token/", {"action": "revoke"})
    assert not Token.objects.filter(user=users["officer1"]).exists()
    assert token_client.get("/api/delegations/").status_code == 401


def test_token_command(users):
    out = io.StringIO()
    call_command("api_token", "officer2", stdout=out)
    assert out.getvalue().strip() == Token.objects.get(user=users["officer2"]).key
    call_command("api_token", "officer2", "--revoke", stdout=io.StringIO())
    assert not Token.objects.filter(user=users["officer2"]).exists()
    with pytest.raises(CommandError, match="Không có người dùng"):
        call_command("api_token", "khong-co")


def test_root_lists_every_endpoint(users):
    root = api_client(users["finance"]).get("/api/").json()
    assert {s.prefix for s in registered()} | {"figures", "search", "schema", "token"} <= set(root)
    assert root["delegations"].endswith("/api/delegations/")


def test_browsable_api_page(client_for, users):
    response = client_for("officer1").get("/api/delegations/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200 and "<html" in response.content.decode()


def test_openapi_document_is_valid_and_lists_every_registry(users):
    response = api_client(users["officer1"]).get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    validate_schema(schema)
    paths = schema["paths"]
    for spec in registered():
        assert f"/api/{spec.prefix}/" in paths
        assert f"/api/{spec.prefix}/{{id}}/" in paths
        if spec.workflow is not None:
            step = paths[f"/api/{spec.prefix}/{{id}}/actions/{{name}}/"]["post"]
            names = next(p for p in step["parameters"] if p["name"] == "name")["schema"]["enum"]
            assert set(names) == set(spec.workflow.transitions)
    assert "/api/figures/{year}/" in paths and "/api/search/" in paths
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])
    assert api_client().get("/api/schema/").status_code == 401
    # Kept per process (api.views.SchemaView): a repeat is the same document with the same Content-Type, whoever
    # asks; each format and each language has its own.
    again = api_client(users["officer2"]).get("/api/schema/", {"format": "json"})
    assert (again.content, again["Content-Type"]) == (response.content, response["Content-Type"])
    yaml = api_client(users["officer1"]).get("/api/schema/")
    assert yaml["Content-Type"] == "application/vnd.oai.openapi; charset=utf-8" and yaml.content != again.content
    assert api_client(users["officer1"]).get("/api/schema/")["Content-Type"] == yaml["Content-Type"]
    english = api_client(users["officer1"]).get("/api/schema/", {"format": "json", "lang": "en"})
    assert english["Content-Type"] == response["Content-Type"] and english.content != response.content


def test_openapi_document_generates_without_warnings(tmp_path, users):
    """Warnings (an untyped filter, two choice sets under one enum name) make the document ambiguous for client
    generators, and `check --deploy` reports them: generation must be clean. The API serves the same document
    to everyone (generated without the user, kept per process: api.views.SchemaView)."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "/api/unit-reports/{id}/actions/{name}/" in (tmp_path / "schema.yaml").read_text()
    for name in ("coordinator", "officer1"):
        assert api_client(users[name]).get("/api/schema/").content == (tmp_path / "schema.yaml").read_bytes()
