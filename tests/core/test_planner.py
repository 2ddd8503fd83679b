"""After a migration, SQLite's planner statistics cover the new indexes (core.planner)."""

from __future__ import annotations

import pytest
from django.db import connection

from doingoai.core.planner import analyse_new_indexes, unanalysed_tables
from tests.factories import DelegationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statistics")
def test_a_table_analysed_before_is_analysed_again_when_an_index_has_no_statistics():
    for n in range(3):
        DelegationFactory(name=f"Đoàn {n}")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    assert unanalysed_tables() == []  # never analysed: left to SQLite's own weights
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE core_country")
        assert unanalysed_tables() == []  # an analysed table whose indexes all have statistics
        cursor.execute("ANALYZE delegations_delegation")
        cursor.execute('CREATE INDEX test_planner_new ON delegations_delegation ("year", "name")')
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'test_planner_new'")
        assert cursor.fetchone() is None
        # (An empty partial index never gets a row either, so such a table is analysed again at each migrate.)
        assert "delegations_delegation" in unanalysed_tables()
        analyse_new_indexes()
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'test_planner_new'")
        assert cursor.fetchone()[0].startswith("3 ")


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL keeps its own statistics (autovacuum)")
def test_other_databases_are_left_to_themselves():
    assert unanalysed_tables() == []
    analyse_new_indexes()
