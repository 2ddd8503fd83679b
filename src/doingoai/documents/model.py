"""The one internal representation every reader produces and the extraction reads (no Django).

A document is its blocks in reading order — paragraphs and tables — plus its footnotes. Readers do the
format-specific work (joining hard-wrapped lines, removing footnote markers, collapsing merged cells) so the
extraction sees the same shapes whether the source was a .docx, a PDF or text extracted from either.

A table row is a list of cells; a cell that spans several grid columns (a merged cell in Word, a cell that
pdfplumber leaves ``None`` beside, or the same text repeated once per column in extracted text) is one
``Cell`` with ``span`` > 1. A group header row such as "A | ĐOÀN ĐI NƯỚC NGOÀI …: 04 đoàn" is therefore two
cells, never eleven.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Block", "Cell", "Document", "DocumentError", "Paragraph", "Table"]


class DocumentError(ValueError):
    """The file cannot be read as a document; the message says why, in Vietnamese, in one line."""


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    span: int = 1


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(slots=True)
class Table:
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def width(self) -> int:
        """Grid columns of the widest row."""
        return max((sum(cell.span for cell in row) for row in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        """The rows as lists of cell texts (one entry per cell, whatever its span)."""
        return [[cell.text for cell in row] for row in self.rows]


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)  # marker as numbered in the source -> text
    source: str = "text"  # text | docx | pdf

    def paragraphs(self) -> list[str]:
        return [block.text for block in self.blocks if isinstance(block, Paragraph)]

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]

    def lines(self) -> Iterator[str]:
        """Every non-empty line in reading order: paragraphs, then each table cell's lines, row by row."""
        for block in self.blocks:
            if isinstance(block, Paragraph):
                texts = [block.text]
            else:
                texts = [cell.text for row in block.rows for cell in row]
            for text in texts:
                for line in text.split("\n"):
                    if line.strip():
                        yield line.strip()
