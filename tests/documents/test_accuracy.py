"""Recall and precision per field of ``doingoai extract`` on the written corpus (tests/documents/corpus.py).

Each document is read as written and in variants drawn from the shapes documents reach us in (NFD accents, CRLF
line ends, markdown bold left by converters on upper-case lines, doubled spaces, trailing spaces); hypothesis
draws further variants and every one must give the same answer as the document as written. ``measure()``
prints the table the README's documents section quotes (``python -m tests.documents.test_accuracy``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.documents.extract import extract
from doingoai.documents.gazetteer import compact, fold
from doingoai.documents.readers import read
from tests.documents.corpus import CORPUS, Fixture

TARGETS = {
    "document": (0.95, 0.95),
    "reporting": (0.95, 0.95),
    "deadlines": (0.95, 0.95),
    "tasks": (0.95, 0.95),
    "task_units": (0.95, 0.95),
    "partners": (0.9, 0.95),
    "anniversaries": (0.95, 0.95),
    "legal_references": (0.98, 0.98),
}


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _bold(text: str) -> str:
    def line(value: str) -> str:
        letters = [char for char in value if char.isalpha()]
        upper = len(letters) >= 4 and all(not char.islower() for char in letters)
        return (
            f"**{value.strip()}**" if upper and "**" not in value and "|" not in value and "\t" not in value else value
        )

    return "\n".join(line(value) for value in text.split("\n"))


def _spaces(text: str) -> str:
    return re.sub(r"(?<=\S) (?=\S)", lambda match: "  " if match.start() % 7 == 0 else " ", text)


def _trailing(text: str) -> str:
    return "\n".join(f"{value} " if value else value for value in text.split("\n"))


VARIANTS: dict[str, Callable[[str], str]] = {
    "nfd": _nfd,
    "crlf": _crlf,
    "bold": _bold,
    "spaces": _spaces,
    "trailing": _trailing,
}


def _run(text: str) -> dict[str, Any]:
    return extract(read(text.encode("utf-8"), "corpus.txt"))


def _flat(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _tasks_key(section: str, text: str) -> tuple[str, str]:
    return section, fold(_flat(text) or "")[:25]


def observed(result: dict[str, Any]) -> dict[str, Counter[Any]]:
    """The facts of an extraction, as comparable items per field."""
    tasks = result["tasks"]
    return {
        "reporting": Counter((item["period"], item["due"], _flat(item["to"])) for item in result["reporting"]),
        "deadlines": Counter(item["date"] for item in result["deadlines"]),
        "tasks": Counter((*_tasks_key(task["section"], task["text"]), task["pillar"]) for task in tasks),
        "task_units": Counter(
            (
                *_tasks_key(task["section"], task["text"]),
                _flat(task.get("lead_unit")),
                tuple(_flat(unit) for unit in task.get("coordinating_units") or ()),
            )
            for task in tasks
        ),
        "partners": Counter((compact(item["canonical"]), item["country"]) for item in result["partners"]),
        "anniversaries": Counter((item["country"], item["years"]) for item in result["anniversaries"]),
        "legal_references": Counter((item["number"], item["date"]) for item in result["legal_references"]),
    }


def expected(fixture: Fixture, result: dict[str, Any]) -> dict[str, Counter[Any]]:
    # A partner may be written as its reference name or any alias: the expected name is compared with the
    # extracted name as written too, so that "Bôlykhămxay" and its canonical "Bo Ly Khăm Xay" meet.
    written = {compact(item["name"]): compact(item["canonical"]) for item in result["partners"]}
    return {
        "reporting": Counter((period, due, _flat(to)) for period, due, to in fixture.reporting),
        "deadlines": Counter(fixture.deadlines),
        "tasks": Counter((*_tasks_key(section, text), pillar) for section, pillar, text, _, _ in fixture.tasks),
        "task_units": Counter(
            (*_tasks_key(section, text), lead, tuple(units)) for section, _, text, lead, units in fixture.tasks
        ),
        "partners": Counter((written.get(compact(name), compact(name)), country) for name, country in fixture.partners),
        "anniversaries": Counter(fixture.anniversaries),
        "legal_references": Counter(fixture.legal_references),
    }


def compare(fixture: Fixture, result: dict[str, Any], totals: dict[str, list[int]], misses: list[str]) -> None:
    """Add true positives, extracted and expected counts per field to ``totals``; describe misses."""
    got, want = observed(result), expected(fixture, result)
    for key in want:
        hits = sum((got[key] & want[key]).values())
        total = totals.setdefault(key, [0, 0, 0])
        total[0] += hits
        total[1] += sum(got[key].values())
        total[2] += sum(want[key].values())
        for item in want[key] - got[key]:
            misses.append(f"{fixture.name} {key} missed {item}")
        for item in got[key] - want[key]:
            misses.append(f"{fixture.name} {key} extra {item}")
    total = totals.setdefault("document", [0, 0, 0])
    for name, value in fixture.document.items():
        right = result["document"].get(name) == value
        total[0] += right
        total[1] += result["document"].get(name) is not None
        total[2] += 1
        if not right:
            misses.append(f"{fixture.name} document.{name}: {result['document'].get(name)!r} != {value!r}")


def measure() -> tuple[dict[str, tuple[float, float]], list[str]]:
    totals: dict[str, list[int]] = {}
    misses: list[str] = []
    for fixture in CORPUS:
        for variant in (lambda text: text, *VARIANTS.values()):
            compare(fixture, _run(variant(fixture.text)), totals, misses)
    scores = {
        key: (hits / wanted if wanted else 1.0, hits / extracted if extracted else 1.0)
        for key, (hits, extracted, wanted) in totals.items()
    }
    return scores, sorted(set(misses))


def test_targets_per_field() -> None:
    scores, misses = measure()
    failing = {key: score for key, score in scores.items() if score[0] < TARGETS[key][0] or score[1] < TARGETS[key][1]}
    assert not failing, f"{failing}\n" + "\n".join(misses)


@pytest.mark.parametrize("fixture", CORPUS, ids=lambda fixture: fixture.name)
def test_each_document_as_written(fixture: Fixture) -> None:
    """No field of any document is below its target on its own (a document cannot hide behind the others)."""
    totals: dict[str, list[int]] = {}
    misses: list[str] = []
    compare(fixture, _run(fixture.text), totals, misses)
    assert all(hits == extracted == wanted for hits, extracted, wanted in totals.values()), "\n".join(misses)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(CORPUS),
    st.lists(st.sampled_from(sorted(VARIANTS)), min_size=1, max_size=4, unique=True),
)
def test_variants_give_the_same_answer(fixture: Fixture, variants: list[str]) -> None:
    text = fixture.text
    for name in variants:
        text = VARIANTS[name](text)
    assert observed(_run(text)) == observed(_run(fixture.text))
    assert _run(text)["document"] == _run(fixture.text)["document"]


if __name__ == "__main__":  # pragma: no cover - prints the README's table
    table, missed = measure()
    for key, (recall, precision) in table.items():
        print(f"{key:18} recall {recall:.2f}  precision {precision:.2f}")
    print("\n".join(missed))
