"""`./dev startregistry APP "Nhãn tiếng Việt"`: a working registry app, ready to edit (docs/adding-a-registry.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

import doingoai

TEMPLATES = Path(__file__).resolve().parents[2] / "scaffold"  # devtools/scaffold/
PACKAGE = Path(doingoai.__file__).resolve().parent
SETTINGS = PACKAGE / "settings.py"
GROUPS = ("plan", "follow", "cooperation", "consular", "reference")


class Command(BaseCommand):
    help = "Tạo một danh mục mới (ứng dụng, mô hình, quy trình, khai báo) chạy được ngay."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("app", help="tên ứng dụng, chữ thường số nhiều, ví dụ: laostudents")
        parser.add_argument("label", help='tên danh mục (số nhiều), ví dụ: "Lưu học sinh Lào"')
        parser.add_argument("--model", help="tên mô hình (mặc định: từ tên ứng dụng, ví dụ LaoStudent)")
        parser.add_argument("--one", help="tên một bản ghi (mặc định: như nhãn)")
        parser.add_argument("--menu", default="cooperation", choices=GROUPS, help="nhóm trên thanh menu")
        parser.add_argument("--no-migrate", action="store_true", help="không tạo migration")

    def handle(self, *args: Any, **options: Any) -> None:
        app = options["app"]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", app):
            raise CommandError("Tên ứng dụng chỉ gồm chữ thường không dấu, số và dấu gạch dưới, bắt đầu bằng chữ.")
        if app in {config.label for config in apps.get_app_configs()}:
            raise CommandError(f"Đã có ứng dụng tên “{app}” trong dự án; hãy chọn tên khác.")
        target = PACKAGE / app
        if target.exists():
            raise CommandError(f"Đã có thư mục {target}; hãy chọn tên khác.")
        model = options["model"] or "".join(p.title() for p in app.rstrip("s").split("_"))
        if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", model):
            raise CommandError("Tên mô hình phải viết dạng CamelCase, ví dụ LaoStudent.")
        label = options["label"].strip()
        values = {
            "app": app,
            "Name": "".join(p.title() for p in app.split("_")),
            "Model": model,
            "entity": model.lower(),
            "label": label,
            "label_one": (options["one"] or label).strip(),
            "label_lower": label[:1].lower() + label[1:],
            "group": options["menu"],
        }
        settings_text = self._settings_with(app)  # checked before anything is written
        (target / "migrations").mkdir(parents=True)
        (target / "__init__.py").write_text("")
        (target / "migrations" / "__init__.py").write_text("")
        for template in sorted(TEMPLATES.glob("*.py.tmpl")):
            (target / template.name.removesuffix(".tmpl")).write_text(template.read_text().format(**values))
        if settings_text is not None:
            SETTINGS.write_text(settings_text)
        self.stdout.write(f"Đã tạo src/doingoai/{app}/ và thêm doingoai.{app} vào INSTALLED_APPS.")
        if not options["no_migrate"]:
            subprocess.run([sys.executable, "-m", "doingoai.cli", "makemigrations", app], check=True)  # noqa: S603
        self.stdout.write(
            f"Tiếp theo: sửa models.py (các trường), registry.py (biểu mẫu, bộ lọc, bảng, example), rồi "
            f"./dev makemigrations {app} và ./dev test — xem docs/adding-a-registry.md."
        )

    def _settings_with(self, app: str) -> str | None:
        """settings.py with the one line outside the app — `doingoai.<app>` in INSTALLED_APPS, before the
        tooling — or None when it is there already."""
        name = f"doingoai.{app}"
        if name in settings.INSTALLED_APPS:
            return None
        text = SETTINGS.read_text()
        anchor = re.search(r'^ *"doingoai\.devtools",.*$', text, re.MULTILINE)
        if anchor is None:
            raise CommandError(f"Không tìm thấy “doingoai.devtools” trong INSTALLED_APPS ({SETTINGS}); chưa tạo gì.")
        return f'{text[: anchor.start()]}    "{name}",\n{text[anchor.start() :]}'
