"""The demo's data files (`data/`: TOML, and CSV for plain tables) read into the typed records of each part.

`records(Spec, rows)` builds one frozen dataclass per row: lists become tuples, CSV cells numbers, and a value of a
field typed with a choices class (`UnitKind`, `DelegationStatus`, …) that choice, so a misspelt key or value stops
the load with its name instead of writing a wrong record.
"""

from __future__ import annotations

import csv
import tomllib
import types
import typing
from collections.abc import Iterable, Mapping
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

DATA = Path(__file__).with_name("data")
T = TypeVar("T")


def read_toml(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as file:
        return tomllib.load(file)


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def records(spec: type[T], rows: Iterable[Mapping[str, Any]]) -> list[T]:
    """One `spec` per row (a row holds the fields that differ from their defaults)."""
    hints = typing.get_type_hints(spec)
    result = []
    for row in rows:
        unknown = set(row) - set(hints)
        if unknown:
            raise ValueError(f"{spec.__name__}: không có trường {', '.join(sorted(unknown))} (dữ liệu minh họa).")
        result.append(spec(**{key: _typed(hints[key], value) for key, value in row.items()}))
    return result


def _typed(hint: Any, value: Any) -> Any:
    if typing.get_origin(hint) in (types.UnionType, typing.Union):  # `X | None`: the rows never hold None
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if typing.get_origin(hint) is tuple:
        return tuple(value)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if hint in (int, float) and isinstance(value, str):  # a CSV cell
        return hint(value)
    return value
