"""API tests generated for every API declaration (see tests/api_cases.py).

Registries of unit-owned records take their data from their web test case (a `RegistryViewCases` subclass in
tests/<app>/test_views.py); the reference registries supply theirs below. A declared registry without a case
fails `test_every_api_registry_is_tested`.
"""

from __future__ import annotations

import pytest

from doingoai.api.registry import registered
from doingoai.core.models import UnitOwnedModel
from tests.api_cases import ApiOwnedCases, ApiPersonalDataCases, ApiReferenceCases, api_client, web_cases
from tests.factories import (
    BorderGateFactory,
    BorderMarkerFactory,
    CountryFactory,
    DiasporaAssociationFactory,
    DiplomaticRelationFactory,
    MarkerInspectionFactory,
    PartnerFactory,
    UnitFactory,
)
from tests.programs.factories import (
    CommitteeMemberFactory,
    ProgramFactory,
    ProgramItemFactory,
    SteeringCommitteeFactory,
)
from tests.registry_cases import PersonalDataViewCases, PrivateRegistryViewCases

SPECS = {spec.prefix: spec for spec in registered()}
WEB_CASES = web_cases()
GENERATED: list[str] = []

for spec in SPECS.values():
    case = WEB_CASES.get(spec.model)
    if case is not None and issubclass(case, PersonalDataViewCases):
        name = f"Test{spec.model.__name__}Api"
        globals()[name] = type(
            name,
            (ApiPersonalDataCases,),
            {
                "spec": spec,
                "model": case.model,
                "factory": case.factory,
                "owner_field": case.owner_field,
                "title_field": case.title_field,
                "form_data": case.form_data,
            },
        )
        GENERATED.append(spec.prefix)
        continue
    if case is None or not issubclass(spec.model, UnitOwnedModel) or spec.form_class is None:
        continue
    name = f"Test{spec.model.__name__}Api"
    globals()[name] = type(
        name,
        (ApiOwnedCases,),
        {
            "spec": spec,
            "model": case.model,
            "factory": case.factory,
            "owner_field": case.owner_field,
            "published_status": case.published_status,
            "title_field": case.title_field,
            "form_data": case.form_data,
            "others_see_published": not issubclass(case, PrivateRegistryViewCases),
        },
    )
    GENERATED.append(spec.prefix)


class TestPartnerApi(ApiReferenceCases):
    spec = SPECS["partners"]
    factory = PartnerFactory
    title_field = "name"
    deletable = True

    def form_data(self):
        return {
            "name": "Bo Ly Khăm Xay",
            "kind": "locality",
            "country": CountryFactory().pk,
            "aliases": ["Bolykhămxay", "Borikhamxay"],
        }

    def test_aliases_round_trip_as_a_list(self, users):
        client = api_client(users["coordinator"])
        created = client.post(self.url(), self.form_data(), format="json").json()
        assert created["aliases"] == ["Bolykhămxay", "Borikhamxay"]
        assert created["country_name"] == "Lào"


class TestUnitApi(ApiReferenceCases):
    spec = SPECS["units"]
    factory = UnitFactory
    title_field = "name"

    def form_data(self):
        return {"name": "Sở Giáo dục và Đào tạo", "kind": "department"}


class TestCountryApi(ApiReferenceCases):
    spec = SPECS["countries"]
    factory = CountryFactory
    title_field = "name_vi"

    def form_data(self):
        return {"code": "NZ", "name_vi": "Niu Di-lân", "name_en": "New Zealand", "region": "oceania"}


class TestDiplomaticRelationApi(ApiReferenceCases):
    spec = SPECS["relations"]
    factory = DiplomaticRelationFactory
    title_field = "name_vi"

    def form_data(self):
        return {"code": "NZ", "name_vi": "Niu Di-lân", "established_on": "1975-06-19", "kind": "relations"}


class TestProgramApi(ApiReferenceCases):
    spec = SPECS["plans"]
    factory = ProgramFactory
    title_field = "title"
    deletable = True  # a draft programme

    def form_data(self):
        return {"year": 2030, "title": "Hoạt động đối ngoại năm 2030", "signer_position": "Phó Chủ tịch"}

    def test_everyone_reads_only_coordinator_and_admin_write(self, users):
        """Plans differ from reference lists: an officer makes its unit's own plans (never the programme)."""
        obj = self.factory()
        for role in ("leader", "finance", "officer1"):
            client = api_client(users[role])
            assert client.get(self.url(obj.pk)).status_code == 200
            assert client.patch(self.url(obj.pk), {self.title_field: "X"}, format="json").status_code == 404
        for role in ("leader", "finance"):
            assert api_client(users[role]).post(self.url(), self.form_data(), format="json").status_code == 403
        officer = api_client(users["officer1"])
        refused = officer.post(self.url(), self.form_data() | {"kind": "program"}, format="json")
        assert refused.status_code == 400 and "kind" in refused.json()  # the programme is not offered
        own = self.form_data() | {"kind": "thematic", "coordinating_unit": users["officer2"].unit_id}
        created = officer.post(self.url(), own, format="json")
        assert created.status_code == 201, created.json()
        assert created.json()["coordinating_unit"] == users["officer1"].unit_id  # its own unit, whatever was sent


class TestProgramItemApi(ApiReferenceCases):
    spec = SPECS["plan-tasks"]
    factory = ProgramItemFactory
    title_field = "text"

    def form_data(self):
        return {"plan": ProgramFactory(year=2031).pk, "section": "II.1", "pillar": "state", "text": "Nhiệm vụ"}


class TestSteeringCommitteeApi(ApiReferenceCases):
    spec = SPECS["committees"]
    factory = SteeringCommitteeFactory
    title_field = "name"
    deletable = True

    def form_data(self):
        return {"name": "Ban Chỉ đạo hội nhập quốc tế tỉnh", "standing_unit": UnitFactory().pk}


class TestCommitteeMemberApi(ApiReferenceCases):
    spec = SPECS["committee-members"]
    factory = CommitteeMemberFactory
    title_field = "full_name"
    deletable = True

    def form_data(self):
        return {
            "committee": SteeringCommitteeFactory().pk,
            "full_name": "Trần Thị Bình",
            "position": "Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch",
            "unit": UnitFactory().pk,
            "role": "member",
        }


class TestBorderMarkerApi(ApiReferenceCases):
    spec = SPECS["border-markers"]
    factory = BorderMarkerFactory
    title_field = "commune"
    deletable = True

    def form_data(self):
        return {
            "number": "405(1)",
            "kind": "main",
            "commune": "Tam Hợp",
            "status": "good",
            "latitude": "19.3",
            "longitude": "104.7",
        }


class TestBorderGateApi(ApiReferenceCases):
    spec = SPECS["border-gates"]
    factory = BorderGateFactory
    title_field = "name"
    deletable = True

    def form_data(self):
        return {"name": "Thanh Thủy", "gate_class": "international", "commune": "Thanh Thủy", "upgrade_status": "none"}


class TestDiasporaAssociationApi(ApiReferenceCases):
    spec = SPECS["diaspora-associations"]
    factory = DiasporaAssociationFactory
    title_field = "name"
    deletable = True

    def form_data(self):
        return {"name": "Hội đồng hương Nghệ An tại Viêng Chăn", "country": CountryFactory().pk}


@pytest.mark.django_db
def test_marker_inspections_go_through_the_border_service(users):
    marker = BorderMarkerFactory(status="good")
    officer = api_client(users["officer1"])
    body = {"marker": marker.pk, "inspected_on": "2025-06-02", "status_found": "damaged", "note": "Mốc bị nghiêng"}
    created = officer.post("/api/marker-inspections/", body, format="json")
    assert created.status_code == 201, created.json()
    marker.refresh_from_db()
    assert marker.status == "damaged"  # the service made the marker follow its latest inspection
    pk = created.json()["id"]
    assert created.json()["inspector_unit"] == users["officer1"].unit_id
    others = MarkerInspectionFactory(inspector_unit=users["officer2"].unit, marker=marker)
    assert officer.get(f"/api/marker-inspections/{others.pk}/").status_code == 200
    assert officer.patch(f"/api/marker-inspections/{others.pk}/", {"note": "X"}, format="json").status_code == 404
    assert api_client(users["leader"]).post("/api/marker-inspections/", body, format="json").status_code == 403
    assert officer.delete(f"/api/marker-inspections/{pk}/").status_code == 204
    assert api_client().get("/api/marker-inspections/").status_code == 401


REFERENCE = {
    "partners",
    "units",
    "countries",
    "relations",
    "plans",
    "plan-tasks",
    "committees",
    "committee-members",
    "border-markers",
    "border-gates",
    "diaspora-associations",
    "marker-inspections",
    # money and authority: tests/finance (read by everyone, who decides written by the administrator only)
    "norms",
    "authorities",
    "approval-rules",
    "authority-grants",
    # external information: the commemorations calendar and the restricted false-information cases, tested in
    # tests/infowork/test_api.py (read rights and the read log)
    "commemorations",
    "false-information",
    # cooperation: legal documents (a reference case above), the administrative units (read-only) and the Lao
    # registries' child records (their rights) have tests of their own below
    "legal-documents",
    "admin-units",
    "lao-twinning-activities",
    "lao-meeting-actions",
}


def test_every_api_registry_is_tested():
    untested = set(SPECS) - set(GENERATED) - REFERENCE
    assert not untested, (
        f"API registries without tests: {sorted(untested)} — give the model a RegistryViewCases in "
        "tests/<app>/test_views.py (its data drives the generated API tests) or a case here"
    )


@pytest.mark.parametrize("prefix", ["delegations", "conferences", "agreements"])
def test_plan_registries_are_generated(prefix):
    assert prefix in GENERATED


def _legal_document(**values):
    import datetime as dt

    from doingoai.legal.models import LegalDocument

    defaults = {
        "kind": "Nghị định",
        "number": "80/2020/NĐ-CP",
        "issued_on": dt.date(2020, 7, 11),
        "issuer": "Chính phủ",
    }
    return LegalDocument.objects.create(**(defaults | {"title": "Viện trợ không hoàn lại"} | values))


class TestLegalDocumentApi(ApiReferenceCases):
    spec = SPECS["legal-documents"]
    factory = staticmethod(_legal_document)
    title_field = "title"
    deletable = True

    def form_data(self):
        return {"kind": "Nghị định", "number": "33/2023/NĐ-CP", "issued_on": "2023-06-10", "issuer": "Chính phủ",
                "title": "Cán bộ, công chức cấp xã", "status": "in_force"}  # fmt: skip


@pytest.mark.django_db
def test_administrative_units_are_read_only_through_the_api(users):
    from doingoai.core.models import AdministrativeUnit, AdminUnitKind

    province = AdministrativeUnit.objects.create(kind=AdminUnitKind.PROVINCE, code=40, name="Tỉnh Nghệ An")
    assert api_client().get("/api/admin-units/").status_code == 401
    for role in ("officer1", "coordinator", "admin"):
        client = api_client(users[role])
        assert client.get(f"/api/admin-units/{province.pk}/").json()["name"] == "Tỉnh Nghệ An"
        assert client.post(
            "/api/admin-units/", {"name": "X", "kind": "province", "code": 1}, format="json"
        ).status_code in (403, 405)
        assert client.patch(f"/api/admin-units/{province.pk}/", {"name": "X"}, format="json").status_code in (
            403,
            404,
            405,
        )
    assert AdministrativeUnit.objects.get(pk=province.pk).name == "Tỉnh Nghệ An"


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["lao-twinning-activities", "lao-meeting-actions"])
def test_lao_child_records_follow_their_units_rights_through_the_api(users, prefix):
    """Twinning activities and meeting actions: the unit's records through the API as on the web, another unit's
    drafts not found, nothing written without rights."""
    import datetime as dt

    from doingoai.core.registry import all_registries
    from tests.registries.test_views import create_record

    spec = SPECS[prefix]
    reg = next(r for r in all_registries() if r.model is spec.model)
    owner_field = spec.model.owner_field
    values = reg.example(unit=users["officer1"].unit, n=1) or {}
    if prefix == "lao-meeting-actions":  # an action belongs to a meeting of its unit
        meeting_reg = next(r for r in all_registries() if r.model.__name__ == "BorderMeeting")
        values["meeting"] = create_record(meeting_reg.model, meeting_reg.example(unit=users["officer1"].unit, n=1))
    else:
        values = {"title": "Giao lưu văn nghệ", "held_on": dt.date(2025, 5, 1)} | values
        pair_reg = next(r for r in all_registries() if r.model.__name__ == "TwinningPair")
        values["pair"] = create_record(pair_reg.model, pair_reg.example(unit=users["officer1"].unit, n=1))
    obj = create_record(spec.model, values | {owner_field: users["officer1"].unit})
    assert api_client().get(f"/api/{prefix}/").status_code == 401
    mine = api_client(users["officer1"])
    assert obj.pk in [r["id"] for r in mine.get(f"/api/{prefix}/").json()["results"]]
    assert mine.get(f"/api/{prefix}/{obj.pk}/").status_code == 200
    other = api_client(users["officer2"])
    assert other.get(f"/api/{prefix}/{obj.pk}/").status_code == 404
    assert (
        other.patch(f"/api/{prefix}/{obj.pk}/", {"note": "x", "version": obj.version}, format="json").status_code == 404
    )
    assert api_client(users["leader"]).delete(f"/api/{prefix}/{obj.pk}/").status_code in (403, 404, 405)
    assert spec.model.objects.filter(pk=obj.pk).exists()
