"""Create the cache table, so that ``manage.py migrate`` alone makes a working site.

Without ``REDIS_URL`` every process shares Django's database cache (see ``CACHES`` in
``chorus.settings.base``). Its table is not a model, so this runs Django's own
``createcachetable``, which makes the table of every database cache in ``CACHES`` that is
missing and does nothing when the cache is Redis or local memory (as in the tests).
"""

from django.core.cache import caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_tables(apps, schema_editor):
    quote = schema_editor.quote_name
    for alias in caches:
        cache = caches[alias]
        if isinstance(cache, BaseDatabaseCache):
            schema_editor.execute(f"DROP TABLE IF EXISTS {quote(cache._table)}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_tables, drop_cache_tables)]
