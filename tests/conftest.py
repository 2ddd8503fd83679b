"""Shared fixtures: one user per role, two unit officers of different units."""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
from typing import Any

import pytest
from django.test import TransactionTestCase
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from doingoai.core.choices import Competence, Role, UnitKind
from doingoai.core.models import CompetentUnit
from tests import testdb
from tests.factories import UnitFactory, UserFactory

PASSWORD = "matkhau-thu-nghiem-1"

# No per-example deadline: speed is measured by benchmarks, and a loaded CI machine must not fail a property.
hypothesis_settings.register_profile("doingoai", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("doingoai")


# Fixtures through which a test reaches the database pytest-django gives it (their closure is in `fixturenames`);
# the `django_db` mark is the other way.
DATABASE_FIXTURES = frozenset(
    {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback", "live_server"}
)


def uses_the_database(item: pytest.Item) -> bool:
    return item.get_closest_marker("django_db") is not None or not DATABASE_FIXTURES.isdisjoint(
        getattr(item, "fixturenames", ())
    )


def is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    flagged = marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    return bool(flagged) or not {"transactional_db", "live_server"}.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config, items):
    """Tests marked `slow` go first, so that xdist hands them out while every worker still has work, and no pass
    ends with one worker on a long test and the other idle (pytest-django has already put the transactional
    tests after the others: a flush would empty the tables the next test expects, so those are never moved).

    `DOINGOAI_TEST_DATABASE_ONLY=1` (./dev test's PostgreSQL pass) keeps only the tests that use the configured
    database: the others — parsers, reference data, subprocesses on their own SQLite file (the fault tests, the
    short load test) — would run exactly as they did in the SQLite pass."""
    for item in items:
        if item.get_closest_marker("slow") is not None and is_transactional(item):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test must not be marked slow (it would move)")
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: the rest keep their order
    if os.environ.get("DOINGOAI_TEST_DATABASE_ONLY") != "1":
        return
    kept = [item for item in items if uses_the_database(item)]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_the_database(item)])
        items[:] = kept


# Folders (or modules) whose tests go to one xdist worker together (`--dist loadgroup`), because they share data
# built once per package or module: the demo province (tests/demo/conftest.py), the reference data of the modules
# that use `refdata_for_the_module`. pytest-xdist's own `xdist_group` mark does nothing with pytest 9
# (it renames `item._nodeid`, which pytest 9 no longer reads): each worker built the province, and again whenever
# another test came between two demo tests. The scheduler below groups by the test's path instead.
XDIST_GROUPS = {
    "tests/demo/": "demo",
    "tests/core/test_admin_units.py": "admin_units",
    "tests/imports/test_end_to_end.py": "imports_end_to_end",
    "tests/core/test_shared_base.py": "shared_base",  # its tests check each other's leftovers, in order
}


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` with the groups above (every other test is its own unit, as with `load`)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class FolderGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            group = next((name for folder, name in XDIST_GROUPS.items() if nodeid.startswith(folder)), None)
            return group or super()._split_scope(nodeid)

    return FolderGroupScheduling(config, log)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """pytest-django's test databases, each a copy of one migrated template (tests/testdb.py) rather than a
    migrate of its own; `--reuse-db` and `--nomigrations` are refused rather than half honoured."""
    from django.db import connections
    from pytest_django.fixtures import _get_databases_for_setup

    if request.config.getvalue("reuse_db") or request.config.getvalue("nomigrations"):
        raise pytest.UsageError("--reuse-db and --nomigrations are not supported: see tests/testdb.py")
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    created = []
    with django_db_blocker.unblock():
        for alias in sorted(aliases):
            connection = connections[alias]
            created.append((connection, testdb.create_test_db(connection, serialize=alias in serialized_aliases)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", _restore_instead_of_flush)
        yield
    with django_db_blocker.unblock():
        for connection, old_name in created:
            connection.creation.destroy_test_db(old_name, verbosity=0)


_flush = TransactionTestCase._fixture_teardown


def _restore_instead_of_flush(self: TransactionTestCase) -> None:
    """The end of a transactional test (one that commits: pytest-django's `transaction=True`, `live_server`): the
    database restored from its template (tests/testdb.py, restore_test_db) instead of Django's flush; the flush
    where the restore does not apply (available_apps, serialized rollback, a table migrate filled was changed)."""
    from django.db import connections

    names = self._databases_names(include_mirrors=False)
    plain = self.available_apps is None and not self.serialized_rollback
    if not (plain and all(testdb.restore_test_db(connections[name]) for name in names)):
        _flush(self)


@pytest.fixture(scope="module")
def refdata_for_the_module(django_db_setup, django_db_blocker):
    """load_refdata once for a module's tests, not once each (several seconds of CPU each time): as for the demo
    province (tests/demo/conftest.py), in a transaction rolled back after the module's last test, each test in a
    savepoint of it (pytest-django's `db`), so what a test changes is gone before the next one. A module that uses
    it belongs in XDIST_GROUPS, so that its tests run one after the other on one worker."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
        try:
            call_command("load_refdata", verbosity=0, stdout=io.StringIO())
        except BaseException:
            transaction.set_rollback(True)
            module.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _default_language():
    """A request in English leaves English active in the worker's thread (Django does not reset it after the
    response): each test ends by going back to the default language, so the next one does not inherit it."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness is for attackers, not for the test suite.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _tests_today() -> dt.date:
    return dt.date(2029, 12, 31)


@pytest.fixture(autouse=True)
def _timeline_clock(request, monkeypatch):
    """Most tests live in a plan year ahead (2027) and record its steps as done; the timeline rule (no date after
    today, core.timeline) is then read with its clock at the end of 2029. Tests of the rule itself, and of pages
    that show it, use the real clock: `@pytest.mark.real_clock`."""
    if request.node.get_closest_marker("real_clock") is None:
        monkeypatch.setattr("doingoai.core.timeline.today", _tests_today)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate-limit counters live in the (per-process) cache: each test starts with none.
    from django.core.cache import cache

    cache.clear()


def _create_base(module: Any = None) -> dict:
    """The coordinating unit, two other units (both declared competent for every competent body's subject: border,
    consular cases, APEC cards, persons; tests of competence take it away) and one user per role; then, given the
    test's module, the rows that module's tests share (its `MODULE_ROWS(users)` function: the `module_rows`
    fixture's value), built with the tests' clock (`_timeline_clock`)."""
    coordinator_unit = UnitFactory(name="Sở Ngoại vụ", kind=UnitKind.DEPARTMENT, is_coordinator=True)
    unit_a = UnitFactory(name="Sở Du lịch")
    unit_b = UnitFactory(name="Công an tỉnh", kind=UnitKind.ARMED_FORCE)
    CompetentUnit.objects.bulk_create(
        CompetentUnit(subject=s, unit=u) for s in Competence.values for u in (unit_a, unit_b)
    )
    users = {
        "coordinator": UserFactory(username="coordinator", role=Role.COORDINATOR, unit=coordinator_unit),
        "leader": UserFactory(username="leader", role=Role.LEADER, unit=None),
        "finance": UserFactory(username="finance", role=Role.FINANCE, unit=None),
        "admin": UserFactory(username="admin", role=Role.ADMIN, unit=None, is_staff=True, is_superuser=True),
        "officer1": UserFactory(username="officer1", role=Role.UNIT_OFFICER, unit=unit_a),
        "officer2": UserFactory(username="officer2", role=Role.UNIT_OFFICER, unit=unit_b),
    }
    base = {"coordinator_unit": coordinator_unit, "users": users}
    if module is not None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("doingoai.core.timeline.today", _tests_today)
            base["module_rows"] = module.MODULE_ROWS(users)
    return base


class _ModuleBase:
    """The base rows (`_create_base`) of one test module, created once in a transaction that stays open while the
    module's tests that use them run, each test in a savepoint of it (pytest-django's `db`), so what a test changes
    is gone before the next one: the way Django's `TestCase.setUpTestData` shares a class's data. Each test gets its
    own deep copy of the model instances (as Django's `TestData` does), so one test's changes to them in memory never
    reach the next. Creating the rows for every test (search index, history, ~40 statements) was most of a test's
    set-up, and a fifth of its time on PostgreSQL; a module's own rows (`module_rows`) were most of some modules'.

    The transaction is closed (rolled back) before any other test of the module — one that does not use the rows
    must not see them, and one that commits (`transaction=True`, `live_server`) may not run inside it — and opened
    again for the next test that uses them (`pytest_runtest_setup` below); the same when the next test wants the
    module's own rows and the open transaction has none, or the other way round."""

    active: list[_ModuleBase] = []  # the transactions now open, innermost last
    of_module: dict[str, _ModuleBase] = {}

    def __init__(self, blocker: Any, module: Any) -> None:
        self.blocker = blocker
        self.module = module
        self.atomic: Any = None
        self.stored: dict | None = None
        self.with_rows = False

    def begin(self, with_rows: bool) -> None:
        from django.db import transaction
        from django.test.utils import override_settings

        fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
        with self.blocker.unblock(), fast:
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            _ModuleBase.active.append(self)
            self.with_rows = with_rows
            try:
                self.stored = _create_base(self.module if with_rows else None)
            except BaseException:
                self.end()
                raise

    def end(self) -> None:
        from django.db import connection, transaction

        if self.atomic is None:
            return
        if connection.atomic_blocks[-1] is not self.atomic:
            # A module- or package-wide transaction (refdata_for_the_module, the demo province) was opened after
            # this one, inside it: it cannot be closed first.
            raise pytest.UsageError("the shared users' transaction is not the innermost: ask for `users` after it")
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = self.stored = None
        _ModuleBase.active.remove(self)

    def copy(self) -> dict | None:
        return None if self.stored is None else copy.deepcopy(self.stored)


def _shared_base_wanted(item: pytest.Item) -> bool | None:
    """None: the test must not run in a shared base's transaction; else whether it wants the module's own rows."""
    names = getattr(item, "fixturenames", ())
    if "_base" not in names or is_transactional(item):
        return None
    return "module_rows" in names


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before a test's fixtures: the shared base rows closed for a test that must not see them, opened again for the
    next one that uses them (the module's fixture is still set up, it opened them for the module's first)."""
    wanted = _shared_base_wanted(item)
    module = item.getparent(pytest.Module)
    own = _ModuleBase.of_module.get(module.nodeid) if wanted is not None and module is not None else None
    for base in reversed(list(_ModuleBase.active)):
        if base is not own or base.with_rows != wanted:
            base.end()
    if own is not None and own.atomic is None:
        own.begin(bool(wanted))


@pytest.fixture(scope="module")
def _module_base(request, django_db_setup, django_db_blocker):
    base = _ModuleBase(django_db_blocker, request.module)
    _ModuleBase.of_module[request.node.nodeid] = base
    test = getattr(request, "_pyfuncitem", None)  # the test that first asks for it
    wanted = _shared_base_wanted(test) if test is not None else None
    if wanted is not None:
        base.begin(wanted)
    yield base
    base.end()
    del _ModuleBase.of_module[request.node.nodeid]


@pytest.fixture
def _base(request, _module_base, db):
    return _module_base.copy() or _create_base(request.module if "module_rows" in request.fixturenames else None)


@pytest.fixture
def coordinator_unit(_base):
    return _base["coordinator_unit"]


@pytest.fixture
def users(_base):
    """{role name: user}: coordinator, leader, finance, admin, officer1 (unit A), officer2 (unit B)."""
    return _base["users"]


@pytest.fixture
def module_rows(_base):
    """What the test module's `MODULE_ROWS(users)` returned: rows built once for the module's tests (`_ModuleBase`)."""
    return _base["module_rows"]


@pytest.fixture
def client_for(client, users):
    """client_for("officer1") → a test client logged in as that user."""

    def login(name: str):
        client.force_login(users[name], backend="doingoai.core.backends.UserBackend")
        return client

    return login
