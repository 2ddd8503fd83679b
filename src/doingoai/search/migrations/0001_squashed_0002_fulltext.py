"""Search: 0001 and 0002 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand, then the full-text index of 0002 (FTS5 on SQLite,
tsvector + GIN on PostgreSQL). It is used where none of the migrations it replaces has run (a new database) and
marks them all as applied; a database part-way through them finishes them one by one. Its purpose is speed: Django
re-renders the migration state's models after each operation of each small migration, most of a new database's
`migrate` (README, Performance).
"""

from django.db import migrations, models

from doingoai.search.fulltext import setup_statements, teardown_statements


def forwards(apps, schema_editor):
    for sql in setup_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def backwards(apps, schema_editor):
    for sql in teardown_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    replaces = [("search", "0001_initial"), ("search", "0002_fulltext")]

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("registry", models.CharField(max_length=100, verbose_name="Danh mục")),
                ("object_id", models.BigIntegerField(verbose_name="Mã bản ghi")),
                ("title", models.CharField(max_length=500, verbose_name="Tiêu đề")),
                ("title_key", models.TextField(blank=True, verbose_name="Tiêu đề (chuẩn hóa)")),
                ("body", models.TextField(blank=True, verbose_name="Nội dung (chuẩn hóa)")),
                ("text", models.TextField(blank=True, verbose_name="Nội dung (như đã ghi, để trích dẫn)")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
            ],
            options={
                "verbose_name": "Mục chỉ mục tìm kiếm",
                "verbose_name_plural": "Chỉ mục tìm kiếm",
                "constraints": [
                    models.UniqueConstraint(fields=("registry", "object_id"), name="search_entry_unique_record")
                ],
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
