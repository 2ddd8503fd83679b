"""Dashboard: 0001 and 0002 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand, then the stored counts' triggers of 0002. It is used
where none of the migrations it replaces has run (a new database) and marks them all as applied; a database part-way
through them finishes them one by one. Its purpose is speed: Django re-renders the migration state's models after
each operation of each small migration, most of a new database's `migrate` (README, Performance).
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import doingoai.dashboard.models
from doingoai.dashboard import counts


def forwards(apps, schema_editor):
    counts.ensure(schema_editor.connection)  # the triggers, then the counts of what is already there


def backwards(apps, schema_editor):
    counts.drop(schema_editor.connection)


class Migration(migrations.Migration):
    replaces = [("dashboard", "0001_initial"), ("dashboard", "0002_delegation_counts")]

    initial = True

    dependencies = [
        ("conferences", "0001_squashed_0008_status_order_index"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_squashed_0008_list_order"),
        ("delegations", "0001_squashed_0017_planned_covering_index"),
        ("events", "0001_squashed_0003_event_authority_event_budget_note_and_more"),
        ("finance", "0001_squashed_0002_budget_totals_covering"),
    ]

    operations = [
        migrations.CreateModel(
            name="CalendarToken",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "token",
                    models.CharField(
                        default=doingoai.dashboard.models.new_token,
                        editable=False,
                        max_length=64,
                        unique=True,
                        verbose_name="Mã bí mật",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="Ngày thu hồi")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="calendar_tokens",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người dùng",
                    ),
                ),
            ],
            options={
                "verbose_name": "Địa chỉ lịch iCal",
                "verbose_name_plural": "Địa chỉ lịch iCal",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="DelegationCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField()),
                ("direction", models.CharField(max_length=3)),
                ("status", models.CharField(max_length=16)),
                ("funding_source", models.CharField(max_length=32)),
                ("month_mask", models.PositiveSmallIntegerField()),
                ("n", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("year", "direction", "status", "funding_source", "month_mask"), name="dash_count_key"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="DelegationRegionCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField()),
                ("status", models.CharField(max_length=16)),
                ("region", models.CharField(blank=True, max_length=16)),
                ("n", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("year", "status", "region"), name="dash_region_key")],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCalendarToken",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("revoked_at", models.DateTimeField(blank=True, null=True, verbose_name="Ngày thu hồi")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người dùng",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Địa chỉ lịch iCal",
                "verbose_name_plural": "historical Địa chỉ lịch iCal",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="BudgetSum",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField()),
                ("status", models.CharField(max_length=16)),
                ("budget_status", models.CharField(blank=True, max_length=16)),
                ("funding_source", models.CharField(max_length=32)),
                ("estimate", models.DecimalField(decimal_places=0, default=0, max_digits=24)),
                ("appraised", models.DecimalField(decimal_places=0, default=0, max_digits=24)),
                ("actual", models.DecimalField(decimal_places=0, default=0, max_digits=24)),
                (
                    "content_type",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("year", "content_type", "status", "budget_status", "funding_source"),
                        name="dash_budget_key",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="DelegationCountryCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("year", models.PositiveSmallIntegerField()),
                ("direction", models.CharField(max_length=3)),
                ("status", models.CharField(max_length=16)),
                ("n", models.IntegerField(default=0)),
                (
                    "country",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.country",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("year", "direction", "status", "country"), name="dash_country_key")
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
