"""Fuzzing the readers with damaged files (hypothesis, bounded): whatever the bytes, a reader returns or raises
its documented error — never another exception, never a hang. Text and random bytes, damaged .docx and .xlsx
through `read` are in tests/documents/test_robustness.py; here: damaged PDFs, damaged proposal workbooks and the
upload checks on damaged packages. Each example must finish in a few seconds (a hang fails, it does not wait)."""

from __future__ import annotations

import functools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.documents import proposals_xlsx as px
from doingoai.documents.model import DocumentError
from doingoai.documents.readers import read
from doingoai.documents.upload_checks import DOCX_MAIN, XLSX_MAIN, UploadError, check_document, check_package
from tests.documents import samples
from tests.documents.test_proposals_xlsx import LOOKUPS
from tests.documents.test_robustness import _mutations

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PER_EXAMPLE_SECONDS = 10


def minimal_pdf(lines: list[str]) -> bytes:
    """A small valid PDF with one page of text and a correct cross-reference table."""
    text = "\n".join(f"({line}) Tj T*" for line in lines)
    stream = f"BT /F1 12 Tf 14 TL 72 760 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@functools.cache
def _pdf() -> bytes:
    return minimal_pdf(["PHU LUC 1", "KE HOACH DOAN RA NAM 2027", "1. Doan cong tac So Du lich - Lao - Thang 6"])


@functools.cache
def _template() -> bytes:
    return px.build_template("delegations_out", LOOKUPS, year=2027)


def bounded(call) -> None:
    started = time.monotonic()
    call()
    assert time.monotonic() - started < PER_EXAMPLE_SECONDS


def test_the_sample_pdf_reads():
    document = read(_pdf(), "ke-hoach.pdf")
    assert "DOAN RA" in " ".join(getattr(block, "text", "") for block in document.blocks)


def _read_or_document_error(data: bytes, name: str) -> None:
    try:
        read(data, name)
    except DocumentError as exc:
        assert str(exc)


@FUZZ
@given(st.data())
def test_damaged_pdfs(data):
    original = _pdf()
    flips = st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)), min_size=1, max_size=30)

    def flip(changes: list[tuple[int, int]]) -> bytes:
        damaged = bytearray(original)
        for index, value in changes:
            damaged[index] = value
        return bytes(damaged)

    mutated = data.draw(
        st.one_of(
            flips.map(flip),
            st.integers(0, len(original)).map(lambda end: original[:end]),
            st.binary(max_size=300).map(lambda tail: b"%PDF-1.7\n" + tail),
        )
    )
    bounded(lambda: _read_or_document_error(mutated, "ke-hoach.pdf"))


@FUZZ
@given(st.data())
def test_damaged_proposal_workbooks(data):
    mutated = data.draw(_mutations(_template()))

    def read_sheet() -> None:
        try:
            px.read_proposals(mutated, "delegations_out", LOOKUPS)
        except px.ProposalFileError as exc:
            assert str(exc)

    bounded(read_sheet)


@pytest.mark.slow
@FUZZ
@given(st.data(), st.sampled_from(["docx", "xlsx"]))
def test_upload_checks_on_damaged_packages(data, kind):
    original = samples.build_docx() if kind == "docx" else _template()
    mutated = data.draw(_mutations(original))
    main, content_type = DOCX_MAIN if kind == "docx" else XLSX_MAIN

    def check() -> None:
        try:
            check_package(mutated, main_part=main, content_type=content_type, what=kind)
            if kind == "docx":
                check_document(mutated, "van-ban.docx", max_bytes=10 * 1024 * 1024)
        except UploadError as exc:
            assert str(exc)

    bounded(check)


def test_a_page_pdfium_cannot_load_is_read_by_pdfplumber_or_refused():
    """Found by the fuzzer above: one byte of the page tree damaged made pdfium fail on `document[i]` (outside the
    reader's guard), a PdfiumError instead of the reader's own answer."""
    damaged = bytearray(_pdf())
    damaged[82] = 0
    _read_or_document_error(bytes(damaged), "ke-hoach.pdf")


def test_a_zip_version_zipfile_cannot_read_is_refused_with_the_reason():
    """Found by the fuzz test: a damaged "version needed to extract" (6.4) made zipfile raise NotImplementedError."""
    data = bytearray(_template())
    at = data.index(b"PK\x01\x02")  # the first central-directory entry; its version-to-extract is at +6
    data[at + 6] = 64
    with pytest.raises(px.ProposalFileError, match="không phải là"):
        px.read_proposals(bytes(data), "delegations_out", LOOKUPS)
