"""The English interface: Vietnamese stays the default (whatever the browser says), the language switch turns the
pages English, the API answers in the language asked for, every marked string has its English, and nothing of the
interface is left unmarked."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation import gettext

from doingoai.core.i18n import vietnamese
from doingoai.delegations.models import DelegationStatus
from tests.api_cases import api_client
from tests.factories import DelegationFactory

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "doingoai" / "locale" / "en" / "LC_MESSAGES"


def english(text: str) -> str:
    with translation.override("en"):
        translated = gettext(text)
    assert translated != text, f"chưa có bản tiếng Anh: {text!r}"
    return translated


@pytest.mark.django_db
def test_vietnamese_is_the_default_even_for_an_english_browser(client_for):
    client = client_for("officer1")
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in body and "Đăng xuất" in body
    assert english("Đăng xuất") not in body


@pytest.mark.django_db
def test_the_switch_turns_the_pages_english_and_back(client_for):
    client = client_for("officer1")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/delegations/"})
    assert response.status_code == 302 and response["Location"] == "/delegations/"
    body = client.get("/delegations/").content.decode()
    assert '<html lang="en">' in body
    assert english("Đăng xuất") in body and ">Đăng xuất<" not in body
    assert english("Trạng thái") in body  # a filter's label: model and form strings, not only templates
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Đăng xuất" in client.get("/").content.decode()


@pytest.mark.django_db
def test_login_page_offers_the_switch(client):
    body = client.get("/accounts/login/").content.decode()
    assert 'id="language-switch"' in body and 'value="en"' in body and "English</button>" in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    body = client.get("/accounts/login/").content.decode()
    assert english("Tên đăng nhập") in body and "Tiếng Việt" in body  # the way back, named in Vietnamese


@pytest.mark.django_db
def test_dates_stay_day_month_year_in_english(client_for):
    delegation = DelegationFactory(decision_ref="12/QĐ-UBND", decision_date=dt.date(2027, 3, 9))
    client = client_for("coordinator")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get(f"/delegations/{delegation.pk}/").content.decode()
    assert "09/03/2027" in body and "March 9" not in body and "Mar. 9" not in body


@pytest.mark.django_db
def test_api_answers_in_the_language_asked_for(users):
    client = api_client(users["coordinator"])
    vi = client.get("/api/delegations/987654/").json()["detail"]
    en = client.get("/api/delegations/987654/", HTTP_ACCEPT_LANGUAGE="en").json()["detail"]
    assert vi != en
    assert re.search(r"[ăâđêôơư]", vi.lower()) and not re.search(r"[ăâđêôơư]", en.lower())


@pytest.mark.django_db
def test_documents_and_imports_keep_vietnamese_labels_under_english():
    with translation.override("en"):
        assert vietnamese(DelegationStatus.DONE.label) == "Đã thực hiện"
        assert str(DelegationStatus.DONE.label) != "Đã thực hiện"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogue_is_complete_and_compiled(domain):
    with (LOCALE / f"{domain}.po").open("rb") as f:
        catalog = read_po(f)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert not missing, f"{len(missing)} chuỗi chưa dịch, ví dụ: {missing[:5]}"
    with (LOCALE / f"{domain}.mo").open("rb") as f:
        compiled = read_mo(f)

    def text(string):  # a plural entry reads back from the .mo as a list
        return string if isinstance(string, str) else tuple(string)

    def context(message):  # babel's read_mo gives the context as bytes
        ctx = message.context
        return ctx.decode() if isinstance(ctx, bytes) else ctx

    # A message with a context ("menu", "plural") is its own entry beside the one without.
    compiled_strings = {(context(m), text(m.id)): text(m.string) for m in compiled if m.id}

    def compiled_string(message):
        return compiled_strings.get((context(message), text(message.id)))

    stale = [m.id for m in catalog if m.id and compiled_string(m) != text(m.string)]
    assert not stale, f"{domain}.mo cũ so với {domain}.po ({len(stale)} chuỗi): ./dev compilemessages"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_placeholders_survive_translation(domain):
    with (LOCALE / f"{domain}.po").open("rb") as f:
        catalog = read_po(f)
    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in strings:  # every plural form keeps the placeholders of the singular
            assert sorted(pattern.findall(ids[0])) == sorted(pattern.findall(text)), message.id


def test_nothing_of_the_interface_is_left_unmarked():
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "scripts" / "i18n_mark.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, "chuỗi giao diện chưa đánh dấu dịch (scripts/i18n_mark.py):\n" + result.stdout


@pytest.mark.django_db
def test_official_documents_stay_vietnamese_for_an_english_user():
    """The Decree 30 programme is a Vietnamese document whoever downloads it."""
    import io

    from docx import Document

    from doingoai.programs.exports import program_docx

    with translation.override("en"):
        english("II. NỘI DUNG CHƯƠNG TRÌNH")  # the heading has an English translation for the pages…
        content = program_docx(year=2027).content
        assert translation.get_language() == "en"  # …and the user's language is back after the document
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "II. NỘI DUNG CHƯƠNG TRÌNH" in text and english("II. NỘI DUNG CHƯƠNG TRÌNH") not in text


# F-strings with Vietnamese are allowed only where the text is data or an official document, not interface:
FSTRING_MODULES = {  # whole modules (paths under src/doingoai), and why their text stays Vietnamese
    "programs/documents.py": "the Decree 30 programme and plan .docx (official, built under in_vietnamese)",
    "programs/appendices.py": "the programme's appendices (official, built under in_vietnamese)",
    "programs/exports.py": "the official .docx/.xlsx downloads (built under in_vietnamese)",
    "reporting/exports.py": "the consolidated report .docx/.xlsx (official, built under in_vietnamese)",
    "reporting/committee_exports.py": "the committee's report (official, built under in_vietnamese)",
    "reporting/reminders.py": "e-mails and notifications of the background task: no user, so no user's language",
    "imports/documents.py": "reading the province's Vietnamese documents (patterns and stored import notes)",
    "imports/document_plan.py": "reading the province's Vietnamese documents (patterns and stored import notes)",
    "core/backup.py": "errors of the backup and restore commands, read at the server's console",
}
FSTRING_DIRS = {"management/commands": "commands run at the server's console, in the default language"}
FSTRING_FUNCTIONS = {  # (module, function) whose f-strings are stored text
    ("finance/services.py", "decision_changes"): "the 'how decided' part of the approval's stored history summary",
    ("reporting/selectors.py", "unit_followups"): "the pre-filled text of a unit's report, filed as written",
    ("reporting/selectors.py", "_task_line"): "the pre-filled text of a unit's report, filed as written",
    ("reporting/selectors.py", "tasks_text"): "the pre-filled text of a unit's report, filed as written",
    ("reporting/selectors.py", "registries_text"): "the pre-filled text of a unit's report, filed as written",
    ("reporting/selectors.py", "prefill_texts"): "the pre-filled text of a unit's report, filed as written",
    ("reporting/schedule.py", "period_label"): "a reporting period's name, stored and printed on official reports",
    ("reporting/services.py", "schedule_from_programme"): "a reporting schedule's stored name",
    ("persons/services.py", "personal_data_erase"): "the erasure's stored history summary",
    ("infowork/selectors.py", "task_text"): "a task's text added to a plan (stored, printed in the .docx)",
}
STORED_KEYWORDS = {"summary", "note"}  # history summaries and version notes are stored as written
STORED_CALLS = {"notify"}  # notifications are stored, read later in whatever language
SKIPPED_FLOORS = {"documents", "reference", "devtools", "migrations"}  # data floors, never interface
VIETNAMESE = re.compile(r"[À-ỹĐđ]")


def _stored(node, parents) -> bool:
    """Inside `summary=…`, `note=…`, `notify(…)` or `summary = …` / `summary += …` of its statement."""
    import ast

    anc = parents.get(node)
    while anc is not None and not isinstance(anc, ast.stmt):
        if isinstance(anc, ast.keyword) and anc.arg in STORED_KEYWORDS:
            return True
        if isinstance(anc, ast.Call) and getattr(anc.func, "id", getattr(anc.func, "attr", "")) in STORED_CALLS:
            return True
        anc = parents.get(anc)
    targets = anc.targets if isinstance(anc, ast.Assign) else [anc.target] if isinstance(anc, ast.AugAssign) else []
    return any(getattr(t, "id", "") in STORED_KEYWORDS for t in targets)


def _function(node, parents) -> str:
    """The outermost function (within its class) holding the node; "" at module level."""
    import ast

    name, anc = "", parents.get(node)
    while anc is not None and not isinstance(anc, ast.ClassDef):
        if isinstance(anc, ast.FunctionDef | ast.AsyncFunctionDef):
            name = anc.name
        anc = parents.get(anc)
    return name


def test_no_vietnamese_f_string_reaches_the_user():
    """An f-string cannot be translated: what the user reads is `gettext("… %(name)s …") % {…}`. Allowed: stored
    text (history summaries, notifications), official documents, console commands, demo rows (`example()`)."""
    import ast

    base = ROOT / "src" / "doingoai"
    found = []
    for path in sorted(base.rglob("*.py")):
        rel = path.relative_to(base).as_posix()
        if SKIPPED_FLOORS & set(rel.split("/")) or rel in FSTRING_MODULES:
            continue
        if any(f"/{d}/" in f"/{rel}" for d in FSTRING_DIRS):
            continue
        tree = ast.parse(path.read_text())
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            if not VIETNAMESE.search(text) or _stored(node, parents):
                continue
            function = _function(node, parents)
            if function == "example" or (rel, function) in FSTRING_FUNCTIONS:
                continue
            found.append(f"{rel}:{node.lineno} {function or '(module)'}: {text[:60]!r}")
    assert not found, f"{len(found)} f-string tiếng Việt tới người dùng, chưa dịch được:\n" + "\n".join(found)


# What the scripts may hold in Vietnamese outside gettext(): data, not messages.
SCRIPT_DATA = {
    "/đ/g": "doingoai.js folds accents for the searchable selects (đ → d)",
    "/Đ/g": "doingoai.js folds accents for the searchable selects (Đ → D)",
    '"Lào"': "marker_map.js: the base map's region name, a key of the map data",
}
SCRIPT_MESSAGE = re.compile(r'\b(?:n?gettext)\(\s*("(?:[^"\\]|\\.)*"\s*,?\s*)+')


def test_the_scripts_messages_are_marked():
    """Our scripts (not the vendored libraries) say what they say through gettext()/ngettext()/interpolate()."""
    static = ROOT / "src" / "doingoai" / "static"
    found = []
    for path in sorted(static.rglob("*.js")):
        if "vendor" in path.relative_to(static).parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("// ")[0] if not line.lstrip().startswith(("//", "/*", "*")) else ""
            code = SCRIPT_MESSAGE.sub("", code)
            for allowed in SCRIPT_DATA:
                code = code.replace(allowed, "")
            if VIETNAMESE.search(code):
                found.append(f"{path.relative_to(static)}:{number}: {line.strip()[:80]}")
    assert not found, "chuỗi tiếng Việt trong script chưa qua gettext():\n" + "\n".join(found)


@pytest.mark.django_db
def test_the_scripts_messages_follow_the_language(client_for):
    client = client_for("officer1")
    page = client.get("/").content.decode()
    assert '<script src="/i18n/js/?l=vi">' in page  # before the scripts that use it
    assert page.index("/i18n/js/") < page.index("doingoai.js")
    vietnamese_catalogue = client.get("/i18n/js/?l=vi").content.decode()
    assert "django.gettext = " in vietnamese_catalogue and "Nothing found" not in vietnamese_catalogue
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<script src="/i18n/js/?l=en">' in client.get("/").content.decode()
    english_catalogue = client.get("/i18n/js/?l=en").content.decode()
    assert "Nothing found" in english_catalogue and "rows selected" in english_catalogue
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Nothing found" not in client.get("/i18n/js/?l=vi").content.decode()  # the cache keeps languages apart


def test_numbers_follow_the_language_but_documents_and_stored_text_stay_vietnamese():
    from decimal import Decimal

    from doingoai.core.i18n import in_vietnamese
    from doingoai.core.numbers import local_decimal, local_figure, vi_decimal
    from doingoai.finance.currency import decimal_of, format_amount, format_vnd, stored_vnd

    assert (local_decimal(Decimal("1234.5")), local_figure(58.125), format_vnd(1234567)) == (
        "1.234,5",
        "58,1",
        "1.234.567 đ",
    )
    with translation.override("en"):
        assert local_decimal(Decimal("1234.5")) == "1,234.5" and local_figure(58.125) == "58.1"
        assert format_vnd(1234567) == "1,234,567 VND" and format_amount(Decimal("1234.5"), "USD") == "1,234.50 USD"
        assert decimal_of("1,234.5", label="x") == Decimal("1234.5")  # read back as the English page shows it
        assert in_vietnamese(local_figure)(58.125) == "58,1"  # the official documents
        assert stored_vnd(1234567) == "1.234.567 đ" and vi_decimal(Decimal("1234.5")) == "1.234,5"  # stored text
    assert decimal_of("1.234,5", label="x") == Decimal("1234.5")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en"])
def test_what_is_stored_is_vietnamese_whoever_acts(users, language):
    """History reasons, business events and their data are written in the province's language: the same steps
    taken with the English interface store exactly what they store with the Vietnamese one."""
    from django.utils import translation

    from doingoai.core.models import BusinessEvent
    from doingoai.delegations import services
    from doingoai.delegations.models import Delegation, DelegationStatus
    from tests.factories import DelegationFactory

    def act(active: str) -> list:
        with translation.override(active):
            d = DelegationFactory(proposing_unit=users["officer1"].unit, status=DelegationStatus.DRAFT)
            d = services.delegation_submit(delegation=d, by=users["officer1"])
            d = services.delegation_return_to_draft(delegation=d, by=users["coordinator"], comment="Bổ sung lịch trình")
            d = services.delegation_cancel(delegation=d, by=users["coordinator"], reason="Đối tác hoãn")
        events = BusinessEvent.objects.filter(object_id=d.pk, content_type__model="delegation").order_by("pk")
        reasons = Delegation.history.filter(id=d.pk).order_by("history_id").values_list("history_change_reason")
        return [(e.verb, e.summary, e.data) for e in events] + list(reasons)

    vietnamese, other = act("vi"), act(language)
    assert other == vietnamese and any("Trả lại" in str(row) for row in vietnamese)
