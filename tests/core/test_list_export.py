"""List exports: the fast value-based rows show exactly what the pages show, and a list longer than
DOINGOAI_EXPORT_BACKGROUND_ROWS is written by the background worker with a progress page, for its owner only."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from doingoai.border.models import BorderGate
from doingoai.core.exports import export_rows, field_columns, value_rows
from doingoai.core.listexports import list_export_build
from doingoai.core.models import ListExport, ListExportStatus
from doingoai.delegations.models import Delegation, DelegationStatus
from doingoai.diaspora.models import OverseasVietnamese
from doingoai.documents.xlsx import _fast_value, write_table
from doingoai.persons.models import AccessAction, PersonalDataAccess
from tests.factories import (
    BorderGateFactory,
    CountryFactory,
    DelegationFactory,
    OverseasVietnameseFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


def every_field(model) -> list[str]:
    return [
        f.name
        for f in model._meta.get_fields()
        if (f.concrete or f.many_to_many) and not f.auto_created and not (f.is_relation and f.one_to_many)
    ]


def written(value: Any) -> tuple[str, Any]:
    """A cell as the writer stores it: `_fast_value` of the value (a related row as its str()), with its type;
    an integer and a float are the same number (a double in the file)."""
    value = _fast_value(str(value) if isinstance(value, Model) else value)
    if type(value) in (int, float):
        return ("number", float(value))
    return (type(value).__name__, value)


def same_cells(qs: Any, names: list[str]) -> list[list[Any]]:
    """`value_rows` against the object path (`export_rows` over `field_columns`), every cell as written; returns
    value_rows' rows. Chunks of 3 rows: lookups across chunks."""
    columns = [("Mã", lambda o: o.pk), *field_columns(qs.model, names)]
    expected = list(export_rows(qs, columns))
    got = list(value_rows(qs, names, chunk_size=3))
    assert len(got) == len(expected) > 0
    for g, e in zip(got, expected, strict=True):
        diff = [
            (names[i - 1] if i else "pk", a, b)
            for i, (a, b) in enumerate(zip(g, e, strict=True))
            if written(a) != written(b)
        ]
        assert diff == []
    return got


def test_value_rows_show_what_the_object_accessors_show(users):
    laos, japan = CountryFactory(), CountryFactory(code="JP", name_vi="Nhật Bản", name_en="Japan")
    partner = PartnerFactory(name="Xiêng Khoảng", country=laos)
    for i in range(7):
        d = DelegationFactory(countries=[laos, japan][: 1 + i % 2], status=DelegationStatus.DONE if i % 3 else "draft")
        if i % 2:
            d.partners.set([partner])
    d.actual_start = dt.date(2027, 3, 1)
    d.save()
    got = same_cells(Delegation.objects.order_by("-pk"), every_field(Delegation))
    assert any(isinstance(c, str) and "Lào" in c and "Nhật Bản" in c and ", " in c for row in got for c in row)


# Instants around midnight, local time in Vietnam (UTC+7) and New York (a daylight-saving fold: 01:30 twice on
# 1 November 2026), with and without microseconds (SQLite stores the latter without a fraction).
INSTANTS = [
    dt.datetime(2026, 12, 31, 16, 59, 59, 999999, tzinfo=dt.UTC),  # 23:59:59.999999 in Vietnam
    dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC),  # 00:00 on 1 January 2027 in Vietnam
    dt.datetime(2027, 1, 1, 4, 59, 59, tzinfo=dt.UTC),  # 23:59:59 on 31 December in New York
    dt.datetime(2026, 11, 1, 5, 30, 0, 250000, tzinfo=dt.UTC),  # 01:30:00.25 EDT
    dt.datetime(2026, 11, 1, 6, 30, tzinfo=dt.UTC),  # 01:30 EST, the same wall-clock time an hour later
]


@pytest.mark.parametrize("zone", ["Asia/Ho_Chi_Minh", "America/New_York"])
def test_value_rows_edge_values_are_the_object_paths(users, zone):
    """Date-times around local midnight, empty values, large and exact amounts, stored choices without a label and
    many-to-many names in their model's order (not the order they were added in) — cell by cell on each database."""
    countries = [
        CountryFactory(code=code, name_vi=name)
        for code, name in [("TH", "Thái Lan"), ("AU", "Úc"), ("IN", "Ấn Độ"), ("KH", "Campuchia"), ("GB", "Anh")]
    ]
    partners = [PartnerFactory(name=name, country=countries[i % 2]) for i, name in enumerate(["Zeta", "Beta", "Alpha"])]
    partners.append(PartnerFactory(name="Không quốc gia", country=None))
    rows = [
        DelegationFactory(countries=countries[::-1], size=None, time_text=""),
        DelegationFactory(countries=[], estimate_vnd=Decimal("123456789012345"), appraised_vnd=Decimal(0)),
        DelegationFactory(countries=countries[2:4], actual_vnd=Decimal("999999999999999"), uses_state_budget=False),
        DelegationFactory(countries=countries[:1], appraised_on=dt.date(2026, 12, 31), settled_on=dt.date(2027, 1, 1)),
        DelegationFactory(
            countries=countries[1:3], decision_date=dt.date(1999, 1, 1), actual_start=dt.date(2027, 3, 1)
        ),
    ]
    rows[0].partners.set(partners[::-1])
    rows[2].partners.set(partners[1:])
    for d, at in zip(rows, INSTANTS, strict=True):
        Delegation.objects.filter(pk=d.pk).update(created_at=at, updated_at=at + dt.timedelta(hours=12))
    # stored values that are no longer (or never were) among the choices: shown as stored, as the pages do
    Delegation.objects.filter(pk=rows[1].pk).update(status="da_bo", group="", funding_source="khac_xua")
    names = every_field(Delegation)
    with timezone.override(zone):
        got = same_cells(Delegation.objects.order_by("pk"), names)
    created = names.index("created_at") + 1
    local = {
        "Asia/Ho_Chi_Minh": [dt.datetime(2026, 12, 31, 23, 59, 59, 999999), dt.datetime(2027, 1, 1)],
        "America/New_York": [dt.datetime(2026, 12, 31, 11, 59, 59, 999999), dt.datetime(2026, 12, 31, 12)],
    }[zone]
    assert [row[created] for row in got[:2]] == local and all(type(row[created]) is dt.datetime for row in got)
    assert got[1][names.index("status") + 1] == "da_bo" and got[1][names.index("countries") + 1] == ""
    assert got[0][names.index("size") + 1] is None and got[1][names.index("estimate_vnd") + 1] == 123456789012345
    assert got[0][names.index("partners") + 1].count(", ") == 3


def test_value_rows_of_nullable_date_times_and_decimal_places(users):
    """A registry with coordinates (decimals with 6 places, some empty) and one with a nullable date-time."""
    for i, (lat, lon) in enumerate(
        [(Decimal("21.123456"), Decimal("104.000001")), (None, None), (Decimal("-0.5"), None)]
    ):
        BorderGateFactory(latitude=lat, longitude=lon, upgrade_to="" if i else "international")
    got = same_cells(BorderGate.objects.order_by("pk"), every_field(BorderGate))
    assert {type(c) for row in got for c in row[1:]} >= {float, type(None)}
    people = [OverseasVietnameseFactory() for _ in range(3)]
    OverseasVietnamese.objects.filter(pk=people[0].pk).update(erased_at=INSTANTS[1])
    OverseasVietnamese.objects.filter(pk=people[1].pk).update(erased_at=INSTANTS[0])
    got = same_cells(OverseasVietnamese.objects.order_by("pk"), every_field(OverseasVietnamese))
    erased = every_field(OverseasVietnamese).index("erased_at") + 1
    assert [row[erased] for row in got] == [
        dt.datetime(2027, 1, 1),
        dt.datetime(2026, 12, 31, 23, 59, 59, 999999),
        None,
    ]
    if connection.vendor == "sqlite":  # a time stored by hand with its own offset (Django stores UTC without one)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {OverseasVietnamese._meta.db_table} SET erased_at = %s WHERE id = %s",  # noqa: S608
                ["2026-12-31T19:30:00+02:00", people[2].pk],
            )
        got = same_cells(OverseasVietnamese.objects.order_by("pk"), every_field(OverseasVietnamese))
        assert got[2][erased] == dt.datetime(2027, 1, 1, 0, 30)


def test_progress_is_reported_while_writing():
    seen: list[int] = []
    count = write_table(io.BytesIO(), title="x", headers=["Số"], rows=([i] for i in range(12001)), progress=seen.append)
    assert count == 12001 and seen == [5000, 10000]


def test_a_long_list_is_exported_in_the_background(client_for, users, settings, django_capture_on_commit_callbacks):
    settings.DOINGOAI_EXPORT_BACKGROUND_ROWS = 3
    for i in range(5):
        DelegationFactory(name=f"Đoàn {i}", proposing_unit=users["officer1"].unit)
    coordinator = client_for("coordinator")
    with django_capture_on_commit_callbacks(execute=False):
        response = coordinator.get("/delegations/?export=xlsx&sort=name")
    export = ListExport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("core:listexport_detail", args=[export.pk])
    assert (export.total, export.status, export.query) == (5, ListExportStatus.QUEUED, "sort=name")
    page = coordinator.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in page and "Đang chờ" in page and "5 dòng" in page

    assert list_export_build(export_id=export.pk) == ListExportStatus.DONE
    status = coordinator.get(reverse("core:listexport_status", args=[export.pk])).content.decode()
    assert "hx-trigger" not in status and "Tải tệp Excel (5 dòng)" in status
    download = coordinator.get(reverse("core:listexport_download", args=[export.pk]))
    ws = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = list(ws.iter_rows(values_only=True))
    name = rows[0].index(str(Delegation._meta.get_field("name").verbose_name))
    assert [r[name] for r in rows[1:]] == [f"Đoàn {i}" for i in range(5)]  # in the list's order
    # someone else's export is not found, neither its page nor its file
    for name in ("officer1", "leader"):
        other = client_for(name)
        assert other.get(reverse("core:listexport_detail", args=[export.pk])).status_code == 404
        assert other.get(reverse("core:listexport_download", args=[export.pk])).status_code == 404


def test_the_worker_writes_only_what_the_user_may_see(client_for, users, settings):
    settings.DOINGOAI_EXPORT_BACKGROUND_ROWS = 1
    mine = [DelegationFactory(proposing_unit=users["officer1"].unit, status="draft") for _ in range(2)]
    DelegationFactory(proposing_unit=users["officer2"].unit, status="draft")  # another unit's draft
    client_for("officer1").get("/delegations/?export=xlsx")
    export = ListExport.objects.get(requested_by=users["officer1"])
    list_export_build(export_id=export.pk)
    export.refresh_from_db()
    ws = load_workbook(export.file.path).active
    assert sorted(r[0] for r in ws.iter_rows(min_row=2, values_only=True)) == sorted(d.pk for d in mine)


def test_a_failed_export_says_so(users):
    export = ListExport.objects.create(path="/khong-co/", title="x", total=10, requested_by=users["coordinator"])
    assert list_export_build(export_id=export.pk) == ListExportStatus.FAILED
    export.refresh_from_db()
    assert export.error.startswith("Không tạo được tệp")


def test_old_exports_are_forgotten(client_for, users, settings):
    settings.DOINGOAI_EXPORT_BACKGROUND_ROWS = 0
    DelegationFactory()
    old = ListExport.objects.create(
        path="/delegations/",
        title="x",
        requested_by=users["coordinator"],
        requested_at=timezone.now() - dt.timedelta(days=8),
    )
    client_for("coordinator").get("/delegations/?export=xlsx")
    assert not ListExport.objects.filter(pk=old.pk).exists() and ListExport.objects.count() == 1


@pytest.mark.parametrize("background", [False, True])
def test_personal_data_exports_are_logged_per_record(client_for, users, settings, background):
    settings.DOINGOAI_EXPORT_BACKGROUND_ROWS = 1 if background else 1000
    people = [OverseasVietnameseFactory() for _ in range(2)]
    response = client_for("coordinator").get("/diaspora/?export=xlsx")
    if background:
        list_export_build(export_id=ListExport.objects.get().pk)
    else:
        assert response.status_code == 200
    logged = PersonalDataAccess.objects.filter(action=AccessAction.EXPORT_LIST, user=users["coordinator"])
    assert sorted(logged.values_list("object_id", flat=True)) == sorted(p.pk for p in people)


def test_an_empty_list_still_has_its_header():
    out = io.BytesIO()
    assert write_table(out, title="Đoàn ra", headers=["Mã", "Tên đoàn"], rows=[]) == 0
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    assert [c.value for c in ws[1]] == ["Mã", "Tên đoàn"] and ws.max_row == 1


def test_the_delegation_list_export_is_formatted(client_for, users):
    """The file as a user opens it: header in bold on a fill and frozen, columns widened, dates and numbers typed."""
    DelegationFactory(name="Đoàn Lào", size=7, actual_start=dt.date(2027, 3, 1), proposing_unit=users["officer1"].unit)
    response = client_for("coordinator").get("/delegations/?export=xlsx")
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [c.value for c in ws[1]]
    col = {name: header.index(str(Delegation._meta.get_field(name).verbose_name)) for name in ("size", "actual_start")}
    assert header[0] == "Mã" and ws.freeze_panes == "A2"
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("DDEBF7") for c in ws[1])
    assert all((ws.column_dimensions[c.column_letter].width or 0) >= 12 for c in ws[1])
    size, start = ws[2][col["size"]], ws[2][col["actual_start"]]
    assert size.value == 7 and size.data_type == "n"
    assert start.value == dt.datetime(2027, 3, 1) and start.is_date and start.number_format == "DD/MM/YYYY"
    assert ws[2][0].data_type == "n" and all(c.quotePrefix for c in ws[2] if c.value is not None)  # never a formula


def test_cells_are_converted_even_when_their_type_appears_late():
    """The writer takes clean rows as they are and converts by column: amounts met after the first rows, yes/no,
    and text with a control character further down are still written as `safe_value` would."""
    rows = [[i, None, True, "dòng\nhai"] for i in range(300)]
    rows += [[300, Decimal("1500000.50"), False, "có\x0bký tự lạ"], [301, Decimal("2"), None, "=1+1"]]
    out = io.BytesIO()
    assert write_table(out, title="x", headers=["Mã", "Số tiền", "Có?", "Ghi chú"], rows=rows) == 302
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    got = list(ws.iter_rows(min_row=2, values_only=True))
    assert got[0] == (0, None, "Có", "dòng\nhai")
    assert got[300] == (300, 1500000.5, "Không", "có ký tự lạ") and ws.cell(row=302, column=2).data_type == "n"
    assert got[301][3] == "=1+1" and ws.cell(row=303, column=4).data_type == "s"


def test_names_of_related_rows_follow_their_edits_between_exports(users):
    """The names of partners, units and countries are kept between exports (`core.exports._label_store`), and
    an edit, an addition or a removal made since is seen by the next one."""
    laos = CountryFactory()
    partner = PartnerFactory(name="Xiêng Khoảng", country=laos)
    delegation = DelegationFactory(countries=[laos])
    delegation.partners.set([partner])
    names = ["proposing_unit", "partners", "countries"]

    def cells() -> list[Any]:
        return next(value_rows(Delegation.objects.filter(pk=delegation.pk), names))[1:]

    unit = delegation.proposing_unit
    assert cells() == [unit.name, "Xiêng Khoảng (Lào)", "Lào"]
    partner.name = "Xiêng Khoảng (tỉnh)"
    partner.save()
    assert cells() == [unit.name, "Xiêng Khoảng (tỉnh) (Lào)", "Lào"]
    laos.name_vi = "CHDCND Lào"
    laos.save()  # the partner is named with its country: its name changes too
    assert cells() == [unit.name, "Xiêng Khoảng (tỉnh) (CHDCND Lào)", "CHDCND Lào"]
    unit.name = "Sở Ngoại vụ (mới)"
    unit.save()
    assert cells()[0] == "Sở Ngoại vụ (mới)"
    other = PartnerFactory(name="Luang Prabang", country=laos)
    delegation.partners.add(other)
    assert cells()[1] == "Luang Prabang (CHDCND Lào), Xiêng Khoảng (tỉnh) (CHDCND Lào)"
