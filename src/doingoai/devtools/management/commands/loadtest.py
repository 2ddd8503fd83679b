"""`doingoai loadtest`: bounded load and a fault, on a fresh database, loopback only; stops by itself.

1. A fresh database: SQLite under var/loadtest/, or with `--postgres [URL]` (or a PostgreSQL DATABASE_URL) a
   database `<name>_loadtest` dropped and created on that server. The developer's database is never opened.
   `--sqlite-from FILE` starts the SQLite file as a copy of an already migrated one (the harness's own test uses
   the test suite's template, so its migrate has nothing to apply).
2. migrate, load_refdata, then the data: `national_data --scale S` when that command exists and S > 0, otherwise
   load_demo (`--minimal`: neither, a few accounts only — for the harness's own test); accounts and reporting
   periods for the virtual users (`loadtest --stage prepare`).
3. gunicorn (`--workers 2`) on a free port of 127.0.0.1; `--users` virtual users (threads) log in, then for
   `--seconds` read (80 %) and write (20 %); at a third of the run one worker is killed with SIGKILL and gunicorn
   starts its replacement.
4. gunicorn stops; `loadtest --stage verify` checks every acknowledged write and that nothing is half-written.

The server's CPU per request is reported beside the throughput (`server_cpu_ms_per_request`: the workers'
/proc times over the window ÷ requests; `server_cpu_ms_by_label`: each request's own thread CPU, by kind): on a
shared machine the throughput measures the neighbours too, the CPU per request much less.

Human lines go to stderr, one JSON object to stdout (last line). The exit status is 1 when a target fails:
a 5xx answer, "database is locked", a missing, refused or half-written write, a connection error outside the
kill, or a worker that was not replaced.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from doingoai.devtools.loadtest.gunicorn_hooks import read_cpu_logs
from doingoai.devtools.loadtest.scenario import Run, Sample, run_users
from doingoai.devtools.loadtest.server import Gunicorn, WorkerCPU, WorkerKill, free_port

DEFAULT_POSTGRES = "postgres://doingoai:doingoai@127.0.0.1:5432/doingoai"
LOCKED = "database is locked"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100) of `values`; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return round(ordered[rank - 1], 1)


def latency(samples: list[Sample]) -> dict[str, float]:
    ms = [s.ms for s in samples if s.status]
    return {
        "count": len(samples),
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "p99_ms": percentile(ms, 99),
    }


class Command(BaseCommand):
    help = (
        "Kiểm thử tải có giới hạn (chỉ 127.0.0.1, tự dừng): gunicorn 2 worker trên cơ sở dữ liệu mới, N người dùng "
        "ảo đọc/ghi, giết một worker giữa chừng, rồi kiểm tra mọi thao tác ghi đã được xác nhận."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seconds", type=float, default=60, help="thời gian đo (mặc định 60 s)")
        parser.add_argument("--users", type=int, default=64, help="số người dùng ảo đồng thời (mặc định 64)")
        parser.add_argument("--workers", type=int, default=2, help="số worker gunicorn (mặc định 2)")
        parser.add_argument(
            "--threads",
            type=int,
            default=1,
            help="số luồng mỗi worker (trên 1: worker gthread của gunicorn; mặc định 1)",
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=0.05,
            help="quy mô dữ liệu `national_data` (1.0 = 250.000 đoàn; mặc định 0.05); 0: dữ liệu minh họa",
        )
        parser.add_argument("--minimal", action="store_true", help="không nạp dữ liệu (chỉ vài tài khoản): để thử")
        parser.add_argument(
            "--postgres",
            nargs="?",
            const="",
            default=None,
            metavar="URL",
            help=f"chạy trên PostgreSQL: cơ sở dữ liệu <tên>_loadtest mới (mặc định {DEFAULT_POSTGRES})",
        )
        parser.add_argument("--dir", help="thư mục làm việc (cơ sở dữ liệu SQLite, nhật ký; mặc định var/loadtest)")
        parser.add_argument(
            "--sqlite-from",
            metavar="FILE",
            help="SQLite: bắt đầu từ bản sao của tệp đã migrate này (mẫu của bộ kiểm thử)",
        )
        parser.add_argument("--no-kill", action="store_true", help="không giết worker giữa chừng")
        parser.add_argument("--kill-at", type=float, default=1 / 3, help="thời điểm giết worker (phần của thời gian)")
        parser.add_argument("--write-share", type=float, default=0.2, help="tỷ lệ yêu cầu ghi (mặc định 0,2)")
        parser.add_argument("--think-ms", type=float, default=0, help="thời gian nghĩ trung bình giữa hai thao tác")
        parser.add_argument("--stage", choices=["prepare", "verify"], help=argparse.SUPPRESS)
        parser.add_argument("--file", help=argparse.SUPPRESS)
        parser.add_argument("--tag", help=argparse.SUPPRESS)
        parser.add_argument("--data", choices=["minimal", "demo", "national"], help=argparse.SUPPRESS)

    def say(self, message: str) -> None:
        self.stderr.write(f"[loadtest] {message}")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["stage"] == "prepare":
            return self.stage_prepare(options)
        if options["stage"] == "verify":
            return self.stage_verify(options)
        return self.orchestrate(options)

    # ------------------------------------------------------------------------------------ stages (child processes)
    def stage_prepare(self, options: dict[str, Any]) -> None:
        """migrate, the data, the accounts and periods of the run: one process, so Django starts once."""
        from doingoai.devtools.loadtest.checks import prepare

        def step(name: str, *args: Any, **kwargs: Any) -> None:
            started = time.perf_counter()
            call_command(name, *args, stdout=io.StringIO(), **kwargs)
            self.say(f"{name} {' '.join(map(str, args))}: {time.perf_counter() - started:.1f} s")

        step("migrate", interactive=False, verbosity=0)
        if options["data"] != "minimal":
            step("load_refdata")
        if options["data"] == "demo":
            step("load_demo")
        elif options["data"] == "national":
            step("national_data", "--scale", options["scale"])
        started = time.perf_counter()
        plan = prepare(
            tag=options["tag"],
            officers=max(8, options["users"]),
            periods=6 + int(options["seconds"] // 10),
            password=secrets.token_urlsafe(16),
            today=timezone.localdate(),
        )
        Path(options["file"]).write_text(json.dumps(plan, ensure_ascii=False))
        self.say(f"tài khoản, kỳ báo cáo của lần chạy: {time.perf_counter() - started:.1f} s")

    def stage_verify(self, options: dict[str, Any]) -> None:
        from doingoai.devtools.loadtest.checks import check_integrity, verify_ledger

        ledger = json.loads(Path(options["file"]).read_text())
        result = {
            "ledger": verify_ledger(ledger),
            "integrity": check_integrity(options["tag"]),
            "database": database_settings(),
        }
        self.stdout.write(json.dumps(result, ensure_ascii=False))

    # -------------------------------------------------------------------------------------------- orchestrator
    def orchestrate(self, options: dict[str, Any]) -> None:
        folder = Path(options["dir"] or Path(settings.VAR_DIR) / "loadtest").resolve()
        folder.mkdir(parents=True, exist_ok=True)
        tag = f"LT{timezone.localtime():%m%d%H%M%S}"
        env, database = self.database(options, folder)
        self.say(f"cơ sở dữ liệu: {database}")
        log = folder / "gunicorn.log"
        log.write_bytes(b"")

        started = time.perf_counter()
        data = "minimal" if options["minimal"] else "demo"
        if not options["minimal"] and options["scale"] > 0 and "national_data" in get_commands():
            data = "national"
        plan_file = folder / "plan.json"
        self.child(
            env, "loadtest", "--stage", "prepare", "--tag", tag, "--file", str(plan_file), "--data", data,
            "--scale", str(options["scale"]), "--users", str(options["users"]), "--seconds", str(options["seconds"]),
        )  # fmt: skip
        if data == "national":
            data = f"national_data --scale {options['scale']}"
        plan = json.loads(plan_file.read_text())
        self.say(f"dữ liệu: {data}; chuẩn bị xong sau {time.perf_counter() - started:.0f} s")

        cpu_dir = folder / "cpu"
        cpu_dir.mkdir(exist_ok=True)
        for old in cpu_dir.glob("cpu-*.log"):
            old.unlink()
        server = Gunicorn(
            port=free_port(),
            env=env | {"DOINGOAI_LOADTEST_CPU_DIR": str(cpu_dir)},
            log=log,
            workers=options["workers"],
            threads=options["threads"],
        )
        try:
            server.start()
        except RuntimeError as exc:
            server.stop()
            raise CommandError(str(exc)) from exc
        self.say(
            f"gunicorn {options['workers']} worker × {options['threads']} luồng tại http://127.0.0.1:{server.port}/ "
            f"(nhật ký: {log})"
        )
        run = Run(
            host="127.0.0.1",
            port=server.port,
            plan=plan,
            seconds=options["seconds"],
            write_share=options["write_share"],
            think_ms=options["think_ms"],
        )
        cpu = WorkerCPU(server)
        kill = (
            None
            if options["no_kill"]
            else WorkerKill(server=server, at=options["seconds"] * options["kill_at"], cpu=cpu)
        )

        def on_start() -> None:
            cpu.start()
            if kill:
                kill.start(run.t0)

        login_started = time.perf_counter()
        try:
            self.say(f"{options['users']} người dùng ảo đăng nhập rồi chạy {options['seconds']:.0f} s…")
            vus = run_users(run, options["users"], on_start=on_start)
            cpu.read()
            if kill:
                kill.join()
        finally:
            server.stop()
        logins = sum(vu.logged_in for vu in vus)
        login_seconds = run.t0 - login_started
        ledger_file = folder / "ledger.json"
        ledger_file.write_text(json.dumps(run.ledger.as_list(), ensure_ascii=False))
        verified = json.loads(
            self.child(env, "loadtest", "--stage", "verify", "--tag", tag, "--file", str(ledger_file), capture=True)
        )
        report = self.report(options, run, kill, verified, log, data, database, logins, login_seconds)
        report.update(server_cpu(report["requests"], cpu.seconds(), read_cpu_logs(str(cpu_dir))))
        self.print_report(report)
        self.stdout.write(json.dumps(report, ensure_ascii=False))
        if report["failures"]:
            raise CommandError("Không đạt: " + "; ".join(report["failures"]))

    def child(self, env: dict[str, str], *args: str, capture: bool = False) -> str:
        """Run `doingoai ARGS` against the load-test database; its stderr passes through."""
        started = time.perf_counter()
        command = [sys.executable, "-m", "doingoai.cli", *args]
        result = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
            command, env=env, stdout=subprocess.PIPE if capture else subprocess.DEVNULL, text=True, check=False
        )
        if result.returncode:
            raise CommandError(f"`doingoai {' '.join(args)}` thất bại (mã {result.returncode})")
        self.say(f"doingoai {' '.join(args[:3])}: {time.perf_counter() - started:.1f} s")
        return result.stdout or ""

    def database(self, options: dict[str, Any], folder: Path) -> tuple[dict[str, str], str]:
        """The environment of every child process: a fresh load-test database, never the developer's."""
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH"}}
        env |= {
            "DJANGO_SETTINGS_MODULE": "doingoai.settings",
            "DOINGOAI_VAR": str(folder),
            "MEDIA_ROOT": str(folder / "media"),
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "HTTPS": "0",
            "PYTHONUNBUFFERED": "1",
        }
        current = os.environ.get("DATABASE_URL", "")
        current_is_postgres = current.startswith(("postgres://", "postgresql://"))
        if options["postgres"] is not None or current_is_postgres:
            url = fresh_postgres(options["postgres"] or (current if current_is_postgres else DEFAULT_POSTGRES))
            env["DATABASE_URL"] = url
            parts = urlsplit(url)
            return env, f"PostgreSQL {parts.hostname}:{parts.port or 5432}{parts.path}"
        path = folder / "loadtest.sqlite3"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        if options["sqlite_from"]:  # an already migrated file (the test suite's template): migrate has nothing to do
            shutil.copyfile(options["sqlite_from"], path)
        env["SQLITE_PATH"] = str(path)
        return env, f"SQLite {path}"

    # ------------------------------------------------------------------------------------------------ report
    def report(
        self,
        options: dict[str, Any],
        run: Run,
        kill: WorkerKill | None,
        verified: dict[str, Any],
        log: Path,
        data: str,
        database: str,
        logins: int,
        login_seconds: float,
    ) -> dict[str, Any]:
        samples = [s for s in run.samples if s.kind != "login"]
        reads = [s for s in samples if s.kind == "read"]
        writes = [s for s in samples if s.kind == "write"]
        window = max([s.ended for s in samples], default=0.0) or options["seconds"]
        server_errors = [s for s in samples if s.status >= 500]
        client_errors = [s for s in samples if 400 <= s.status < 500]
        cut = [s for s in samples if s.status == 0]
        during_kill = []
        if kill and kill.killed_at is not None:
            until = (kill.replaced_at or kill.killed_at) + 2
            during_kill = [s for s in cut if kill.killed_at - 0.5 <= s.ended <= until]
        log_text = log.read_text(errors="replace")
        locked = log_text.lower().count(LOCKED)
        ledger, integrity = verified["ledger"], verified["integrity"]
        report: dict[str, Any] = {
            "database": database,
            "database_settings": verified["database"],
            "data": data,
            "users": options["users"],
            "logged_in": logins,
            "login_seconds": round(login_seconds, 1),
            "workers": options["workers"],
            "threads": options["threads"],
            "seconds": round(window, 1),
            "requests": len(samples),
            "throughput_rps": round(len(samples) / window, 1) if window else 0.0,
            "load_average_1min": round(os.getloadavg()[0], 2),  # the machine is shared: how busy it was
            "reads": latency(reads),
            "writes": latency(writes),
            "by_label": {
                label: latency([s for s in samples if s.label == label]) for label in sorted({s.label for s in samples})
            },
            "server_errors_5xx": len(server_errors),
            "client_errors_4xx": len(client_errors),
            "client_errors_detail": sorted({f"{s.label} {s.status}" for s in client_errors}),
            "database_locked": locked,
            "connection_errors_during_kill": len(during_kill),
            "connection_errors_other": len(cut) - len(during_kill),
            "worker_killed_pid": kill.killed_pid if kill else None,
            "worker_killed_at_s": round(kill.killed_at, 1) if kill and kill.killed_at is not None else None,
            "worker_replaced_pid": kill.replacement_pid if kill else None,
            "worker_replaced_after_s": (
                round(kill.replaced_at - kill.killed_at, 2) if kill and kill.replaced_at and kill.killed_at else None
            ),
            "writes_acknowledged": ledger["acknowledged"],
            "writes_verified": ledger["verified"],
            "writes_missing": ledger["missing"],
            "writes_missing_detail": ledger["missing_detail"][:30],
            "writes_refused": len(run.refusals),
            "writes_refused_detail": sorted(set(run.refusals))[:10],
            "writes_unanswered": sum(1 for e in run.ledger.as_list() if e["pending"]) + run.ledger.unanswered_creates,
            "records_checked": integrity["records"],
            "half_written": integrity["half_written"],
            "half_written_detail": integrity["half_written_detail"],
        }
        failures = []
        if logins < options["users"]:
            failures.append(f"{options['users'] - logins} người dùng ảo không đăng nhập được")
        if server_errors:
            failures.append(f"{len(server_errors)} lỗi máy chủ 5xx")
        if locked:
            failures.append(f"{locked} lỗi “{LOCKED}”")
        if report["connection_errors_other"]:
            failures.append(f"{report['connection_errors_other']} lỗi kết nối ngoài lúc giết worker")
        if ledger["missing"]:
            failures.append(f"{ledger['missing']} thao tác ghi đã xác nhận nhưng không có trong cơ sở dữ liệu")
        if integrity["half_written"]:
            failures.append(f"{integrity['half_written']} bản ghi ghi dở")
        if kill and (kill.error or not kill.replacement_pid):
            failures.append(f"worker bị giết không được thay thế ({kill.error or 'không thấy worker mới'})")
        if run.refusals:
            failures.append(f"{len(run.refusals)} thao tác ghi bị từ chối: {run.refusals[0]}")
        if run.crashes:
            failures.append(f"{len(run.crashes)} người dùng ảo dừng vì lỗi của chương trình thử: {run.crashes[0]}")
        if not ledger["acknowledged"]:
            failures.append("không có thao tác ghi nào được xác nhận")
        report["failures"] = failures
        return report

    def print_report(self, r: dict[str, Any]) -> None:
        self.say(f"{r['database']} {r['database_settings']}")
        self.say(f"dữ liệu {r['data']}; {r['users']} người dùng ảo, {r['workers']} worker gunicorn")
        self.say(
            f"{r['requests']} yêu cầu trong {r['seconds']} s = {r['throughput_rps']} yêu cầu/s "
            f"(đăng nhập {r['logged_in']}/{r['users']} trước đó, {r['login_seconds']} s; "
            f"tải máy {r['load_average_1min']})"
        )
        for kind in ("reads", "writes"):
            x = r[kind]
            self.say(f"{kind}: {x['count']}, p50 {x['p50_ms']} ms, p95 {x['p95_ms']} ms, p99 {x['p99_ms']} ms")
        self.say(
            f"CPU của các worker: {r['server_cpu_seconds']} s = {r['server_cpu_ms_per_request']} ms/yêu cầu; "
            "theo loại (trung bình ms): "
            + ", ".join(f"{k} {v['mean']}" for k, v in r["server_cpu_ms_by_label"].items())
        )
        self.say(
            f"5xx: {r['server_errors_5xx']}; 4xx: {r['client_errors_4xx']}; “{LOCKED}”: {r['database_locked']}; "
            f"lỗi kết nối lúc giết worker: {r['connection_errors_during_kill']}, khác: {r['connection_errors_other']}"
        )
        if r["worker_killed_pid"]:
            self.say(
                f"worker {r['worker_killed_pid']} bị SIGKILL ở giây {r['worker_killed_at_s']}; worker mới "
                f"{r['worker_replaced_pid']} sau {r['worker_replaced_after_s']} s"
            )
        self.say(
            f"ghi: {r['writes_acknowledged']} được xác nhận, {r['writes_verified']} có trong cơ sở dữ liệu, "
            f"{r['writes_missing']} thiếu; {r['writes_refused']} bị từ chối; {r['writes_unanswered']} không được trả "
            f"lời; {r['records_checked']} bản ghi kiểm tra, {r['half_written']} ghi dở"
        )
        for line in r["writes_missing_detail"] + r["half_written_detail"] + r["writes_refused_detail"]:
            self.say(f"  {line}")
        self.say("ĐẠT" if not r["failures"] else "KHÔNG ĐẠT: " + "; ".join(r["failures"]))


def server_cpu(requests: int, seconds: float, by_label: dict[str, list[float]]) -> dict[str, Any]:
    """The load-independent figure: CPU the gunicorn workers spent per request answered in the window (from /proc,
    everything the workers did, the replacement worker's start included), and per label the CPU of the request's
    own thread (gunicorn_hooks; the logins before the window are there too, apart)."""
    return {
        "server_cpu_seconds": round(seconds, 1),
        "server_cpu_ms_per_request": round(seconds * 1000 / requests, 1) if requests else 0.0,
        "server_cpu_ms_by_label": {
            label: {
                "count": len(values),
                "mean": round(sum(values) / len(values), 1),
                "p50": percentile(values, 50),
                "p95": percentile(values, 95),
            }
            for label, values in sorted(by_label.items())
        },
    }


def database_settings() -> dict[str, Any]:
    """What guards concurrent writers on this database, as the server processes see it."""
    from django.db import connection

    if connection.vendor != "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SHOW default_transaction_isolation")
            return {"vendor": connection.vendor, "isolation": cursor.fetchone()[0]}
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        busy = cursor.fetchone()[0]
    options = connection.settings_dict.get("OPTIONS", {})
    return {
        "vendor": "sqlite",
        "journal_mode": journal,
        "busy_timeout_ms": busy,
        "begin": options.get("transaction_mode"),
    }


def fresh_postgres(url: str) -> str:
    """Drop and create `<name>_loadtest` on the server of `url`; returns its URL. Never touches another database."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "doingoai"
    target = name if name.endswith("_loadtest") else f"{name}_loadtest"
    server = f"{parts.hostname or '127.0.0.1'}:{parts.port or 5432}"
    try:
        with psycopg.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target)))
    except psycopg.Error as exc:
        # The default URL names a role `doingoai` that a fresh server does not have: say what to give instead.
        raise CommandError(
            f"Không tạo được cơ sở dữ liệu PostgreSQL “{target}” trên {server} với vai trò “{parts.username}”: "
            f"{str(exc).strip()}. Hãy chỉ định máy chủ và một vai trò có quyền CREATEDB: "
            "--postgres postgresql://VAI_TRO:MAT_KHAU@MAY_CHU:5432/TEN"
        ) from exc
    return urlunsplit(parts._replace(path=f"/{target}"))
