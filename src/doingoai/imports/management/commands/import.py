"""`doingoai import FILE [--year N] [--dry-run]`: a programme or plan into the system, as the web review does: the
plan itself with its tasks, and its appendix rows into the registries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doingoai.core.models import Country, Unit, User
from doingoai.core.permissions import WRITE_ALL_ROLES, role_of
from doingoai.delegations.models import DelegationStatus
from doingoai.documents.model import DocumentError
from doingoai.documents.upload_checks import UploadError, check_document
from doingoai.imports import document_plan, documents, proposals
from doingoai.reference.text import search_key


class Command(BaseCommand):
    help = (
        "Đọc một chương trình/kế hoạch (.docx, .pdf, .txt) và nhập vào hệ thống: kế hoạch với các nhiệm vụ, các đoàn, "
        "hội nghị, thỏa thuận; --dry-run chỉ in bản rà soát. Nhập lại cùng văn bản không tạo trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Văn bản cần nhập")
        parser.add_argument("--year", type=int, help="Năm kế hoạch (mặc định: năm ghi trong văn bản)")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in những gì sẽ được tạo, không lưu")
        parser.add_argument(
            "--unit", help="Đơn vị cho các dòng không xác định được đơn vị (mặc định: cơ quan điều phối)"
        )
        parser.add_argument("--user", help="Tên đăng nhập ghi vào lịch sử (phải là cơ quan điều phối/quản trị)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không mở được tệp {path}: {exc.strerror}") from exc
        try:
            check_document(data, path.name, max_bytes=documents.DOCUMENT_MAX_BYTES)
            extracted = documents.extract_file(path)
        except (UploadError, DocumentError) as exc:
            raise CommandError(str(exc)) from exc
        except Exception as exc:  # a reader failure: one clear line, not a traceback
            raise CommandError(f"Không đọc được văn bản {path.name}: {exc}") from exc
        document = extracted.get("document") or {}
        year = options["year"] or document.get("year")
        if not isinstance(year, int):
            raise CommandError("Văn bản không ghi năm; hãy chỉ rõ --year.")
        low, high = proposals.year_bounds()
        if not low <= year <= high:
            raise CommandError(f"Năm kế hoạch phải từ {low} đến {high}.")
        user = self._user(options["user"])
        unit = self._unit(options["unit"], user)
        plan = document_plan.document_import_plan(data=extracted, year=year, user=user)
        self._print_review(plan, path.name, unit)
        if options["dry_run"]:
            self.stdout.write("Chạy thử (--dry-run): chưa lưu gì.")
            return
        report = documents.document_import_apply(plan=plan, by=user, default_unit=unit, source=path.name)
        plan_text = documents.plan_report_text(report)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã nhập: tạo {report['total_created']} bản ghi, {report['partners_created']} đối tác mới; "
                f"bỏ qua {report['total_skipped']} bản ghi đã có" + (f"; {plan_text}." if plan_text else ".")
            )
        )

    def _user(self, username: str | None) -> User | None:
        if not username:
            return None
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        if role_of(user) not in WRITE_ALL_ROLES:
            raise CommandError("Chỉ cơ quan điều phối hoặc quản trị được nhập văn bản.")
        return user

    def _unit(self, name: str | None, user: User | None) -> Unit:
        if name:
            key = search_key(name)
            for unit in Unit.objects.all():
                if key in (search_key(unit.name), search_key(unit.short_name)):
                    return unit
            raise CommandError(f"Không có đơn vị “{name}”.")
        unit = documents.default_unit_for(user)
        if unit is None:
            raise CommandError("Chưa có cơ quan điều phối; hãy chỉ rõ --unit.")
        return unit

    def _print_review(self, plan: document_plan.ImportPlan, source: str, unit: Unit) -> None:
        out = self.stdout.write
        doc = plan.document
        kind = document_plan.DOCUMENT_KINDS.get(str(doc.get("kind") or ""), "Văn bản")
        out(f"Văn bản: {source} — {kind} {doc.get('number') or ''} {doc.get('title') or ''}".rstrip())
        status = DelegationStatus(plan.target_status).label
        self._print_plan(plan.plan_draft)
        out(f"Năm kế hoạch: {plan.year}; trạng thái khi nhập: đoàn “{status}”, hội nghị và thỏa thuận “Đề xuất”")
        for key, (create, skip) in plan.counts.items():
            out(f"  {document_plan.SECTIONS[key]}: đọc được {create + skip}, sẽ tạo {create}, bỏ qua (đã có) {skip}")
        out(f"Cộng: sẽ tạo {plan.to_create}, bỏ qua {plan.skipped}")
        names = dict(Country.objects.values_list("code", "name_vi"))
        matched = [pm for pm in plan.partners if not pm.is_new]
        new = [pm for pm in plan.partners if pm.is_new]
        out(f"Đối tác đã có ({len(matched)}):")
        for pm in matched:
            how = "tên gọi khác" if pm.via_alias else "đúng tên"
            out(f"  {pm.written} → {pm.partner} [{how}]")
        out(f"Đối tác mới, sẽ tạo ({len(new)}):")
        for pm in new:
            out(f"  {pm.canonical} ({names.get(pm.country or '', '—')})")
        if plan.unknown_countries:
            out(f"Không nhận ra nước: {', '.join(plan.unknown_countries)}")
        out(f"Dòng không xác định được đơn vị → {unit}: {plan.rows_without_unit}")
        for row in plan.rows:
            mark = "bỏ qua" if row.duplicate else "mới"
            countries = ", ".join(names.get(c, c) for c in row.countries) or "—"
            out(
                f"  [{row.section} {row.number}] {row.label} — {countries} — {row.fields.get('time_text') or '—'} — "
                f"{row.unit or unit} ({mark})"
            )

    def _print_plan(self, draft: document_plan.PlanDraft | None) -> None:
        out = self.stdout.write
        if draft is None:
            out("Kế hoạch: văn bản này không phải kế hoạch, chỉ nhập các phụ lục.")
            return
        values = draft.values
        if draft.existing is not None:
            fills = ", ".join(draft.fills) or "không có"
            out(f"Kế hoạch: bổ sung “{draft.existing}” ({draft.identity}); điền thông tin còn trống: {fills}")
        else:
            number = values.get("number") or "chưa có số"
            out(f"Kế hoạch: sẽ tạo {draft.kind_year} — {number} — trạng thái “{draft.status_label}”")
        for warning in draft.warnings:
            out(f"  Lưu ý: {warning}")
        out(f"  Cơ quan ban hành: {values.get('issuer') or '—'}; người ký: {values.get('signer_name') or '—'}")
        out(f"  Cơ quan theo dõi: {values.get('coordinating_unit') or '—'}")
        if draft.kind == "program":
            counts = ", ".join(
                f"{label} {values.get(name) if values.get(name) is not None else '—'}"
                for name, label in (
                    ("planned_outbound", "đoàn ra"),
                    ("planned_inbound", "đoàn vào"),
                    ("planned_conferences", "hội nghị"),
                    ("planned_agreements", "thỏa thuận"),
                )
            )
            out(f"  Số lượng dự kiến: {counts}")
        out(f"  Chế độ báo cáo: {draft.reporting_text or '—'}")
        out(f"  Nhiệm vụ: sẽ tạo {draft.tasks_to_create}, bỏ qua (đã có) {draft.tasks_skipped}")
        for task in draft.tasks:
            mark = "bỏ qua" if task.duplicate else ("mục" if task.heading else "mới")
            lead = "—"
            if task.lead is not None:
                lead = f"{task.lead.unit} ({task.lead.percent}%)" if task.lead.unit else f"“{task.lead.written}” (?)"
            text = task.text.replace("\n", " / ")
            text = text if len(text) <= 90 else f"{text[:89]}…"
            out(f"  {'  ' * task.depth}[{task.section or '—'}] {text} — chủ trì: {lead} ({mark})")
