"""A reporting period belongs to a plan: existing periods join the programme of their year."""

import django.db.models.deletion
from django.db import migrations, models


def link_to_programmes(apps, schema_editor):
    """Each period goes to its year's programme; a second copy of the same period (opened twice before this
    was refused) keeps no plan, so nothing is deleted and the uniqueness below holds."""
    Plan = apps.get_model("programs", "Plan")
    Period = apps.get_model("reporting", "ReportingPeriod")
    programmes = dict(Plan.objects.filter(kind="program").values_list("year", "pk"))
    seen = set()
    for period in Period.objects.order_by("id"):
        plan_id = programmes.get(period.year)
        # Ad hoc requests may share their dates (two topics asked for the same month): they differ by name.
        key = (plan_id, period.kind, period.label.lower() if period.kind == "adhoc" else (period.start, period.end))
        if plan_id is None or key in seen:
            continue
        seen.add(key)
        Period.objects.filter(pk=period.pk).update(plan_id=plan_id)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("programs", "0004_existing_programmes"),
        ("reporting", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalreportingperiod",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Báo cáo gửi cơ quan theo dõi của kế hoạch này",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programs.plan",
                verbose_name="Kế hoạch",
            ),
        ),
        migrations.AddField(
            model_name="reportingperiod",
            name="plan",
            field=models.ForeignKey(
                blank=True,
                help_text="Báo cáo gửi cơ quan theo dõi của kế hoạch này",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reporting_periods",
                to="programs.plan",
                verbose_name="Kế hoạch",
            ),
        ),
        migrations.RunPython(link_to_programmes, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="reportingperiod",
            constraint=models.UniqueConstraint(
                fields=("plan", "kind", "start", "end"), condition=~models.Q(kind="adhoc"), name="period_once_per_plan"
            ),
        ),
    ]
