"""Test databases cloned from one migrated template, instead of one migrate per xdist worker per pass.

A test database's migrate costs about 25 s of CPU (nine tenths of it Django rendering the migration state), and
each worker of each pass paid it. Here every migration is still applied, by `migrate --run-syncdb` as Django's
test runner does, but once into a template that the workers then copy: SQLite's backup API into the worker's
in-memory database, PostgreSQL's `CREATE DATABASE … TEMPLATE`. The template is kept between runs under a key
(the hash of the source tree, the installed distributions and the DOINGOAI_* settings): any change to a model,
a migration or the code a migration calls makes a new one. `./dev test` builds the templates while the linters
run (`python -m tests.testdb`); a worker that finds none builds it itself, under a file lock, so two workers
(or two passes) never build the same template twice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import importlib.metadata
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "doingoai"


def fingerprint() -> str:
    """Everything the migrated schema and its rows can depend on."""
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()):
        digest.update(dist.encode() + b"\n")
    for name in sorted(os.environ):
        if name.startswith("DOINGOAI") and name != "DOINGOAI_TEST_DATABASE_ONLY":
            digest.update(f"{name}={os.environ[name]}\n".encode())
    for path in sorted(SOURCE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(SOURCE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def locked(folder: Path, name: str) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate(env_overrides: dict[str, str]) -> None:
    """`migrate --run-syncdb` in a process of its own, as Django's test runner runs it (create_test_db)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings", **env_overrides}
    done = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--run-syncdb", "--noinput", "-v0"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"migrate of the test template failed:\n{done.stdout}{done.stderr}")


def _templates_folder() -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR) / "test-templates"


def _sqlite_template(key: str) -> Path:
    folder = _templates_folder()
    template = folder / f"sqlite-{key}.sqlite3"
    if template.exists():
        return template
    building = folder / f"sqlite-{key}.building.sqlite3"
    for stale in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        stale.unlink(missing_ok=True)
    _migrate({"SQLITE_PATH": str(building), "DATABASE_URL": ""})
    with contextlib.closing(sqlite3.connect(building)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    os.replace(building, template)
    for old in folder.glob("sqlite-*.sqlite3*"):
        if old.name != template.name and not _in_use(old):
            old.unlink(missing_ok=True)
    return template


# The templates this process restores from, held open with a shared lock while it runs: a test run whose source
# changed meanwhile (an edit during `./dev test`) builds a template under a new key, and must not remove the one
# the running workers copy back after each transactional test.
_HELD: dict[str, Any] = {}


def _hold(template: Path) -> None:
    if str(template) not in _HELD:
        held = template.open("rb")
        fcntl.flock(held, fcntl.LOCK_SH)
        _HELD[str(template)] = held


def _in_use(path: Path) -> bool:
    """Whether a process (this one included) holds `path` as the template it restores from."""
    try:
        with path.open("rb") as probe:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(probe, fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except FileNotFoundError:
        return False
    return False


def _postgres_template(connection: Any, key: str) -> str:
    """The name of a migrated template database on the server, its key in the database's comment."""
    # Named after the checkout's database, as the workers' test databases are (two worktrees, one server).
    name = f"test_{connection.settings_dict['NAME']}_template"
    building = f"{name}_building"
    quote = connection.ops.quote_name
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [name])
        row = cursor.fetchone()
        if row is not None and row[0] == key:
            return name
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(building)}")
        cursor.execute(f"CREATE DATABASE {quote(building)}")
    settings_dict = connection.settings_dict
    url = "postgresql://{user}:{password}@{host}:{port}/{name}".format(
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"],
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        name=building,
    )
    _migrate({"DATABASE_URL": url})
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quote(name)}")
        cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(name)}")
        cursor.execute(f"COMMENT ON DATABASE {quote(name)} IS '{key}'")  # hexadecimal digits only
    return name


def ensure_template(connection: Any) -> Path | str:
    """The migrated template for this connection's vendor, built when there is none for the current key."""
    key = fingerprint()
    with locked(_templates_folder(), f"{connection.vendor}-{connection.alias}"):
        if connection.vendor == "sqlite":
            return _sqlite_template(key)
        if connection.vendor == "postgresql":
            return _postgres_template(connection, key)
    raise NotImplementedError(f"no test template for {connection.vendor}")


def sqlite_template() -> Path:
    """The migrated SQLite template, whatever database the suite runs on: for tests whose subprocesses need a
    migrated SQLite file of their own (the short load test), so that they copy it instead of migrating."""
    key = fingerprint()
    with locked(_templates_folder(), "sqlite-default"):  # the lock ensure_template takes for SQLite
        return _sqlite_template(key)


@dataclasses.dataclass(frozen=True)
class Created:
    """A test database as create_test_db left it: its template, the digest of the rows a restore keeps
    (kept_state), and every table's rows and counters (database_state)."""

    template: Path | str
    kept: Any
    initial: dict[str, Any]
    kept_rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = dataclasses.field(default_factory=dict)


# By database alias, in this process. Not on the connection: Django makes a new connection object in another
# thread or context (the live server's, Playwright's event loop), and the attributes of the first one are not there.
CREATED: dict[str, Created] = {}


def create_test_db(connection: Any, *, serialize: bool) -> str:
    """What Django's create_test_db does, with the migrate replaced by a copy of the template. Returns the
    database's real name (for destroy_test_db)."""
    from django.conf import settings
    from django.core.management import call_command

    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    test_name = creation._get_test_db_name()
    template = ensure_template(connection)
    if connection.vendor == "sqlite":
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
        if not creation.is_in_memory_db(test_name):
            Path(test_name).unlink(missing_ok=True)
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(f"file:{template}?mode=ro", uri=True)) as source:
            source.backup(connection.connection)
        _hold(Path(template))
    else:
        quote = connection.ops.quote_name
        # Under the lock: PostgreSQL refuses to copy a template that another session is connected to.
        with locked(_templates_folder(), f"{connection.vendor}-{connection.alias}"):
            with creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
                cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(str(template))}")
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    call_command("createcachetable", database=connection.alias)
    connection.ensure_connection()
    CREATED[connection.alias] = Created(
        template, kept_state(connection), database_state(connection), kept_rows(connection)
    )
    return old_name


# Rows that migrate writes into the template (and that Django's flush writes back through post_migrate): on
# PostgreSQL a restore keeps these tables as they are, after checking that they still hold the template's rows.
TEMPLATE_TABLES = ("django_migrations", "django_content_type", "auth_permission")


def _used_sequences(cursor: Any) -> dict[str, int]:
    """PostgreSQL: the sequences of the schema that have given a value, with their last one."""
    cursor.execute(
        "SELECT sequencename, last_value FROM pg_sequences "
        "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
    )
    return dict(cursor.fetchall())


def kept_state(connection: Any) -> Any:
    """PostgreSQL: a digest of every row of the TEMPLATE_TABLES, which a restore keeps and must find as the
    template left them. None on SQLite, whose restore copies the whole template."""
    if connection.vendor != "postgresql":
        return None
    quote = connection.ops.quote_name
    digests = ", ".join(
        f"(SELECT md5(COALESCE(string_agg(t::text, ',' ORDER BY t::text), '')) FROM {quote(table)} t)"  # noqa: S608
        for table in TEMPLATE_TABLES
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {digests}")
        return cursor.fetchone()


def kept_rows(connection: Any) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """PostgreSQL: the columns and rows of the TEMPLATE_TABLES as the template has them (a few hundred rows), to
    write them back when a test changed them (or Django's flush, run for another test, renumbered them)."""
    if connection.vendor != "postgresql":
        return {}
    quote = connection.ops.quote_name
    saved = {}
    with connection.cursor() as cursor:
        for table in TEMPLATE_TABLES:
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY 1")  # noqa: S608 -- our table names, quoted
            saved[table] = ([c[0] for c in cursor.description], cursor.fetchall())
    return saved


def _write_back_kept_rows(
    cursor: Any, connection: Any, saved: dict[str, tuple[list[str], list[tuple[Any, ...]]]]
) -> None:
    """The TEMPLATE_TABLES emptied (with what refers to them) and their template rows written back, in the
    order of their references (content types before permissions)."""
    quote = connection.ops.quote_name
    cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in TEMPLATE_TABLES)} CASCADE")
    for table in TEMPLATE_TABLES:
        columns, rows = saved[table]
        if rows:
            names = ", ".join(quote(c) for c in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608


def database_state(connection: Any) -> dict[str, Any]:
    """Every table's number of rows, and the counters that number new rows (PostgreSQL's sequences, SQLite's
    sqlite_sequence): what the test database holds when it is created, and again after each restore."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608 -- quoted names
        cursor.execute(f"SELECT {counts}")
        state: dict[str, Any] = dict(zip(tables, cursor.fetchone(), strict=True))
        if connection.vendor == "postgresql":
            state["sequences"] = _used_sequences(cursor)
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")
            state["sequences"] = dict(cursor.fetchall())
    return state


def _database_caches() -> bool:
    from django.conf import settings

    return any(cache["BACKEND"].endswith("DatabaseCache") for cache in settings.CACHES.values())


def restore_test_db(connection: Any) -> bool:
    """After a test that commits (a transactional test): the test database back to the template's state, in place
    of Django's flush (which deletes every table, then re-creates content types and permissions and runs the
    project's post_migrate handlers: about a second of CPU each time). SQLite: the template copied in again
    through the backup API, exactly the state the test began from. PostgreSQL: one `TRUNCATE … CASCADE` of every
    table that holds rows, except the tables migrate filled (TEMPLATE_TABLES), which are kept when they still
    hold the template's rows and else written back from the rows saved at creation (`kept_rows`), and every
    sequence that has moved set back to where the template has it; only when the template's other tables are
    empty. False (the caller then flushes as Django does) when that does not hold,
    when there is no template or a transaction is open."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    created = CREATED.get(connection.alias)
    if created is None or connection.in_atomic_block:
        return False
    template = created.template
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        with contextlib.closing(sqlite3.connect(f"file:{template}?mode=ro", uri=True)) as source:
            source.backup(connection.connection)
        if _database_caches():
            call_command("createcachetable", database=connection.alias)  # as create_test_db made them
    elif connection.vendor == "postgresql":
        initial = created.initial
        if any(n for t, n in initial.items() if t not in (*TEMPLATE_TABLES, "sequences")):
            return False  # the template holds rows of its own elsewhere: a truncate would lose them
        kept_sequences = initial["sequences"]
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            if kept_state(connection) != created.kept:
                # A test changed a content type or permission, or Django's flush (run for a test the restore does
                # not serve) made them again under new ids: the template's rows written back first.
                if not created.kept_rows:
                    return False
                _write_back_kept_rows(cursor, connection, created.kept_rows)
            tables = [t for t in connection.introspection.table_names(cursor) if t not in TEMPLATE_TABLES]
            exists = "SELECT %s WHERE EXISTS (SELECT 1 FROM {})"  # table names from the catalogue, quoted
            cursor.execute(" UNION ALL ".join(exists.format(quote(t)) for t in tables), tables)
            filled = [row[0] for row in cursor.fetchall()]
            if filled:
                cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in filled)} CASCADE")
            for name, value in _used_sequences(cursor).items():
                if name not in kept_sequences:
                    cursor.execute(f"ALTER SEQUENCE {quote(name)} RESTART")
                elif value != kept_sequences[name]:
                    cursor.execute("SELECT setval(%s, %s)", [quote(name), kept_sequences[name]])
    else:
        return False
    ContentType.objects.clear_cache()
    return True


if __name__ == "__main__":  # ./dev test: build the template while the linters run
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    import django

    django.setup()
    from django.db import connection

    ensure_template(connection)
