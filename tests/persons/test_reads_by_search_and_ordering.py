"""Personal data (issue 17, item 5): the API sorts only by fields the role can read; search results that show
persons are logged as reads (web and API); a sensitive case's kind is neither in its search title nor found by
a search for the kind."""

from __future__ import annotations

import pytest

from doingoai.persons.models import AccessAction, PersonalDataAccess
from doingoai.search.selectors import search
from tests.api_cases import api_client
from tests.factories import CitizenCaseFactory, OverseasVietnameseFactory

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    body = response.json()
    return [row["id"] for row in (body["results"] if isinstance(body, dict) else body)]


@pytest.fixture
def persons(users):
    unit = users["officer1"].unit
    # Names and phones in opposite orders: the default order (by name) is not the phone order.
    return [
        OverseasVietnameseFactory(full_name=f"Nguyễn Văn {letter}", phone=phone, recording_unit=unit)
        for letter, phone in (("A", "0999000001"), ("B", "0911000002"), ("C", "0955000003"))
    ]


def test_roles_that_see_masked_contacts_cannot_sort_by_them(users, persons):
    officer = api_client(users["officer1"])  # reads its unit's persons, contacts masked in lists
    default = ids(officer.get("/api/overseas-vietnamese/"))
    for ordering in ("phone", "-phone", "email", "-address", "search_text", "-search_text"):
        assert ids(officer.get("/api/overseas-vietnamese/", {"ordering": ordering})) == default, ordering
    by_phone = [p.pk for p in sorted(persons, key=lambda p: p.phone)]
    coordinator = api_client(users["coordinator"])  # sees contacts in lists: may sort by them
    assert ids(coordinator.get("/api/overseas-vietnamese/", {"ordering": "phone"})) == by_phone
    assert ids(officer.get("/api/overseas-vietnamese/", {"ordering": "-birth_year,-id"}))  # readable fields still sort


def test_sensitive_case_texts_and_passports_are_no_sort_key_for_officers(users):
    unit = users["officer1"].unit
    cases = [CitizenCaseFactory(passport_number=n, recording_unit=unit, sensitive=True) for n in ("C3", "C1", "C2")]
    officer = api_client(users["officer1"])
    default = ids(officer.get("/api/citizen-cases/"))
    assert sorted(default) == sorted(c.pk for c in cases)
    for ordering in ("passport_number", "-passport_number", "summary", "-outcome"):
        assert ids(officer.get("/api/citizen-cases/", {"ordering": ordering})) == default, ordering


def test_search_results_that_show_persons_are_logged_as_reads(users, persons, client_for):
    officer = users["officer1"]
    client_for("officer1").get("/search/", {"q": "Nguyen Van"})
    logged = PersonalDataAccess.objects.filter(action=AccessAction.SEARCH, user=officer)
    assert sorted(logged.values_list("object_id", flat=True)) == sorted(p.pk for p in persons)
    api_client(users["coordinator"]).get("/api/search/", {"q": "Nguyen Van A"})
    by_api = PersonalDataAccess.objects.filter(action=AccessAction.SEARCH, user=users["coordinator"])
    assert list(by_api.values_list("object_id", flat=True)) == [persons[0].pk]
    # A search that shows no person logs nothing.
    client_for("officer1").get("/search/", {"q": "khong co ai"})
    assert logged.count() == len(persons)


def test_a_sensitive_cases_kind_is_not_in_search_results(users):
    unit = users["officer1"].unit
    hidden = CitizenCaseFactory(person_name="Lầu Bá Một", kind="detained", sensitive=True, recording_unit=unit)
    plain = CitizenCaseFactory(person_name="Lầu Bá Hai", kind="detained", sensitive=False, recording_unit=unit)
    for user in (users["officer1"], users["coordinator"]):
        titles = {h.pk: h.title for g in search(user=user, text="Lau Ba", per_group=20).groups for h in g.hits}
        assert titles[hidden.pk] == f"Lầu Bá Một (vụ việc nhạy cảm, {hidden.country})"
        assert hidden.get_kind_display().lower() in titles[plain.pk]
        kind_hits = {
            h.pk for g in search(user=user, text=hidden.get_kind_display(), per_group=20).groups for h in g.hits
        }
        assert hidden.pk not in kind_hits and plain.pk in kind_hits
