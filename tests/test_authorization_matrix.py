"""Every URL of the project × every role, generated from the URL configuration.

A new view is picked up automatically: its name must be placed in RULES below or the test fails, so nobody
adds a page without saying who may open it. Objects in the URLs belong to officer2's unit and are drafts, so
officer1 must get 404 wherever a record is involved.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import (
    AgreementFactory,
    ConferenceFactory,
    CountryFactory,
    DelegationFactory,
    DiplomaticRelationFactory,
    PartnerFactory,
)

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
}
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
def objects(users):
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
    }


def url_for(name: str, pattern: URLPattern, objects: dict) -> str:
    keys = list(pattern.pattern.converters)
    kwargs = {}
    model = name.split(":")[-1].rsplit("_", 1)[0]
    if "pk" in keys:
        kwargs["pk"] = objects[model].pk
    if "name" in keys:
        kwargs["name"] = "submit"
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
