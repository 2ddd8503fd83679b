"""API views beside the generated registry viewsets: the OpenAPI document, the year's figures, search, and the
user's token."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse as django_reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views import View
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from doingoai.api.selectors import api_token_expires_at, figure_years, year_figures
from doingoai.api.services import api_token_issue, api_token_revoke
from doingoai.core import throttle
from doingoai.search.selectors import search as search_records
from doingoai.search.services import search_results_record_reads

MIN_YEAR, MAX_YEAR = 2000, 2200

# The OpenAPI document, generated once per process for each language and version, and written out once per format:
# building it walks every endpoint's serializers and filters (≈ 1.5 s of CPU), writing it as YAML almost as much
# again; it changes only with the code and the settings, never with the data or the user. Emptied when a setting
# changes (tests), except those no document shows and that tests set all the time: the password hashers (every
# test, tests/conftest.py) and the folder of uploaded files (the fixtures that store files).
_SCHEMAS: dict[tuple[Any, ...], Any] = {}
_SETTINGS_NOT_IN_THE_SCHEMA = frozenset({"PASSWORD_HASHERS", "MEDIA_ROOT"})


def _forget_schemas(*, setting: str, **kwargs: Any) -> None:
    if setting not in _SETTINGS_NOT_IN_THE_SCHEMA:
        _SCHEMAS.clear()


setting_changed.connect(_forget_schemas, dispatch_uid="doingoai.api.forget_schemas")


class _SchemaResponse(Response):
    """A Response whose rendered bytes and Content-Type are kept under `cache_key` plus the negotiated renderer
    and media type (which carries the JSON indent)."""

    cache_key: tuple[Any, ...] = ()

    @property
    def rendered_content(self) -> Any:
        renderer = getattr(self, "accepted_renderer", None)
        key = (*self.cache_key, "rendered", type(renderer), getattr(self, "accepted_media_type", None))
        if key not in _SCHEMAS:
            content = super().rendered_content  # sets the Content-Type too
            _SCHEMAS[key] = (self["Content-Type"], content)
        self["Content-Type"], content = _SCHEMAS[key]
        return content


class SchemaView(SpectacularAPIView):
    """drf-spectacular's schema view (signed-in users only, settings.SPECTACULAR_SETTINGS), the document kept per
    process (see _SCHEMAS). Generated without the request, as the `spectacular` command generates it: the
    generator would otherwise hand the requesting user to each view it inspects, and a view whose serializer or
    filters depended on the user would put that user's in a document kept for everyone. It is one document for
    all (SERVE_PUBLIC: every endpoint, whatever the user may do there); tests/api/test_api.py compares it with
    the command's."""

    def _get_schema_response(self, request: Any) -> Any:
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (translation.get_language(), version, self.serve_public)
        if key not in _SCHEMAS:
            generator = self.generator_class(urlconf=self.urlconf, api_version=version, patterns=self.patterns)
            _SCHEMAS[key] = generator.get_schema(request=None, public=self.serve_public)
        response = _SchemaResponse(
            data=_SCHEMAS[key],
            headers={"Content-Disposition": f'inline; filename="{self._get_filename(request, version)}"'},
        )
        response.cache_key = key
        return response


class FiguresIndexView(APIView):
    """The plan years with figures, each with the address of its figures."""

    @extend_schema(
        summary="Các năm có số liệu",
        responses=inline_serializer(
            "FigureYear", {"year": serializers.IntegerField(), "url": serializers.URLField()}, many=True
        ),
        tags=["figures"],
    )
    def get(self, request: Request) -> Response:
        return Response(
            [
                {"year": y, "url": reverse("api:figures", args=[y], request=request)}
                for y in figure_years(user=request.user)
            ]
        )


QUARTER = inline_serializer(
    "QuarterFigures",
    {
        "quarter": serializers.IntegerField(),
        "label": serializers.CharField(),
        "planned": serializers.IntegerField(),
        "done": serializers.IntegerField(),
    },
    many=True,
)
FIGURES = inline_serializer(
    "YearFigures",
    {
        "province": serializers.CharField(),
        "year": serializers.IntegerField(),
        "generated_at": serializers.DateTimeField(),
        "registries": inline_serializer(
            "RegistryFigures",
            {
                "registry": serializers.CharField(),
                "label": serializers.CharField(),
                "appendix": serializers.CharField(),
                "planned": serializers.IntegerField(),
                "done": serializers.IntegerField(),
                "by_quarter": QUARTER,
                "by_status": serializers.ListField(child=serializers.DictField()),
                "split_by": serializers.CharField(required=False),
                "groups": serializers.ListField(child=serializers.DictField(), required=False),
                "by_region": serializers.ListField(child=serializers.DictField(), required=False),
            },
            many=True,
        ),
    },
)


class FiguresView(APIView):
    """Planned vs done per appendix, direction and quarter; counts by status; per region — for one year."""

    @extend_schema(summary="Số liệu của năm (kế hoạch và thực hiện)", responses=FIGURES, tags=["figures"])
    def get(self, request: Request, year: int) -> Response:
        if not MIN_YEAR <= year <= MAX_YEAR:
            return Response(
                {
                    "detail": gettext("Năm phải từ %(min_year)s đến %(max_year)s.")
                    % {"min_year": MIN_YEAR, "max_year": MAX_YEAR}
                },
                status=400,
            )
        return Response(year_figures(year=year, user=request.user))


HIT = inline_serializer(
    "SearchHit",
    {
        "id": serializers.IntegerField(),
        "title": serializers.CharField(),
        "web_url": serializers.CharField(),
        "excerpt": serializers.CharField(),
        "score": serializers.FloatField(),
    },
    many=True,
)


class SearchView(APIView):
    """The search box as JSON: the same ranking, normalisation, aliases and rights as `/search/`."""

    @extend_schema(
        summary="Tìm kiếm trong mọi danh mục",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Từ khóa (có dấu hoặc không dấu)"),
            OpenApiParameter(
                "registry", OpenApiTypes.STR, description="Chỉ một danh mục, ví dụ delegations.delegation"
            ),
            OpenApiParameter(
                "limit", OpenApiTypes.INT, description="Số kết quả mỗi danh mục (mặc định 10, tối đa 100)"
            ),
            OpenApiParameter("offset", OpenApiTypes.INT, description="Bỏ qua bao nhiêu kết quả đầu (mỗi danh mục)"),
        ],
        responses=inline_serializer(
            "SearchResults",
            {
                "query": serializers.CharField(),
                "total": serializers.IntegerField(),
                "groups": inline_serializer(
                    "SearchGroup",
                    {
                        "registry": serializers.CharField(),
                        "label": serializers.CharField(),
                        "count": serializers.IntegerField(),
                        "results": HIT,
                    },
                    many=True,
                ),
            },
        ),
        tags=["search"],
    )
    def get(self, request: Request) -> Response:
        text = request.query_params.get("q", "")[:200]
        try:
            limit = min(100, max(1, int(request.query_params.get("limit", 10))))
            offset = max(0, int(request.query_params.get("offset", 0)))
        except ValueError:
            return Response({"detail": gettext("limit và offset phải là số nguyên.")}, status=400)
        results = search_records(
            user=request.user,
            text=text,
            registry=request.query_params.get("registry") or None,
            per_group=limit,
            offset=offset,
        )
        search_results_record_reads(results=results, by=request.user)
        return Response(
            {
                "query": text,
                "total": results.total,
                "groups": [
                    {
                        "registry": g.key,
                        "label": str(g.label),
                        "count": g.count,
                        "results": [
                            {
                                "id": h.pk,
                                "title": h.title,
                                "web_url": request.build_absolute_uri(h.url),
                                "excerpt": _plain(h.excerpt),
                                "score": round(h.score, 4),
                            }
                            for h in g.hits
                        ],
                    }
                    for g in results.groups
                ],
            }
        )


def _plain(html: Any) -> str:
    """The excerpt without its <mark> tags (the HTML page highlights; JSON clients get text)."""
    from html import unescape

    return unescape(str(html).replace("<mark>", "").replace("</mark>", ""))


class TokenView(LoginRequiredMixin, View):
    """A user's own API token: create (or replace) and revoke. The key is shown once, when created."""

    template_name = "api/token.html"

    def _render(self, request: HttpRequest, token: Token | None, new_key: str | None = None) -> HttpResponse:
        expires = api_token_expires_at(token) if token else None
        context = {
            "token": token,
            "new_key": new_key,
            "last_used": getattr(getattr(token, "use", None), "last_used_at", None),
            "expires": expires,
            "expired": expires is not None and expires <= timezone.now(),
            "token_days": settings.DOINGOAI_API_TOKEN_DAYS,
        }
        return render(request, self.template_name, context)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, Token.objects.select_related("use").filter(user=request.user).first())

    def post(self, request: HttpRequest) -> HttpResponse:
        if throttle.count("token_changes_per_user", str(request.user.pk)):
            messages.error(request, throttle.TOO_MANY_CHANGES)
            return HttpResponseRedirect(django_reverse("api:token"), status=429)
        if request.POST.get("action") == "revoke":
            api_token_revoke(user=request.user)
            messages.success(request, gettext("Đã thu hồi khóa API. Các chương trình dùng khóa cũ sẽ bị từ chối."))
            return HttpResponseRedirect(django_reverse("api:token"))
        token = api_token_issue(user=request.user)
        return self._render(request, token, new_key=token.key)
