"""One declaration per registry, from which everything else is derived (in the spirit of Django's `ModelAdmin`).

Each registry app has a `registry.py` with one declaration per model::

    @register
    class DelegationRegistry(Registry):
        model = Delegation
        path = ""                                   # under the app's `url_prefix` (apps.py)
        queryset = Delegation.objects.select_related("proposing_unit")
        form = forms.DelegationForm                 # None: a read-only registry
        filterset = filters.DelegationFilterSet
        table = tables.DelegationTable
        workflow = services.WORKFLOW                # transitions with their services (core.workflow)
        step_forms = {"approve": forms.ApproveForm}
        search = Search(fields=["name", "head"], order=10)
        api = Api("delegations", figures=Figures(appendix="1, 2", done_statuses=("done",)))
        menu = Menu("plan", pgettext_lazy("menu", "Đoàn ra"), query="direction=out")

From it come the pages (list with filters, export and bulk steps on ticked rows, detail with history and workflow,
create/edit, delete, workflow steps) and their URLs (`<app>:<model>_list|bulk|detail|add|edit|delete|action`), the
REST API (`api/`), the search entry (`search/`), the menu, the rules of the authorization matrix and the generated
tests (`tests/`), the deadlines (`core.deadlines.DeadlineRule`) and the demo rows (`example`). Apps are found from
`INSTALLED_APPS`: an app joins by having a `registry.py`; `./dev startregistry` scaffolds one.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from django.apps import apps
from django.db import models
from django.forms import Form, ModelForm
from django.urls import URLPattern, get_script_prefix, include, path
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, gettext_lazy
from django_stubs_ext import StrOrPromise

from doingoai.core import permissions, services
from doingoai.core.addresses import reverse_name
from doingoai.core.i18n import vietnamese

if TYPE_CHECKING:
    from doingoai.core.deadlines import DeadlineRule
    from doingoai.core.workflow import Workflow


class Access(enum.StrEnum):
    """Who reads and writes a registry's records (the authorization matrix and generated tests follow it)."""

    OWNED = "owned"  # a unit's records: its drafts stay with it, the rest is read by every unit
    PRIVATE = "private"  # a unit's records that stay with it in every status (e.g. APEC card files)
    PERSONS = "persons"  # personal data (Decree 13/2023): the recording unit only, logged, never deleted
    REFERENCE = "reference"  # everyone signed in reads; the coordinator and the administrator write


@dataclass(frozen=True)
class Search:
    """The registry in the search box (see `doingoai.search.registry` for what each option does)."""

    fields: Sequence[str]
    title: str | Callable[[Any], str] | None = None
    label: str = ""
    extra_text: Callable[[Any], str] | None = None
    personal_data: bool = False
    visible_to: Callable[[Any], bool] | None = None
    order: int = 100


@dataclass(frozen=True)
class Figures:
    """How a plan registry counts in `/api/figures/{year}/` (the year's planned vs done)."""

    appendix: str = ""  # "1, 2" (Phụ lục 1 đoàn ra, Phụ lục 2 đoàn vào), "3", "4", or "" when none
    done_statuses: tuple[str, ...] = ()  # statuses that count as carried out
    # Statuses that count as planned; None: every status except draft, proposed and cancelled.
    planned_statuses: tuple[str, ...] | None = None
    split_by: str | None = None  # a choice field that splits the counts (e.g. "direction")
    region_field: str | None = None  # path to Country.region (e.g. "countries__region", "country__region")


@dataclass(frozen=True)
class ReportFigure:
    """What the registry's records count as in a unit's periodic report (`reporting.figures`). Without one, a
    unit-owned registry counts the records created in the period ("ghi nhận mới")."""

    label: StrOrPromise  # the line's title in the report
    done_on: str  # the date (or date-time) field that places a carried-out record in the period
    done_label: StrOrPromise  # "đã tổ chức", "đã phê duyệt"…
    done_statuses: tuple[str, ...] | None = None  # None: those of Api.figures, else any status
    received_on: str | None = None  # the date a case or an application came in (counted apart)
    order: int = 100  # the line's place in the report
    plan_kinds: tuple[str, ...] = ()  # plans besides the programme whose unit reports count it too ("information")


@dataclass(frozen=True)
class PartnerLink:
    """How the registry's records belong to a foreign partner's story (the partner page's timeline, read by
    `core.partner_story.partner_timeline` from every declaration, so core never imports a domain app)."""

    field: str  # the ForeignKey or ManyToManyField to `core.Partner` ("partner", "partners", "donor")
    dates: tuple[str, ...] = ()  # the record's day on the timeline: the first of these that is set
    year: str | None = "year"  # the year when no day is known yet (a planned delegation)
    detail: Callable[[Any], str] | None = None  # one more line under the title (validity, amount…)
    prefetch: tuple[str, ...] = ()  # what `detail` reads of related rows (one query, not one per record)


@dataclass(frozen=True)
class Api:
    """The registry in the REST API at `/api/<prefix>/` (see `doingoai.api.registry`)."""

    prefix: str
    read_only: bool = False
    exclude: tuple[str, ...] = ()  # model fields never sent (personal data, internal columns)
    serializer_class: Any = None  # a DRF serializer replacing the generated read serializer
    on_retrieve: Callable[[Any, Any], None] | None = None  # (obj, user): e.g. the personal-data access log
    on_list: Callable[[list[Any], Any], None] | None = None  # (rows of a page, user)
    mask: Callable[[Any, dict[str, Any], Any, bool], dict[str, Any]] | None = None  # (obj, data, user, detail)
    figures: Figures | None = None
    delete: bool = True  # False: no DELETE even where the web deletes (a record whose deletion cascades)


@dataclass(frozen=True)
class Menu:
    """Where the registry's list appears in the top menu."""

    group: str  # a key of MENU_GROUPS
    label: StrOrPromise = ""  # default: the model's verbose_name_plural
    order: int = 100
    query: str = ""  # e.g. "direction=out": a pre-filtered list
    visible_to: Callable[[Any], bool] | None = None
    title: StrOrPromise = ""  # the tooltip, when the label is short
    divider_before: bool = False


@dataclass(frozen=True)
class MenuLink:
    """A page that is not a registry's list (a map, a calendar, the reports) in the top menu."""

    group: str
    label: StrOrPromise
    url_name: str
    order: int = 100
    query: str = ""
    visible_to: Callable[[Any], bool] | None = None
    divider_before: bool = False
    title: StrOrPromise = ""


# Top-menu groups, in order: "plan" entries are top-level links, the others are drop-downs.
MENU_GROUPS: dict[str, StrOrPromise] = {
    "plan": "",
    "follow": gettext_lazy("Theo dõi"),
    "cooperation": gettext_lazy("Hợp tác"),
    "information": gettext_lazy("Thông tin đối ngoại"),
    "consular": gettext_lazy("Lãnh sự"),
    "reference": gettext_lazy("Danh mục"),
}


class Registry:
    """A registry's declaration: subclass, set the attributes, decorate with `@register`."""

    model: ClassVar[type[models.Model]]
    path: ClassVar[str] = ""  # URL segment under the app's url_prefix ("" or "training/")
    queryset: ClassVar[models.QuerySet | None] = None  # select_related/prefetch_related of the pages
    form: ClassVar[type[ModelForm] | None] = None  # None: no create/edit (read-only registry)
    filterset: ClassVar[type | None] = None
    table: ClassVar[type | None] = None
    workflow: ClassVar[Workflow | None] = None
    step_forms: ClassVar[Mapping[str, type[Form]]] = {}
    # The steps a list takes on its ticked rows (core.bulk); None: every step that needs no input or one text
    # (a reason, a comment), () for none. Each record is still checked against rights and state.
    bulk_steps: ClassVar[Sequence[str] | None] = None
    deletable: ClassVar[bool] = True
    access: ClassVar[Access | None] = None  # None: OWNED for unit-owned models, REFERENCE otherwise
    search: ClassVar[Search | None] = None
    api: ClassVar[Api | None] = None
    menu: ClassVar[Menu | None] = None
    deadlines: ClassVar[Sequence[DeadlineRule]] = ()
    report: ClassVar[ReportFigure | None] = None  # its line in the units' periodic reports
    partner_link: ClassVar[PartnerLink | None] = None  # its records on the partner page's timeline
    # Page details.
    paginate_by: ClassVar[int] = 25
    detail_fields: ClassVar[Sequence[str]] = ()  # default: every field but bookkeeping
    export_fields: ClassVar[Sequence[str]] = ()  # default: every field
    detail_template: ClassVar[str | None] = None  # extra block of the detail page
    list_buttons_template: ClassVar[str | None] = None  # extra buttons of the list page
    # Base classes of the generated views, for registries whose pages do more (persons, border markers).
    list_view: ClassVar[type | None] = None
    detail_view: ClassVar[type | None] = None
    edit_view: ClassVar[type | None] = None
    delete_view: ClassVar[type | None] = None
    action_view: ClassVar[type | None] = None

    # --- derived names
    @property
    def model_name(self) -> str:
        return str(self.model._meta.model_name)

    @property
    def app_label(self) -> str:
        return str(self.model._meta.app_label)

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def rights(self) -> Access:
        if self.access is not None:
            return self.access
        return Access.OWNED if getattr(self.model, "owner_field", None) else Access.REFERENCE

    def url_name(self, action: str) -> str:
        return f"{self.app_label}:{self.model_name}_{action}"

    def get_queryset(self) -> models.QuerySet:
        qs = self.queryset if self.queryset is not None else self.model._default_manager.all()
        return qs.all()

    # --- writes (the services that web, API and imports share); override for registries with consequences
    def create(self, *, by: Any, values: Mapping[str, Any]) -> Any:
        """A new record from validated values (a form's or the API's cleaned data, or an import row)."""
        return services.object_create(model=self.model, by=by, values=values)

    def update(self, *, obj: Any, by: Any, values: Mapping[str, Any], expected_version: int | None) -> Any:
        return services.object_update(obj=obj, by=by, values=values, expected_version=expected_version)

    def delete(self, *, obj: Any, by: Any) -> None:
        services.object_delete(obj=obj, by=by)

    def save_form(self, *, form: ModelForm, by: Any, expected_version: int | None) -> Any:
        """Create or update from a validated form (web or API), through `create`/`update`."""
        values = form_values(form)
        if form.instance.pk is None:
            return self.create(by=by, values=values)
        return self.update(obj=form.instance, by=by, values=values, expected_version=expected_version)

    def form_for(self, *, user: Any, instance: Any = None, data: Any = None, files: Any = None) -> ModelForm:
        if self.form is None:
            raise TypeError(f"{self.model.__name__}: a read-only registry has no form.")
        return self.form(data=data, files=files, instance=instance, user=user)  # type: ignore[call-arg]

    # --- pages
    def detail_context(self, obj: Any, request: Any) -> dict[str, Any]:
        """Extra context of the detail page (for `detail_template`)."""
        return {}

    def form_initial(self, request: Any) -> dict[str, Any]:
        """Initial values of a new record's form (e.g. from the query string)."""
        return self.prefill(request.GET)

    def prefill(self, query: Mapping[str, Any]) -> dict[str, str]:
        """The choices a list is filtered on (``?direction=out``) that a new record starts with: "Thêm mới" from
        the outbound delegations makes an outbound one."""
        names = set(self.form._meta.fields or ()) if self.form is not None else set()
        values = {}
        for model_field in self.model._meta.concrete_fields:
            value = query.get(model_field.name, "")
            choices = {str(v) for v, _ in model_field.flatchoices} if model_field.choices else set()
            if model_field.name in names and value in choices:
                values[model_field.name] = value
        return values

    def heading(self, query: Mapping[str, Any]) -> str:
        """What a record of a list filtered by `query` is called: the label of the menu entry with that filter
        ("Đoàn ra"), else the registry's name. A menu entry names a list (plural in English, context "menu"); the
        record takes the label's translation without context (singular)."""
        wanted = "&".join(f"{k}={v}" for k, v in sorted(self.prefill(query).items()))
        for link in _LINKS:
            if wanted and link.url_name == self.url_name("list") and link.query == wanted:
                return gettext(vietnamese(link.label))
        if self.menu is not None and self.menu.query and self.menu.query == wanted:
            return gettext(vietnamese(self.menu.label)) if self.menu.label else str(self.label)
        return str(self.model._meta.verbose_name)

    def list_heading(self, query: Mapping[str, Any]) -> str:
        """The title of the list filtered by `query`: the menu entry's label when the list is that entry's (Đoàn ra
        for ``?direction=out``, with or without other filters; the entry with the most of them wins), else the
        model's plural name. The label is the menu's own (context "menu": plural in English)."""
        chosen = set(self.prefill(query).items())
        best: tuple[int, StrOrPromise] | None = None
        entries = [(link.url_name, link.query, link.label) for link in _LINKS]
        if self.menu is not None and self.menu.label:
            entries.append((self.url_name("list"), self.menu.query, self.menu.label))
        for url, wanted, label in entries:
            if url != self.url_name("list") or not wanted:
                continue
            pairs = {tuple(pair.split("=", 1)) for pair in wanted.split("&")}
            if pairs <= chosen and (best is None or len(pairs) > best[0]):
                best = (len(pairs), label)
        return str(best[1]) if best else str(self.model._meta.verbose_name_plural)

    # --- demo and generated tests
    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any] | None:
        """Field values of a valid record owned by `unit` (the n-th of a series), or None when the registry
        cannot make one alone (the tests then need a fixture). Used by the demo, the authorization matrix and
        the generated tests."""
        return None

    def published_status(self) -> str | None:
        """A status in which other units may read the record (generated tests), or None."""
        private = set(getattr(self.model, "private_statuses", ()))
        field_ = _status_field(self.model)
        if field_ is None:
            return None
        for value, _ in field_.choices or ():
            if value not in private and value not in getattr(self.model, "editable_statuses", ()):
                return str(value)
        return None

    # --- derived pieces
    def views(self) -> dict[str, Any]:
        """The page classes: `list`, `detail`, and (as declared) `edit`, `delete`, `action`."""
        from doingoai.core import generic

        name = self.model.__name__
        common: dict[str, Any] = {"registry": self, "queryset": self.get_queryset()}
        # Page details only where declared, so the base classes' own (persons' pages) stay.
        list_attrs = _declared(
            filterset_class=self.filterset,
            table_class=self.table,
            paginate_by=self.paginate_by,
            export_fields=list(self.export_fields),
            extra_buttons_template=self.list_buttons_template,
        )
        detail_attrs = _declared(
            workflow=self.workflow, detail_fields=list(self.detail_fields), extra_template=self.detail_template
        )
        list_class = type(f"{name}ListView", (self.list_view or generic.ObjectListView,), common | list_attrs)
        result: dict[str, Any] = {
            "list": list_class,
            # Ticked rows of the list: a step on each (core.bulk), or their export.
            "bulk": type(f"{name}BulkView", (generic.ObjectBulkView,), common | {"list_view_class": list_class}),
            "detail": type(f"{name}DetailView", (self.detail_view or generic.ObjectDetailView,), common | detail_attrs),
        }
        if self.form is not None:
            result["edit"] = type(
                f"{name}EditView",
                (self.edit_view or generic.ObjectEditView,),
                common | {"queryset": self.model._default_manager.all(), "form_class": self.form},
            )
            if self.deletable:
                result["delete"] = type(
                    f"{name}DeleteView",
                    (self.delete_view or generic.ObjectDeleteView,),
                    common | {"queryset": self.model._default_manager.all()},
                )
        if self.workflow is not None:
            result["action"] = type(
                f"{name}ActionView",
                (self.action_view or generic.ObjectActionView,),
                common
                | {"queryset": self.model._default_manager.all(), "workflow": self.workflow, "forms": self.step_forms},
            )
        return result

    def urlpatterns(self) -> list[URLPattern]:
        """list (/), bulk/, add/, <pk>/, <pk>/edit/, <pk>/delete/, <pk>/action/<name>/, named `<model>_<action>`."""
        views = self.views()
        m = self.model_name
        urls = [
            path(f"{self.path}", views["list"].as_view(), name=f"{m}_list"),
            path(f"{self.path}bulk/", views["bulk"].as_view(), name=f"{m}_bulk"),
            path(f"{self.path}<int:pk>/", views["detail"].as_view(), name=f"{m}_detail"),
        ]
        if "edit" in views:
            urls += [
                path(f"{self.path}add/", views["edit"].as_view(), name=f"{m}_add"),
                path(f"{self.path}<int:pk>/edit/", views["edit"].as_view(), name=f"{m}_edit"),
            ]
        if "delete" in views:
            urls.append(path(f"{self.path}<int:pk>/delete/", views["delete"].as_view(), name=f"{m}_delete"))
        if "action" in views:
            urls.append(path(f"{self.path}<int:pk>/action/<str:name>/", views["action"].as_view(), name=f"{m}_action"))
        return self.extra_urls() + urls

    def extra_urls(self) -> list[URLPattern]:
        """More pages of a record (under `path`), for registries that have them (a person's data export)."""
        return []

    def check(self) -> list[str]:
        """Problems of the declaration (run by Django's system checks at start-up)."""
        problems = []
        if not hasattr(self.model._default_manager.all(), "restrict"):
            problems.append(f"{self.model.__name__}: the model needs core's RestrictedQuerySet (BaseModel).")
        if self.workflow is not None:
            for name in self.workflow.transitions:
                if name not in self.workflow.services:
                    problems.append(f"{self.model.__name__}: no service bound to the step “{name}”.")
            for name in self.step_forms:
                if name not in self.workflow.transitions:
                    problems.append(f"{self.model.__name__}: a step form for the unknown step “{name}”.")
            for name in self.bulk_steps or ():
                if name not in self.workflow.transitions:
                    problems.append(f"{self.model.__name__}: a bulk step for the unknown step “{name}”.")
        if self.search is not None:
            for name in self.search.fields:
                try:
                    self.model._meta.get_field(name)
                except Exception:
                    problems.append(f"{self.model.__name__}: search field “{name}” does not exist.")
        if self.partner_link is not None:
            link = self.partner_link
            for name in (link.field, *link.dates, *([link.year] if link.year else [])):
                try:
                    self.model._meta.get_field(name)
                except Exception:
                    problems.append(f"{self.model.__name__}: partner_link field “{name}” does not exist.")
        if self.menu is not None and self.menu.group not in MENU_GROUPS:
            problems.append(f"{self.model.__name__}: unknown menu group “{self.menu.group}”.")
        return problems


def _declared(**attrs: Any) -> dict[str, Any]:
    return {name: value for name, value in attrs.items() if value not in (None, [], {})}


def form_values(form: ModelForm) -> dict[str, Any]:
    """A validated ModelForm's values of model fields (what the create/update services take)."""
    names = {f.name for f in form._meta.model._meta.get_fields() if getattr(f, "concrete", False) or f.many_to_many}
    return {name: value for name, value in form.cleaned_data.items() if name in names}


def _status_field(model: type[models.Model]) -> Any:
    try:
        return model._meta.get_field("status")
    except Exception:
        return None


_REGISTRIES: dict[type[models.Model], Registry] = {}
_LINKS: list[MenuLink] = []
_discovered = False


def register(cls: type[Registry]) -> type[Registry]:
    """Class decorator: declare a registry (one per model)."""
    if cls.model in _REGISTRIES and type(_REGISTRIES[cls.model]) is not cls:
        raise ValueError(f"{cls.model.__name__} is declared twice ({cls.__name__}).")
    _REGISTRIES[cls.model] = cls()
    return cls


def menu_links(*links: MenuLink) -> None:
    """Pages other than registry lists that an app puts in the top menu (called from its registry.py)."""
    _LINKS.extend(link for link in links if link not in _LINKS)


def autodiscover() -> None:
    """Import every installed app's `registry.py` (once)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("registry")
        _discovered = True


def all_registries() -> list[Registry]:
    autodiscover()
    return list(_REGISTRIES.values())


def registry_for(model: type[models.Model] | Any) -> Registry | None:
    autodiscover()
    return _REGISTRIES.get(model if isinstance(model, type) else type(model))


def app_urlpatterns() -> list[Any]:
    """Every project app's pages, under its `url_prefix` and namespace: the declared registries' pages, then
    the app's own `urls.py` (pages that are not registries)."""
    autodiscover()
    result: list[Any] = []
    for config in apps.get_app_configs():
        prefix = getattr(config, "url_prefix", None)
        if prefix is None:
            continue
        patterns: list[Any] = []
        for reg in _REGISTRIES.values():
            if reg.app_label == config.label:
                patterns += reg.urlpatterns()
        try:
            extra = importlib.import_module(f"{config.name}.urls")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.urls":
                raise
        else:
            patterns = list(extra.urlpatterns) + patterns
        if patterns:
            result.append(path(prefix, include((patterns, config.label), namespace=config.label)))
    return result


@dataclass
class MenuEntry:
    label: str
    url_name: str
    query: str = ""
    divider_before: bool = False
    title: StrOrPromise = ""

    @property
    def url(self) -> str:
        address = reverse_name(self.url_name)
        return f"{address}?{self.query}" if self.query else address


@dataclass
class MenuGroup:
    key: str
    label: str
    entries: list[MenuEntry] = field(default_factory=list)


class UserMenu(list[MenuGroup]):
    """A user's top menu; `key` names its content (the language, the script prefix of its addresses, which entries
    the user may see); `html` is its markup once written (core.templatetags `nav_menu`), kept with it."""

    key: tuple[Any, ...] = ()
    html: SafeString | None = None


_menus: dict[tuple[Any, ...], UserMenu] = {}


def menu_for(user: Any) -> UserMenu:
    """The top menu this user sees, in MENU_GROUPS order.

    The entries are the same for everyone but those with a `visible_to` (a few: asked of this user each time, they
    may read the database); the menu is built once per language and answer of theirs, not on every page (its ~55
    translated labels were a tenth of a small page)."""
    autodiscover()
    registries = [reg for reg in _REGISTRIES.values() if reg.menu is not None]
    shown = tuple(r.menu.visible_to is None or bool(r.menu.visible_to(user)) for r in registries)  # type: ignore[union-attr]
    links = tuple(link.visible_to is None or bool(link.visible_to(user)) for link in _LINKS)
    key = (get_language(), get_script_prefix(), shown, links)
    menu = _menus.get(key)
    if menu is not None:
        return menu
    items: list[tuple[str, int, MenuEntry]] = []
    for reg, visible in zip(registries, shown, strict=True):
        menu_decl = reg.menu
        if not visible or menu_decl is None:
            continue
        entry = MenuEntry(
            str(menu_decl.label or reg.label),
            reg.url_name("list"),
            menu_decl.query,
            menu_decl.divider_before,
            str(menu_decl.title),
        )
        items.append((menu_decl.group, menu_decl.order, entry))
    for link, visible in zip(_LINKS, links, strict=True):
        if visible:
            entry = MenuEntry(str(link.label), link.url_name, link.query, link.divider_before, str(link.title))
            items.append((link.group, link.order, entry))
    groups = {name: MenuGroup(name, str(label)) for name, label in MENU_GROUPS.items()}
    for group, _, entry in sorted(items, key=lambda i: (list(MENU_GROUPS).index(i[0]), i[1])):
        groups[group].entries.append(entry)
    menu = UserMenu(g for g in groups.values() if g.entries)
    menu.key = key
    if len(_menus) > 256:  # a handful of distinct menus (roles × languages) in practice
        _menus.clear()
    _menus[key] = menu
    return menu


def may_create(user: Any, reg: Registry) -> bool:
    return reg.form is not None and permissions.can_create(user, reg.model)


def status_colours(model: type[models.Model]) -> Mapping[str, str]:
    """The badge colour of each status of `model` (declared on its StatusChoices)."""
    from doingoai.core.choices import StatusChoices

    return StatusChoices.colours_for(model)


def declared_rules() -> list[tuple[Registry, DeadlineRule]]:
    """Every registry's deadlines (core.deadlines), in the order of the declarations."""
    return [(reg, rule) for reg in all_registries() for rule in reg.deadlines]
