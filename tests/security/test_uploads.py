"""Every upload of the system (units' Excel proposals, the coordinator's programme documents, files attached to a
unit's report) against hostile files: too large, another type under the name, zip bombs (honest and lying about
their sizes), malformed PDF/XLSX/DOCX. Each gives a clear Vietnamese error (or, for an attachment that is only
stored, is kept as an inert download) — never a 500, never a hang, in bounded memory."""

from __future__ import annotations

import functools
import io
import struct
import time
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from doingoai.imports.models import ImportStatus, PendingImport
from tests.documents import samples
from tests.reporting.factories import ReportingPeriodFactory

pytestmark = pytest.mark.django_db

BOMB_SIZE = 300 * 1024 * 1024  # what the bomb inflates to (its file is a few hundred kB)
LIMIT = 256 * 1024  # upload limits are lowered to this, so "too large" needs no 20 MB file


def _rezip(original: bytes, replace: dict[str, bytes | int]) -> bytes:
    """`original` with members replaced: bytes as they are, an int as that many zero bytes written in chunks."""
    source = zipfile.ZipFile(io.BytesIO(original))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = replace.get(item.filename, source.read(item.filename))
            if isinstance(content, int):
                with target.open(item.filename, "w", force_zip64=True) as member:
                    chunk = b" " * (1024 * 1024)
                    for _ in range(content // len(chunk)):
                        member.write(chunk)
            else:
                target.writestr(item.filename, content)
    return out.getvalue()


def _lie_about_sizes(data: bytes, name: str, declared: int = 4096) -> bytes:
    """The bomb whose directory declares `declared` bytes for `name`: a check of the directory alone lets it in."""
    buffer = bytearray(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    struct.pack_into("<I", buffer, archive.getinfo(name).header_offset + 22, declared)  # the local header
    entry = archive.start_dir
    while data[entry : entry + 4] == b"PK\x01\x02":  # the central directory, entry by entry
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, entry + 28)
        if data[entry + 46 : entry + 46 + name_length].decode() == name:
            struct.pack_into("<I", buffer, entry + 24, declared)
            return bytes(buffer)
        entry += 46 + name_length + extra_length + comment_length
    raise AssertionError(f"{name} is not in the archive")


def _small_bomb(original: bytes, name: str) -> bytes:
    """A lying bomb: 64 MB of spaces behind a directory that says 4 kB (the size zip64 does not need)."""
    source = zipfile.ZipFile(io.BytesIO(original))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == name:
                with target.open(item.filename, "w") as member:
                    member.write(source.read(name)[:-20])  # the XML left open: the spaces continue it
                    for _ in range(64):
                        member.write(b" " * (1024 * 1024))
            else:
                target.writestr(item.filename, source.read(item.filename))
    return _lie_about_sizes(out.getvalue(), name)


@functools.cache
def hostile_files() -> dict[str, tuple[str, bytes]]:
    """name → (file name, content) of every hostile upload."""
    docx = samples.build_docx()
    xlsx = samples.build_xlsx()
    return {
        "too-large-xlsx": ("de-xuat.xlsx", xlsx + b"\0" * LIMIT),
        "too-large-docx": ("chuong-trinh.docx", docx + b"\0" * LIMIT),
        "exe-as-xlsx": ("de-xuat.xlsx", b"MZ\x90\x00\x03" + b"\0" * 2000),
        "exe-as-docx": ("chuong-trinh.docx", b"MZ\x90\x00\x03" + b"\0" * 2000),
        "pdf-as-docx": ("chuong-trinh.docx", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        "docx-as-xlsx": ("de-xuat.xlsx", docx),
        "zip-bomb-xlsx": ("de-xuat.xlsx", _rezip(xlsx, {"xl/worksheets/sheet1.xml": BOMB_SIZE})),
        "zip-bomb-docx": ("chuong-trinh.docx", _rezip(docx, {"word/document.xml": BOMB_SIZE})),
        "lying-zip-bomb-xlsx": ("de-xuat.xlsx", _small_bomb(xlsx, "xl/worksheets/sheet1.xml")),
        "lying-zip-bomb-docx": ("chuong-trinh.docx", _small_bomb(docx, "word/document.xml")),
        "malformed-xlsx": ("de-xuat.xlsx", _rezip(xlsx, {"xl/workbook.xml": b"<workbook><sheets><sheet"})),
        "malformed-docx": ("chuong-trinh.docx", _rezip(docx, {"word/document.xml": b"<w:document><w:body"})),
        "truncated-docx": ("chuong-trinh.docx", docx[: len(docx) // 2]),
        "malformed-pdf": ("chuong-trinh.pdf", b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>>\nstream\n\xff\xfe"),
    }


def timed(call):
    """(result, seconds, peak MB of Python allocations) of `call()`."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = call()
    finally:
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    return result, time.monotonic() - started, peak


def assert_refused_in_vietnamese(response, seconds: float, peak: float) -> None:
    assert response.status_code == 400, response.status_code
    form = response.context.get("attach_form") or response.context["form"]
    errors = form.errors["file"]
    assert errors and all(any(ch in e for ch in "ăâđêôơưạảấầẩậắặếềểệỏốồổộớờởợụủứừửữựịỉíìóòúùýỳ") for e in errors), (
        errors
    )
    assert seconds < 15 and peak < 200, (seconds, peak)


XLSX_CASES = [k for k in hostile_files() if k.endswith("xlsx")]
DOCUMENT_CASES = [k for k, (name, _) in hostile_files().items() if not name.endswith(".xlsx")]


@pytest.mark.parametrize("case", XLSX_CASES)
def test_proposal_upload_refuses(client_for, users, monkeypatch, settings, tmp_path, case):
    monkeypatch.setattr("doingoai.imports.views.MAX_BYTES", LIMIT)
    settings.MEDIA_ROOT = tmp_path
    name, content = hostile_files()[case]
    client = client_for("officer1")
    response, seconds, peak = timed(
        lambda: client.post("/imports/proposals/delegations_out/", {"file": SimpleUploadedFile(name, content)})
    )
    assert_refused_in_vietnamese(response, seconds, peak)


@pytest.mark.parametrize("case", DOCUMENT_CASES)
def test_document_import_refuses(client_for, users, monkeypatch, settings, tmp_path, case):
    monkeypatch.setattr("doingoai.imports.documents.DOCUMENT_MAX_BYTES", LIMIT)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path
    name, content = hostile_files()[case]
    client = client_for("coordinator")
    response, seconds, peak = timed(
        lambda: client.post("/imports/documents/", {"file": SimpleUploadedFile(name, content), "year": 2027})
    )
    if response.status_code == 302:  # the structure passed: the background reading says why it cannot go on
        pending = PendingImport.objects.get()
        assert pending.status == ImportStatus.FAILED and pending.error, (pending.status, pending.extracted)
        page = client.get(response["Location"])
        assert page.status_code == 200 and pending.error in page.content.decode()
        assert seconds < 15 and peak < 200, (seconds, peak)
    else:
        assert_refused_in_vietnamese(response, seconds, peak)


# An attachment is only stored and handed back as a download, never opened by the server: a package whose zip
# directory is sound (right parts, declared sizes within bounds) is kept even if a part inside is damaged.
STORED_AS_THEY_ARE = {"lying-zip-bomb-xlsx", "lying-zip-bomb-docx", "malformed-xlsx", "malformed-docx"}


@pytest.mark.parametrize("case", [k for k in hostile_files() if k != "malformed-pdf"])
def test_report_attachment_refuses_or_keeps_inert(client_for, users, settings, tmp_path, case):
    settings.MEDIA_ROOT = tmp_path
    settings.DOINGOAI_REPORT_ATTACHMENT_MAX_MB = 1
    name, content = hostile_files()[case]
    if case.startswith("too-large"):
        content += b"\0" * (1024 * 1024)
    report = ReportingPeriodFactory(units=[users["officer1"].unit]).reports.get()
    client = client_for("officer1")
    response, seconds, peak = timed(
        lambda: client.post(f"/reports/report/{report.pk}/attach/", {"file": SimpleUploadedFile(name, content)})
    )
    if case in STORED_AS_THEY_ARE:
        assert response.status_code == 302 and seconds < 15 and peak < 200, (response.status_code, seconds, peak)
        assert report.attachments.get().size == len(content)
    else:
        assert_refused_in_vietnamese(response, seconds, peak)
        assert not report.attachments.exists()


def test_a_malformed_pdf_attachment_is_only_stored_and_served_as_a_download(client_for, users, settings, tmp_path):
    """Attachments are never opened by the server: a damaged PDF is kept, and served so no browser renders it."""
    settings.MEDIA_ROOT = tmp_path
    name, content = hostile_files()["malformed-pdf"]
    report = ReportingPeriodFactory(units=[users["officer1"].unit]).reports.get()
    client = client_for("officer1")
    assert (
        client.post(f"/reports/report/{report.pk}/attach/", {"file": SimpleUploadedFile(name, content)}).status_code
        == 302
    )
    download = client.get(f"/reports/attachment/{report.attachments.get().pk}/")
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == content
