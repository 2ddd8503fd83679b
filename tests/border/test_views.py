from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from PIL import Image

from doingoai.border.models import BorderGate, BorderMarker, MarkerInspection
from doingoai.core.models import BusinessEvent
from tests.factories import (
    BorderGateFactory,
    BorderMarkerFactory,
    MarkerInspectionFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("prefix", "factory"), [("/border/markers/", BorderMarkerFactory), ("/border/gates/", BorderGateFactory)]
)
def test_reference_rights(client, client_for, users, prefix, factory):
    obj = factory()
    assert client.get(prefix).status_code == 302
    for role in ("leader", "finance", "officer1"):
        c = client_for(role)
        assert c.get(prefix).status_code == 200 and c.get(f"{prefix}{obj.pk}/").status_code == 200
        assert c.get(f"{prefix}add/").status_code == 403
        assert c.get(f"{prefix}{obj.pk}/edit/").status_code == 404
        assert c.post(f"{prefix}{obj.pk}/delete/").status_code == 404
    assert client_for("coordinator").get(f"{prefix}{obj.pk}/edit/").status_code == 200


def test_markers_listed_in_number_order_and_exported(client_for, users):
    for number in ["405(1)", "397/7(1)", "390", "397(2)"]:
        BorderMarkerFactory(number=number)
    c = client_for("officer1")
    body = c.get("/border/markers/").content.decode()
    positions = [body.index(f">{n}<") for n in ["390", "397(2)", "397/7(1)", "405(1)"]]
    assert positions == sorted(positions)
    response = client_for("coordinator").get("/border/markers/?export=xlsx&sort=number")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0][1] == "Số hiệu mốc"
    assert [r[1] for r in rows[1:]] == ["390", "397(2)", "397/7(1)", "405(1)"]


def test_marker_form_checks_number_and_coordinates(client_for, users):
    BorderMarkerFactory(number="405(1)")
    lao = PartnerFactory(name="Xiêng Khoảng")
    data = {
        "number": "405 (1)",
        "kind": "main",
        "commune": "Nậm Cắn",
        "latitude": "30",
        "longitude": "",
        "status": "good",
    }
    body = client_for("coordinator").post("/border/markers/add/", data).content.decode()
    assert "Số hiệu mốc 405(1) đã có trong sổ" in body
    assert "Vĩ độ 30 nằm ngoài khu vực biên giới" in body and "Cần nhập đủ cả vĩ độ và kinh độ." in body
    body = client_for("coordinator").post("/border/markers/add/", data | {"number": "mốc 9"}).content.decode()
    assert "không đúng dạng" in body
    ok = data | {"number": "397/7(1)", "latitude": "19.3905", "longitude": "103.9528", "facing_province": lao.pk}
    assert client_for("coordinator").post("/border/markers/add/", ok).status_code == 302
    marker = BorderMarker.objects.get(number="397/7(1)")
    assert marker.facing_province == lao and marker.sort_key == "00397.0007.001"


def test_inspection_through_the_web_updates_the_marker(client_for, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    marker = BorderMarkerFactory(number="390", status="good")
    c = client_for("officer2")
    form = c.get(f"/border/inspections/add/?marker={marker.pk}").content.decode()
    assert 'enctype="multipart/form-data"' in form and f'value="{marker.pk}" selected' in form
    photo = SimpleUploadedFile("moc-390.png", png(), content_type="image/png")
    data = {"marker": marker.pk, "inspected_on": "2025-08-01", "status_found": "damaged", "note": "Nứt chân mốc"}
    response = c.post("/border/inspections/add/", data | {"photo": photo})
    assert response.status_code == 302, response.content.decode()[:2000]
    inspection = MarkerInspection.objects.get()
    assert inspection.inspector_unit == users["officer2"].unit and inspection.photo
    marker.refresh_from_db()
    assert marker.status == "damaged"
    page = client_for("officer1").get(f"/border/markers/{marker.pk}/").content.decode()
    assert "Nứt chân mốc" in page and "01/08/2025" in page
    assert client_for("officer1").get(f"/border/inspections/{inspection.pk}/photo/").status_code == 200
    # another unit may not edit it; the coordinator's correction moves the marker's status too
    assert client_for("officer1").get(f"/border/inspections/{inspection.pk}/edit/").status_code == 404
    edit = data | {
        "status_found": "destroyed",
        "inspector_unit": users["officer2"].unit.pk,
        "_version": inspection.version,
    }
    assert client_for("coordinator").post(f"/border/inspections/{inspection.pk}/edit/", edit).status_code == 302
    marker.refresh_from_db()
    assert marker.status == "destroyed"
    assert client_for("officer2").post(f"/border/inspections/{inspection.pk}/delete/").status_code == 302
    marker.refresh_from_db()
    assert marker.last_inspected_on is None and marker.status == "destroyed"
    assert BusinessEvent.objects.filter(verb="deleted", content_type__model="markerinspection").exists()


def test_not_an_image_is_refused(client_for, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    marker = BorderMarkerFactory()
    fake = SimpleUploadedFile("anh.png", b"khong phai anh", content_type="image/png")
    data = {"marker": marker.pk, "inspected_on": "2025-08-01", "status_found": "good", "photo": fake}
    response = client_for("officer2").post("/border/inspections/add/", data)
    assert response.status_code == 400 and "không phải là ảnh hợp lệ" in response.content.decode()


def test_marker_status_field_locked_once_inspected(client_for, users):
    marker = MarkerInspectionFactory().marker
    form = client_for("coordinator").get(f"/border/markers/{marker.pk}/edit/").content.decode()
    assert 'name="status"' not in form
    assert 'name="status"' in client_for("coordinator").get("/border/markers/add/").content.decode()


def test_gate_upgrade_needs_a_target_class(client_for, users):
    data = {"name": "Thanh Thủy", "gate_class": "main", "commune": "Thanh Thủy", "upgrade_status": "proposed"}
    body = client_for("coordinator").post("/border/gates/add/", data).content.decode()
    assert "Cần chọn loại cửa khẩu sau khi nâng cấp." in body
    body = client_for("coordinator").post("/border/gates/add/", data | {"upgrade_to": "main"}).content.decode()
    assert "phải khác loại hiện tại" in body
    assert (
        client_for("coordinator").post("/border/gates/add/", data | {"upgrade_to": "international"}).status_code == 302
    )
    assert BorderGate.objects.get().get_upgrade_status_display() == "Đề nghị nâng cấp"


def test_map_page_plots_markers_by_status_on_the_shipped_map(client_for, users):
    BorderMarkerFactory(number="390", status="good", latitude=19.2335, longitude=103.996)
    BorderMarkerFactory(number="405(1)", status="destroyed", latitude=19.6843, longitude=104.0104)
    BorderMarkerFactory(number="397", latitude=None, longitude=None)
    BorderGateFactory(name="Nậm Cắn", gate_class="international", latitude=19.43, longitude=104.14)
    response = client_for("officer1").get("/border/markers/map/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "vendor/echarts/echarts.min.js" in body and "border/marker_map.js" in body

    def script(name):
        start = body.index(f'id="{name}"')
        return json.loads(body[body.index(">", start) + 1 : body.index("</script>", start)])

    points = script("marker-points")
    assert {(p["name"], p["status"]) for p in points} == {("390", "good"), ("405(1)", "destroyed")}
    assert script("gate-points")[0]["name"] == "Cửa khẩu quốc tế Nậm Cắn"
    base = script("base-map")
    names = {f["properties"]["name"] for f in base["features"]}
    assert "Lào" in names and "Nghệ An" in names
    west, south, east, north = script("map-bbox")
    assert all(west <= p["value"][0] <= east and south <= p["value"][1] <= north for p in points)
    counts = {s["value"]: s["count"] for s in script("marker-statuses")}
    assert counts == {"good": 2, "damaged": 0, "destroyed": 1, "rebuilt": 0}
