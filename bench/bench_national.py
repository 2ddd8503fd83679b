"""The national-scale benchmark: 34 provinces over 10 years in one deployment, measured page by page.

`bench_national` never touches the developer's database. It runs this file as a child process against a fresh
SQLite file `var/bench/national.sqlite3` (WAL, as deployed); the child migrates, loads the reference data,
generates the data set (doingoai.devtools.national: 250,000 delegations at scale 1.0, 10,000 with --quick) and
measures, on the same data and in the same run, each page through django.test.Client beside its peers:

- our delegation list (filtered by year, country and status, sorted by name) against the Django admin
  changelist of the same model with the same filters and page size (superuser), and against the floor: the
  same page's rows fetched by one raw SQL query and JSON-encoded;
- a detail page, the global search (floor: the one raw full-text query of the candidates), the home page, the
  dashboard (floor: one raw query computing its figures), the year's budget totals page (floor: one raw query
  summing the lines by funding source), the XLSX export of ~10,000 filtered rows, the
  programme .docx with 150 appendix rows (bench_documents_export's data, rolled back);
- queries per list page for page sizes 25 and 100 (equal: no N+1);
- the peak memory of a streamed export of ~100,000 rows, in a second child process (its RSS before and after).

With `./dev bench --postgres` (or DATABASE_URL naming a PostgreSQL server) the same runs on PostgreSQL, in a
database of its own (`doingoai_bench_national`, recreated each run); `--postgres` starts the local cluster
(installing postgresql through apt-get when absent) and creates a role for it.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUICK_SCALE = 0.04
PG_DATABASE = "doingoai_bench_national"
PG_ROLE, PG_PASSWORD = "doingoai_bench", "doingoai-bench"


# ------------------------------------------------------------------------------------------------ parent side


def bench_national(quick: bool = False, postgres: bool = False) -> dict[str, Any]:
    """Generate the national data set and measure the main pages beside their peers (see the module docstring)."""
    scale = QUICK_SCALE if quick else 1.0
    folder = ROOT / "var" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    sqlite_path = folder / "national.sqlite3"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = _child(env | {"SQLITE_PATH": str(sqlite_path)}, scale, quick)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")) or postgres:
        try:
            pg_url = _postgres_database(url)
        except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
            result["postgresql"] = {"skipped": f"PostgreSQL unavailable: {exc}"}
        else:
            result["postgresql"] = _child(env | {"DATABASE_URL": pg_url}, scale, quick)
    return result


def _child(env: dict[str, str], scale: float, quick: bool) -> dict[str, Any]:
    env = env | {"DJANGO_SETTINGS_MODULE": "doingoai.settings", "DEBUG": "0", "PYTHONHASHSEED": "0"}
    command = [sys.executable, __file__, "--scale", str(scale), *(["--quick"] if quick else [])]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-5:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _postgres_database(url: str) -> str:
    """A fresh database for the benchmark: on the server of DATABASE_URL, or on the local cluster (started)."""
    import psycopg

    if url:
        admin_url = url
    else:
        _ensure_local_postgres()
        admin_url = f"postgresql://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:5432/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}"')
        conn.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    base, _, _ = admin_url.rpartition("/")
    return f"{base}/{PG_DATABASE}"


def _ensure_local_postgres() -> None:
    def run(*args: str) -> str:
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout

    if not shutil.which("pg_lsclusters"):
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=True, env=env, capture_output=True)
    clusters = [line.split() for line in run("pg_lsclusters", "--no-header").splitlines() if line.strip()]
    if not clusters:
        raise RuntimeError("no PostgreSQL cluster (pg_createcluster)")
    version, name, status = clusters[0][0], clusters[0][1], clusters[0][3]
    if status != "online":
        run("pg_ctlcluster", version, name, "start")
    sql = (
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{PG_ROLE}') THEN "
        f"CREATE ROLE {PG_ROLE} LOGIN CREATEDB PASSWORD '{PG_PASSWORD}'; END IF; END $$"
    )
    # Through stdin: a shell would expand the "$$" of the DO block.
    subprocess.run(
        ["su", "postgres", "-c", "psql -q -v ON_ERROR_STOP=1"], input=sql, text=True, check=True, capture_output=True
    )


# ------------------------------------------------------------------------------------------------- child side


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]  # nearest rank
    return {"median_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2)}


def _measure(action: Callable[[], Any], repeat: int, warmup: int = 2) -> dict[str, float]:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return _stats(samples)


def _get(client: Any, url: str) -> Callable[[], Any]:
    def action() -> Any:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {response.status_code}")
        if response.streaming:
            for _ in response.streaming_content:
                pass
        return response

    return action


def _ratio(a: dict[str, float], b: dict[str, float]) -> float:
    return round(a["median_ms"] / b["median_ms"], 3) if b["median_ms"] else 0.0


def _list_floor_sql(vendor: str) -> str:
    """The page of the list in one query: the same columns, filters, order and page size; no count."""
    names = "group_concat(c.name_vi, ', ')" if vendor == "sqlite" else "string_agg(c.name_vi, ', ')"
    return (
        "SELECT d.id, d.year, d.direction, d.name, d.head, d.size, d.time_text, d.funding_source, u.name, d.status, "
        f"(SELECT {names} FROM delegations_delegation_countries dc JOIN core_country c ON c.id = dc.country_id "
        " WHERE dc.delegation_id = d.id) "
        "FROM delegations_delegation d JOIN core_unit u ON u.id = d.proposing_unit_id "
        "WHERE d.year = %s AND d.status = %s AND EXISTS (SELECT 1 FROM delegations_delegation_countries x "
        " WHERE x.delegation_id = d.id AND x.country_id = %s) "
        "ORDER BY d.name, d.id LIMIT 25"
    )


DASHBOARD_FLOOR_SQL = (
    "SELECT 'd', direction, status, funding_source, COUNT(*) FROM delegations_delegation WHERE year = %s "
    "GROUP BY direction, status, funding_source "
    "UNION ALL SELECT 'c', d.direction, CAST(dc.country_id AS TEXT), '', COUNT(*) FROM delegations_delegation d "
    "JOIN delegations_delegation_countries dc ON dc.delegation_id = d.id WHERE d.year = %s "
    "GROUP BY d.direction, dc.country_id "
    "UNION ALL SELECT 'k', '', status, '', COUNT(*) FROM conferences_conference WHERE year = %s GROUP BY status "
    "UNION ALL SELECT 'a', '', status, '', COUNT(*) FROM agreements_agreement WHERE year = %s GROUP BY status"
)


def _status_mb(key: str) -> float:
    """VmRSS (now) or VmHWM (peak since the last reset) of this process, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_main(scale: float, quick: bool) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from doingoai.core.management.commands.load_refdata import sync_refdata
    from doingoai.core.models import Country, User
    from doingoai.delegations.models import Delegation
    from doingoai.devtools.national import generate
    from doingoai.search import fulltext
    from doingoai.search.query import parse
    from doingoai.search.registry import registered
    from doingoai.search.selectors import MAX_CANDIDATES

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    sync_refdata()
    setup_seconds = time.perf_counter() - started
    generation = generate(scale=scale)
    vendor = connection.vendor
    repeat = 5 if quick else 15
    this = generation["years"][1] - 1
    year = this - 1  # last year: complete, mostly done
    laos = Country.objects.get(code="LA").pk

    client = Client()
    client.force_login(User.objects.get(username="coordinator"))
    admin = Client()
    admin.force_login(User.objects.get(username="admin"))

    query = f"year={year}&country={laos}&status=done&sort=name"
    list_url = f"/delegations/?{query}"
    admin_url = f"/admin/delegations/delegation/?year__exact={year}&countries__id__exact={laos}&status__exact=done&o=3"
    out: dict[str, Any] = {"database": vendor, "setup_seconds": round(setup_seconds, 1), "generation": generation}
    out["list_rows"] = Delegation.objects.filter(year=year, countries=laos, status="done").count()
    out["list"] = _measure(_get(client, list_url), repeat)
    out["admin_list"] = _measure(_get(admin, admin_url), repeat)
    floor_sql = _list_floor_sql(vendor)

    def floor() -> str:
        with connection.cursor() as cursor:
            cursor.execute(floor_sql, [year, "done", laos])
            return json.dumps(cursor.fetchall(), ensure_ascii=False, default=str)

    out["list_floor"] = _measure(floor, repeat)

    counts = {}
    for size in (25, 100):
        with CaptureQueriesContext(connection) as queries:
            _get(client, f"{list_url}&per_page={size}")()
        counts[str(size)] = len(queries)
    out["queries_per_list_page_by_size"] = counts
    # The list's own SQL: the time its queries took inside the page (count, page ids, rows, filters' options),
    # beside the floor's one query (target on PostgreSQL: at most 3x).
    sql_samples = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            _get(client, list_url)()
        sql_samples.append(sum(float(q["time"]) for q in queries.captured_queries))
    out["list_sql"] = _stats(sql_samples)

    detail = Delegation.objects.filter(status="done", year=year).order_by("pk").values_list("pk", flat=True).first()
    out["detail"] = _measure(_get(client, f"/delegations/{detail}/"), repeat)
    out["admin_detail"] = _measure(_get(admin, f"/admin/delegations/delegation/{detail}/change/"), repeat)

    text = "Gifu hợp tác"  # a partner and a common word: hits in every registry of the plan
    out["search_query"] = text
    out["search"] = _measure(_get(client, f"/search/?q={text}"), repeat)
    parsed = parse(text)
    backend = fulltext.backend()

    def search_floor() -> Any:
        return backend.hits(parsed, [s.key for s in registered()], MAX_CANDIDATES)

    out["search_hits"] = len(search_floor())
    out["search_floor"] = _measure(search_floor, repeat)

    out["home"] = _measure(_get(client, "/"), repeat)
    out["dashboard"] = _measure(_get(client, f"/dashboard/?year={this}"), repeat)

    def dashboard_floor() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(DASHBOARD_FLOOR_SQL, [this] * 4)
            return json.dumps(cursor.fetchall(), default=str)

    out["dashboard_floor"] = _measure(dashboard_floor, repeat)
    # The year's budget (estimates, appraisals, spending) summed by the database: the totals page and its
    # figures beside one raw query over the same lines.
    out["budget_totals"] = _measure(_get(client, f"/finance/totals/?year={this}"), repeat)

    def budget_floor() -> Any:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT l.funding_source, SUM(l.amount_vnd), SUM(l.appraised_vnd), SUM(l.actual_vnd) "
                "FROM finance_costline l JOIN delegations_delegation d ON d.id = l.object_id "
                "WHERE d.year = %s GROUP BY l.funding_source",
                [this],
            )
            return json.dumps(cursor.fetchall(), default=str)

    out["budget_floor"] = _measure(budget_floor, repeat)

    # ~10,000 rows at scale 1.0: last year's outbound delegations done.
    export_filter = {"year": year, "direction": "out", "status": "done"}
    out["export_rows"] = Delegation.objects.filter(**export_filter).count()
    export_url = f"/delegations/?year={year}&direction=out&status=done&export=xlsx"
    out["export_xlsx"] = _measure(_get(client, export_url), 1 if quick else 3, warmup=0)
    out["export_floor"] = _measure(_export_floor(Delegation, export_filter), 1 if quick else 3, warmup=0)
    for key in ("export_xlsx", "export_floor"):
        out[key]["rows_per_s"] = round(out["export_rows"] / (out[key]["median_ms"] / 1000))

    out["program_docx"] = _program_docx(repeat=1 if quick else 3)

    out["export_peak"] = _export_peak_child(quick)
    out |= {
        "list_vs_admin": _ratio(out["list"], out["admin_list"]),
        "list_vs_floor": _ratio(out["list"], out["list_floor"]),
        "search_vs_floor": _ratio(out["search"], out["search_floor"]),
        "dashboard_vs_floor": _ratio(out["dashboard"], out["dashboard_floor"]),
        "budget_totals_vs_floor": _ratio(out["budget_totals"], out["budget_floor"]),
        "list_sql_vs_floor": _ratio(out["list_sql"], out["list_floor"]),
        "export_rows_per_s": out["export_xlsx"]["rows_per_s"],
        "export_floor_rows_per_s": out["export_floor"]["rows_per_s"],
        "export_vs_floor": _ratio(out["export_xlsx"], out["export_floor"]),
        "export_peak_mb": out["export_peak"].get("peak_mb"),
        "queries_per_list_page": counts["25"] if counts["25"] == counts["100"] else counts,
    }
    return out


def _export_floor(model: Any, filters: dict[str, Any]) -> Callable[[], Any]:
    """The export's floor: the same rows' stored values fetched by one raw query (every column of the table, in
    the list's order) and written by the library's fastest mode with no formatting at all."""
    import tempfile

    from django.db import connection
    from rustpy_xlsxwriter import FastExcel

    sql, params = model.objects.filter(**filters).order_by("-pk").query.sql_with_params()

    def action() -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            names = [c[0] for c in cursor.description]
            rows = (dict(zip(names, row, strict=True)) for row in cursor)
            with tempfile.TemporaryFile() as tmp:
                FastExcel(tmp).sheet("floor", rows).save()

    return action


def _program_docx(repeat: int) -> dict[str, Any]:
    """The programme .docx with 150 appendix rows, written beside the national data (rolled back)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_documents_export", ROOT / "bench/bench_documents_export.py")
    if spec is None or spec.loader is None:
        return {"skipped": "bench_documents_export.py absent"}
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from django.db import transaction

    from doingoai.programs.exports import program_docx

    with transaction.atomic():
        module._fill(150)
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            program_docx(year=module.YEAR)
            samples.append(time.perf_counter() - started)
        transaction.set_rollback(True)
    return {"appendix_rows": 150, **_stats(samples)}


def _export_peak_child(quick: bool) -> dict[str, Any]:
    """The streamed export of ~100,000 rows in a fresh process: its RSS peak above the RSS before the export."""
    command = [sys.executable, __file__, "--export-peak", *(["--quick"] if quick else [])]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-5:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def export_peak_main() -> dict[str, Any]:
    import django

    django.setup()
    from django.test import Client

    from doingoai.core.models import User
    from doingoai.delegations.models import Delegation

    client = Client()
    client.force_login(User.objects.get(username="coordinator"))
    _get(client, "/delegations/")()  # templates, filters and tables loaded, as in a running server
    # Outbound delegations done or cancelled, all years: ~100,000 rows at scale 1.0.
    rows = Delegation.objects.filter(direction="out", status__in=["done", "cancelled"]).count()
    Path("/proc/self/clear_refs").write_text("5")  # resets the peak (VmHWM) to the current RSS
    before = _status_mb("VmRSS")
    started = time.perf_counter()
    # Above DOINGOAI_EXPORT_BACKGROUND_ROWS the page queues the export and the worker writes it: the same
    # request, then the worker's build, in this process.
    response = client.get("/delegations/?direction=out&status=done&status=cancelled&export=xlsx")
    if response.status_code == 302:
        from doingoai.core.listexports import list_export_build
        from doingoai.core.models import ListExport

        export = ListExport.objects.latest("pk")
        list_export_build(export_id=export.pk)
        export.refresh_from_db()
        size = export.file.size
        export.file.delete(save=False)
    else:
        size = sum(len(chunk) for chunk in response.streaming_content)
    seconds = time.perf_counter() - started
    return {
        "rows": rows,
        "bytes": size,
        "seconds": round(seconds, 1),
        "rows_per_s": round(rows / seconds) if seconds else None,
        "rss_before_mb": round(before, 1),
        "peak_mb": round(_status_mb("VmHWM") - before, 1),
    }


if __name__ == "__main__":
    import argparse

    sys.path.insert(0, str(ROOT / "src"))
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=QUICK_SCALE)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--export-peak", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
    if args.export_peak:
        print(json.dumps(export_peak_main()))
    else:
        print(json.dumps(child_main(args.scale, args.quick), ensure_ascii=False, default=str))
