"""Mark the interface's Vietnamese text for translation, in templates and in Python. Idempotent: run it again
after adding pages or registries, then `./dev makemessages -l en` and translate the new entries in
`src/doingoai/locale/en/LC_MESSAGES/django.po`.

    .venv/bin/python scripts/i18n_mark.py [--check] [PATH …]   (default: src/doingoai)

Templates: each run of text (with the `{{ variables }}` inside it) between tags becomes `{% translate %}` or,
when it holds variables or HTML entities, `{% blocktranslate trimmed with … %}`; titles, placeholders and
labels of a tag likewise, and the text arguments of `{% include … with title="…" %}` as `_("…")`. `<script>` and
`<style>` are left alone.

Python: a Vietnamese string in a function body becomes `gettext("…")` (a plain `str`, safe anywhere); at module
or class level only where Django takes a lazy string (`verbose_name`, `help_text`, `label`, … and the labels of
choices) it becomes `gettext_lazy("…")`. Strings that are data rather than interface are left alone: those
compared, looked up (`.filter(name=…)`), used as keys or patterns, docstrings, f-strings, and the floors that
read documents or hold reference and demo data (`documents/`, `reference/`, `devtools/`, `imports/` readers,
migrations).

`--check` changes nothing and exits 1 when something is left to mark (a test runs it).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

VI = re.compile(r"[À-ỹĐđ]")
ROOT = Path(__file__).resolve().parent.parent / "src" / "doingoai"

SKIP_DIRS = {"documents", "reference", "devtools", "migrations", "static", "locale"}
SKIP_FILES = {"settings.py"}
LAZY_KWARGS = {
    "verbose_name",
    "verbose_name_plural",
    "help_text",
    "label",
    "empty_label",
    "empty_value",
    "empty_text",
    "orphan_label",
}
# The project's own declarations whose labels are interface (their fields are typed StrOrPromise).
DECLARATIONS = {
    "Transition",
    "Menu",
    "MenuLink",
    "ReportFigure",
    "DeadlineRule",
    "TaskDeadlineRule",
    "ImplementationPlanRule",
    "date_field",
    "amount_field",
    "url_field",
    "_plan_transitions",
}
LIBRARIES = {"models", "forms", "df", "django_filters", "tables", "serializers", "widgets"}
DATA_CALLS = {  # a string passed to these is data (a lookup, a pattern, a key), not interface
    "filter",
    "exclude",
    "get",
    "get_or_create",
    "update_or_create",
    "compile",
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "findall",
    "finditer",
    "split",
    "startswith",
    "endswith",
    "replace",
    "index",
    "count",
    "strip",
    "lstrip",
    "rstrip",
    "removeprefix",
    "removesuffix",
    "setdefault",
    "pop",
}


# ---------------------------------------------------------------- Python


def _docstring_ids(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


class _Marker(ast.NodeVisitor):
    def __init__(self) -> None:
        self.edits: list[tuple[ast.Constant, str]] = []  # (node, "gettext" | "gettext_lazy")
        self.stack: list[ast.AST] = []
        self.in_function = 0
        self.in_choices_class = 0
        self.docstrings: set[int] = set()

    def generic_visit(self, node: ast.AST) -> None:
        self.stack.append(node)
        super().generic_visit(node)
        self.stack.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.stack.append(node)
        for sub in [*node.decorator_list, node.args, *([node.returns] if node.returns else [])]:
            self.visit(sub)
        self.in_function += 1
        for stmt in node.body:
            self.visit(stmt)
        self.in_function -= 1
        self.stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.in_function += 1
        self.generic_visit(node)
        self.in_function -= 1

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        is_choices = any(
            (isinstance(b, ast.Attribute) and b.attr.endswith("Choices"))
            or (isinstance(b, ast.Name) and b.id.endswith("Choices"))
            for b in node.bases
        )
        self.in_choices_class += is_choices
        self.generic_visit(node)
        self.in_choices_class -= is_choices

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        return  # f-strings: left as they are (their parts are not whole messages)

    def visit_Constant(self, node: ast.Constant) -> None:
        if not isinstance(node.value, str) or not VI.search(node.value) or id(node) in self.docstrings:
            return
        parent = self.stack[-1] if self.stack else None
        if self._is_data(node, parent):
            return
        if self.in_function:
            self.edits.append((node, "gettext"))
            return
        if (
            isinstance(parent, ast.Assign)
            and parent.value is node
            and any(isinstance(t, ast.Name) and t.id in {"verbose_name", "verbose_name_plural"} for t in parent.targets)
        ):
            self.edits.append((node, "gettext_lazy"))  # class Meta: verbose_name = "…"
        elif isinstance(parent, ast.keyword) and parent.arg in LAZY_KWARGS and self._django_call(self.stack[-2]):
            self.edits.append((node, "gettext_lazy"))
        elif isinstance(parent, ast.keyword) and self._declaration(self.stack[-2]):
            self.edits.append((node, "gettext_lazy"))
        elif (
            isinstance(parent, ast.Call)
            and any(a is node for a in parent.args)
            and (self._declaration(parent) or self._model_field(parent))
        ):
            self.edits.append((node, "gettext_lazy"))
        elif self.in_choices_class and self._is_choice_label(node):
            self.edits.append((node, "gettext_lazy"))
        elif self._field_message(node, parent):
            self.edits.append((node, "gettext_lazy"))

    def _field_message(self, node: ast.Constant, parent: ast.AST | None) -> bool:
        """A field's `error_messages={"required": "…"}` and a validator's `message="…"`: messages a user meets."""
        if isinstance(parent, ast.keyword) and parent.arg == "message" and len(self.stack) >= 2:
            return (
                self._call_name(self.stack[-2]).endswith("Validator") if isinstance(self.stack[-2], ast.Call) else False
            )
        if isinstance(parent, ast.Dict) and any(v is node for v in parent.values) and len(self.stack) >= 2:
            keyword = self.stack[-2]
            return isinstance(keyword, ast.keyword) and keyword.arg == "error_messages"
        return False

    def _is_choice_label(self, node: ast.Constant) -> bool:
        # NAME = "value", "Nhãn"  → the tuple's last element is the label
        if len(self.stack) < 2:
            return False
        parent, grand = self.stack[-1], self.stack[-2]
        return (
            isinstance(parent, ast.Tuple)
            and parent.elts
            and parent.elts[-1] is node
            and len(parent.elts) >= 2
            and isinstance(grand, ast.Assign)
        )

    def _is_data(self, node: ast.Constant, parent: ast.AST | None) -> bool:
        if parent is None:
            return False
        if isinstance(parent, ast.Call) and self._call_name(parent) in {
            "gettext",
            "gettext_lazy",
            "gettext_noop",  # stored text: marked, kept in Vietnamese when stored, translatable when shown
            "_",
            "ngettext",
            "pgettext",
            "pgettext_lazy",
        }:
            return True  # already marked
        if isinstance(parent, (ast.Compare, ast.Subscript, ast.Match, ast.MatchValue)):
            return True
        if isinstance(parent, ast.Dict) and any(k is node for k in parent.keys):
            return True
        if isinstance(parent, (ast.Set, ast.List, ast.Tuple)) and len(self.stack) >= 2:
            grand = self.stack[-2]
            if isinstance(grand, ast.Compare):
                return True  # x in ("a", "b")
        if isinstance(parent, ast.keyword):
            call = self.stack[-2] if len(self.stack) >= 2 else None
            if isinstance(call, ast.Call) and self._call_name(call) in DATA_CALLS:
                return True
        if isinstance(parent, ast.Call) and self._call_name(parent) in DATA_CALLS:
            # d.setdefault(key, "Nhãn"), d.get(key, "Nhãn"): the key is data, the default a label
            return not (self._call_name(parent) in {"setdefault", "get", "pop"} and node is not parent.args[0])
        if isinstance(parent, ast.Attribute):
            return True  # "…".join(…), "…".format is handled by marking the string itself below
        return False

    def _django_call(self, call: ast.AST) -> bool:
        """A field, filter, column or widget of Django or its libraries: they take lazy strings (our own helpers
        and dataclasses want a `str`)."""
        if not isinstance(call, ast.Call):
            return False
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LIBRARIES:
            return True
        return self._call_name(call).endswith(("Field", "Filter", "Column", "Choice", "Widget", "Input", "Select"))

    def _declaration(self, call: ast.AST) -> bool:
        return isinstance(call, ast.Call) and self._call_name(call) in DECLARATIONS

    @staticmethod
    def _model_field(call: ast.Call) -> bool:
        """models.CharField("Nhãn", …): a model field's first positional argument is its verbose_name."""
        func = call.func
        return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "models"

    @staticmethod
    def _call_name(call: ast.Call) -> str:
        func = call.func
        if isinstance(func, ast.Attribute):
            return func.attr
        if isinstance(func, ast.Name):
            return func.id
        return ""


def _string_format_receivers(tree: ast.AST) -> set[int]:
    """`"… {n}".format(n=…)` and `"… %s" % x` are messages: mark the string, keep the call."""
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Constant)
        ):
            found.add(id(node.func.value))
    return found


def mark_python(path: Path, *, write: bool) -> int:
    source = path.read_text()
    tree = ast.parse(source)
    marker = _Marker()
    marker.docstrings = _docstring_ids(tree)
    formats = _string_format_receivers(tree)
    marker.visit(tree)
    # "…".format(): the visitor skipped it as an Attribute receiver; mark it after all (gettext, then format).
    extra: list[tuple[ast.Constant, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and id(node) in formats and VI.search(str(node.value)):
            extra.append((node, "gettext"))
    edits = marker.edits + [e for e in extra if all(e[0] is not m for m, _ in marker.edits)]
    if not edits:
        return 0
    if not write:
        return len(edits)
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode()))
    data = source.encode()

    def pos(lineno: int, col: int) -> int:
        return offsets[lineno - 1] + col

    spans = sorted(
        ((pos(n.lineno, n.col_offset), pos(n.end_lineno or n.lineno, n.end_col_offset or 0), f) for n, f in edits),
        reverse=True,
    )
    for start, end, func in spans:
        data = data[:start] + f"{func}(".encode() + data[start:end] + b")" + data[end:]
    text = data.decode()
    needed = sorted({f for _, _, f in spans})
    text = _add_import(text, needed)
    path.write_text(text)
    return len(edits)


def _add_import(text: str, names: list[str]) -> str:
    existing = re.search(r"^from django\.utils\.translation import ([^\n(]+)$", text, re.M)
    if existing:
        have = {n.strip() for n in existing.group(1).split(",")}
        merged = ", ".join(sorted(have | set(names)))
        return text[: existing.start(1)] + merged + text[existing.end(1) :]
    line = f"from django.utils.translation import {', '.join(names)}\n"
    tree = ast.parse(text)
    last_import = 0
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            last_import = node.end_lineno or node.lineno
        elif last_import:
            break
    lines = text.splitlines(keepends=True)
    if last_import == 0:  # after the module docstring and `from __future__`
        insert_at = 0
        if tree.body and isinstance(tree.body[0], ast.Expr) and isinstance(tree.body[0].value, ast.Constant):
            insert_at = tree.body[0].end_lineno or 0
        lines.insert(insert_at, "\n" + line)
    else:
        lines.insert(last_import, line)
    return "".join(lines)


# ---------------------------------------------------------------- templates

ATTR = re.compile(r'\b(title|placeholder|aria-label|alt|data-confirm|data-placeholder)="([^"{}<>&]*)"')
TAG_OPEN = re.compile(r"{%|{{|{#")
TAG_ARG = re.compile(r'\b(\w+)="([^"]*)"')


def _var_name(expr: str, taken: dict[str, str]) -> str:
    base = expr.split("|")[0].strip().split(".")[-1]
    base = re.sub(r"\W", "_", base).strip("_").lower() or "value"
    if base[0].isdigit():
        base = "v_" + base
    name, n = base, 1
    while name in taken and taken[name] != expr:
        n += 1
        name = f"{base}_{n}"
    taken[name] = expr
    return name


def _render_phrase(items: list[tuple[str, str]]) -> str | None:
    """items: ("text", raw) and ("var", expression). Returns the replacement, or None to leave it."""
    text = "".join(raw for kind, raw in items if kind == "text")
    if not VI.search(text):
        return None
    has_vars = any(kind == "var" for kind, _ in items)
    multiline = "\n" in text
    plain = not has_vars and not multiline and not re.search(r'[&<>"%\\]', text)
    if plain:
        return '{% translate "' + text.strip() + '" %}'
    taken: dict[str, str] = {}
    body, withs = [], []
    for kind, raw in items:
        if kind == "text":
            body.append(raw)
        else:
            name = _var_name(raw, taken)
            if f"{name}={raw}" not in withs:
                withs.append(f"{name}={raw}")
            body.append("{{ " + name + " }}")
    head = "{% blocktranslate trimmed" + (" with " + " ".join(withs) if withs else "") + " %}"
    return head + "".join(body).strip() + "{% endblocktranslate %}"


def _tag_end(source: str, i: int) -> int:
    """Index of the '>' closing the tag opened at i, past quoted values and template tokens."""
    j, quote = i + 1, ""
    while j < len(source):
        if source.startswith(("{{", "{%", "{#"), j):
            close = source.find({"{{": "}}", "{%": "%}", "{#": "#}"}[source[j : j + 2]], j)
            j = len(source) if close < 0 else close + 2
            continue
        ch = source[j]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == ">":
            return j
        j += 1
    return len(source) - 1


def mark_template(path: Path, *, write: bool) -> int:
    source = path.read_text()
    out: list[str] = []
    phrase: list[tuple[str, str]] = []  # pending run of content text and variables
    phrase_raw: list[str] = []
    changes = 0
    i = 0
    skip_until = ""  # "</script>" / "</style>" / "{% endcomment %}" / "{% endblocktranslate %}" / "{% endverbatim %}"

    def flush() -> None:
        nonlocal changes
        if not phrase:
            return
        raw = "".join(phrase_raw)
        # keep the surrounding white space outside the translation
        lead = raw[: len(raw) - len(raw.lstrip())]
        trail = raw[len(raw.rstrip()) :]
        items = list(phrase)
        if items and items[0][0] == "text":
            items[0] = ("text", items[0][1].lstrip())
        if items and items[-1][0] == "text":
            items[-1] = ("text", items[-1][1].rstrip())
        replacement = _render_phrase(items)
        if replacement is None:
            out.append(raw)
        else:
            changes += 1
            out.append(lead + replacement + trail)
        phrase.clear()
        phrase_raw.clear()

    n = len(source)
    while i < n:
        if skip_until:
            j = source.find(skip_until, i)
            j = n if j < 0 else j + len(skip_until)
            out.append(source[i:j])
            i = j
            skip_until = ""
            continue
        if source.startswith("{{", i) or source.startswith("{%", i) or source.startswith("{#", i):
            close = {"{{": "}}", "{%": "%}", "{#": "#}"}[source[i : i + 2]]
            j = source.find(close, i)
            j = n if j < 0 else j + 2
            token = source[i:j]
            if token.startswith("{{"):
                phrase.append(("var", token[2:-2].strip()))
                phrase_raw.append(token)
            else:
                flush()
                inner = token[2:-2].strip()
                word = inner.split()[0] if inner else ""
                if word in {"include", "with"}:  # {% include … with title="Nhãn" %}: the argument is interface
                    marked = TAG_ARG.sub(
                        lambda a: f'{a.group(1)}=_("{a.group(2)}")' if VI.search(a.group(2)) else a.group(0), token
                    )
                    changes += marked != token
                    token = marked
                out.append(token)
                if word in {"comment", "blocktranslate", "blocktrans", "verbatim"}:
                    skip_until = "{% end" + word + " %}"
            i = j
            continue
        ch = source[i]
        if ch == "<":
            flush()
            end = _tag_end(source, i)
            tag = source[i : end + 1]
            new_tag = ATTR.sub(
                lambda a: f'{a.group(1)}="{{% translate "{a.group(2)}" %}}"' if VI.search(a.group(2)) else a.group(0),
                tag,
            )
            changes += new_tag != tag
            out.append(new_tag)
            i = end + 1
            m = re.match(r"<(script|style)\b", tag, re.I)
            if m:
                skip_until = f"</{m.group(1).lower()}>"
            continue
        # content text up to the next tag or template token
        j = i
        while j < n and source[j] != "<" and not source.startswith(("{{", "{%", "{#"), j):
            j += 1
        phrase.append(("text", source[i:j]))
        phrase_raw.append(source[i:j])
        i = j
    flush()
    result = "".join(out)
    if changes and "{% load i18n" not in result and not re.search(r"{%\s*load\s+[^%]*\bi18n\b", result):
        extends = re.match(r"\s*{%\s*extends[^%]*%}\n?", result)
        if extends:
            result = result[: extends.end()] + "{% load i18n %}\n" + result[extends.end() :]
        else:
            result = "{% load i18n %}" + result
    if write and changes:
        path.write_text(result)
    return changes


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [ROOT]
    total = 0
    for base in paths:
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            path = path.resolve()
            rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            if any(part in SKIP_DIRS for part in rel.parts) or path.name in SKIP_FILES:
                continue
            if path.suffix == ".html":
                count = mark_template(path, write=not check)
            elif path.suffix == ".py" and "imports" not in rel.parts[:1]:
                count = mark_python(path, write=not check)
            else:
                continue
            if count:
                total += count
                print(f"{rel}: {count}")
    print(f"{'còn' if check else 'đã đánh dấu'} {total}", file=sys.stderr)
    return 1 if (check and total) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
