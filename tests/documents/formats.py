"""The corpus's documents as the other formats they reach us in: a Word file and a PDF printed from it.

The .docx has one paragraph per line of the text, as a web copy pasted into Word gives (tabs stay tabs, the
"|" of a flattened header stays text), a real page break where the text marks one ("--- Trang 2 ---"), and what a
converter makes of Markdown (pandoc, an editor's "paste as Word"): a pipe table becomes a Word table ("<br>" a
line break in its cell), "**bold**" bold runs, "# " headings plain paragraphs. The PDF is that .docx printed by
LibreOffice, with a real text layer; every document of the corpus is printed in one LibreOffice call, once per
test session (``corpus_files`` in conftest.py).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK

SOFFICE = shutil.which("soffice") or ("/usr/bin/soffice" if Path("/usr/bin/soffice").exists() else None)
_PAGE_BREAK = re.compile(r"^\s*-{2,}\s*Trang\s+\d+\s*-{2,}\s*$")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_RULE_ROW = re.compile(r"^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _add_runs(paragraph: Any, text: str) -> None:
    """``text`` as runs, "**x**" bold and "*x*" italic without their marks, "<br>" a line break."""
    for index, line in enumerate(re.split(r"<br\s*/?>", text)):
        if index:
            paragraph.add_run().add_break()
        at = 0
        for bold in _BOLD.finditer(line):
            if bold.start() > at:
                paragraph.add_run(_plain(line[at : bold.start()]))
            paragraph.add_run(bold[1]).bold = True
            at = bold.end()
        if at < len(line):
            paragraph.add_run(_plain(line[at:]))


def _plain(text: str) -> str:
    return re.sub(r"(?<!\w)\*(\S[^*]*?)\*(?!\w)", r"\1", text)


def docx_bytes(text: str) -> bytes:
    """``text`` as a .docx: one paragraph per line, a page break for a "--- Trang N ---" line, Markdown converted."""
    document = docx.Document()
    break_before = False
    lines = text.replace("\r\n", "\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _PAGE_BREAK.match(line):
            break_before = True
            continue
        if _PIPE_ROW.match(line):
            rows = [line]
            while index < len(lines) and _PIPE_ROW.match(lines[index]):
                rows.append(lines[index])
                index += 1
            cells = [
                [cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows if not _RULE_ROW.match(row)
            ]
            table = document.add_table(rows=len(cells), cols=max(len(row) for row in cells))
            for row, values in zip(table.rows, cells, strict=True):
                for cell, value in zip(row.cells, values, strict=False):
                    _add_runs(cell.paragraphs[0], value)
            continue
        paragraph = document.add_paragraph()
        if break_before:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
            break_before = False
        _add_runs(paragraph, re.sub(r"^#{1,6}\s+", "", line))
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
