"""`doingoai extract FILE` as a user runs it: the start-up of the command and the time per page of a PDF.

The 2022 seed's text is laid out as a .docx and printed to PDF by LibreOffice (about 40 pages: the size of a
yearly programme with its appendices), then the command is run as a child process, as from a shell. Skipped
when the seed or LibreOffice is absent. `./dev bench --only extract_command`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import docx

SEED_2022 = Path(__file__).resolve().parents[1] / "../shared/seeds/002_e2a30e5f60fee777.txt"
COMMAND = [str(Path(sys.executable).with_name("doingoai")), "extract"]


def _best_wall(repeat: int, args: list[str]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([*COMMAND, *args], check=True, capture_output=True, timeout=120)
        best = min(best, time.perf_counter() - started)
    return best


def _seed_pdf(folder: Path, soffice: str) -> Path:
    document = docx.Document()
    for line in SEED_2022.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    source = folder / "chuong-trinh.docx"
    document.save(str(source))
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{folder / 'profile'}",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return folder / "chuong-trinh.pdf"


def bench_extract_command(quick: bool = False) -> dict[str, Any]:
    """Wall seconds (best of 3, or 1 when quick): the command on a one-line text (start-up), on the seed as
    text, and on the seed as a PDF; the PDF's pages and the seconds per page beyond the start-up."""
    soffice = shutil.which("soffice")
    if not SEED_2022.exists() or soffice is None:
        return {"skipped": "seed or LibreOffice absent"}
    import pdfplumber

    repeat = 1 if quick else 3
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        tiny = folder / "mot-dong.txt"
        tiny.write_text("Kế hoạch hoạt động đối ngoại năm 2026.\n", encoding="utf-8")
        pdf = _seed_pdf(folder, soffice)
        with pdfplumber.open(pdf) as opened:
            pages = len(opened.pages)
        startup = _best_wall(repeat, [str(tiny)])
        text = _best_wall(repeat, [str(SEED_2022)])
        on_pdf = _best_wall(repeat, [str(pdf)])
    return {
        "startup_seconds": round(startup, 3),
        "seed_text_seconds": round(text, 3),
        "pdf_pages": pages,
        "pdf_seconds": round(on_pdf, 3),
        "seconds_per_page": round((on_pdf - startup) / pages, 4),
    }
