"""The programme becomes one kind of plan (issue: every plan the province runs): renames only, data kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]

    operations = [
        # Dropped first (and made again in 0003): they name the renamed field.
        migrations.RemoveConstraint(model_name="planversion", name="planversion_unique_number"),
        migrations.RemoveIndex(model_name="programitem", name="programs_pr_program_e93a14_idx"),
        migrations.RenameModel("Program", "Plan"),
        migrations.RenameModel("HistoricalProgram", "HistoricalPlan"),
        migrations.RenameModel("ProgramItem", "PlanTask"),
        migrations.RenameModel("HistoricalProgramItem", "HistoricalPlanTask"),
        migrations.RenameModel("HistoricalProgramItem_coordinating_units", "HistoricalPlanTask_coordinating_units"),
        migrations.RenameField("plantask", "program", "plan"),
        migrations.RenameField("historicalplantask", "program", "plan"),
        migrations.RenameField("planversion", "program", "plan"),
        migrations.RenameField("historicalplantask_coordinating_units", "programitem", "plantask"),
    ]
