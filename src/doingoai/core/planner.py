"""SQLite's query planner statistics after a migration.

SQLite chooses between indexes from what `ANALYZE` stored (`sqlite_stat1`). In a database analysed once (the
national data set; a province's database analysed by its administrator), an index added by a later migration has
no statistics and looks better than it is: the delegation list's (year, status, name, id) index, which reads the
page in name order, lost to a newer (year, status, …) index with no statistics, and the page sorted the year's
9,000 matching rows (README, Performance). After every `migrate`, the tables with such an index are analysed again
(a second for 250,000 delegations; a partial index with no entry never gets statistics, so its table is analysed
at each `migrate` — harmless). A database never analysed is left alone: with no statistics at all SQLite
weighs every index the same way, and the one that avoids a sort wins.
"""

from __future__ import annotations

from typing import Any

from django.db import connections

UNANALYSED_TABLES = (
    "SELECT DISTINCT m.tbl_name FROM sqlite_master m WHERE m.type = 'index' AND m.tbl_name NOT LIKE 'sqlite_%' "
    "AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = m.name) "
    "AND EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.tbl = m.tbl_name)"
)


def unanalysed_tables(using: str = "default") -> list[str]:
    """The tables analysed before that have an index without statistics (SQLite; [] elsewhere or never analysed)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return []
        cursor.execute(UNANALYSED_TABLES)
        return [name for (name,) in cursor.fetchall()]


def analyse_new_indexes(using: str = "default", **kwargs: Any) -> None:
    """post_migrate: `ANALYZE` each table of `unanalysed_tables`."""
    tables = unanalysed_tables(using)
    with connections[using].cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')
