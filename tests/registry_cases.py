"""Generated view tests for a registry (NetBox's ViewTestCases, for pytest).

A registry's test module subclasses `RegistryViewCases` and supplies only data: the model, a factory, the
owner field, valid form data and a published status. The base runs list/detail/create/edit/delete/export for
no permission, full permission (coordinator) and a constrained permission (a unit officer), and checks the
change history.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

import pytest
from django.urls import NoReverseMatch, reverse
from openpyxl import load_workbook

from doingoai.core.models import BusinessEvent
from doingoai.persons.models import PersonalDataAccess


@pytest.mark.django_db
class RegistryViewCases:
    model: ClassVar[Any]
    factory: ClassVar[Any]
    owner_field: ClassVar[str]
    published_status: ClassVar[str]
    title_field: ClassVar[str]

    def form_data(self, users: dict) -> dict[str, Any]:
        raise NotImplementedError  # each registry's test module supplies its form data

    # --- helpers
    def url(self, action: str, *args: Any) -> str:
        meta = self.model._meta
        return reverse(f"{meta.app_label}:{meta.model_name}_{action}", args=args)

    def make(self, users: dict, owner: str = "officer1", **kwargs: Any) -> Any:
        return self.factory(**{self.owner_field: users[owner].unit}, **kwargs)

    # --- no permission
    def test_anonymous_is_sent_to_login(self, client, users):
        obj = self.make(users)
        for url in (self.url("list"), self.url("detail", obj.pk), self.url("add"), self.url("edit", obj.pk)):
            response = client.get(url)
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]

    def test_leader_and_finance_read_but_cannot_write(self, client_for, users):
        obj = self.make(users)
        for role in ("leader", "finance"):
            c = client_for(role)
            assert c.get(self.url("detail", obj.pk)).status_code == 200
            assert c.get(self.url("edit", obj.pk)).status_code == 404
            assert c.get(self.url("add")).status_code == 403
            assert c.post(self.url("delete", obj.pk)).status_code == 404

    # --- full permission
    def test_coordinator_lists_everything(self, client_for, users):
        mine, theirs = self.make(users, "officer1"), self.make(users, "officer2")
        response = client_for("coordinator").get(self.url("list"))
        assert response.status_code == 200
        body = response.content.decode()
        assert getattr(mine, self.title_field) in body and getattr(theirs, self.title_field) in body

    def test_coordinator_creates_with_history_and_event(self, client_for, users):
        data = self.form_data(users)
        data[self.owner_field] = users["officer2"].unit.pk
        response = client_for("coordinator").post(self.url("add"), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        obj = self.model.objects.get(**{self.title_field: data[self.title_field]})
        assert obj.history.first().history_user == users["coordinator"]
        assert BusinessEvent.objects.filter(object_id=obj.pk, verb="created").exists()

    def test_invalid_form_shows_vietnamese_errors(self, client_for, users):
        response = client_for("coordinator").post(self.url("add"), {})
        assert response.status_code == 400
        assert "Trường này là bắt buộc." in response.content.decode()

    # --- constrained permission (unit officer)
    def test_officer_sees_own_drafts_and_published_not_others_drafts(self, client_for, users):
        mine = self.make(users, "officer1")
        their_draft = self.make(users, "officer2")
        their_published = self.make(users, "officer2", status=self.published_status)
        c = client_for("officer1")
        body = c.get(self.url("list")).content.decode()
        assert getattr(mine, self.title_field) in body
        assert getattr(their_published, self.title_field) in body
        assert getattr(their_draft, self.title_field) not in body
        assert c.get(self.url("detail", their_draft.pk)).status_code == 404
        assert c.get(self.url("detail", their_published.pk)).status_code == 200
        assert c.get(self.url("edit", their_draft.pk)).status_code == 404
        assert c.post(self.url("delete", their_draft.pk)).status_code == 404

    def test_officer_creates_for_own_unit_only(self, client_for, users):
        data = self.form_data(users)
        data[self.owner_field] = users["officer2"].unit.pk  # ignored: the field is not offered to officers
        response = client_for("officer1").post(self.url("add"), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        obj = self.model.objects.get(**{self.title_field: data[self.title_field]})
        assert getattr(obj, f"{self.owner_field}_id") == users["officer1"].unit_id
        assert obj.status == self.model._meta.get_field("status").default  # the first status ("draft" for most)

    def test_officer_edits_own_draft_but_not_once_published(self, client_for, users):
        obj = self.make(users, "officer1")
        data = self.form_data(users) | {"_version": obj.version}
        c = client_for("officer1")
        response = c.post(self.url("edit", obj.pk), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        obj.refresh_from_db()
        assert getattr(obj, self.title_field) == data[self.title_field]
        assert obj.history.count() >= 2
        self.model.objects.filter(pk=obj.pk).update(status=self.published_status)
        assert c.get(self.url("edit", obj.pk)).status_code == 404

    def test_stale_edit_is_refused_and_nothing_overwritten(self, client_for, users):
        obj = self.make(users, "officer1")
        stale = obj.version
        data = self.form_data(users)
        first = client_for("officer1").post(self.url("edit", obj.pk), data | {"_version": stale})
        assert first.status_code == 302
        second = client_for("coordinator").post(
            self.url("edit", obj.pk),
            data | {self.title_field: "Ghi đè", "_version": stale, self.owner_field: users["officer1"].unit.pk},
        )
        assert second.status_code == 400
        assert "vừa được người khác cập nhật" in second.content.decode()
        obj.refresh_from_db()
        assert getattr(obj, self.title_field) == data[self.title_field]

    def test_delete_only_where_status_allows(self, client_for, users):
        draft = self.make(users, "officer1")
        published = self.make(users, "officer1", status=self.published_status)
        c = client_for("coordinator")
        assert c.post(self.url("delete", published.pk)).status_code == 404
        assert c.post(self.url("delete", draft.pk)).status_code == 302
        assert not self.model.objects.filter(pk=draft.pk).exists()
        assert self.model.history.filter(id=draft.pk, history_type="-").get().history_user == users["coordinator"]

    # --- export
    def test_export_is_exactly_the_filtered_rows(self, client_for, users):
        keep = [self.make(users, "officer1", year=2027) for _ in range(3)]
        self.make(users, "officer1", year=2026)
        response = client_for("coordinator").get(self.url("list") + "?year=2027&export=xlsx")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
        rows = list(wb.active.iter_rows(values_only=True))
        assert rows[0][0] == "Mã"
        assert sorted(r[0] for r in rows[1:]) == sorted(o.pk for o in keep)

    def test_htmx_request_returns_only_the_results(self, client_for, users):
        self.make(users, "officer1")
        response = client_for("coordinator").get(self.url("list"), HTTP_HX_REQUEST="true")
        body = response.content.decode()
        assert response.status_code == 200 and 'id="results"' in body and "<html" not in body


@pytest.mark.django_db
class PrivateRegistryViewCases(RegistryViewCases):
    """Registries whose records stay with the owning unit in every status (e.g. APEC card files): a unit officer
    never sees another unit's record, published or not."""

    def test_officer_sees_own_drafts_and_published_not_others_drafts(self, client_for, users):
        mine = self.make(users, "officer1")
        theirs = [self.make(users, "officer2"), self.make(users, "officer2", status=self.published_status)]
        c = client_for("officer1")
        body = c.get(self.url("list")).content.decode()
        assert getattr(mine, self.title_field) in body
        for other in theirs:
            assert getattr(other, self.title_field) not in body
            assert c.get(self.url("detail", other.pk)).status_code == 404
            assert c.get(self.url("edit", other.pk)).status_code == 404


@pytest.mark.django_db
class PersonalDataViewCases(RegistryViewCases):
    """Registries of persons (Decree 13/2023/NĐ-CP, see doingoai.persons.permissions): a unit sees only what
    it recorded, in every status; records are erased on request, never deleted; only the coordinator and the
    administrator export; every opening of a record is logged.

    Subclasses supply `export_split(users)`: (records the filter keeps, a record it drops, the query string).
    """

    published_status = ""  # persons are never published

    def export_split(self, users: dict) -> tuple[list[Any], Any, str]:
        raise NotImplementedError  # each registry's test module says how its list is filtered

    def test_leader_and_finance_read_but_cannot_write(self, client_for, users):
        obj = self.make(users)
        for role in ("leader", "finance"):
            c = client_for(role)
            assert c.get(self.url("detail", obj.pk)).status_code == 200
            assert c.get(self.url("edit", obj.pk)).status_code == 404
            assert c.get(self.url("add")).status_code == 403
            assert c.get(self.url("export", obj.pk)).status_code == 403
            assert c.get(self.url("erase", obj.pk)).status_code == 403
            assert c.get(self.url("list") + "?export=xlsx").status_code == 403

    def test_officer_sees_own_drafts_and_published_not_others_drafts(self, client_for, users):
        mine, theirs = self.make(users, "officer1"), self.make(users, "officer2")
        c = client_for("officer1")
        body = c.get(self.url("list")).content.decode()
        assert getattr(mine, self.title_field) in body and getattr(theirs, self.title_field) not in body
        assert c.get(self.url("detail", mine.pk)).status_code == 200
        for action in ("detail", "edit", "export", "erase"):
            assert c.get(self.url(action, theirs.pk)).status_code == 404, action

    def test_officer_creates_for_own_unit_only(self, client_for, users):
        data = self.form_data(users)
        data[self.owner_field] = users["officer2"].unit.pk  # ignored: the field is not offered to officers
        response = client_for("officer1").post(self.url("add"), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        obj = self.model.objects.get(**{self.title_field: data[self.title_field]})
        assert getattr(obj, f"{self.owner_field}_id") == users["officer1"].unit_id

    def test_officer_edits_own_draft_but_not_once_published(self, client_for, users):
        obj = self.make(users, "officer1")
        data = self.form_data(users) | {"_version": obj.version}
        c = client_for("officer1")
        response = c.post(self.url("edit", obj.pk), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        obj.refresh_from_db()
        assert getattr(obj, self.title_field) == data[self.title_field]
        assert obj.history.count() >= 2
        assert client_for("officer2").get(self.url("edit", obj.pk)).status_code == 404

    def test_delete_only_where_status_allows(self, client_for, users):
        """No deletion at all: the history would keep the data. Erasure on request replaces it."""
        obj = self.make(users, "officer1")
        meta = self.model._meta
        with pytest.raises(NoReverseMatch):
            reverse(f"{meta.app_label}:{meta.model_name}_delete", args=[obj.pk])
        assert not self.model.objects.restrict(users["coordinator"], "delete").exists()

    def test_export_is_exactly_the_filtered_rows(self, client_for, users):
        keep, other, query = self.export_split(users)
        response = client_for("coordinator").get(self.url("list") + f"?{query}&export=xlsx")
        assert response.status_code == 200
        wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
        rows = list(wb.active.iter_rows(values_only=True))
        assert rows[0][0] == "Mã"
        assert sorted(r[0] for r in rows[1:]) == sorted(o.pk for o in keep)
        logged = PersonalDataAccess.objects.filter(action="export_list", username="coordinator")
        assert sorted(logged.values_list("object_id", flat=True)) == sorted(o.pk for o in keep)
        assert other.pk not in logged.values_list("object_id", flat=True)

    def test_export_only_for_the_coordinator_and_the_administrator(self, client_for, users):
        self.make(users, "officer1")
        for role in ("coordinator", "admin"):
            body = client_for(role).get(self.url("list")).content.decode()
            assert 'id="export-xlsx"' in body
        for role in ("leader", "finance", "officer1"):
            c = client_for(role)
            assert 'id="export-xlsx"' not in c.get(self.url("list")).content.decode()
            assert c.get(self.url("list") + "?export=xlsx").status_code == 403
        assert not PersonalDataAccess.objects.filter(action="export_list").exists()

    def test_every_opening_of_a_record_is_logged(self, client_for, users):
        obj = self.make(users, "officer1")
        for role in ("officer1", "leader", "coordinator", "officer1"):
            assert client_for(role).get(self.url("detail", obj.pk)).status_code == 200
        client_for("officer1").get(self.url("edit", obj.pk))
        client_for("officer2").get(self.url("detail", obj.pk))  # 404: not a reading
        log = PersonalDataAccess.objects.filter(object_id=obj.pk, content_type__model=self.model._meta.model_name)
        assert list(log.order_by("id").values_list("username", "action")) == [
            ("officer1", "view"),
            ("leader", "view"),
            ("coordinator", "view"),
            ("officer1", "view"),
            ("officer1", "edit"),
        ]
        assert all(row.record_label.endswith(f"#{obj.pk}") for row in log)
        # the coordinator sees the log on the record; the others do not
        assert 'id="access-log"' in client_for("coordinator").get(self.url("detail", obj.pk)).content.decode()
        assert 'id="access-log"' not in client_for("officer1").get(self.url("detail", obj.pk)).content.decode()
