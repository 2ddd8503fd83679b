"""One demo province for every test of this package.

`load_demo` builds a whole province through the services (about 20 s of CPU on an idle machine, several times
that under load): the demo tests used to build it once each, in both database passes. Here it is built once per
test process, inside a transaction that is rolled back when the package is done; each test runs in a savepoint
of it (pytest-django's `db`), so what a test changes is gone before the next one. The tests are kept together on
one xdist worker (`XDIST_GROUPS` in tests/conftest.py, with `./dev test`'s `--dist loadgroup`), so the province is
built once per pass.
"""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/demo/" in str(item.path):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="package")
def demo_province(django_db_setup, django_db_blocker):
    """The output of `load_demo`, built with the real clock and the default demo password."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DEMO_PASSWORD", raising=False)
        # The demo sets ~45 passwords: PBKDF2's deliberate slowness is for attackers, not for the test suite.
        # In the default language, as `./dev load_demo` runs (its stored texts are Vietnamese in any case).
        fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
        with fast, translation.override(settings.LANGUAGE_CODE):
            with django_db_blocker.unblock():
                province = transaction.atomic()
                province.__enter__()
                try:
                    output = io.StringIO()
                    call_command("load_demo", stdout=output)
                except BaseException:
                    transaction.set_rollback(True)
                    province.__exit__(None, None, None)
                    raise
            yield output.getvalue()
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                province.__exit__(None, None, None)


@pytest.fixture
def demo(demo_province, db):
    return demo_province
