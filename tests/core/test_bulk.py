"""Bulk steps on the ticked rows of a list (issue 16, item 9): each record checked against rights and state,
each in its own transaction, with a summary of what was done and what was refused, and why."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.core import bulk
from doingoai.core.registry import all_registries, registry_for
from doingoai.delegations.models import Delegation
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db

URL = reverse("delegations:delegation_bulk")


def test_the_steps_are_derived_from_the_workflow():
    """A step that needs no input or one text (a reason, a comment) is offered; one that needs dates is not."""
    names = [t.name for t in bulk.bulk_steps(registry_for(Delegation))]
    assert {"submit", "include_in_plan", "return_to_draft", "postpone", "cancel", "resume"} <= set(names)
    assert "approve" not in names and "complete" not in names
    for reg in all_registries():  # every registry with a workflow gets its page
        assert reverse(reg.url_name("bulk"))


def test_a_role_sees_only_the_steps_it_could_take(users):
    reg = registry_for(Delegation)
    officer = {s["name"] for s in bulk.steps_for(reg, users["officer2"])}
    coordinator = {s["name"] for s in bulk.steps_for(reg, users["coordinator"])}
    assert "submit" in officer and "include_in_plan" not in officer
    assert {"include_in_plan", "return_to_draft", "postpone"} <= coordinator
    assert next(s for s in bulk.steps_for(reg, users["coordinator"]) if s["name"] == "return_to_draft")["note"]


def test_include_in_plan_one_by_one_with_refusals(client_for, users):
    unit = users["officer2"].unit
    proposed = [DelegationFactory(proposing_unit=unit, status="proposed") for _ in range(2)]
    draft = DelegationFactory(proposing_unit=unit, status="draft")  # not proposed: refused with its status
    response = client_for("coordinator").post(
        URL, {"step": "include_in_plan", "ids": [d.pk for d in [*proposed, draft]] + [999999]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-done="2"' in page and 'data-refused="2"' in page
    assert "khi bản ghi đang ở trạng thái" in page
    assert str(bulk.NOT_FOUND) in page
    assert {d.status for d in Delegation.objects.filter(pk__in=[d.pk for d in proposed])} == {"in_plan"}
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_return_with_one_comment_for_all(client_for, users):
    unit = users["officer2"].unit
    proposed = [DelegationFactory(proposing_unit=unit, status="proposed") for _ in range(2)]
    client = client_for("coordinator")
    missing = client.post(URL, {"step": "return_to_draft", "ids": [d.pk for d in proposed]})
    assert missing.status_code == 302  # no comment: nothing is done
    assert set(Delegation.objects.filter(pk__in=[d.pk for d in proposed]).values_list("status", flat=True)) == {
        "proposed"
    }
    response = client.post(URL, {"step": "return_to_draft", "note": "Bổ sung dự toán", "ids": [d.pk for d in proposed]})
    assert 'data-done="2"' in response.content.decode()
    for d in proposed:
        d.refresh_from_db()
        assert d.status == "draft" and d.status_note == "Bổ sung dự toán"


def test_rights_are_checked_per_record(client_for, users):
    """A unit officer submits its own drafts; another unit's are not even found; the leader may not submit."""
    own = DelegationFactory(proposing_unit=users["officer2"].unit, status="draft")
    other = DelegationFactory(proposing_unit=users["officer1"].unit, status="draft")
    response = client_for("officer2").post(URL, {"step": "submit", "ids": [own.pk, other.pk]})
    page = response.content.decode()
    assert 'data-done="1"' in page and 'data-refused="1"' in page
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == "proposed" and other.status == "draft"
    pending = DelegationFactory(proposing_unit=users["officer2"].unit, status="proposed")
    page = client_for("officer2").post(URL, {"step": "include_in_plan", "ids": [pending.pk]}).content.decode()
    assert 'data-done="0"' in page and "không có quyền" in page
    pending.refresh_from_db()
    assert pending.status == "proposed"


def test_get_is_refused(client_for):
    assert client_for("coordinator").get(URL).status_code == 405


def test_export_of_the_ticked_rows(client_for, users):
    rows = [DelegationFactory(proposing_unit=users["officer2"].unit, status="proposed") for _ in range(3)]
    response = client_for("coordinator").post(URL, {"export": "xlsx", "ids": [rows[0].pk, rows[2].pk]})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = {str(c.value) for row in sheet.iter_rows() for c in row}
    assert rows[0].name in names and rows[2].name in names and rows[1].name not in names


def test_the_list_has_tick_boxes_and_the_bar(client_for, users):
    DelegationFactory(proposing_unit=users["officer2"].unit, status="proposed")
    page = client_for("coordinator").get(reverse("delegations:delegation_list")).content.decode()
    assert 'name="ids"' in page and "data-select-page" in page and 'id="bulk-form"' in page
    assert "Xuất các dòng đã chọn" in page and 'value="include_in_plan"' in page


def _api(user):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


def test_api_bulk_step_returns_per_id_results(users):
    unit = users["officer2"].unit
    proposed = DelegationFactory(proposing_unit=unit, status="proposed")
    draft = DelegationFactory(proposing_unit=unit, status="draft")
    response = _api(users["coordinator"]).post(
        "/api/delegations/bulk/postpone/", {"ids": [proposed.pk, draft.pk], "reason": "Chờ dịch bệnh"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.data["done"] == 0  # postpone needs a delegation in the plan
    proposed_refusal = response.data["results"][0]
    assert (
        proposed_refusal["id"] == proposed.pk
        and not proposed_refusal["ok"]
        and "trạng thái" in proposed_refusal["detail"]
    )
    response = _api(users["coordinator"]).post(
        "/api/delegations/bulk/include_in_plan/", {"ids": [proposed.pk, draft.pk]}, format="json"
    )
    assert (response.data["done"], response.data["refused"]) == (1, 1)
    assert [r["ok"] for r in response.data["results"]] == [True, False]
    refused = _api(users["officer2"]).post("/api/delegations/bulk/postpone/", {"ids": [proposed.pk]}, format="json")
    assert refused.status_code == 400 and "lý do" in refused.data["detail"]  # the reason is asked before anything
    refused = _api(users["officer2"]).post(
        "/api/delegations/bulk/postpone/", {"ids": [proposed.pk], "reason": "x"}, format="json"
    )
    assert refused.data["refused"] == 1 and "quyền" in refused.data["results"][0]["detail"]
    assert (
        _api(users["coordinator"]).post("/api/delegations/bulk/approve/", {"ids": [1]}, format="json").status_code
        == 400
    )
    assert _api(users["coordinator"]).get("/api/delegations/bulk/submit/").status_code == 405
