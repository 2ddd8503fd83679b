"""The migrations describe the models, and the squashed ones (`0001_squashed_*`, README: Performance) stand in for
the histories they replace: a new database gets what the old chain made, the raw SQL included."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db


def test_the_migrations_describe_the_models():
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:  # makemigrations --check exits with 1 when a migration is missing
        pytest.fail(f"a migration is missing:\n{out.getvalue()}")


def test_each_squashed_migration_replaces_every_earlier_migration_of_its_app():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    squashed = [m for m in loader.disk_migrations.values() if m.replaces and m.__module__.startswith("doingoai.")]
    assert squashed
    for migration in squashed:
        app = migration.app_label
        last = max(name for _, name in migration.replaces)
        earlier = {
            name for a, name in loader.disk_migrations if a == app and not loader.disk_migrations[a, name].replaces
        }
        assert {name for _, name in migration.replaces} == {name for name in earlier if name <= last}, app
    # Where none has run (the test database), the squashed migration is the node, not the files it replaces.
    for migration in squashed:
        assert (migration.app_label, migration.name) in loader.graph.nodes
        assert not any(key in loader.graph.nodes for key in migration.replaces)


def test_a_new_database_gets_the_indexes_written_in_raw_sql():
    with connection.cursor() as cursor:
        countries = connection.introspection.get_constraints(cursor, "delegations_delegation_countries")
        partners = connection.introspection.get_constraints(cursor, "delegations_delegation_partners")
    assert countries["delegation_countries_by_country"]["columns"] == ["country_id", "delegation_id"]
    assert partners["delegation_partners_by_partner"]["columns"] == ["partner_id", "delegation_id"]
