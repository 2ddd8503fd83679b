"""Playwright driving Debian's chromium (never a downloaded browser) against pytest-django's live server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the same thread are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (./dev test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def watch_csp(page) -> list[str]:
    """The Content-Security-Policy violations the page reports (chromium logs each one to the console)."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    return violations


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    violations = watch_csp(page)
    yield page
    context.close()
    assert not violations, "the page broke its Content-Security-Policy:\n" + "\n".join(violations)


@pytest.fixture
def shots(tmp_path):
    """Where screenshots go: $SCREENSHOTS_DIR when set (to look at them), else a temporary folder."""
    folder = Path(os.environ.get("SCREENSHOTS_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
