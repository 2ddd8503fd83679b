"""Property tests: no text, bytes, damaged .docx or .xlsx makes a reader raise anything but DocumentError,
and whatever a reader returns, the extraction gives a complete contract."""

from __future__ import annotations

import functools
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.documents.extract import CONTRACT_KEYS, extract
from doingoai.documents.model import Cell, Document, DocumentError, Paragraph, Table
from doingoai.documents.readers import read, read_text
from tests.documents import samples

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters the documents are made of, so generated text reaches the interesting paths.
PIECES = st.sampled_from(
    list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯTQKHCNVáàảãạếềểễệốồổỗộứừửữựíìỉĩịýỳ0123456789")
    + list(" \t\n\n\n-+/().,;:[]¹⁽⁾|*#")
    + ["Phụ lục ", "PHỤ LỤC ", "Quý II", "Tháng 6", "đoàn ra", "số 12-KL/TW", "ngày 30/3/2025", "(Lào)", "tỉnh ",
       "kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam - ", "Hàn Quốc", "báo cáo 6 tháng trước ngày 15/6",
       "TM. ỦY BAN NHÂN DÂN\n", "II. NỘI DUNG\n", "a) ", "\tA\n\tĐOÀN RA: 04 đoàn\n\n", "1. "]
)  # fmt: skip


def genre_text(max_pieces: int) -> st.SearchStrategy[str]:
    return st.lists(PIECES, max_size=max_pieces).map("".join)


def _contract_or_error(read_document: functools.partial[Document]) -> None:
    try:
        document = read_document()
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    result = extract(document)
    assert tuple(result) == CONTRACT_KEYS


@SETTINGS
@given(genre_text(600))
def test_any_text_reads_and_extracts(text):
    _contract_or_error(functools.partial(read_text, text))
    _contract_or_error(functools.partial(read, text.encode("utf-8"), "van-ban.txt"))


@SETTINGS
@given(st.text(max_size=2000))
def test_any_unicode_text(text):
    _contract_or_error(functools.partial(read, text.encode("utf-8", "surrogatepass"), "van-ban.md"))


@SETTINGS
@given(st.binary(max_size=5000))
def test_any_bytes(data):
    _contract_or_error(functools.partial(read, data, "tai-len.docx"))


@functools.cache
def _docx() -> bytes:
    return samples.build_docx()


@functools.cache
def _xlsx() -> bytes:
    return samples.build_xlsx()


def _rezip(data: bytes, member: int, content: bytes | None) -> bytes:
    """The same package with one member replaced (or dropped when ``content`` is None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    items = source.infolist()
    target_name = items[member % len(items)].filename
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in items:
            if item.filename != target_name:
                target.writestr(item.filename, source.read(item.filename))
            elif content is not None:
                target.writestr(item.filename, content)
    return out.getvalue()


def _mutations(original: bytes) -> st.SearchStrategy[bytes]:
    flips = st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)), min_size=1, max_size=20)

    def flip(changes: list[tuple[int, int]]) -> bytes:
        data = bytearray(original)
        for index, value in changes:
            data[index] = value
        return bytes(data)

    member_content = st.one_of(
        st.none(),
        st.binary(max_size=400),
        st.sampled_from([b"<w:document", b"<?xml version='1.0'?><a/>", b"\xff\xfe", b""]),
    )
    return st.one_of(
        flips.map(flip),
        st.integers(0, len(original)).map(lambda end: original[:end]),
        st.tuples(st.integers(0, 50), member_content).map(lambda args: _rezip(original, *args)),
    )


@SETTINGS
@given(st.data())
def test_damaged_docx_packages(data):
    mutated = data.draw(_mutations(_docx()))
    _contract_or_error(functools.partial(read, mutated, "chuong-trinh.docx"))


@SETTINGS
@given(st.data())
def test_damaged_xlsx_packages(data):
    mutated = data.draw(_mutations(_xlsx()))
    _contract_or_error(functools.partial(read, mutated, "de-xuat.xlsx"))


CELL_TEXT = genre_text(12)
CELLS = st.builds(Cell, CELL_TEXT, st.integers(1, 12))
BLOCKS = st.one_of(
    st.builds(Paragraph, genre_text(60)),
    st.builds(Table, st.lists(st.lists(CELLS, max_size=12), max_size=12)),
)


@pytest.mark.slow
@SETTINGS
@given(st.lists(BLOCKS, max_size=25), st.dictionaries(st.text(max_size=3), genre_text(40), max_size=3))
def test_extract_takes_any_document_shape(blocks, footnotes):
    result = extract(Document(blocks=blocks, footnotes=footnotes))
    assert tuple(result) == CONTRACT_KEYS
