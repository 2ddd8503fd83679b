"""Extraction of the 2022 seed programme (text with four appendices): reading and extracting, best of N runs.

Plain Python (the documents package has no Django); `./dev bench` runs it, or `python bench/bench_documents.py`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from doingoai.documents.extract import extract
from doingoai.documents.readers import read

SEED_2022 = Path(__file__).resolve().parents[1] / "../shared/seeds/002_e2a30e5f60fee777.txt"


def _best_of(repeat: int, action: Any) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best, result


def bench_extract(quick: bool = False) -> dict[str, Any]:
    """Seconds (best of 5, or 1 when quick) to read the 2022 seed, to extract the contract, and both together."""
    if not SEED_2022.exists():
        return {"skipped": f"seed absent: {SEED_2022}"}
    data = SEED_2022.read_bytes()
    repeat = 1 if quick else 5
    extract(read(data))  # load the reference data once, as a running server would have
    read_seconds, document = _best_of(repeat, lambda: read(data, SEED_2022.name))
    extract_seconds, result = _best_of(repeat, lambda: extract(document))
    total_seconds, _ = _best_of(repeat, lambda: extract(read(data, SEED_2022.name)))
    return {
        "bytes": len(data),
        "read_seconds": round(read_seconds, 4),
        "extract_seconds": round(extract_seconds, 4),
        "total_seconds": round(total_seconds, 4),
        "delegations": len(result["delegations"]),
        "conferences": len(result["conferences"]),
        "agreements": len(result["agreements"]),
        "legal_references": len(result["legal_references"]),
        "partners": len(result["partners"]),
        "tasks": len(result["tasks"]),
    }


if __name__ == "__main__":
    print(json.dumps(bench_extract(), ensure_ascii=False))
