"""Every URL of the project × every role, generated from the URL configuration.

A new view is picked up automatically: its name must be placed in RULES below or the test fails, so nobody
adds a page without saying who may open it. Objects in the URLs belong to officer2's unit and are drafts, so
officer1 must get 404 wherever a record is involved.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from doingoai.api.registry import registered as api_registered
from doingoai.core.models import CompetentUnit, ListExport, UnitOwnedModel
from doingoai.core.registry import Access, all_registries
from doingoai.laocoop.models import MeetingAction, TwinningActivity
from tests.border.fixtures import border_objects  # noqa: F401 - a fixture of `objects`
from tests.consular.fixtures import consular_objects  # noqa: F401 - a fixture of `objects`
from tests.diaspora.fixtures import diaspora_objects  # noqa: F401 - a fixture of `objects`
from tests.factories import (
    AgreementActionFactory,
    AgreementFactory,
    AidProjectFactory,
    ConferenceFactory,
    CountryFactory,
    DelegationFactory,
    DiplomaticRelationFactory,
    EventFactory,
    InspectionFactory,
    InvestmentOpportunityFactory,
    PartnerFactory,
    TrainingCourseFactory,
)
from tests.imports.fixtures import imports_objects  # noqa: F401 - a fixture of `objects`
from tests.infowork.fixtures import infowork_objects  # noqa: F401 - a fixture of `objects`
from tests.programs.fixtures import programs_objects  # noqa: F401 - a fixture of `objects`
from tests.registries.test_views import create_record, has_example
from tests.reporting.fixtures import reporting_objects  # noqa: F401 - a fixture of `objects`

ROLES = ["anonymous", "coordinator", "leader", "finance", "admin", "officer1", "officer2"]
ALL = dict.fromkeys(ROLES[1:], 200) | {"anonymous": 302}
WRITERS = {
    "anonymous": 302,
    "coordinator": 200,
    "admin": 200,
    "leader": 404,
    "finance": 404,
    "officer1": 404,
    "officer2": 404,
}
CREATORS = {
    "anonymous": 302,
    "coordinator": 200,
    "admin": 200,
    "leader": 403,
    "finance": 403,
    "officer1": 403,
    "officer2": 403,
}
OWNED_READ = ALL | {"officer1": 404}
ALL_POST_ONLY = dict.fromkeys(ROLES[1:], 405) | {"anonymous": 302}
OWNED_WRITE = WRITERS | {"officer2": 200}
OWNED_CREATE = CREATORS | {"officer1": 200, "officer2": 200}
# "submit" on a draft: the owning unit and the coordinator; leader/finance see it but may not act (403).
OWNED_SUBMIT = {
    "anonymous": 302,
    "coordinator": 200,
    "admin": 200,
    "leader": 403,
    "finance": 403,
    "officer1": 404,
    "officer2": 200,
}
PUBLIC = dict.fromkeys(ROLES, 200)
COORDINATOR_ONLY = dict.fromkeys(ROLES[1:], 403) | {"anonymous": 302, "coordinator": 200, "admin": 200}
SUBJECT_REQUEST = COORDINATOR_ONLY | {"officer1": 404}
NO_SUCH_STEP = dict.fromkeys(ROLES[1:], 404) | {"anonymous": 302}


def registry_rules(reg) -> dict[str, dict[str, int]]:
    """Every page of a declared registry, by who may read and write it (its `access`). The matrix's objects
    belong to officer2's unit and are drafts (or a registry's first status)."""
    owned = reg.rights != Access.REFERENCE
    # Drafts stay with their unit; persons and private files in every status.
    private = issubclass(reg.model, UnitOwnedModel) or reg.rights in (Access.PERSONS, Access.PRIVATE)
    workflow = reg.workflow
    step = NO_SUCH_STEP if workflow is None or "submit" not in workflow.transitions else None
    # A competent body's subject (border, consular cases, APEC cards, persons): officer1's unit (tourism) is
    # not declared competent here (see `objects`), so it may not even open the form.
    create = OWNED_CREATE | ({"officer1": 403} if getattr(reg.model, "competence", None) else {})
    rules = {
        "list": ALL,
        "detail": (OWNED_READ if private else ALL) if owned else ALL,
        "add": create if owned else CREATORS,
        "edit": OWNED_WRITE if owned else WRITERS,
        "delete": OWNED_WRITE if owned else WRITERS,
        "action": step or (OWNED_SUBMIT if owned else CREATORS),
        "bulk": ALL_POST_ONLY,  # POST only; each ticked record is checked in turn (test_bulk_post_matrix)
    }
    if reg.rights == Access.PERSONS:
        rules |= {"export": SUBJECT_REQUEST, "erase": SUBJECT_REQUEST}
    return {reg.url_name(action): rule for action, rule in rules.items()}


RULES: dict[str, dict[str, int]] = {
    **{name: rule for reg in all_registries() for name, rule in registry_rules(reg).items()},
    "home": ALL,
    "healthz": PUBLIC,
    "login": PUBLIC,
    # The language switch (Django's set_language) is public, like the login page that shows it: a POST sets the
    # cookie; a GET changes nothing and only redirects back.
    "set_language": dict.fromkeys(ROLES, 302),
    "javascript_catalog": PUBLIC,  # the scripts' messages: loaded by every page, the login page too
    "password_change": ALL,
    "password_change_done": ALL,
    "anniversaries": ALL,
    "delegations:overlaps": ALL,
    "core:unit_lookup": ALL,
    "core:partner_lookup": ALL,
}
# Money and authority (doingoai.finance): a record's budget page reads like the record (officer2's draft here);
# who decides (authorities, rules, holders) is written by the administrator alone; delegating needs a held
# authority (the administrator records any).
ADMIN_WRITES = WRITERS | {"coordinator": 404}
ADMIN_CREATES = CREATORS | {"coordinator": 403}
RULES |= {
    "finance:budget": OWNED_READ,
    "programs:plan_budget_appraisal": dict.fromkeys(ROLES[1:], 405) | {"anonymous": 302},  # POST only
    "finance:totals": ALL,
    "finance:delegate": dict.fromkeys(ROLES[1:], 403) | {"anonymous": 302, "admin": 200},
    **{
        f"finance:{model}_{action}": ADMIN_WRITES if action != "add" else ADMIN_CREATES
        for model in ("authority", "approvalrule", "authoritygrant")
        for action in ("add", "edit", "delete")
    },
}
# Search and the API (doingoai.api), generated from the API declarations: anonymous 401 instead of the login
# redirect; reads as on the web; a GET on a workflow step (POST only) is 405.
API_ALL = ALL | {"anonymous": 401}
API_OWNED_READ = OWNED_READ | {"anonymous": 401}
API_POST_ONLY = dict.fromkeys(ROLES[1:], 405) | {"anonymous": 401}
API_MODELS = {
    f"api:{s.prefix}-{a}": s.model._meta.model_name for s in api_registered() for a in ("detail", "actions", "action")
}
RULES |= {
    "search:search": ALL,
    "api:token": ALL,
    **dict.fromkeys(["api:api-root", "api:schema", "api:figures-index", "api:figures", "api:search"], API_ALL),
    **{f"api:{s.prefix}-list": API_ALL for s in api_registered()},
    **{
        f"api:{s.prefix}-{a}": API_OWNED_READ if issubclass(s.model, UnitOwnedModel) else API_ALL
        for s in api_registered()
        for a in ("detail", "actions")
    },
    **{f"api:{s.prefix}-action": API_POST_ONLY for s in api_registered()},
    **{f"api:{s.prefix}-bulk": API_POST_ONLY for s in api_registered()},  # each record checked: test_bulk
}
RULES |= {"aid:public_investment": PUBLIC}
# External information (doingoai.infowork): a false-information case is read by its handling unit, the committee's
# standing agency and the leaders — not finance; language versions are POST-only; the public page and its feed are
# public.
RULES |= {
    "infowork:falseinfocase_detail": OWNED_READ | {"finance": 404},
    **dict.fromkeys(["infowork:infoproduct_version", "infowork:infoproductversion_review"], ALL_POST_ONLY),
    **dict.fromkeys(["infowork:editorial_calendar", "infowork:anniversaries"], ALL),
    **dict.fromkeys(["infowork:public", "infowork:public_feed"], PUBLIC),
}
# Periodic reports (doingoai.reporting): the objects are officer2's unit's; officers read only their own unit's
# reports; the consolidation (every unit's texts) is for the province-level roles; POST-only steps answer 405.
POST_ONLY = dict.fromkeys(ROLES[1:], 405) | {"anonymous": 302}
PROVINCE_READ = ALL | {"officer1": 403, "officer2": 403}
RULES |= {
    **dict.fromkeys(["reporting:period_list", "reporting:compliance", "reporting:deadlines", "reporting:inbox"], ALL),
    **dict.fromkeys(["reporting:period_add", "reporting:period_edit", "reporting:period_close"], CREATORS),
    "reporting:period_consolidated": PROVINCE_READ,
    # A plan's members and their on-time rates: everyone who may read the plan (an officer sees its own unit's
    # rows), and the committee's page of plans; the .docx/.xlsx of a plan likewise.
    **dict.fromkeys(["reporting:plan_reporting", "reporting:plan_reporting_export", "reporting:committee"], ALL),
    "reporting:period_export": POST_ONLY,
    **dict.fromkeys(["reporting:export_detail", "reporting:export_download"], ALL | {"officer1": 404, "officer2": 404}),
    # a long list export (officer2's, written): its owner only
    **dict.fromkeys(
        ["core:listexport_detail", "core:listexport_status", "core:listexport_download"],
        dict.fromkeys(ROLES[1:], 404) | {"anonymous": 302, "officer2": 200},
    ),
    **dict.fromkeys(
        [
            "reporting:period_detail",
            "reporting:unitreport_detail",
            "reporting:attachment_download",
            "reporting:version_detail",
        ],
        OWNED_READ,
    ),
    "reporting:unitreport_action": OWNED_SUBMIT | {"coordinator": 403, "admin": 403},
    **dict.fromkeys(["reporting:unitreport_attach", "reporting:attachment_remove"], POST_ONLY),
    "reporting:notification_open": dict.fromkeys(ROLES, 404) | {"anonymous": 302, "officer2": 302},
}
# Imports (doingoai.imports): templates for everyone, proposal uploads for those who propose, document imports
# for the coordinator only (another role's pending import is a 404).
IMPORT_KINDS = ("delegations_out", "delegations_in", "conferences", "agreements")
RULES |= {
    "imports:index": ALL,
    **{f"imports:proposal_template_{k}": ALL for k in IMPORT_KINDS},
    **{f"imports:proposal_upload_{k}": OWNED_CREATE for k in IMPORT_KINDS},
    "imports:document_upload": CREATORS,
    **dict.fromkeys(["imports:document_detail", "imports:document_status"], WRITERS),
}
# The programme (doingoai.programs): everyone signed in reads programmes, their versions and exports; the
# coordinator and admin write; only a leader issues ("submit" on a draft is the coordinator's step).
RULES |= {
    **dict.fromkeys(
        [
            "programs:program_versions",
            "programs:export",
            "programs:plan_docx",
            "programs:plan_tasks_xlsx",
        ],
        ALL,
    ),
}
# A unit officer also makes plans — its unit's own (implementation plan of a provincial plan, thematic plan),
# followed up by its unit; never the province's programme (tests/programs/test_tasks.py).
RULES |= {"programs:plan_add": CREATORS | {"officer1": 200, "officer2": 200}}
API_MODELS |= {"programs:plan_tasks_xlsx": "plan", "programs:plan_budget_appraisal": "plan"}  # the record: the plan
# Dashboard and calendar (doingoai.dashboard): every signed-in user, each seeing only what they may. The iCal feed
# is public-by-token like "login" (no session: the secret in the address stands for its user), so the matrix asks
# with an invalid token and everyone, signed in or not, gets 404; valid and revoked tokens: tests/dashboard.
RULES |= {
    **dict.fromkeys(["dashboard:dashboard", "dashboard:calendar", "dashboard:calendar_token"], ALL),
    "dashboard:calendar_feed": dict.fromkeys(ROLES, 404),
}
# Persons (Decree 13/2023): only the coordinator and the administrator read the logs (the registries of persons
# themselves follow their declaration: see registry_rules).
RULES |= {
    "persons:personaldataaccess_list": COORDINATOR_ONLY,
    "persons:erasurerecord_list": COORDINATOR_ONLY,
    "border:bordermarker_map": ALL,
    "border:markerinspection_photo": ALL,
}
# The reporting follow-up through the API (reporting.api, hand-written viewsets): as its web pages.
API_MODELS |= {
    "api:reporting-periods-detail": "period",
    **{f"api:unit-reports-{a}": "unitreport" for a in ("detail", "actions", "action")},
}
RULES |= {
    **dict.fromkeys(["api:reporting-periods-list", "api:unit-reports-list"], API_ALL),
    **dict.fromkeys(
        ["api:reporting-periods-detail", "api:unit-reports-detail", "api:unit-reports-actions"], API_OWNED_READ
    ),
    "api:unit-reports-action": API_POST_ONLY,
}
# The API reads a record exactly as its web page does (persons: only the unit that recorded them).
for _spec in api_registered():
    _web = f"{_spec.model._meta.app_label}:{_spec.model._meta.model_name}_detail"
    if _web in RULES:
        for _a in ("detail", "actions"):
            RULES[f"api:{_spec.prefix}-{_a}"] = RULES[_web] | {"anonymous": 401}
# Pages that are not ours to test here (Django's own admin and logout, which only accepts POST).
SKIP_PREFIXES = ("admin:",)
SKIP = {"logout"}


def named_patterns(patterns=None, namespace: str = ""):
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from named_patterns(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}{p.name}", p


def test_every_url_has_a_rule():
    names = {name for name, _ in named_patterns() if not name.startswith(SKIP_PREFIXES) and name not in SKIP}
    assert names - set(RULES) == set(), "add the new views to RULES"


@pytest.fixture
def objects(
    users,
    reporting_objects,  # noqa: F811 - fixtures imported above
    imports_objects,  # noqa: F811
    infowork_objects,  # noqa: F811
    programs_objects,  # noqa: F811
    diaspora_objects,  # noqa: F811
    consular_objects,  # noqa: F811
    border_objects,  # noqa: F811
):
    unit = users["officer2"].unit
    CompetentUnit.objects.filter(unit=users["officer1"].unit).delete()  # the tourism department: no competence
    laos = CountryFactory()
    made = {
        "delegation": DelegationFactory(proposing_unit=unit),
        "conference": ConferenceFactory(organising_unit=unit),
        "agreement": AgreementFactory(proposing_unit=unit),
        "agreementaction": AgreementActionFactory(owner_unit=unit),
        "unit": unit,
        "partner": PartnerFactory(country=laos),
        "country": laos,
        "diplomaticrelation": DiplomaticRelationFactory(),
        "aidproject": AidProjectFactory(managing_unit=unit),
        "investmentopportunity": InvestmentOpportunityFactory(managing_unit=unit),
        "event": EventFactory(organising_unit=unit),
        "trainingcourse": TrainingCourseFactory(organising_unit=unit),
        "inspection": InspectionFactory(inspecting_unit=unit),
        "listexport": _list_export(users["officer2"]),
        **reporting_objects,
        **imports_objects,
        **infowork_objects,
        **programs_objects,
        **diaspora_objects,
        **consular_objects,
        **border_objects,
    }
    # Registries declared with an example (scaffolded ones) need no fixture here.
    for reg in all_registries():
        if reg.model_name not in made and has_example(reg):
            made[reg.model_name] = create_record(reg.model, reg.example(unit=unit, n=1) or {})
    # Lao border cooperation: the records that hang on another (no example of their own), and the commune.
    made["administrativeunit"] = made["twinningpair"].vn_commune
    made["twinningactivity"] = TwinningActivity.objects.create(
        pair=made["twinningpair"], held_on=dt.date(2025, 4, 13), title="Giao lưu", unit=unit
    )
    made["meetingaction"] = MeetingAction.objects.create(
        meeting=made["bordermeeting"], text="Tuần tra", owner_unit=unit
    )
    return made


def _list_export(user) -> ListExport:
    export = ListExport(path="/delegations/", title="Đoàn", total=1, done=1, requested_by=user, status="done")
    export.file.save("doan.xlsx", ContentFile(b"PK"), save=False)
    export.save()
    return export


OTHER_MODELS = {"reporting:plan_reporting_export": "plan"}  # pages whose name does not start with their model's


def url_for(name: str, pattern: URLPattern, objects: dict) -> str:
    keys = list(pattern.pattern.regex.groupindex)  # path() converters and re_path() groups (the API router)
    kwargs: dict[str, object] = {}
    model = API_MODELS.get(name) or OTHER_MODELS.get(name) or name.split(":")[-1].rsplit("_", 1)[0]
    if "year" in keys:
        kwargs["year"] = 2027
    if "label" in keys:  # the budget page of a record: officer2's draft delegation
        kwargs["label"], model = "delegations.delegation", "delegation"
    if "pk" in keys:
        kwargs["pk"] = objects[model].pk
    if "name" in keys:
        kwargs["name"] = "submit"
    if "token" in keys:
        kwargs["token"] = "x" * 43  # well-formed, never issued
    if "fmt" in keys:
        kwargs["fmt"] = "xlsx"
    return reverse(name, kwargs=kwargs)


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, users, objects, role):
    if role != "anonymous":
        client.force_login(users[role], backend="doingoai.core.backends.UserBackend")
    failures = []
    for name, pattern in named_patterns():
        if name.startswith(SKIP_PREFIXES) or name in SKIP:
            continue
        url = url_for(name, pattern, objects)
        status = client.get(url).status_code
        if status != RULES[name][role]:
            failures.append(f"{role} GET {url} ({name}): {status}, expected {RULES[name][role]}")
    assert not failures, "\n".join(failures)


# Reporting routed by plan: the officers of a plan's coordinating unit act as coordinator for that plan's periods
# (officer1's unit follows up plan X; officer2's unit reports in X and in another plan Y), and for no other plan.
PLAN_COORDINATOR_PAGES = {
    # page: (status for X's period or report, for Y's)
    "reporting:period_detail": (200, 404),
    "reporting:period_edit": (200, 404),
    "reporting:period_close": (200, 404),
    "reporting:period_consolidated": (200, 404),
    "reporting:unitreport_detail": (200, 404),
    "reporting:unitreport_action": (200, 404),  # "accept" on a submitted report
    "api:reporting-periods-detail": (200, 404),
    "api:unit-reports-detail": (200, 404),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "own"), [("officer1", True), ("officer2", False), ("leader", None)])
def test_plan_coordinator_matrix(client, users, role, own):
    """officer1 (coordinating unit of X) manages X's period and reviews its reports, not Y's; officer2 (a reporting
    unit of both) sees its own report only; the leader reads everything but reviews nothing."""
    from doingoai.programs.models import Plan, PlanKind
    from doingoai.reporting import services

    officer2 = users["officer2"]
    x = Plan.objects.create(kind=PlanKind.INFORMATION, year=2027, coordinating_unit=users["officer1"].unit)
    y = Plan.objects.create(kind=PlanKind.THEMATIC, year=2027, coordinating_unit=users["coordinator"].unit)
    periods = {}
    for name, plan in (("x", x), ("y", y)):
        periods[name] = services.period_open(
            by=users["coordinator"], plan=plan, kind="annual", year=2027, label="Năm 2027",
            start=__import__("datetime").date(2027, 1, 1), end=__import__("datetime").date(2027, 12, 14),
            due_date=__import__("datetime").date(2099, 12, 15), units=[officer2.unit],
        )  # fmt: skip
        services.unit_report_submit(report=periods[name].reports.get(), by=officer2, texts={"other": "Nội dung"})
    client.force_login(users[role], backend="doingoai.core.backends.UserBackend")
    failures = []
    for name, (on_x, on_y) in PLAN_COORDINATOR_PAGES.items():
        for which, expected in (("x", on_x), ("y", on_y)):
            period = periods[which]
            # The page's own name (not its namespace: "reporting:" contains "report" too). On SQLite the ids of
            # periods and reports happened to coincide; PostgreSQL's sequences are not rolled back between tests.
            page = name.split(":", 1)[1]
            obj = period.reports.get() if page.startswith(("unitreport", "unit-report")) else period
            kwargs = {"pk": obj.pk} | ({"name": "accept"} if name.endswith("_action") else {})
            if role == "officer2":  # its own reports: read, never reviewed; the periods: read, never managed
                expected = {
                    "reporting:period_detail": 200, "reporting:unitreport_detail": 200,
                    "api:reporting-periods-detail": 200, "api:unit-reports-detail": 200,
                    "reporting:unitreport_action": 403,
                }.get(name, 403)  # fmt: skip
            elif role == "leader":
                expected = 403 if name in ("reporting:period_edit", "reporting:period_close") else 200
                expected = 403 if name == "reporting:unitreport_action" else expected
            status = client.get(reverse(name, kwargs=kwargs)).status_code
            if status != expected:
                failures.append(f"{role} GET {name} of plan {which.upper()}: {status}, expected {expected}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_bulk_post_matrix(client, users, objects, role):
    """The bulk page takes a step on each ticked record as its own page would (the step "submit" on officer2's
    draft, for every registry that offers it in bulk): done where the step page opens (200), refused with a
    reason where it is forbidden (403) or the record is not found (404); anonymous is sent to the login page."""
    from doingoai.core.bulk import bulk_steps

    if role != "anonymous":
        client.force_login(users[role], backend="doingoai.core.backends.UserBackend")
    failures = []
    for reg in all_registries():
        if "submit" not in {t.name for t in bulk_steps(reg)} or reg.model_name not in objects:
            continue
        obj = objects[reg.model_name]
        expected = RULES[reg.url_name("action")][role]
        before = obj.status
        response = client.post(reverse(reg.url_name("bulk")), {"step": "submit", "ids": [obj.pk]})
        obj.refresh_from_db()
        page = response.content.decode()
        if expected == 302:
            ok = response.status_code == 302 and obj.status == before
        elif expected == 200:
            ok = response.status_code == 200 and 'data-done="1"' in page and obj.status != before
        else:
            ok = response.status_code == 200 and 'data-refused="1"' in page and obj.status == before
        if not ok:
            failures.append(f"{role} POST bulk submit {reg.model_name}: {response.status_code}, expected {expected}")
    assert not failures, "\n".join(failures)
