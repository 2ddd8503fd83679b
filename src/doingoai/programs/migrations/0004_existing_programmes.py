"""Programmes kept before plans existed: followed up by the province's coordinating unit; their tasks' status
read from the progress recorded on them."""

from django.db import migrations


def fill(apps, schema_editor):
    Plan = apps.get_model("programs", "Plan")
    Task = apps.get_model("programs", "PlanTask")
    Unit = apps.get_model("core", "Unit")
    coordinator = Unit.objects.filter(is_coordinator=True).order_by("id").first()
    if coordinator is not None:
        Plan.objects.filter(coordinating_unit__isnull=True).update(coordinating_unit=coordinator)
    Task.objects.filter(progress__gte=100).update(status="done")
    Task.objects.filter(progress__gt=0, progress__lt=100).update(status="in_progress")


class Migration(migrations.Migration):
    dependencies = [("programs", "0003_plans_tasks_committees"), ("core", "0001_initial")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
