"""The corpus's documents as the other formats they reach us in: a Word file and a PDF printed from it.

The .docx has one paragraph per line of the text, as a web copy pasted into Word gives (tabs stay tabs, the
"|" of a flattened header stays text), and a real page break where the text marks one ("--- Trang 2 ---"). The
PDF is that .docx printed by LibreOffice, with a real text layer; every document of the corpus is printed in
one LibreOffice call, once per test session (``corpus_files`` in conftest.py).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

SOFFICE = shutil.which("soffice") or ("/usr/bin/soffice" if Path("/usr/bin/soffice").exists() else None)
_PAGE_BREAK = re.compile(r"^\s*-{2,}\s*Trang\s+\d+\s*-{2,}\s*$")


def docx_bytes(text: str) -> bytes:
    """``text`` as a .docx: one paragraph per line, a page break for a "--- Trang N ---" line."""
    document = docx.Document()
    break_before = False
    for line in text.replace("\r\n", "\n").split("\n"):
        if _PAGE_BREAK.match(line):
            break_before = True
            continue
        paragraph = document.add_paragraph()
        if break_before:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
            break_before = False
        paragraph.add_run(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def print_to_pdf(sources: list[Path], folder: Path) -> dict[Path, Path]:
    """Each .docx of ``sources`` printed to PDF by LibreOffice in one call: source → PDF path."""
    if SOFFICE is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {source: folder / f"{source.stem}.pdf" for source in sources}
