"""Every URL of the project × every role, generated from the URL configuration.

A new view is picked up automatically: its name must be placed in RULES below or the test fails, so nobody
adds a page without saying who may open it. Objects in the URLs belong to officer2's unit and are drafts, so
officer1 must get 404 wherever a record is involved.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from doingoai.api.registry import registered as api_registered
from doingoai.core.models import UnitOwnedModel
from tests.border.fixtures import border_objects  # noqa: F401 - a fixture of `objects`
from tests.consular.fixtures import consular_objects  # noqa: F401 - a fixture of `objects`
from tests.diaspora.fixtures import diaspora_objects  # noqa: F401 - a fixture of `objects`
from tests.factories import (
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
from tests.programs.fixtures import programs_objects  # noqa: F401 - a fixture of `objects`
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

RULES: dict[str, dict[str, int]] = {
    "home": ALL,
    "healthz": PUBLIC,
    "login": PUBLIC,
    "password_change": ALL,
    "password_change_done": ALL,
    "anniversaries": ALL,
    "delegations:overlaps": ALL,
    **{
        f"{app}:{m}_list": ALL
        for app, m in [("delegations", "delegation"), ("conferences", "conference"), ("agreements", "agreement")]
    },
    **{
        f"{app}:{m}_detail": OWNED_READ
        for app, m in [("delegations", "delegation"), ("conferences", "conference"), ("agreements", "agreement")]
    },
    **{
        f"{app}:{m}_add": OWNED_CREATE
        for app, m in [("delegations", "delegation"), ("conferences", "conference"), ("agreements", "agreement")]
    },
    **{
        f"{app}:{m}_{a}": OWNED_WRITE
        for app, m in [("delegations", "delegation"), ("conferences", "conference"), ("agreements", "agreement")]
        for a in ("edit", "delete")
    },
    **{
        f"{app}:{m}_action": OWNED_SUBMIT
        for app, m in [("delegations", "delegation"), ("conferences", "conference"), ("agreements", "agreement")]
    },
    **{f"core:{m}_{a}": ALL for m in ("unit", "partner", "country", "diplomaticrelation") for a in ("list", "detail")},
    **{f"core:{m}_edit": WRITERS for m in ("unit", "partner", "country", "diplomaticrelation")},
    **{f"core:{m}_add": CREATORS for m in ("unit", "partner", "country", "diplomaticrelation")},
    "core:partner_delete": WRITERS,
    "core:unit_lookup": ALL,
    "core:partner_lookup": ALL,
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
}
# Aid, investment, events, training, inspections: owned registries like the plan's; the public investment page
# is open to everyone, signed in or not.
COOPERATION = [
    ("aid", "aidproject"),
    ("aid", "investmentopportunity"),
    ("events", "event"),
    ("events", "trainingcourse"),
    ("events", "inspection"),
]
RULES |= {
    **{f"{app}:{m}_list": ALL for app, m in COOPERATION},
    **{f"{app}:{m}_detail": OWNED_READ for app, m in COOPERATION},
    **{f"{app}:{m}_add": OWNED_CREATE for app, m in COOPERATION},
    **{f"{app}:{m}_{a}": OWNED_WRITE for app, m in COOPERATION for a in ("edit", "delete")},
    **{f"{app}:{m}_action": OWNED_SUBMIT for app, m in COOPERATION},
    "aid:public_investment": PUBLIC,
}
# Periodic reports (doingoai.reporting): the objects are officer2's unit's; officers read only their own unit's
# reports; the consolidation (every unit's texts) is for the province-level roles; POST-only steps answer 405.
POST_ONLY = dict.fromkeys(ROLES[1:], 405) | {"anonymous": 302}
PROVINCE_READ = ALL | {"officer1": 403, "officer2": 403}
RULES |= {
    **dict.fromkeys(["reporting:period_list", "reporting:compliance", "reporting:deadlines", "reporting:inbox"], ALL),
    **dict.fromkeys(["reporting:period_add", "reporting:period_edit", "reporting:period_close"], CREATORS),
    "reporting:period_consolidated": PROVINCE_READ,
    "reporting:period_export": POST_ONLY,
    **dict.fromkeys(["reporting:export_detail", "reporting:export_download"], ALL | {"officer1": 404, "officer2": 404}),
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
            "programs:program_list",
            "programs:program_detail",
            "programs:program_versions",
            "programs:export",
            "programs:programitem_list",
            "programs:programitem_detail",
        ],
        ALL,
    ),
    **dict.fromkeys(["programs:program_add", "programs:programitem_add", "programs:program_action"], CREATORS),
    **{f"programs:{m}_{a}": WRITERS for m in ("program", "programitem") for a in ("edit", "delete")},
}
# Dashboard and calendar (doingoai.dashboard): every signed-in user, each seeing only what they may. The iCal feed
# is public-by-token like "login" (no session: the secret in the address stands for its user), so the matrix asks
# with an invalid token and everyone, signed in or not, gets 404; valid and revoked tokens: tests/dashboard.
RULES |= {
    **dict.fromkeys(["dashboard:dashboard", "dashboard:calendar", "dashboard:calendar_token"], ALL),
    "dashboard:calendar_feed": dict.fromkeys(ROLES, 404),
}
# Persons (Decree 13/2023): a unit sees only what it recorded; only the coordinator and the administrator export,
# answer a data subject's request and read the logs. Citizen cases have no "submit" step (404 for everyone).
# APEC card files stay with their unit in every status; press visits are owned like the plan's registries.
# Border markers and gates are reference data; inspections belong to the inspecting unit.
COORDINATOR_ONLY = dict.fromkeys(ROLES[1:], 403) | {"anonymous": 302, "coordinator": 200, "admin": 200}
SUBJECT_REQUEST = COORDINATOR_ONLY | {"officer1": 404}
PERSONS = [("diaspora", "overseasvietnamese"), ("consular", "citizencase")]
OWNED_FILES = [("consular", "apeccardapplication"), ("consular", "foreignpressvisit")]
REFERENCE = [("diaspora", "diasporaassociation"), ("border", "bordermarker"), ("border", "bordergate")]
RULES |= {
    **{f"{app}:{m}_list": ALL for app, m in PERSONS + OWNED_FILES + REFERENCE},
    **{f"{app}:{m}_detail": OWNED_READ for app, m in PERSONS + OWNED_FILES},
    **{f"{app}:{m}_add": OWNED_CREATE for app, m in PERSONS + OWNED_FILES},
    **{f"{app}:{m}_edit": OWNED_WRITE for app, m in PERSONS + OWNED_FILES},
    **{f"{app}:{m}_{a}": SUBJECT_REQUEST for app, m in PERSONS for a in ("export", "erase")},
    "consular:citizencase_action": dict.fromkeys(ROLES[1:], 404) | {"anonymous": 302},
    "persons:personaldataaccess_list": COORDINATOR_ONLY,
    "persons:erasurerecord_list": COORDINATOR_ONLY,
    **{f"{app}:{m}_delete": OWNED_WRITE for app, m in OWNED_FILES},
    **{f"{app}:{m}_action": OWNED_SUBMIT for app, m in OWNED_FILES},
    **{f"{app}:{m}_detail": ALL for app, m in REFERENCE},
    **{f"{app}:{m}_add": CREATORS for app, m in REFERENCE},
    **{f"{app}:{m}_{a}": WRITERS for app, m in REFERENCE for a in ("edit", "delete")},
    "border:markerinspection_list": ALL,
    "border:markerinspection_detail": ALL,
    "border:bordermarker_map": ALL,
    "border:markerinspection_add": OWNED_CREATE,
    "border:markerinspection_edit": OWNED_WRITE,
    "border:markerinspection_delete": OWNED_WRITE,
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
    programs_objects,  # noqa: F811
    diaspora_objects,  # noqa: F811
    consular_objects,  # noqa: F811
    border_objects,  # noqa: F811
):
    unit = users["officer2"].unit
    laos = CountryFactory()
    return {
        "delegation": DelegationFactory(proposing_unit=unit),
        "conference": ConferenceFactory(organising_unit=unit),
        "agreement": AgreementFactory(proposing_unit=unit),
        "unit": unit,
        "partner": PartnerFactory(country=laos),
        "country": laos,
        "diplomaticrelation": DiplomaticRelationFactory(),
        "aidproject": AidProjectFactory(managing_unit=unit),
        "investmentopportunity": InvestmentOpportunityFactory(managing_unit=unit),
        "event": EventFactory(organising_unit=unit),
        "trainingcourse": TrainingCourseFactory(organising_unit=unit),
        "inspection": InspectionFactory(inspecting_unit=unit),
        **reporting_objects,
        **imports_objects,
        **programs_objects,
        **diaspora_objects,
        **consular_objects,
        **border_objects,
    }


def url_for(name: str, pattern: URLPattern, objects: dict) -> str:
    keys = list(pattern.pattern.regex.groupindex)  # path() converters and re_path() groups (the API router)
    kwargs: dict[str, object] = {}
    model = API_MODELS.get(name) or name.split(":")[-1].rsplit("_", 1)[0]
    if "year" in keys:
        kwargs["year"] = 2027
    if "pk" in keys:
        kwargs["pk"] = objects[model].pk
    if "name" in keys:
        kwargs["name"] = "submit"
    if "token" in keys:
        kwargs["token"] = "x" * 43  # well-formed, never issued
    return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_matrix(client, users, objects, role):
    if role != "anonymous":
        client.force_login(users[role], backend="django.contrib.auth.backends.ModelBackend")
    failures = []
    for name, pattern in named_patterns():
        if name.startswith(SKIP_PREFIXES) or name in SKIP:
            continue
        url = url_for(name, pattern, objects)
        status = client.get(url).status_code
        if status != RULES[name][role]:
            failures.append(f"{role} GET {url} ({name}): {status}, expected {RULES[name][role]}")
    assert not failures, "\n".join(failures)
