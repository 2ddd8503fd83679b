# The access log and erasure records belong to the `persons` app now (persons 0001 took over their tables):
# removed from this app's state only, no table is touched.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("diaspora", "0001_initial"),
        ("persons", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ErasureRecord"),
                migrations.DeleteModel(name="PersonalDataAccess"),
            ],
        ),
    ]
