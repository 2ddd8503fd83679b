"""Units' proposals as .xlsx: the template handed out per appendix, and the checked reading of a filled one.

Plain Python (no Django). The caller passes the lookup tables (countries, units, choice lists); reading returns
the cleaned rows and every problem with its row, column and a Vietnamese reason, so the caller can refuse the
whole file when one row is wrong. `check_xlsx` looks at the raw bytes before openpyxl ever parses them: size,
zip structure, the parts of a workbook, and the uncompressed sizes (a zip bomb is refused before it expands).
"""

from __future__ import annotations

from doingoai.documents.proposals_xlsx.model import (
    MAX_BYTES,
    MAX_ROWS,
    CellError,
    Column,
    Lookups,
    ProposalFileError,
    ProposalRow,
    ProposalSheet,
    Template,
)
from doingoai.documents.proposals_xlsx.reading import check_xlsx, read_proposals
from doingoai.documents.proposals_xlsx.templates import KINDS, TEMPLATES, column_ref
from doingoai.documents.proposals_xlsx.writing import build_template

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "MAX_ROWS",
    "TEMPLATES",
    "CellError",
    "Column",
    "Lookups",
    "ProposalFileError",
    "ProposalRow",
    "ProposalSheet",
    "Template",
    "build_template",
    "check_xlsx",
    "column_ref",
    "read_proposals",
]
