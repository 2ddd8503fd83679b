"""`doingoai extract FILE` as a user runs it: the start-up of the command and the time per page of a PDF.

The 2022 seed's text is laid out as a .docx and printed to PDF by LibreOffice: its first 900 lines make a
44-page programme (the issue's target: a 40-page programme answered within a second), the whole seed 73 pages.
The command is run as a child process, as from a shell, several times; the medians are reported (wall and CPU
seconds: on this machine, shared by several engineers, the wall time follows the load, the CPU time much less),
with the load average while measuring. Skipped when the seed or LibreOffice is absent.
`./dev bench --only extract_command`.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import docx

SEED_2022 = Path(__file__).resolve().parents[1] / "../shared/seeds/002_e2a30e5f60fee777.txt"
COMMAND = [str(Path(sys.executable).with_name("doingoai")), "extract"]
PROGRAMME_LINES = 900  # 44 pages once printed


def _median_run(repeat: int, args: list[str]) -> tuple[float, float]:
    """Median wall and CPU (user + system) seconds of the command on ``args``."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([*COMMAND, *args], check=True, capture_output=True, timeout=120)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _seed_pdf(folder: Path, soffice: str, name: str, lines: int | None) -> Path:
    document = docx.Document()
    for line in SEED_2022.read_text(encoding="utf-8").splitlines()[:lines]:
        document.add_paragraph(line)
    source = folder / f"{name}.docx"
    document.save(str(source))
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{folder / 'profile'}",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return folder / f"{name}.pdf"


def _pages(pdf: Path) -> int:
    import pypdfium2

    return len(pypdfium2.PdfDocument(str(pdf)))


def bench_extract_command(quick: bool = False) -> dict[str, Any]:
    """Median wall and CPU seconds (of 7 runs, or 1 when quick): the command on a one-line text (start-up), on
    the seed as text, on a 44-page programme PDF and on the whole seed as a 73-page PDF; seconds per page beyond
    the start-up."""
    soffice = shutil.which("soffice")
    if not SEED_2022.exists() or soffice is None:
        return {"skipped": "seed or LibreOffice absent"}
    repeat = 1 if quick else 7
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        tiny = folder / "mot-dong.txt"
        tiny.write_text("Kế hoạch hoạt động đối ngoại năm 2026.\n", encoding="utf-8")
        programme = _seed_pdf(folder, soffice, "chuong-trinh-44-trang", PROGRAMME_LINES)
        whole = _seed_pdf(folder, soffice, "chuong-trinh-day-du", None)
        startup, startup_cpu = _median_run(repeat, [str(tiny)])
        result["startup_seconds"] = round(startup, 3)
        result["startup_cpu_seconds"] = round(startup_cpu, 3)
        text, text_cpu = _median_run(repeat, [str(SEED_2022)])
        result["seed_text_seconds"] = round(text, 3)
        result["seed_text_cpu_seconds"] = round(text_cpu, 3)
        for key, pdf in (("programme_pdf", programme), ("seed_pdf", whole)):
            pages = _pages(pdf)
            wall, cpu = _median_run(repeat, [str(pdf)])
            result[f"{key}_pages"] = pages
            result[f"{key}_seconds"] = round(wall, 3)
            result[f"{key}_cpu_seconds"] = round(cpu, 3)
            result[f"{key}_seconds_per_page"] = round((wall - startup) / pages, 4)
            result[f"{key}_cpu_seconds_per_page"] = round((cpu - startup_cpu) / pages, 4)
    result["load_average"] = round(os.getloadavg()[0], 2)
    result["runs"] = repeat
    return result
