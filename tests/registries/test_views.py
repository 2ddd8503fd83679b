"""Tests generated for every registry whose declaration gives an `example` (every scaffolded registry does).

From the declaration alone: the web pages (list, detail, create, edit, delete, export, htmx, history, stale
edit, rights by role — `tests/registry_cases.py`), the API (`tests/api/test_registries.py` picks these cases up
as it does the hand-written ones), the search box, CSRF and the authorization matrix (`tests/
test_authorization_matrix.py` derives the rules and builds the objects from the same declaration).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.db import models
from django.test import Client

from doingoai.core.registry import Access, Registry, all_registries
from tests.registry_cases import PrivateRegistryViewCases, RegistryViewCases


def has_example(reg: Registry) -> bool:
    return type(reg).example is not Registry.example


def create_record(model: type[models.Model], values: dict[str, Any]) -> Any:
    """A record straight in the database (as a factory would), many-to-many values set after saving."""
    many = {k: v for k, v in values.items() if model._meta.get_field(k).many_to_many}
    obj: Any = model(**{k: v for k, v in values.items() if k not in many})
    obj.save()
    for name, value in many.items():
        getattr(obj, name).set(value)
    return obj


class ExampleFactory:
    """Records of a registry from its `example()`, like a factory_boy factory (an object, not a function, so
    test classes can hold it as an attribute without binding it)."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.counter = itertools.count(1)

    def __call__(self, **kwargs: Any) -> Any:
        owner = self.reg.model.owner_field  # type: ignore[attr-defined]
        values = self.reg.example(unit=kwargs[owner], n=next(self.counter)) or {}
        return create_record(self.reg.model, values | kwargs)


def form_value(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | set | models.QuerySet):
        return [form_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "on" if value else ""
    return "" if value is None else value


def title_field(reg: Registry, values: dict[str, Any]) -> str:
    """The first text field of the example: what the tests look for in lists."""
    for name, value in values.items():
        field = reg.model._meta.get_field(name)
        if isinstance(field, models.CharField) and not field.choices and isinstance(value, str):
            return name
    raise TypeError(f"{reg.model.__name__}.example() gives no text field to recognise a record by.")


def case_for(reg: Registry) -> type | None:
    if reg.rights not in (Access.OWNED, Access.PRIVATE) or reg.form is None or not reg.deletable:
        return None
    probe = reg.example(unit=None, n=0) or {}
    title = title_field(reg, probe)
    counter = itertools.count(1000)

    def form_data(self: Any, users: dict) -> dict[str, Any]:
        # What the form shows a new record (the model's defaults), then the example's values.
        fields = reg.form.base_fields  # type: ignore[union-attr]
        defaults = {f.name: f.get_default() for f in reg.model._meta.concrete_fields if f.has_default()}
        values = defaults | (reg.example(unit=users["officer1"].unit, n=next(counter)) or {})
        return {k: form_value(v) for k, v in values.items() if k in fields}

    base = PrivateRegistryViewCases if reg.rights == Access.PRIVATE else RegistryViewCases
    return type(
        f"Test{reg.model.__name__}Generated",
        (base, SearchAndCsrfCases),
        {
            "registry": reg,
            "model": reg.model,
            "factory": ExampleFactory(reg),
            "owner_field": reg.model.owner_field,  # type: ignore[attr-defined]
            "published_status": reg.published_status(),
            "title_field": title,
            "form_data": form_data,
        },
    )


@pytest.mark.django_db
class SearchAndCsrfCases:
    registry: Registry

    def test_found_by_search_as_the_list_shows_it(self, client_for, users):
        if self.registry.search is None:
            pytest.skip("not searchable")
        obj = self.make(users, "officer1")  # type: ignore[attr-defined]
        title, link = getattr(obj, self.title_field), obj.get_absolute_url()  # type: ignore[attr-defined]
        assert link in client_for("officer1").get("/search/", {"q": title}).content.decode()
        assert link not in client_for("officer2").get("/search/", {"q": title}).content.decode()  # another's draft

    def test_forms_refuse_a_post_without_csrf(self, users):
        client = Client(enforce_csrf_checks=True)
        client.force_login(users["coordinator"])
        response = client.post(self.url("add"), self.form_data(users))  # type: ignore[attr-defined]
        assert response.status_code == 403
        assert not self.model.objects.exists()  # type: ignore[attr-defined]


GENERATED: list[str] = []
for _reg in all_registries():
    if has_example(_reg):
        _case = case_for(_reg)
        if _case is not None:
            globals()[_case.__name__] = _case
            GENERATED.append(_reg.model._meta.label)


def test_every_scaffolded_registry_has_generated_tests():
    """A registry that gives an example is covered here (or is of a kind the generator does not cover yet: persons,
    and reference lists, whose rights are tested by `ApiReferenceCases` and the authorization matrix)."""
    kinds = {r.model._meta.label: r.rights for r in all_registries() if has_example(r)}
    not_generated = {Access.PERSONS, Access.REFERENCE}
    uncovered = {label for label, rights in kinds.items() if label not in GENERATED and rights not in not_generated}
    assert not uncovered, f"no generated tests for {uncovered}"


def test_every_declaration_passes_its_checks():
    from doingoai.core.checks import registry_declarations

    assert registry_declarations() == []
