"""The .txt, .docx and .pdf of one document give the same answer on every field of the contract.

Each document of the written corpus (tests/documents/corpus.py) is read as text, as a Word file with one
paragraph per line (a copy pasted into Word, a PDF converted to Word) and as that Word file printed to PDF by
LibreOffice (skipped without LibreOffice): the document block, reporting, deadlines, tasks, partners,
anniversaries and legal references are compared field by field, and the PDFs and Word files are measured
against what each document states, as the text is in test_accuracy.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from doingoai.documents.extract import extract
from doingoai.documents.readers import read
from tests.documents.corpus import CORPUS, Fixture
from tests.documents.test_accuracy import TARGETS, compare

FIELDS = ("document", "reporting", "deadlines", "tasks", "partners", "anniversaries", "legal_references")


def _extract(path: Path) -> dict[str, Any]:
    return extract(read(path))


def _file(files: dict[str, dict[str, Path]], fixture: Fixture, kind: str) -> Path:
    if kind not in files[fixture.name]:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF")
    return files[fixture.name][kind]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize("fixture", CORPUS, ids=lambda fixture: fixture.name)
def test_every_field_as_in_the_text(fixture: Fixture, kind: str, corpus_files: dict[str, dict[str, Path]]) -> None:
    as_text = _extract(corpus_files[fixture.name]["txt"])
    other = _extract(_file(corpus_files, fixture, kind))
    differing = {field: (as_text[field], other[field]) for field in FIELDS if as_text[field] != other[field]}
    assert not differing, "\n".join(f"{field}:\n  txt  {a}\n  {kind} {b}" for field, (a, b) in differing.items())


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_targets_per_field_in_each_format(kind: str, corpus_files: dict[str, dict[str, Path]]) -> None:
    totals: dict[str, list[int]] = {}
    misses: list[str] = []
    for fixture in CORPUS:
        compare(fixture, _extract(_file(corpus_files, fixture, kind)), totals, misses)
    scores = {
        key: (hits / wanted if wanted else 1.0, hits / extracted if extracted else 1.0)
        for key, (hits, extracted, wanted) in totals.items()
    }
    failing = {key: score for key, score in scores.items() if score[0] < TARGETS[key][0] or score[1] < TARGETS[key][1]}
    assert not failing, f"{failing}\n" + "\n".join(misses)
