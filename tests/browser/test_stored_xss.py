"""Stored XSS: one record of every registry with a script payload in every text field, then chromium opens each
registry's list and detail page and the pages that gather records (home, dashboard, calendar, search, overlaps,
anniversaries, programme, reports, border map, public investment page): the payload shows as text, no element
comes out of it, nothing runs, and the Content-Security-Policy is never even tested (the page fixture fails the
test on any violation, which an injected inline script or handler would cause).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import models
from django.urls import reverse

from doingoai.aid.models import InvestmentStatus
from doingoai.core.models import Unit
from doingoai.delegations.models import DelegationStatus, Direction
from doingoai.imports.models import ImportStatus, PendingImport
from doingoai.programs.models import TaskProgress
from tests.browser.test_delegation_flow import login
from tests.factories import (
    AgreementFactory,
    AidProjectFactory,
    ApecCardApplicationFactory,
    BorderGateFactory,
    BorderMarkerFactory,
    CitizenCaseFactory,
    ConferenceFactory,
    CountryFactory,
    DelegationFactory,
    DiasporaAssociationFactory,
    DiplomaticRelationFactory,
    EventFactory,
    ForeignPressVisitFactory,
    InspectionFactory,
    InvestmentOpportunityFactory,
    MarkerInspectionFactory,
    OverseasVietnameseFactory,
    PartnerFactory,
    TrainingCourseFactory,
    UnitFactory,
)
from tests.programs.factories import (
    CommitteeMemberFactory,
    ProgramFactory,
    ProgramItemFactory,
    SteeringCommitteeFactory,
)
from tests.reporting.factories import ReportingPeriodFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Breaks out of an attribute, opens a script, and tries a handler; "xsspayload" makes it findable by search.
PAYLOAD = "\"'><script>window.__xss=1</script><img src=x onerror=window.__xss=1>xsspayload"
ESCAPED = "&lt;script&gt;window.__xss=1&lt;/script&gt;"
# Text fields whose value the application reads as something else than text.
NOT_FREE_TEXT = {"code", "iso2", "iso3", "token", "sha256", "content_type"}

INJECTED = """() => ({
  ran: window.__xss !== undefined,
  scripts: [...document.scripts].filter((s) => s.type !== "application/json" && s.textContent.includes("__xss")).length,
  images: document.querySelectorAll('img[src="x"], [onerror]').length,
})"""


TOOLTIPS = """(id) => {
  const chart = echarts.getInstanceByDom(document.getElementById(id));
  let probed = 0;
  for (const series of chart.getOption().series) {
    const formatter = series.tooltip && series.tooltip.formatter;
    for (const data of (typeof formatter === "function" && series.data) || []) {
      const tip = document.createElement("div");
      tip.innerHTML = formatter({data, name: data.name, value: data.value, seriesName: series.name});
      document.body.appendChild(tip);
      probed += 1;
    }
  }
  return probed;
}"""


def poison(obj: Any) -> Any:
    """Every free-text field of `obj` set to the payload (cut to the field's length), saved as a user would."""
    for field in obj._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and not field.primary_key
            and field.editable
            and field.name not in NOT_FREE_TEXT
            and not isinstance(field, models.EmailField | models.URLField | models.SlugField)
        ):
            setattr(obj, field.name, PAYLOAD[: field.max_length] if field.max_length else PAYLOAD)
        elif isinstance(field, models.JSONField) and isinstance(getattr(obj, field.name), list):
            setattr(obj, field.name, [PAYLOAD])
    obj.save()
    return obj


def registry_records(year: int) -> dict[str, Any]:
    """One poisoned record per registry, owned by a poisoned unit, in this year's plan where there is one."""
    unit = poison(UnitFactory())
    country = poison(CountryFactory())
    partner = poison(PartnerFactory(country=country))
    planned = {"year": year, "time_text": "Tháng 6", "status": DelegationStatus.IN_PLAN}
    program = poison(ProgramFactory(year=year))
    period = ReportingPeriodFactory(units=[unit], year=year)
    poison(period)
    report = period.reports.get()
    report.texts = {"other": PAYLOAD}
    report.save()
    records = {
        "unit": unit,
        "country": country,
        "partner": partner,
        "diplomaticrelation": poison(DiplomaticRelationFactory(country=country)),
        "delegation": poison(
            DelegationFactory(proposing_unit=unit, direction=Direction.OUT, countries=[country], **planned)
        ),
        "conference": poison(ConferenceFactory(organising_unit=unit, year=year)),
        "agreement": poison(AgreementFactory(proposing_unit=unit, country=country, partner=partner, year=year)),
        "aidproject": poison(AidProjectFactory(managing_unit=unit)),
        "investmentopportunity": poison(
            InvestmentOpportunityFactory(managing_unit=unit, status=InvestmentStatus.OPEN, public=True)
        ),
        "event": poison(EventFactory(organising_unit=unit, year=year)),
        "trainingcourse": poison(TrainingCourseFactory(organising_unit=unit, year=year)),
        "inspection": poison(InspectionFactory(inspecting_unit=unit, year=year)),
        "diasporaassociation": poison(DiasporaAssociationFactory()),
        "overseasvietnamese": poison(OverseasVietnameseFactory(recording_unit=unit)),
        "citizencase": poison(CitizenCaseFactory(recording_unit=unit)),
        "apeccardapplication": poison(ApecCardApplicationFactory(receiving_unit=unit)),
        "foreignpressvisit": poison(ForeignPressVisitFactory(host_unit=unit)),
        "bordermarker": poison(BorderMarkerFactory()),
        "bordergate": poison(BorderGateFactory()),
        "plan": program,
        "plantask": poison(ProgramItemFactory(plan=program, lead_unit=unit, deadline=dt.date(year, 6, 30))),
        "steeringcommittee": poison(SteeringCommitteeFactory(standing_unit=unit)),
        "period": period,
        "unitreport": report,
    }
    records["markerinspection"] = poison(MarkerInspectionFactory(marker=records["bordermarker"], inspector_unit=unit))
    records["committeemember"] = poison(CommitteeMemberFactory(committee=records["steeringcommittee"], unit=unit))
    poison(TaskProgress.objects.create(task=records["plantask"], unit=unit, text=PAYLOAD, percent=40))
    return records


def pages_to_open(records: dict[str, Any], year: int) -> list[tuple[str, bool]]:
    """(address, whether the payload must be shown there) for every page that displays the records."""
    urls: list[tuple[str, bool]] = []
    for name, obj in records.items():
        app = obj._meta.app_label  # URL names follow the authorisation matrix's object names
        urls.append((reverse(f"{app}:{name}_detail", args=[obj.pk]), True))
        if name != "unitreport":
            urls.append((reverse(f"{app}:{name}_list"), True))
    urls += [
        (reverse("reporting:period_consolidated", args=[records["period"].pk]), True),
        (f"/?year={year}", False),
        (f"/dashboard/?year={year}", False),
        (f"/calendar/?year={year}&month=6", True),
        ("/search/?q=xsspayload", True),
        (reverse("programs:plan_detail", args=[records["plan"].pk]) + "?status=not_started", True),
        (f"/delegations/overlaps/?year={year}", False),
        (f"/anniversaries/?year={year}", False),
        (reverse("programs:program_versions", args=[records["plan"].pk]), False),
        ("/reports/deadlines/", False),
        ("/border/markers/map/", False),
        ("/imports/", False),
    ]
    return urls


def test_a_script_in_every_text_field_never_runs(live_server, page, users, shots):
    year = dt.date.today().year
    records = registry_records(year)
    pending = PendingImport.objects.create(
        original_name=f"{PAYLOAD}.docx",
        sha256="1" * 64,
        year=year,
        status=ImportStatus.READY,
        extracted={"document": {"kind": "program", "year": year}, "delegations": [], "partners": []},
        created_by=users["coordinator"],
    )
    base = live_server.url
    login(page, base, "coordinator")
    failures: list[str] = []
    opened = 0
    for url, shown in [*pages_to_open(records, year), (reverse("imports:document_detail", args=[pending.pk]), True)]:
        response = page.goto(base + url)
        status = response.status if response else 0
        if status != 200:
            failures.append(f"{url}: HTTP {status}")
            continue
        opened += 1
        found = page.evaluate(INJECTED)
        if found["ran"] or found["scripts"] or found["images"]:
            failures.append(f"{url}: injected {found}")
        if shown and ESCAPED not in page.content():
            failures.append(f"{url}: the payload is not shown as text")
    # ECharts tooltips are HTML built in JavaScript: render every tooltip of the border map as ECharts would
    page.goto(f"{base}/border/markers/map/")
    page.wait_for_function("() => window.echarts && echarts.getInstanceByDom(document.getElementById('marker-map'))")
    probed = page.evaluate(TOOLTIPS, "marker-map")
    found = page.evaluate(INJECTED)
    if not probed or found["ran"] or found["scripts"] or found["images"]:
        failures.append(f"border map tooltips ({probed}): injected {found}")
    page.screenshot(path=shots / "xss-border-map.png")

    # the public page, for a visitor
    page.context.clear_cookies()
    page.goto(f"{base}/public/investment/")
    page.locator("#sector-chart canvas").wait_for()
    found = page.evaluate(INJECTED)
    if found["ran"] or found["scripts"] or found["images"] or ESCAPED not in page.content():
        failures.append(f"/public/investment/: {found}")
    page.screenshot(path=shots / "xss-public.png", full_page=True)
    assert opened > 50 and not failures, "\n".join(failures)
    assert Unit.objects.filter(name__startswith=PAYLOAD[:20]).exists()
