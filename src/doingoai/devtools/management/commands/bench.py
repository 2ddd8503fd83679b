"""`doingoai bench`: run the project's benchmarks (bench/bench_*.py) and print one JSON object."""

from __future__ import annotations

import importlib.util
import inspect
import json
import sys
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def machine_speed() -> dict[str, float]:
    """The same plain Python loop timed before the benchmarks (CPU ms, the best of 3): figures of two runs, or of two
    machines of the same kind, compare only beside it (the same page's CPU time has doubled from one day to another
    on this 2-core kind, with the same code and data)."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.process_time() - started)
    return {"python_loop_2m_ms": round(best * 1000, 1)}


class Command(BaseCommand):
    help = "Chạy các phép đo hiệu năng trong thư mục bench/ và in kết quả JSON ở dòng cuối."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--only", default="", help="chỉ chạy các hàm có tên chứa chuỗi này")
        parser.add_argument("--quick", action="store_true", help="chạy bản rút gọn")
        parser.add_argument(
            "--postgres", action="store_true", help="đo cả trên PostgreSQL (khởi động cụm PostgreSQL cục bộ)"
        )
        parser.add_argument("--keep", action="store_true", help="dùng lại dữ liệu đã sinh ở lần đo trước (cùng quy mô)")
        parser.add_argument("--pages", action="store_true", help="chỉ đo các trang (không đo xuất tệp)")
        parser.add_argument("--dir", default=str(Path(settings.PROJECT_DIR) / "bench"))

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["dir"])
        if not folder.is_dir():
            raise CommandError(f"Không tìm thấy thư mục bench: {folder}")
        results: dict[str, Any] = {"machine": machine_speed()}
        for path in sorted(folder.glob("bench_*.py")):
            spec = importlib.util.spec_from_file_location(f"bench.{path.stem}", path)
            if spec is None or spec.loader is None:
                continue
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            spec.loader.exec_module(module)
            for name, func in inspect.getmembers(module, inspect.isfunction):
                if not name.startswith("bench_") or func.__module__ != module.__name__:
                    continue
                if options["only"] and options["only"] not in name:
                    continue
                wanted = inspect.signature(func).parameters
                kwargs = {k: options[k] for k in ("quick", "postgres", "keep", "pages") if k in wanted}
                started = time.perf_counter()
                self.stderr.write(f"[bench] {name}…")
                results[name] = func(**kwargs)
                self.stderr.write(f"[bench] {name}: {time.perf_counter() - started:.1f} s")
        self.stdout.write(json.dumps(results, ensure_ascii=False, default=str))
