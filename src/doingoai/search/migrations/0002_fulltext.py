"""The database's full-text index over SearchEntry: FTS5 on SQLite, tsvector + GIN + unaccent on PostgreSQL.

On SQLite, triggers keep the FTS5 table in step with search_searchentry (a later migration that rebuilds that
table must run this setup again).
"""

from django.db import migrations

from doingoai.search.fulltext import setup_statements, teardown_statements


def forwards(apps, schema_editor):
    for sql in setup_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


def backwards(apps, schema_editor):
    for sql in teardown_statements(schema_editor.connection.vendor):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
