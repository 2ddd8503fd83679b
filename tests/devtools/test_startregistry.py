"""`./dev startregistry`: what it writes, the one line it adds outside the app, and what it refuses.

That a scaffolded registry passes its generated tests at once is shown by `tests/registries/test_views.py`,
which runs for every registry declaring an `example()` exactly as for a scaffolded one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from doingoai.devtools.management.commands import startregistry

SETTINGS_TEXT = 'INSTALLED_APPS = [\n    "doingoai.core",\n    "doingoai.devtools",  # last\n]\n'


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A stand-in for src/doingoai/: the command writes there instead of into the project."""
    root = tmp_path / "doingoai"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "settings.py").write_text(SETTINGS_TEXT)
    monkeypatch.setattr(startregistry, "PACKAGE", root)
    monkeypatch.setattr(startregistry, "SETTINGS", root / "settings.py")
    return root


def scaffold(*extra: str) -> None:
    call_command("startregistry", "laostudents", "Lưu học sinh Lào", "--model", "LaoStudent", "--no-migrate", *extra)


def test_writes_a_small_app_and_one_line_in_installed_apps(package: Path):
    scaffold("--one", "Lưu học sinh")
    app = package / "laostudents"
    written = sorted(str(p.relative_to(app)) for p in app.rglob("*.py"))
    assert written == [
        "__init__.py",
        "apps.py",
        "migrations/__init__.py",
        "models.py",
        "registry.py",
        "services.py",
    ]
    for path in app.rglob("*.py"):
        compile(path.read_text(), str(path), "exec")  # valid Python
    registry = (app / "registry.py").read_text()
    assert "@register\nclass LaoStudentRegistry(Registry):" in registry
    assert 'menu = Menu("cooperation", "Lưu học sinh Lào")' in registry
    assert "def example(self" in registry
    assert 'verbose_name = "Lưu học sinh"' in (app / "models.py").read_text()
    settings = (package / "settings.py").read_text()
    added = '    "doingoai.laostudents",\n    "doingoai.devtools"'
    assert settings == SETTINGS_TEXT.replace('    "doingoai.devtools"', added)


def test_the_code_it_writes_passes_the_projects_linter(package: Path):
    scaffold()
    root = Path(__file__).resolve().parents[2]
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run(  # noqa: S603 - the project's own linter on the written files
        [
            str(ruff),
            "check",
            "--config",
            str(root / "pyproject.toml"),
            "--config",
            f"src = ['{package.parent}']",  # doingoai.* is first-party there, as in src/
            str(package / "laostudents"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_refuses_an_existing_app_or_name_and_writes_nothing_when_settings_cannot_be_edited(package: Path):
    scaffold()
    with pytest.raises(CommandError, match="Đã có thư mục"):
        scaffold()
    with pytest.raises(CommandError, match="Đã có ứng dụng"):
        call_command("startregistry", "delegations", "Đoàn", "--no-migrate")
    with pytest.raises(CommandError, match="chữ thường"):
        call_command("startregistry", "Lao Students", "Lưu học sinh Lào", "--no-migrate")
    (package / "settings.py").write_text("INSTALLED_APPS = []\n")
    with pytest.raises(CommandError, match="chưa tạo gì"):
        call_command("startregistry", "sisterschools", "Trường kết nghĩa", "--no-migrate")
    assert not (package / "sisterschools").exists()
