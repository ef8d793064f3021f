"""The test database: migrated once, then copied for every test process.

Running Chorus's ~200 migrations takes most of a minute or two, and pytest-django runs them in
every process (each xdist worker, on SQLite and again on PostgreSQL). This module replaces
pytest-django's ``django_db_setup`` fixture so that the migrations run once, into a *template*,
and each process starts from a copy of it:

1. **Digest.** A hash of everything the migrated database depends on: every installed app's
   migration files (plus the model modules of any app without migrations, which
   ``run_syncdb`` builds from its models), the database engine, the Django and Wagtail
   versions, the settings that migrations read, and this module's own source. Any change to
   them names a different template, so a stale one is never used.
2. **Template.** The first process that finds no template for the digest builds one with
   Django's own ``create_test_db`` (real migrations, so Wagtail's data migrations make the
   tree's root page, the default site and the default locale) under a temporary name, and
   only then renames it into place, so a build that dies half-way never looks finished:
   - SQLite: the file ``$TMPDIR/chorus-test-db/sqlite-<digest>.sqlite3`` (``os.replace``);
   - PostgreSQL: the database ``chorus_tpl_<digest>`` on the server in ``DATABASE_URL``
     (``ALTER DATABASE ... RENAME``).
   An exclusive lock per engine (``$TMPDIR/chorus-test-db/<engine>.lock``) makes every other
   process (the other xdist workers, other runs) wait for the build and then reuse it; later
   runs reuse it too.
3. **Copy.** Each process copies the template into its own test database, named as Django and
   pytest-django name it (``test_<name>_gw0`` for xdist worker gw0): on SQLite into the
   in-memory database Django's test runner uses, through SQLite's backup API; on PostgreSQL
   with ``CREATE DATABASE ... TEMPLATE``. Databases that tests with ``serialized_rollback``
   need are then serialised, exactly as Django's ``setup_databases`` does, and at the end of
   the session Django's ``teardown_databases`` drops the copy.
4. **Housekeeping.** Templates of other digests that no run has used for an hour, and
   temporary names left by a build that died, are removed while the lock is held.

``pytest --create-db`` rebuilds the template. ``--reuse-db`` and ``--no-migrations`` have no
effect: every test process starts from a fresh copy of a migrated template.
"""

import fcntl
import hashlib
import importlib.util
import inspect
import os
import sqlite3
import tempfile
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import django
import pytest
import wagtail
from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.test.utils import teardown_databases

# pytest-django's own rule for which databases the collected tests use and which of them
# tests with serialized_rollback need serialised; reused so both fixtures agree.
from pytest_django.fixtures import _get_databases_for_setup

#: Where SQLite templates and the lock live.
WORKDIR = Path(tempfile.gettempdir()) / "chorus-test-db"

#: Templates of other digests are removed once no run has used them for this long (seconds),
#: so two checkouts with different migrations do not keep rebuilding each other's templates.
STALE_AFTER = 3600

#: Settings that change what migrations create.
SETTINGS_MIGRATIONS_READ = (
    "INSTALLED_APPS",
    "MIGRATION_MODULES",
    "AUTH_USER_MODEL",
    "DEFAULT_AUTO_FIELD",
    "LANGUAGE_CODE",
    "LANGUAGES",
    "WAGTAIL_I18N_ENABLED",
    "WAGTAIL_CONTENT_LANGUAGES",
    # chorus.caching's first migration makes the table of every database cache.
    "CACHES",
)


def schema_sources():
    """Return ``(app label, file)`` for every file the migrated database is built from."""
    sources = set()
    for app_config in apps.get_app_configs():
        module_name, _ = MigrationLoader.migrations_module(app_config.label)
        try:
            spec = importlib.util.find_spec(module_name) if module_name else None
        except ModuleNotFoundError:
            spec = None
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                sources.update((app_config.label, path) for path in Path(folder).glob("*.py"))
        else:
            sources.update(
                (app_config.label, Path(inspect.getsourcefile(model)))
                for model in app_config.get_models()
            )
    return sorted(sources, key=lambda source: (source[0], source[1].name))


def template_digest(connection):
    """Return a short hash naming the template that suits ``connection`` and this code."""
    digest = hashlib.sha256()
    for label, path in schema_sources():
        digest.update(f"{label}/{path.name}\0".encode())
        digest.update(path.read_bytes())
    versions = (connection.vendor, django.__version__, wagtail.__version__)
    configured = [(name, getattr(settings, name, None)) for name in SETTINGS_MIGRATIONS_READ]
    digest.update(repr((versions, configured)).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def exclusive_lock(vendor):
    """Hold the lock that serialises building, copying and removing ``vendor``'s templates."""
    WORKDIR.mkdir(exist_ok=True)
    with open(WORKDIR / f"{vendor}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def use_test_database(connection, name):
    """Point ``connection`` (and the settings) at the test database ``name``."""
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


class SQLiteTemplate:
    """A migrated SQLite database kept as a file, copied with SQLite's backup API."""

    def __init__(self, connection, digest):
        self.connection = connection
        self.path = WORKDIR / f"sqlite-{digest}.sqlite3"

    def exists(self):
        """Whether a finished template for this digest is on disk."""
        return self.path.exists()

    def build(self, verbosity):
        """Migrate this process's test database, then save it as the template."""
        self.connection.creation.create_test_db(
            verbosity=verbosity, autoclobber=True, serialize=False
        )
        partial = self.path.with_suffix(f".{os.getpid()}.partial")
        saved = sqlite3.connect(partial)
        try:
            self.connection.connection.backup(saved)
        finally:
            saved.close()
        os.replace(partial, self.path)

    def copy_into(self, test_name):
        """Fill the test database ``test_name`` (the connection's database) from the template."""
        self.connection.ensure_connection()
        source = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            source.backup(self.connection.connection)
        finally:
            source.close()

    def mark_used(self):
        """Record that a run used the template now."""
        os.utime(self.path)

    def remove(self):
        """Delete the template."""
        self.path.unlink(missing_ok=True)

    def remove_stale(self):
        """Delete other digests' templates unused for a while, and any half-built template."""
        for path in WORKDIR.glob("sqlite-*.partial"):
            path.unlink(missing_ok=True)
        for path in WORKDIR.glob("sqlite-*.sqlite3"):
            if path != self.path and path.stat().st_mtime < time.time() - STALE_AFTER:
                path.unlink(missing_ok=True)


class PostgreSQLTemplate:
    """A migrated PostgreSQL database on the test server, copied with CREATE DATABASE."""

    PREFIX = "chorus_tpl_"

    def __init__(self, connection, digest):
        self.connection = connection
        self.name = f"{self.PREFIX}{digest}"
        self.quote = connection.ops.quote_name

    def server(self):
        """A cursor on the server's maintenance database (never on a template or test db)."""
        return self.connection.creation._nodb_cursor()

    def exists(self):
        """Whether a finished template for this digest is on the server."""
        with self.server() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            return cursor.fetchone() is not None

    def build(self, verbosity):
        """Create and migrate a database under a temporary name, then rename it."""
        partial = f"{self.name}_partial"
        test_settings = self.connection.settings_dict["TEST"]
        test_name, name = test_settings["NAME"], self.connection.settings_dict["NAME"]
        test_settings["NAME"] = partial
        try:
            self.connection.creation.create_test_db(
                verbosity=verbosity, autoclobber=True, serialize=False
            )
        finally:
            test_settings["NAME"] = test_name
            use_test_database(self.connection, name)
        with self.server() as cursor:
            cursor.execute(
                f"ALTER DATABASE {self.quote(partial)} RENAME TO {self.quote(self.name)}"
            )

    def copy_into(self, test_name):
        """Create the test database ``test_name`` as a copy of the template."""
        with self.server() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {self.quote(test_name)}")
            cursor.execute(
                f"CREATE DATABASE {self.quote(test_name)} TEMPLATE {self.quote(self.name)}"
            )

    def mark_used(self):
        """Record that a run used the template now (in the database's comment)."""
        with self.server() as cursor:
            cursor.execute(f"COMMENT ON DATABASE {self.quote(self.name)} IS '{int(time.time())}'")

    def remove(self):
        """Drop the template."""
        with self.server() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {self.quote(self.name)}")

    def remove_stale(self):
        """Drop other digests' templates unused for a while, and any half-built template.

        One that another session is connected to stays until a later run.
        """
        with self.server() as cursor:
            cursor.execute(
                "SELECT datname, shobj_description(oid, 'pg_database') FROM pg_database"
                " WHERE starts_with(datname, %s) AND datname <> %s",
                [self.PREFIX, self.name],
            )
            unused = [
                name
                for name, comment in cursor.fetchall()
                if not (comment or "").isdigit() or int(comment) < time.time() - STALE_AFTER
            ]
            for name in unused:
                with suppress(DatabaseError):
                    cursor.execute(f"DROP DATABASE {self.quote(name)}")


TEMPLATES = {"sqlite": SQLiteTemplate, "postgresql": PostgreSQLTemplate}


def rebuild_once(run_id):
    """Whether ``--create-db`` still has to rebuild the templates in the run ``run_id``.

    True for the first process of the run to ask (the lock is held), so the other xdist
    workers copy the rebuilt template instead of rebuilding it again.
    """
    for marker in WORKDIR.glob("rebuilt-*"):
        if marker.stat().st_mtime < time.time() - STALE_AFTER:
            marker.unlink(missing_ok=True)
    marker = WORKDIR / f"rebuilt-{run_id}"
    if marker.exists():
        return False
    marker.touch()
    return True


def set_up_test_database(connection, *, run_id, rebuild, verbosity):
    """Give ``connection`` its own test database, copied from the template.

    Return the ``(connection, old name, destroy)`` entry Django's ``teardown_databases`` takes.
    """
    if connection.vendor not in TEMPLATES:
        raise NotImplementedError(f"tests/database.py has no templates for {connection.vendor}")
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    template = TEMPLATES[connection.vendor](connection, template_digest(connection))
    with exclusive_lock(connection.vendor):
        if rebuild and rebuild_once(f"{run_id}-{connection.alias}"):
            template.remove()
        template.remove_stale()
        if not template.exists():
            template.build(verbosity)
        template.mark_used()
        use_test_database(connection, test_name)
        template.copy_into(test_name)
    return connection, old_name, True


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """Replace pytest-django's fixture: copy a migrated template instead of migrating."""
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    # xdist gives all workers of one run the same id.
    run_id = getattr(request.config, "workerinput", {}).get("testrunuid", os.getpid())
    with django_db_blocker.unblock():
        old_config = [
            set_up_test_database(
                connections[alias],
                run_id=run_id,
                rebuild=django_db_createdb,
                verbosity=verbosity,
            )
            for alias in sorted(aliases)
        ]
        for alias in serialized_aliases:
            connection = connections[alias]
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    with django_db_blocker.unblock():
        teardown_databases(old_config, verbosity=verbosity)
