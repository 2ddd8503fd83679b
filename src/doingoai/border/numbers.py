"""Border marker numbers as written on the markers and in the files (no Django).

"390" is a main marker; "405(1)", "405(2)" are the markers of one twin or triple set (on both banks of a border
river); "397/7" is an auxiliary marker or reference stake after main marker 397, and "397/7(1)" one of a twin
set of those. They sort by main number, then the auxiliary number, then the set index:
390 < 397 < 397(1) < 397(2) < 397/7 < 397/7(1) < 405(1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"^(\d{1,4})(?:/(\d{1,3}))?(?:\((\d{1,2})\))?$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, order=True)
class MarkerNumber:
    main: int
    auxiliary: int = 0
    index: int = 0

    def __str__(self) -> str:
        text = str(self.main)
        if self.auxiliary:
            text += f"/{self.auxiliary}"
        if self.index:
            text += f"({self.index})"
        return text


def normalise_marker_number(text: str) -> str:
    """The number as written, without spaces: " 405 (1) " → "405(1)"."""
    return _SPACES.sub("", text or "")


def parse_marker_number(text: str) -> MarkerNumber | None:
    """MarkerNumber for "390", "405(1)", "397/7(1)" (spaces ignored); None when the text is not a marker number."""
    match = _NUMBER.match(normalise_marker_number(text))
    if not match:
        return None
    main, auxiliary, index = match.groups()
    return MarkerNumber(int(main), int(auxiliary or 0), int(index or 0))


def marker_sort_key(text: str) -> str:
    """A text key that sorts numbers as described above; unparsable numbers come last, alphabetically."""
    number = parse_marker_number(text)
    if number is None:
        return f"~{normalise_marker_number(text).lower()}"
    return f"{number.main:05d}.{number.auxiliary:04d}.{number.index:03d}"
