"""Fixtures of the document tests: the sample programme as a PDF made by LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents import samples
from tests.documents.formats import SOFFICE, print_to_pdf


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample programme converted to PDF by LibreOffice (skipped when LibreOffice is not installed)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path_factory.mktemp("pdf")
    source = folder / "chuong-trinh.docx"
    source.write_bytes(samples.build_docx())
    return print_to_pdf([source], folder)[source]


@pytest.fixture(scope="session")
def corpus_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every document of the written corpus as .txt, .docx and .pdf (the PDFs printed by LibreOffice in one call,
    once per session; without LibreOffice the .pdf entries are absent and the tests that need them skip)."""
    from tests.documents import formats
    from tests.documents.corpus import CORPUS

    folder = tmp_path_factory.mktemp("corpus")
    files: dict[str, dict[str, Path]] = {}
    for fixture in CORPUS:
        text = folder / f"{fixture.name}.txt"
        text.write_text(fixture.text, encoding="utf-8")
        word = folder / f"{fixture.name}.docx"
        word.write_bytes(formats.docx_bytes(fixture.text))
        files[fixture.name] = {"txt": text, "docx": word}
    if formats.SOFFICE is not None:
        printed = formats.print_to_pdf([entry["docx"] for entry in files.values()], folder)
        for entry in files.values():
            entry["pdf"] = printed[entry["docx"]]
    return files
