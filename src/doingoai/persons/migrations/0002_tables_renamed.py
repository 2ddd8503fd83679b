# The tables taken over from `diaspora` get this app's names (and their indexes the names Django gives them here).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("diaspora", "0002_personal_data_to_persons"),
        ("persons", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelTable(name="erasurerecord", table=None),
        migrations.AlterModelTable(name="personaldataaccess", table=None),
        migrations.RenameIndex(
            model_name="erasurerecord",
            new_name="persons_era_content_c65a16_idx",
            old_name="diaspora_er_content_2a15a3_idx",
        ),
        migrations.RenameIndex(
            model_name="personaldataaccess",
            new_name="persons_per_content_6d1601_idx",
            old_name="diaspora_pe_content_ea273e_idx",
        ),
    ]
