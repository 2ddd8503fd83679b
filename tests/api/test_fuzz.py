"""Junk in, never a 5xx out: for every API endpoint, generated bodies — any JSON value, the endpoint's own fields
holding values of every type, deep nesting, lone surrogates, control characters, huge numbers, bytes that are not
UTF-8 — are POSTed and PATCHed as the coordinator and as a unit officer; every answer is JSON and below 500."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.api.registry import registered, viewsets
from tests.api_cases import api_client, web_cases

pytestmark = pytest.mark.django_db

SPECS = {spec.prefix: spec for spec in registered()}
PREFIXES = sorted(SPECS) + sorted(viewsets())
MISSING = 999_999  # the id of no record: the body is still read (and refused) before the 404

WEIRD_TEXT = st.sampled_from(
    [
        "\ud800",
        "a\udfffb",
        "\x00",
        "Đoàn\x01\x1b[31m",
        "\x7f\x85\x9f",
        "\u202edảo ngược",
        "𝕏" * 20,
        "x" * 5000,
        "",
        "   ",
        "true",
        "null",
        "on",
        "9" * 40,
        "-1",
        "1e400",
        "NaN",
        "2026-02-30",
        "99999-01-01",
        "1,5",
        "<script>",
        "' OR 1=1 --",
    ]
)
TEXT = st.one_of(WEIRD_TEXT, st.text(st.characters(exclude_categories=()), max_size=40))
NUMBERS = st.one_of(
    st.integers(-3, 5),
    st.integers(),
    st.sampled_from([2**31, 2**63, -(2**63) - 1, 10**100, 10**4000]),
    st.floats(allow_nan=False, allow_infinity=False),
)
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8
)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True)  # lone surrogates travel as "\ud800" escapes


def deep(depth: int) -> str:
    return '{"note": ' + "[" * depth + "]" * depth + "}"


def bodies(fields: list[str]) -> st.SearchStrategy[bytes | str]:
    own_fields = st.dictionaries(st.sampled_from(fields), VALUES, min_size=1, max_size=4) if fields else VALUES
    return st.one_of(
        VALUES.map(dumps),
        own_fields.map(dumps),
        st.integers(20, 5000).map(deep),
        st.sampled_from(["", "{", '{"a": NaN}', '{"a": 1e999}', "[" * 100_000, '{"a": "\\ud800"}']),
        st.binary(max_size=60),
    )


def field_names(prefix: str) -> list[str]:
    spec = SPECS.get(prefix)
    if spec is None or spec.form_class is None:
        return ["texts", "comment", "label", "year", "units", "version"]  # the reporting viewsets' fields
    names = list(spec.form_class(user=None).fields)
    for form_class in spec.step_forms.values():
        names += list(form_class().fields)
    return [*names, "version"]


def record(prefix: str, users: dict) -> int:
    """A record of the registry that officer1's unit owns (made by the web test case's factory), or no record."""
    spec = SPECS.get(prefix)
    case = web_cases().get(spec.model) if spec is not None else None
    if case is None:
        return MISSING
    owner = getattr(case, "owner_field", None)
    return case.factory(**({owner: users["officer1"].unit} if owner else {})).pk


def steps(prefix: str) -> list[str]:
    spec = SPECS.get(prefix)
    if spec is None:
        return ["submit", "return", "accept"] if prefix == "unit-reports" else ["none"]
    return list(spec.workflow.transitions) if spec.workflow is not None else ["none"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_input_gives_a_server_error(prefix, users):
    pk = record(prefix, users)
    clients = [api_client(users["coordinator"]), api_client(users["officer1"])]
    content_types = st.sampled_from(["application/json", "application/json", "text/plain", "multipart/form-data"])

    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(body=bodies(field_names(prefix)), step=st.sampled_from(steps(prefix)), content_type=content_types)
    def check(body: bytes | str, step: str, content_type: str) -> None:
        base = f"/api/{prefix}/"
        for client in clients:
            for method, url in [
                ("POST", base),
                ("PATCH", f"{base}{pk}/"),
                ("POST", f"{base}{pk}/actions/{step}/"),
            ]:
                response = client.generic(method, url, body, content_type=content_type)
                assert response.status_code < 500, (method, url, body[:200], response.content[:300])
                assert response["Content-Type"].startswith("application/json"), (method, url, body[:200])
                response.json()

    check()
