"""One settings module, driven by environment variables (see README "Cấu hình")."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("DOINGOAI_HOME", BASE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("DOINGOAI_VAR", PROJECT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
# The default's "django-insecure-" prefix makes `check --deploy` refuse it, so production must set its own.
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-dev-only-change-me-in-production-0123456789")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# The province this deployment serves and who coordinates foreign affairs in it.
PROVINCE_NAME = os.environ.get("DOINGOAI_PROVINCE", "Nghệ An")
COORDINATOR_UNIT_NAME = os.environ.get("DOINGOAI_COORDINATOR_UNIT", "Sở Ngoại vụ")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "doingoai.core",
    "doingoai.persons",
    "doingoai.finance",
    "doingoai.delegations",
    "doingoai.conferences",
    "doingoai.agreements",
    "doingoai.search",
    "doingoai.api",
    "doingoai.diaspora",
    "doingoai.consular",
    "doingoai.border",
    "doingoai.reporting",
    "doingoai.aid",
    "doingoai.events",
    "doingoai.dashboard",
    "doingoai.imports",
    "doingoai.programs",
    "doingoai.laocoop",
    "doingoai.legal",
    "doingoai.infowork",
    "doingoai.foreignorgs",
    "doingoai.people",
    "doingoai.friendship",
    "doingoai.devtools",  # last: developer tools on top of every app (demo, national data, load test, bench)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "doingoai.core.middleware.content_security_policy",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "doingoai.core.middleware.session_refresh",
    "doingoai.core.middleware.language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "doingoai.core.throttle.login_address_throttle",
]

ROOT_URLCONF = "doingoai.urls"
WSGI_APPLICATION = "doingoai.wsgi.application"
AUTH_USER_MODEL = "core.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doingoai.core.context_processors.site",
            ],
        },
    },
]

# SQLite in WAL mode by default; PostgreSQL (or any URL dj-database-url knows) through DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(VAR_DIR / "doingoai.sqlite3")),
            "OPTIONS": {
                # WAL lets readers run beside the writer; IMMEDIATE + busy timeout queue writers instead of
                # failing with "database is locked".
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Kept open between requests, as the PostgreSQL connection is: opening one re-read the whole schema
            # and ran the pragmas above on every request (~8 % of a worker's CPU under the load test).
            "CONN_MAX_AGE": int(os.environ.get("CONN_MAX_AGE", 60)),
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend that reads the user's unit with the user (sessions signed in through ModelBackend before it
    # came must sign in again, once).
    "doingoai.core.backends.UserBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "doingoai.core.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after inactivity (the office computers are shared).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 3600))
# Not on every request: core.middleware.session_refresh writes the moved end at most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("HTTPS", False)
CSRF_COOKIE_SECURE = env_bool("HTTPS", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts only from our own static files: templates carry no inline script or on…= handler (behaviours are
# data attributes read by static/doingoai.js), so an injected <script> or onerror= never runs. Inline styles stay
# allowed: htmx adds its indicator <style>, ECharts, Bootstrap and the templates set style attributes, and a
# style cannot run code.
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'",
)
if env_bool("HTTPS", False):
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)  # only a flag until the domain is submitted to the list
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Login throttling: 5 failures lock the username+IP pair for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# Vietnamese for everyone: the browser's Accept-Language must not switch dates to "Dec. 13, 2026".
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["doingoai.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "doingoai.core.storage.SafeFileSystemStorage"},  # never a half-written file
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# E-mail: console by default; SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "doingoai@localhost")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DJANGO_TABLES2_TEMPLATE = "core/table.html"
DJANGO_TABLES2_PAGE_RANGE = 8

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# REST API (doingoai.api): tokens for programs, the session for the browsable pages; rights are per object.
# API tokens are refused this many days after they were made (0: never); a password change ends them anyway.
DOINGOAI_API_TOKEN_DAYS = int(os.environ.get("DOINGOAI_API_TOKEN_DAYS", 90))
# (events, window in seconds) per key, counted in the cache (doingoai.core.throttle): failed logins per address
# across accounts (axes counts per account and address), invalid API keys per address, calendar feed reads per
# address, token creations/revocations per user.
DOINGOAI_RATE_LIMITS = {
    "login_failures_per_address": (int(os.environ.get("DOINGOAI_LOGIN_FAILURES_PER_ADDRESS", 20)), 15 * 60),
    "api_key_failures_per_address": (20, 15 * 60),
    "calendar_feed_per_address": (int(os.environ.get("DOINGOAI_FEED_READS_PER_ADDRESS", 120)), 10 * 60),
    "token_changes_per_user": (10, 60 * 60),
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "doingoai.api.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated", "doingoai.api.parsers.BodyRead"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "doingoai.api.pagination.Pagination",
    "PAGE_SIZE": 25,
    # Bodies: one JSON object (bounded size and depth), or a form (the browsable pages); errors in Vietnamese.
    "DEFAULT_PARSER_CLASSES": [
        "doingoai.api.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "doingoai.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "doingoai API",
    "DESCRIPTION": "Quản lý thống nhất các hoạt động đối ngoại của tỉnh — REST API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Choice sets sharing a field name ("kind") get their own names in the OpenAPI document.
    "ENUM_NAME_OVERRIDES": {
        "AgreementStatusEnum": "doingoai.agreements.models.AgreementStatus",
        "AgreementActionStatusEnum": "doingoai.agreements.models.ActionStatus",
        "OrganisationKindEnum": "doingoai.foreignorgs.models.OrganisationKind",
        "PermitKindEnum": "doingoai.foreignorgs.models.PermitKind",
        "StudyLevelEnum": "doingoai.people.models.StudyLevel",
        "ScholarshipSourceEnum": "doingoai.people.models.ScholarshipSource",
        "StudentStatusEnum": "doingoai.people.models.StudentStatus",
        "WorkerCategoryEnum": "doingoai.people.models.WorkerCategory",
        "WorkPermitKindEnum": "doingoai.people.models.WorkPermitKind",
        "WorkerStatusEnum": "doingoai.people.models.WorkerStatus",
        "AssociationKindEnum": "doingoai.friendship.models.AssociationKind",
        "AssociationStatusEnum": "doingoai.friendship.models.AssociationStatus",
        "AdminUnitKindEnum": "doingoai.core.models.AdminUnitKind",
        "LaoSideEnum": "doingoai.laocoop.models.LaoSide",
        "TwinningStatusEnum": "doingoai.laocoop.models.TwinningStatus",
        "ReportedStatusEnum": "doingoai.laocoop.models.ActivityStatus",  # also remains seasons
        "MeetingKindEnum": "doingoai.laocoop.models.MeetingKind",
        "MeetingLevelEnum": "doingoai.laocoop.models.MeetingLevel",
        "MeetingStatusEnum": "doingoai.laocoop.models.MeetingStatus",
        "MeetingActionStatusEnum": "doingoai.laocoop.models.ActionStatus",
        "AssistanceSectorEnum": "doingoai.laocoop.models.AssistanceSector",
        "InvestmentSectorEnum": "doingoai.aid.models.Sector",
        "AssistanceStatusEnum": "doingoai.laocoop.models.AssistanceStatus",
        "LegalDocumentKindEnum": "doingoai.legal.models.KINDS",
        "LegalStatusEnum": "doingoai.legal.models.LegalStatus",
        "AidKindEnum": "doingoai.aid.models.AidKind",
        "AidStatusEnum": "doingoai.aid.models.AidStatus",
        "InvestmentStatusEnum": "doingoai.aid.models.InvestmentStatus",
        "GateClassEnum": "doingoai.border.models.GateClass",
        "MarkerKindEnum": "doingoai.border.models.MarkerKind",
        "MarkerStatusEnum": "doingoai.border.models.MarkerStatus",
        "ConferenceStatusEnum": "doingoai.conferences.models.ConferenceStatus",
        "ApecStatusEnum": "doingoai.consular.models.ApecStatus",
        "CaseKindEnum": "doingoai.consular.models.CaseKind",
        "CaseStatusEnum": "doingoai.consular.models.CaseStatus",
        "PressVisitStatusEnum": "doingoai.consular.models.PressVisitStatus",
        "PartnerKindEnum": "doingoai.core.choices.PartnerKind",
        "RegionEnum": "doingoai.core.choices.Region",
        "UnitKindEnum": "doingoai.core.choices.UnitKind",
        "DelegationStatusEnum": "doingoai.delegations.models.DelegationStatus",
        "DirectionEnum": "doingoai.delegations.models.Direction",
        "EventKindEnum": "doingoai.events.models.EventKind",
        "EventStatusEnum": "doingoai.events.models.EventStatus",  # training courses share it
        "InspectionStatusEnum": "doingoai.events.models.InspectionStatus",
        "PlanStatusEnum": "doingoai.programs.models.PlanStatus",
        "TaskStatusEnum": "doingoai.programs.models.TaskStatus",
        "PlanKindEnum": "doingoai.programs.models.PlanKind",
        "CommitteeRoleEnum": "doingoai.programs.models.CommitteeRole",
        "RecurrenceEnum": "doingoai.programs.models.Recurrence",
        "InfoProductKindEnum": "doingoai.infowork.models.ProductKind",
        "InfoChannelEnum": "doingoai.infowork.models.Channel",
        "PressKindEnum": "doingoai.infowork.models.PressKind",
        "FalseInfoChannelEnum": "doingoai.infowork.models.FalseInfoChannel",
        "CommemorationKindEnum": "doingoai.infowork.models.CommemorationKind",
        "NormKindEnum": "doingoai.finance.models.NormKind",
        "AuthorityKindEnum": "doingoai.finance.models.AuthorityKind",
        "BudgetCurrencyEnum": "doingoai.finance.currency.CURRENCY_CHOICES",
        "AidCurrencyEnum": "doingoai.aid.models.Currency",
        "ProgressKindEnum": "doingoai.programs.models.ProgressKind",
        "PeriodKindEnum": "doingoai.reporting.models.PeriodKind",
        "PeriodStatusEnum": "doingoai.reporting.models.PeriodStatus",
        "ReportStatusEnum": "doingoai.reporting.models.ReportStatus",
    },
    "COMPONENT_SPLIT_REQUEST": True,
}

# Rules of law kept as data (see core/rules.py for their use).
DOINGOAI_RULES: dict[str, int] = {
    "delegation_report_days": 15,  # result report after return
    "agreement_opinion_working_days": 7,  # Law 70/2020/QH14 art. 18
    "agreement_report_days": 15,  # report to the Prime Minister after signing
    "conference_pm_apply_days": 40,  # Decision 06/2020/QĐ-TTg
    "conference_chairman_apply_days": 30,
    "ngo_aid_start_months": 6,  # Decree 80/2020/NĐ-CP
    "apec_enterprise_months": 12,  # Decision 09/2023/QĐ-TTg: enterprise operating at least 12 months
    "apec_min_age_years": 18,  # … applicant at least 18 years old
    "apec_in_post_months": 12,  # … and in the post at least 12 months
    "false_info_answer_days": 3,  # the answer to false information about the province, days after detection
}
# The yearly adjustment round of the delegation plan closes on this day (MM-DD) unless the programme says otherwise.
DOINGOAI_PLAN_ADJUSTMENT_DEADLINE = os.environ.get("DOINGOAI_PLAN_ADJUSTMENT_DEADLINE", "03-30")
# Days off skipped when counting working days: MM-DD every year, or YYYY-MM-DD for one year (the lunar new year
# and compensatory days change every year, so the administrator adds them as the Government announces them).
DOINGOAI_HOLIDAYS = os.environ.get(
    "DOINGOAI_HOLIDAYS",
    "01-01,04-30,05-01,09-01,09-02,"
    "2026-02-14,2026-02-15,2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-21,2026-02-22",
).split(",")

# Periodic reports and reminders (doingoai.reporting). The default reporting schedule suggests due dates when a
# period is opened (kind:DD for monthly, kind:MM-DD otherwise); the administrator keeps other schedules as data.
DOINGOAI_REPORTING_SCHEDULE = os.environ.get(
    "DOINGOAI_REPORTING_SCHEDULE", "monthly:20,semiannual:06-15,annual:12-15"
).split(",")
DOINGOAI_REMINDER_DAYS_BEFORE = int(os.environ.get("DOINGOAI_REMINDER_DAYS_BEFORE", 3))
DOINGOAI_REMINDER_EVERY_MINUTES = int(os.environ.get("DOINGOAI_REMINDER_EVERY_MINUTES", 60))
DOINGOAI_BASE_URL = os.environ.get("DOINGOAI_BASE_URL", "http://127.0.0.1:8000")  # links in reminder e-mails
DOINGOAI_REPORT_ATTACHMENT_MAX_MB = int(os.environ.get("DOINGOAI_REPORT_ATTACHMENT_MAX_MB", 20))
# A list export of more rows than this is written by the background worker, with a progress page.
DOINGOAI_EXPORT_BACKGROUND_ROWS = int(os.environ.get("DOINGOAI_EXPORT_BACKGROUND_ROWS", 20000))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
