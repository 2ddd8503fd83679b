"""The dashboard's delegation counts per year, kept by the database itself (issue 18: the dashboard at national
scale counted the year's ~25,000 delegations and their countries on every view).

Four tables (`dashboard.models`): delegations by (year, direction, status, funding source, planned months),
by (year, direction, status, country), and by (year, status, region) — a delegation counted once per region of
its countries, or under region '' when it has none — and the cost lines' amounts (finance.CostLine) by (year,
kind of record, status, budget status, funding source). Triggers on the delegations, their countries (the
many-to-many table), the countries' regions, the cost lines and each budgeted registry apply each change as a
difference (what the row counts for after the change minus before), in the same transaction as the change:
every write — services, admin, imports, `QuerySet.update`, bulk loads, raw SQL — keeps them exact, and a
rolled-back write leaves them as they were. Amounts are whole đồng (decimal_places=0): sums stay exact.

Each trigger applies its differences in one statement per table, grouped and sorted by key, so two concurrent
transactions on PostgreSQL lock counter rows in the same order. SQLite drops a table's triggers when a migration
rebuilds that table: `ensure` (on every `migrate`, see apps.py) recreates missing triggers and then recounts.
Who may see what is applied when reading (`dashboard.selectors`).
"""

# The SQL here is built from this module's constant table and column names only, never from input.
# ruff: noqa: S608
from __future__ import annotations

from typing import Any

from django.db import connection as default_connection

D = "delegations_delegation"
X = "delegations_delegation_countries"
C = "core_country"
COUNT = "dashboard_delegationcount"
COUNTRY = "dashboard_delegationcountrycount"
REGION = "dashboard_delegationregioncount"
KEYS = {
    COUNT: ("year", "direction", "status", "funding_source", "month_mask"),
    COUNTRY: ("year", "direction", "status", "country_id"),
    REGION: ("year", "status", "region"),
}
# The delegation's columns the counts depend on (an update of any other column changes nothing here).
COUNTED_COLUMNS = ("year", "direction", "status", "funding_source", "month_mask")
NO_REGION = ""
COUNTS_LOCK = 7_412_013_318  # the PostgreSQL advisory lock the triggers take (any constant no other code uses)


def _regions(country_ids: str) -> str:
    """The distinct regions of the countries `country_ids` (a subquery), or '' when it is empty."""
    return (
        f"SELECT DISTINCT c.region AS region FROM {C} c WHERE c.id IN ({country_ids}) "
        f"UNION SELECT '{NO_REGION}' WHERE NOT EXISTS ({country_ids})"
    )


def _apply(table: str, parts: list[str]) -> str:
    """One statement adding the differences `parts` (SELECTs of key columns and a delta) to `table`."""
    keys = ", ".join(KEYS[table])
    union = " UNION ALL ".join(parts)
    return (
        f"INSERT INTO {table} ({keys}, n) SELECT {keys}, SUM(delta) FROM ({union}) AS deltas WHERE true "
        f"GROUP BY {keys} HAVING SUM(delta) <> 0 ORDER BY {keys} "
        f"ON CONFLICT ({keys}) DO UPDATE SET n = {table}.n + excluded.n"
    )


def _delegation_parts(row: str, sign: int) -> dict[str, list[str]]:
    """What delegation `row` (NEW or OLD) counts for, with its countries as they are now, times `sign`."""
    countries = f"SELECT x.country_id FROM {X} x WHERE x.delegation_id = {row}.id"
    return {
        COUNT: [
            f"SELECT {row}.year AS year, {row}.direction AS direction, {row}.status AS status, "
            f"{row}.funding_source AS funding_source, {row}.month_mask AS month_mask, {sign} AS delta"
        ],
        COUNTRY: [
            f"SELECT {row}.year AS year, {row}.direction AS direction, {row}.status AS status, "
            f"x.country_id AS country_id, {sign} AS delta FROM {X} x WHERE x.delegation_id = {row}.id"
        ],
        REGION: [
            f"SELECT {row}.year AS year, {row}.status AS status, r.region AS region, {sign} AS delta "
            f"FROM ({_regions(countries)}) AS r"
        ],
    }


def _link_parts(new: bool, old: bool) -> dict[str, list[str]]:
    """The differences when a row of the many-to-many table is inserted (`new`), deleted (`old`) or both."""
    parts: dict[str, list[str]] = {COUNTRY: [], REGION: []}
    ends = [*(["NEW"] if new else []), *(["OLD"] if old else [])]
    for row in ends:
        sign = 1 if row == "NEW" else -1
        parts[COUNTRY].append(
            f"SELECT d.year AS year, d.direction AS direction, d.status AS status, {row}.country_id AS country_id, "
            f"{sign} AS delta FROM {D} d WHERE d.id = {row}.delegation_id"
        )
    for row in ends:  # each delegation touched: its regions now, minus its regions before the change
        after = f"SELECT x.country_id FROM {X} x WHERE x.delegation_id = {row}.delegation_id"
        before = f"SELECT x.country_id FROM {X} x WHERE x.delegation_id = {row}.delegation_id"
        if new:
            before += " AND x.id <> NEW.id"
        if old:
            before += f" UNION ALL SELECT OLD.country_id WHERE OLD.delegation_id = {row}.delegation_id"
        # An update moving the row to another delegation touches two; one that keeps it, one (counted once).
        once = " AND NEW.delegation_id <> OLD.delegation_id" if (row == "OLD" and new) else ""
        for regions, sign in ((after, 1), (before, -1)):
            parts[REGION].append(
                f"SELECT d.year AS year, d.status AS status, r.region AS region, {sign} AS delta "
                f"FROM {D} d, ({_regions(regions)}) AS r WHERE d.id = {row}.delegation_id{once}"
            )
    return parts


def _link_statement_parts(new: bool, old: bool) -> dict[str, list[str]]:
    """`_link_parts` for a PostgreSQL statement-level trigger: the rows the statement inserted (`nt`) and deleted
    (`ot`) at once. (PostgreSQL fires row-level AFTER triggers once the whole statement is done, so a row's
    trigger would see the other rows of a multi-row insert as already there.)"""
    parts: dict[str, list[str]] = {COUNTRY: [], REGION: []}
    ends = [*(["nt"] if new else []), *(["ot"] if old else [])]
    for table in ends:
        sign = 1 if table == "nt" else -1
        parts[COUNTRY].append(
            f"SELECT d.year AS year, d.direction AS direction, d.status AS status, t.country_id AS country_id, "
            f"{sign} AS delta FROM {table} t JOIN {D} d ON d.id = t.delegation_id"
        )
    touched = " UNION ".join(f"SELECT DISTINCT delegation_id FROM {table}" for table in ends)
    after = f"SELECT x.country_id FROM {X} x WHERE x.delegation_id = a.id"
    before = after + (" AND x.id NOT IN (SELECT id FROM nt)" if new else "")
    if old:
        before += " UNION ALL SELECT o.country_id FROM ot o WHERE o.delegation_id = a.id"
    for regions, sign in ((after, 1), (before, -1)):
        parts[REGION].append(
            f"SELECT d.year AS year, d.status AS status, r.region AS region, {sign} AS delta "
            f"FROM ({touched}) AS a(id) JOIN {D} d ON d.id = a.id CROSS JOIN LATERAL ({_regions(regions)}) AS r"
        )
    return parts


def _recount_regions() -> list[str]:
    return [f"DELETE FROM {REGION}", _recount_sql(REGION)]


def _recount_sql(table: str) -> str:
    if table == COUNT:
        keys = ", ".join(KEYS[COUNT])
        return f"INSERT INTO {COUNT} ({keys}, n) SELECT {keys}, COUNT(*) FROM {D} GROUP BY {keys}"
    if table == COUNTRY:
        return (
            f"INSERT INTO {COUNTRY} (year, direction, status, country_id, n) "
            f"SELECT d.year, d.direction, d.status, x.country_id, COUNT(*) FROM {D} d JOIN {X} x "
            "ON x.delegation_id = d.id GROUP BY d.year, d.direction, d.status, x.country_id"
        )
    return (
        f"INSERT INTO {REGION} (year, status, region, n) SELECT year, status, region, COUNT(*) FROM ("
        f"SELECT DISTINCT d.id, d.year, d.status, c.region FROM {D} d JOIN {X} x ON x.delegation_id = d.id "
        f"JOIN {C} c ON c.id = x.country_id "
        f"UNION ALL SELECT d.id, d.year, d.status, '{NO_REGION}' FROM {D} d "
        f"WHERE NOT EXISTS (SELECT 1 FROM {X} x WHERE x.delegation_id = d.id)) AS r GROUP BY year, status, region"
    )


def _statements(parts: dict[str, list[str]]) -> list[str]:
    return [_apply(table, parts[table]) for table in (COUNT, COUNTRY, REGION) if parts.get(table)]


def _merge(*groups: dict[str, list[str]]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for group in groups:
        for table, parts in group.items():
            merged.setdefault(table, []).extend(parts)
    return merged


def triggers(vendor: str = "sqlite") -> list[tuple[str, str, str, str, list[str]]]:
    """(name, event, table, condition on OLD/NEW or "", statements) of every trigger. On PostgreSQL the
    many-to-many table's are per statement (event "... STATEMENT", transition tables nt and ot)."""
    if vendor == "postgresql":
        links = [
            ("dash_country_ins", "INSERT STATEMENT", X, "", _statements(_link_statement_parts(new=True, old=False))),
            ("dash_country_del", "DELETE STATEMENT", X, "", _statements(_link_statement_parts(new=False, old=True))),
            ("dash_country_upd", "UPDATE STATEMENT", X, "", _statements(_link_statement_parts(new=True, old=True))),
        ]
    else:
        links = [
            ("dash_country_ins", "INSERT", X, "", _statements(_link_parts(new=True, old=False))),
            ("dash_country_del", "DELETE", X, "", _statements(_link_parts(new=False, old=True))),
            ("dash_country_upd", "UPDATE", X, "", _statements(_link_parts(new=True, old=True))),
        ]
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in COUNTED_COLUMNS)
    return [
        ("dash_delegation_ins", "INSERT", D, "", _statements(_delegation_parts("NEW", 1))),
        ("dash_delegation_del", "DELETE", D, "", _statements(_delegation_parts("OLD", -1))),
        (
            "dash_delegation_upd",
            f"UPDATE OF {', '.join(COUNTED_COLUMNS)}",
            D,
            changed,
            _statements(_merge(_delegation_parts("OLD", -1), _delegation_parts("NEW", 1))),
        ),
        *links,
        # A country moved to another region (reference data): the regions are counted again.
        ("dash_region_upd", "UPDATE OF region", C, "OLD.region IS DISTINCT FROM NEW.region", _recount_regions()),
        *_budget_triggers(),
    ]


# ---------------------------------------------------------------------------------------------- budget sums
# The year's cost lines (finance.CostLine) summed by record kind, record status, budget status and funding
# source, for the dashboard's budget chart: triggers on the lines and on each budgeted registry's table.
LINE = "finance_costline"
BUDGET = "dashboard_budgetsum"
KEYS[BUDGET] = ("year", "content_type_id", "status", "budget_status", "funding_source")
MONEY = ("estimate", "appraised", "actual")
LINE_MONEY = {"estimate": "amount_vnd", "appraised": "appraised_vnd", "actual": "actual_vnd"}
BUDGET_COLUMNS = ("year", "status", "budget_status")


def _budgeted() -> list[tuple[str, str, str]]:
    """(table, app label, model name) of every budgeted registry."""
    from doingoai.finance.selectors import budgeted_models

    return [(m._meta.db_table, m._meta.app_label, m._meta.model_name) for m in budgeted_models()]


def _kind(app_label: str, model: str) -> str:
    return f"(SELECT id FROM django_content_type WHERE app_label = '{app_label}' AND model = '{model}')"


def _apply_money(parts: list[str]) -> str:
    keys = ", ".join(KEYS[BUDGET])
    union = " UNION ALL ".join(parts)
    sums = ", ".join(f"SUM({m})" for m in MONEY)
    changed = " OR ".join(f"SUM({m}) <> 0" for m in MONEY)
    update = ", ".join(f"{m} = {BUDGET}.{m} + excluded.{m}" for m in MONEY)
    return (
        f"INSERT INTO {BUDGET} ({keys}, {', '.join(MONEY)}) SELECT {keys}, {sums} FROM ({union}) AS deltas "
        f"WHERE true GROUP BY {keys} HAVING {changed} ORDER BY {keys} ON CONFLICT ({keys}) DO UPDATE SET {update}"
    )


def _line_money(line: str, sign: int) -> str:
    return ", ".join(f"{sign} * COALESCE({line}.{LINE_MONEY[m]}, 0) AS {m}" for m in MONEY)


def _line_parts(row: str, sign: int) -> list[str]:
    """What cost line `row` (NEW or OLD) adds to its record's key, for each budgeted table it may belong to."""
    return [
        f"SELECT r.year AS year, {row}.content_type_id AS content_type_id, r.status AS status, "
        f"r.budget_status AS budget_status, {row}.funding_source AS funding_source, {_line_money(row, sign)} "
        f"FROM {table} r WHERE r.id = {row}.object_id AND {row}.content_type_id = {_kind(app, model)}"
        for table, app, model in _budgeted()
    ]


def _record_parts(row: str, sign: int, app: str, model: str) -> list[str]:
    """What the lines of record `row` (NEW or OLD) add to its key."""
    money = ", ".join(f"{sign} * COALESCE(SUM(l.{LINE_MONEY[m]}), 0) AS {m}" for m in MONEY)
    return [
        f"SELECT {row}.year AS year, l.content_type_id AS content_type_id, {row}.status AS status, "
        f"{row}.budget_status AS budget_status, l.funding_source AS funding_source, {money} FROM {LINE} l "
        f"WHERE l.object_id = {row}.id AND l.content_type_id = {_kind(app, model)} "
        "GROUP BY l.content_type_id, l.funding_source"
    ]


def _budget_triggers() -> list[tuple[str, str, str, str, list[str]]]:
    line_changed = " OR ".join(
        f"OLD.{c} IS DISTINCT FROM NEW.{c}"
        for c in ("content_type_id", "object_id", "funding_source", *LINE_MONEY.values())
    )
    result = [
        ("dash_line_ins", "INSERT", LINE, "", [_apply_money(_line_parts("NEW", 1))]),
        ("dash_line_del", "DELETE", LINE, "", [_apply_money(_line_parts("OLD", -1))]),
        (
            "dash_line_upd",
            "UPDATE",
            LINE,
            line_changed,
            [_apply_money(_line_parts("OLD", -1) + _line_parts("NEW", 1))],
        ),
    ]
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in BUDGET_COLUMNS)
    for table, app, model in _budgeted():
        result += [
            # A line may name its record before the record exists (a bulk load's order): counted on both sides.
            (f"dash_{model}_budget_ins", "INSERT", table, "", [_apply_money(_record_parts("NEW", 1, app, model))]),
            (f"dash_{model}_budget_del", "DELETE", table, "", [_apply_money(_record_parts("OLD", -1, app, model))]),
            (
                f"dash_{model}_budget_upd",
                f"UPDATE OF {', '.join(BUDGET_COLUMNS)}",
                table,
                changed,
                [_apply_money(_record_parts("OLD", -1, app, model) + _record_parts("NEW", 1, app, model))],
            ),
        ]
    return result


def _recount_budget_sql() -> list[str]:
    keys = ", ".join(KEYS[BUDGET])
    sums = ", ".join(f"COALESCE(SUM(l.{LINE_MONEY[m]}), 0)" for m in MONEY)
    return [
        f"INSERT INTO {BUDGET} ({keys}, {', '.join(MONEY)}) SELECT r.year, l.content_type_id, r.status, "
        f"r.budget_status, l.funding_source, {sums} FROM {LINE} l JOIN {table} r ON r.id = l.object_id "
        f"WHERE l.content_type_id = {_kind(app, model)} "
        "GROUP BY r.year, l.content_type_id, r.status, r.budget_status, l.funding_source"
        for table, app, model in _budgeted()
    ]


def _create_sql(vendor: str) -> list[str]:
    sql = []
    for name, event, table, condition, statements in triggers(vendor):
        if vendor == "sqlite":
            when = f" WHEN {condition.replace('IS DISTINCT FROM', 'IS NOT')}" if condition else ""
            body = "; ".join(statements)
            sql.append(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} BEGIN {body}; END")
        else:
            body = "; ".join(statements)
            when = f" WHEN ({condition})" if condition else ""
            # One transaction-level lock before any counter row: a transaction that changes several records
            # (a plan approved, a multi-row update) locks counter rows record after record, so two of them
            # could each hold a row the other needs (a deadlock, one aborted). Taken first, this lock turns that
            # into a short wait; the counter rows already made such writers queue. (SQLite has one writer.)
            sql.append(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"PERFORM pg_advisory_xact_lock({COUNTS_LOCK}); {body}; RETURN NULL; END $$"
            )
            sql.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            if event.endswith(" STATEMENT"):
                event = event.removesuffix(" STATEMENT")
                tables = {"INSERT": "NEW TABLE AS nt", "DELETE": "OLD TABLE AS ot"}.get(
                    event, "OLD TABLE AS ot NEW TABLE AS nt"
                )
                sql.append(
                    f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables} FOR EACH STATEMENT "
                    f"EXECUTE FUNCTION {name}()"
                )
            else:
                sql.append(
                    f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} EXECUTE FUNCTION {name}()"
                )
    return sql


def _present(cursor: Any, vendor: str) -> set[str]:
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dash_%'")
    else:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'dash_%' AND NOT tgisinternal")
    return {row[0] for row in cursor.fetchall()}


def recount(connection: Any = None) -> None:
    """Count every table again from the delegations (after the triggers were missing, and in tests)."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        for table in (COUNT, COUNTRY, REGION):
            cursor.execute(f"DELETE FROM {table}")
            cursor.execute(_recount_sql(table))
        cursor.execute(f"DELETE FROM {BUDGET}")
        for sql in _recount_budget_sql():
            cursor.execute(sql)


def ensure(connection: Any = None) -> bool:
    """Create the triggers that are missing (all of them on a new database; those of a table a SQLite migration
    rebuilt) and, if any was, count everything again. Returns whether anything was done."""
    connection = connection or default_connection
    if connection.vendor not in ("sqlite", "postgresql"):
        return False
    names = {name for name, *_ in triggers(connection.vendor)}
    with connection.cursor() as cursor:
        tables = set(connection.introspection.table_names(cursor))
        needed = {D, X, C, COUNT, COUNTRY, REGION, BUDGET, LINE, *(table for table, *_ in _budgeted())}
        if not needed <= tables or _present(cursor, connection.vendor) >= names:
            return False
        for name, _event, table, *_ in triggers(connection.vendor):
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if connection.vendor == "sqlite" else f" ON {table}"))
        for sql in _create_sql(connection.vendor):
            cursor.execute(sql)
    recount(connection)
    return True


def drop(connection: Any = None) -> None:
    connection = connection or default_connection
    with connection.cursor() as cursor:
        for name, _event, table, *_ in triggers(connection.vendor):
            if connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            elif connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
