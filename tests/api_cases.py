"""Generated API tests for a registry (the API twin of registry_cases.RegistryViewCases).

`tests/api/test_registries.py` builds one test class per API declaration from the registry's web test case
(model, factory, owner field, published status, title field, form data), so a registry that declares its API
gets these tests without writing any: no permission (401/403), full permission (CRUD with history), constrained
permission (a unit officer sees and edits exactly what the web allows; 404 for another unit's draft), filters,
pagination, the stale-edit check and the workflow.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from typing import Any, ClassVar

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from doingoai.api.registry import ApiSpec
from doingoai.core.models import BusinessEvent
from doingoai.persons.models import PersonalDataAccess
from doingoai.persons.services import personal_data_erase


def web_cases() -> dict[type, type]:
    """{model: its web test case (a RegistryViewCases subclass)}, from every tests/<app>/test_views.py."""
    import tests
    from tests.registry_cases import RegistryViewCases

    for info in pkgutil.walk_packages(tests.__path__, "tests."):
        if info.name.endswith(".test_views"):
            importlib.import_module(info.name)
    cases, todo = {}, list(RegistryViewCases.__subclasses__())
    while todo:
        case = todo.pop()
        todo += case.__subclasses__()
        # A registry's hand-written case wins over the one generated from its declaration (tests/registries).
        if hasattr(case, "model") and not (case.model in cases and hasattr(case, "registry")):
            cases[case.model] = case
    return cases


def api_client(user: Any = None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def jsonable(data: dict[str, Any]) -> dict[str, Any]:
    """Web form data → a JSON body (checkbox "on" → true)."""
    return {k: (True if v == "on" else v) for k, v in data.items()}


@pytest.mark.django_db
class ApiOwnedCases:
    """Registries of records owned by a proposing unit (UnitOwnedModel)."""

    spec: ClassVar[ApiSpec]
    model: ClassVar[Any]
    factory: ClassVar[Any]
    owner_field: ClassVar[str]
    published_status: ClassVar[str]
    title_field: ClassVar[str]
    # False for registries whose records stay with the owning unit in every status (PrivateRegistryViewCases).
    others_see_published: ClassVar[bool] = True

    def form_data(self, users: dict) -> dict[str, Any]:
        raise NotImplementedError  # supplied from the registry's web test case

    def url(self, pk: Any = None, step: str | None = None) -> str:
        base = f"/api/{self.spec.prefix}/"
        if pk is None:
            return base
        return f"{base}{pk}/" + (f"actions/{step}/" if step else "")

    def make(self, users: dict, owner: str = "officer1", **kwargs: Any) -> Any:
        return self.factory(**{self.owner_field: users[owner].unit}, **kwargs)

    def body(self, users: dict, owner: str | None = None) -> dict[str, Any]:
        data = jsonable(self.form_data(users))
        if owner is not None:
            data[self.owner_field] = users[owner].unit.pk
        return data

    # --- no permission
    def test_anonymous_gets_401(self, users):
        obj = self.make(users)
        client = api_client()
        assert client.get(self.url()).status_code == 401
        assert client.get(self.url(obj.pk)).status_code == 401
        assert client.post(self.url(), {}, format="json").status_code == 401
        assert client.delete(self.url(obj.pk)).status_code == 401

    def test_token_authentication(self, users):
        obj = self.make(users, "officer1")
        token = Token.objects.create(user=users["officer1"])
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        assert client.get(self.url(obj.pk)).status_code == 200
        created = client.post(self.url(), self.body(users, "officer2"), format="json")
        assert created.status_code == 201, created.json()
        made = self.model.objects.get(pk=created.json()["id"])
        assert getattr(made, f"{self.owner_field}_id") == users["officer1"].unit_id
        assert made.history.first().history_user == users["officer1"]
        client.credentials(HTTP_AUTHORIZATION="Token sai-khoa")
        assert client.get(self.url(obj.pk)).status_code == 401

    def test_leader_and_finance_read_but_cannot_write(self, users):
        obj = self.make(users)
        body = self.body(users, "officer1")
        for role in ("leader", "finance"):
            client = api_client(users[role])
            assert client.get(self.url(obj.pk)).status_code == 200
            assert client.post(self.url(), body, format="json").status_code == 403
            assert client.patch(self.url(obj.pk), {self.title_field: "X"}, format="json").status_code == 404
            assert client.delete(self.url(obj.pk)).status_code == 404

    # --- full permission
    def test_coordinator_crud_with_history(self, users):
        client = api_client(users["coordinator"])
        created = client.post(self.url(), self.body(users, "officer2"), format="json")
        assert created.status_code == 201, created.json()
        pk = created.json()["id"]
        obj = self.model.objects.get(pk=pk)
        assert getattr(obj, f"{self.owner_field}_id") == users["officer2"].unit_id
        assert obj.history.first().history_user == users["coordinator"]
        assert BusinessEvent.objects.filter(object_id=pk, verb="created", actor=users["coordinator"]).exists()
        assert client.get(self.url(pk)).json()[self.title_field] == getattr(obj, self.title_field)

        changed = client.patch(
            self.url(pk), {self.title_field: "Tên đã sửa qua API", "version": obj.version}, format="json"
        )
        assert changed.status_code == 200, changed.json()
        obj.refresh_from_db()
        assert getattr(obj, self.title_field) == "Tên đã sửa qua API"
        assert obj.history.first().history_user == users["coordinator"] and obj.history.count() >= 2

        assert client.delete(self.url(pk)).status_code == 204
        assert not self.model.objects.filter(pk=pk).exists()
        assert self.model.history.filter(id=pk, history_type="-").get().history_user == users["coordinator"]

    def test_invalid_data_gives_vietnamese_errors_per_field(self, users):
        response = api_client(users["coordinator"]).post(self.url(), {}, format="json")
        assert response.status_code == 400
        errors = response.json()
        assert errors[self.title_field] == ["Trường này là bắt buộc."]

    def test_stale_version_is_refused(self, users):
        obj = self.make(users, "officer1")
        client = api_client(users["officer1"])
        first = client.patch(self.url(obj.pk), {self.title_field: "Lần một", "version": obj.version}, format="json")
        assert first.status_code == 200, first.json()
        second = client.patch(self.url(obj.pk), {self.title_field: "Lần hai", "version": obj.version}, format="json")
        assert second.status_code == 409
        not_a_number = client.patch(self.url(obj.pk), {"version": "hai"}, format="json")
        assert not_a_number.json() == {"version": ["Phiên bản phải là số nguyên."]}
        assert "vừa được người khác cập nhật" in second.json()["detail"]
        obj.refresh_from_db()
        assert getattr(obj, self.title_field) == "Lần một"

    def test_delete_only_where_status_allows(self, users):
        published = self.make(users, "officer1", status=self.published_status)
        assert api_client(users["coordinator"]).delete(self.url(published.pk)).status_code == 404

    # --- constrained permission (unit officer)
    def test_officer_sees_own_and_published_not_others_drafts(self, users):
        mine = self.make(users, "officer1")
        their_draft = self.make(users, "officer2")
        their_published = self.make(users, "officer2", status=self.published_status)
        client = api_client(users["officer1"])
        ids = {row["id"] for row in client.get(self.url(), {"page_size": 500}).json()["results"]}
        assert mine.pk in ids and their_draft.pk not in ids
        assert (their_published.pk in ids) == self.others_see_published
        assert client.get(self.url(their_draft.pk)).status_code == 404
        assert client.get(self.url(their_published.pk)).status_code == (200 if self.others_see_published else 404)
        assert client.patch(self.url(their_draft.pk), {self.title_field: "X"}, format="json").status_code == 404
        assert client.patch(self.url(their_published.pk), {self.title_field: "X"}, format="json").status_code == 404
        assert client.delete(self.url(their_draft.pk)).status_code == 404
        assert self.model.objects.filter(pk=their_draft.pk).exists()

    def test_officer_creates_for_own_unit_only_and_edits_own_draft(self, users):
        client = api_client(users["officer1"])
        created = client.post(self.url(), self.body(users, "officer2"), format="json")  # owner ignored
        assert created.status_code == 201, created.json()
        obj = self.model.objects.get(pk=created.json()["id"])
        assert getattr(obj, f"{self.owner_field}_id") == users["officer1"].unit_id
        assert obj.status == self.model._meta.get_field("status").default  # the first status ("draft" for most)
        body = {self.title_field: "Sửa bản nháp", "version": obj.version}
        assert client.patch(self.url(obj.pk), body, format="json").status_code == 200
        self.model.objects.filter(pk=obj.pk).update(status=self.published_status)
        body = {self.title_field: "Sau khi công bố", "version": obj.version + 1}
        assert client.patch(self.url(obj.pk), body, format="json").status_code == 404

    # --- lists
    def test_filters_like_the_list_and_pagination(self, users):
        keep = [self.make(users, "officer1", year=2027) for _ in range(3)]
        self.make(users, "officer1", year=2026)
        client = api_client(users["coordinator"])
        data = client.get(self.url(), {"year": 2027, "page_size": 2}).json()
        assert data["count"] == 3 and len(data["results"]) == 2 and data["next"]
        rest = client.get(data["next"]).json()
        assert {r["id"] for r in data["results"] + rest["results"]} == {o.pk for o in keep}
        assert client.get(self.url(), {"year": "không phải năm"}).status_code == 400

    def test_free_text_filter_without_accents(self, users):
        obj = self.make(users, "officer1", **{self.title_field: "Hợp tác phát triển Xiêng Khoảng"})
        self.make(users, "officer1")
        rows = api_client(users["coordinator"]).get(self.url(), {"q": "xieng khoang"}).json()["results"]
        assert [r["id"] for r in rows] == [obj.pk], rows

    # --- workflow
    def submit_step(self) -> str | None:
        """The owner's first step from a draft (\"submit\" in every plan registry), if the registry has one."""
        workflow = self.spec.workflow
        if workflow is None:
            return None
        for t in workflow.transitions.values():
            if "draft" in t.sources and t.owner and t.name not in self.spec.step_forms:
                return t.name
        return None

    def test_workflow_step_through_the_api(self, users):
        step = self.submit_step()
        if step is None:
            pytest.skip("no owner step from a draft without a form")
        obj = self.make(users, "officer1")
        mine = api_client(users["officer1"])
        assert step in [s["name"] for s in mine.get(self.url(obj.pk, "") + "actions/").json()]
        assert api_client(users["officer2"]).post(self.url(obj.pk, step)).status_code == 404
        assert api_client(users["leader"]).post(self.url(obj.pk, step)).status_code == 403
        assert mine.post(self.url(obj.pk, "no_such_step")).status_code == 404
        done = mine.post(self.url(obj.pk, step))
        assert done.status_code == 200, done.json()
        obj.refresh_from_db()
        assert obj.status != "draft" and done.json()["status"] == obj.status
        assert BusinessEvent.objects.filter(object_id=obj.pk, verb=step, actor=users["officer1"]).exists()
        assert obj.history.first().history_user == users["officer1"]
        again = mine.post(self.url(obj.pk, step))
        assert again.status_code == 409 and "Không thể" in again.json()["detail"]


@pytest.mark.django_db
class ApiReferenceCases:
    """Reference registries (units, partners, countries, relations): everyone reads, coordinator and admin write."""

    spec: ClassVar[ApiSpec]
    factory: ClassVar[Any]
    title_field: ClassVar[str]
    deletable: ClassVar[bool] = False

    def form_data(self) -> dict[str, Any]:
        raise NotImplementedError  # each case supplies it

    def url(self, pk: Any = None) -> str:
        return f"/api/{self.spec.prefix}/" + (f"{pk}/" if pk is not None else "")

    def test_anonymous_gets_401(self, users):
        obj = self.factory()
        assert api_client().get(self.url()).status_code == 401
        assert api_client().get(self.url(obj.pk)).status_code == 401

    def test_everyone_reads_only_coordinator_and_admin_write(self, users):
        obj = self.factory()
        for role in ("leader", "finance", "officer1"):
            client = api_client(users[role])
            assert client.get(self.url(obj.pk)).status_code == 200
            assert client.post(self.url(), self.form_data(), format="json").status_code == 403
            assert client.patch(self.url(obj.pk), {self.title_field: "X"}, format="json").status_code == 404

    def test_coordinator_creates_and_edits_with_history(self, users):
        client = api_client(users["coordinator"])
        created = client.post(self.url(), self.form_data(), format="json")
        assert created.status_code == 201, created.json()
        pk = created.json()["id"]
        model = self.spec.model
        assert model.objects.get(pk=pk).history.first().history_user == users["coordinator"]
        version = model.objects.get(pk=pk).version
        changed = client.patch(self.url(pk), {self.title_field: "Tên mới", "version": version}, format="json")
        assert changed.status_code == 200, changed.json()
        assert getattr(model.objects.get(pk=pk), self.title_field) == "Tên mới"
        response = client.delete(self.url(pk))
        assert response.status_code == (204 if self.deletable else 405)


@pytest.mark.django_db
class ApiPersonalDataCases:
    """Registries of persons (Decree 13/2023/NĐ-CP): the web's rules through the API — a unit reads only what it
    recorded; contacts masked as on the web; every record read logged; no deletion (erasure replaces it)."""

    spec: ClassVar[ApiSpec]
    model: ClassVar[Any]
    factory: ClassVar[Any]
    owner_field: ClassVar[str]
    title_field: ClassVar[str]

    def form_data(self, users: dict) -> dict[str, Any]:
        raise NotImplementedError  # supplied from the registry's web test case

    def url(self, pk: Any = None) -> str:
        return f"/api/{self.spec.prefix}/" + (f"{pk}/" if pk is not None else "")

    def make(self, users: dict, owner: str = "officer1") -> Any:
        """A record whose masked fields hold the web case's (non-empty) values."""
        contacts = {k: v for k, v in self.form_data(users).items() if k in self.model.masked_fields}
        return self.factory(**{self.owner_field: users[owner].unit}, **contacts)

    def masked(self, obj: Any) -> dict[str, Any]:
        return {name: obj.mask_value(name, getattr(obj, name)) for name in self.model.masked_fields}

    def full(self, obj: Any) -> dict[str, Any]:
        return {name: getattr(obj, name) for name in self.model.masked_fields}

    @staticmethod
    def sent(row: dict[str, Any], obj: Any) -> dict[str, Any]:
        return {name: row[name] for name in obj.masked_fields}

    def test_anonymous_gets_401(self, users):
        obj = self.make(users)
        assert api_client().get(self.url()).status_code == 401
        assert api_client().get(self.url(obj.pk)).status_code == 401

    def test_officer_reads_and_edits_only_what_the_unit_recorded(self, users):
        mine, theirs = self.make(users, "officer1"), self.make(users, "officer2")
        client = api_client(users["officer1"])
        ids = {row["id"] for row in client.get(self.url(), {"page_size": 500}).json()["results"]}
        assert mine.pk in ids and theirs.pk not in ids
        assert client.get(self.url(theirs.pk)).status_code == 404
        assert client.patch(self.url(theirs.pk), {self.title_field: "X"}, format="json").status_code == 404

    def test_contacts_masked_as_on_the_web(self, users):
        obj = self.make(users, "officer1")
        assert self.masked(obj) != self.full(obj)

        def row_in_list(role: str) -> dict[str, Any]:
            rows = api_client(users[role]).get(self.url(), {"page_size": 500}).json()["results"]
            return next(r for r in rows if r["id"] == obj.pk)

        assert self.sent(row_in_list("coordinator"), obj) == self.full(obj)
        assert self.sent(row_in_list("leader"), obj) == self.masked(obj)
        assert self.sent(row_in_list("officer1"), obj) == self.masked(obj)  # lists mask for the unit too
        assert self.sent(api_client(users["officer1"]).get(self.url(obj.pk)).json(), obj) == self.full(obj)
        assert self.sent(api_client(users["leader"]).get(self.url(obj.pk)).json(), obj) == self.masked(obj)
        assert self.sent(api_client(users["coordinator"]).get(self.url(obj.pk)).json(), obj) == self.full(obj)

    def test_every_record_read_is_logged(self, users, client_for):
        obj, other = self.make(users, "officer1"), self.make(users, "officer2")
        api_client(users["leader"]).get(self.url(obj.pk))
        api_client(users["leader"]).get(self.url())  # masked list: not an export, not logged
        logged = PersonalDataAccess.objects.filter(action="api")
        assert list(logged.values_list("username", "object_id")) == [("leader", obj.pk)]
        api_client(users["coordinator"]).get(self.url(), {"page_size": 500})  # full contacts: logged per record
        by_coordinator = logged.filter(username="coordinator").values_list("object_id", flat=True)
        assert sorted(by_coordinator) == sorted([obj.pk, other.pk])
        assert "Đọc qua API" in client_for("coordinator").get("/persons/access-log/").content.decode()

    def test_create_and_edit_through_the_web_form_with_history(self, users):
        client = api_client(users["officer1"])
        body = jsonable(self.form_data(users)) | {self.owner_field: users["officer2"].unit.pk}  # owner ignored
        created = client.post(self.url(), body, format="json")
        assert created.status_code == 201, created.json()
        obj = self.model.objects.get(pk=created.json()["id"])
        assert getattr(obj, f"{self.owner_field}_id") == users["officer1"].unit_id
        assert obj.history.first().history_user == users["officer1"]
        changed = client.patch(self.url(obj.pk), {self.title_field: "Tên sửa qua API", "version": obj.version})
        assert changed.status_code == 200, changed.json()
        stale = client.patch(self.url(obj.pk), {self.title_field: "Ghi đè", "version": obj.version})
        assert stale.status_code == 409
        obj.refresh_from_db()
        assert getattr(obj, self.title_field) == "Tên sửa qua API"
        assert client.post(self.url(), {}, format="json").json()[self.title_field] == ["Trường này là bắt buộc."]

    def test_leader_and_finance_read_but_cannot_write(self, users):
        obj = self.make(users)
        for role in ("leader", "finance"):
            client = api_client(users[role])
            assert client.post(self.url(), jsonable(self.form_data(users)), format="json").status_code == 403
            assert client.patch(self.url(obj.pk), {self.title_field: "X"}, format="json").status_code == 404

    def test_never_deleted_and_erased_records_stay_erased(self, users):
        obj = self.make(users, "officer1")
        client = api_client(users["coordinator"])
        assert client.delete(self.url(obj.pk)).status_code == 405
        personal_data_erase(
            obj=obj, by=users["coordinator"], reason="Yêu cầu", requested_on=dt.date(2025, 5, 1), request_ref=""
        )
        row = client.get(self.url(obj.pk)).json()
        assert all(not row[name] for name in self.model.erasable_fields if name in row)
        assert row["erased_at"]
        assert client.patch(self.url(obj.pk), {self.title_field: "Khôi phục"}, format="json").status_code == 404
