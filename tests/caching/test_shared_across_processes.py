"""One truth across processes: a switch or a publish made in one process is seen by every other.

These run real processes, as a deployment does (the demo server and the CLI, or several
gunicorn workers), against a throwaway database migrated with ``manage.py migrate`` alone, and
with the settings' default cache: no ``REDIS_URL``, so Django's database cache, whose table
``migrate`` makes. A long-lived process serves requests on command (``serving.py``) and so
keeps whatever it caches in memory; another process (the ``plugins`` command, the admin in a
second serving process, a script that publishes) changes something; the first must answer
its very next request from the new state, pages the server's page cache keeps included. On
PostgreSQL runs the throwaway database is made on the same server.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from tests.processes import run_manage

REPO = Path(__file__).resolve().parents[2]

MAKE_SITE = """
import sys
from django.contrib.auth import get_user_model
from chorus.plugins import enablement
from partnerships.factories import make_partnership_site
from plugins.events.factories import EventIndexPageFactory

hostname, events = sys.argv[1], sys.argv[2]
site = make_partnership_site(hostname, "West Kent Health and Care Partnership")
EventIndexPageFactory(parent=site.root_page)
if events == "on":
    enablement.enable("events", site)
User = get_user_model()
if not User.objects.filter(username="admin").exists():
    User.objects.create_superuser("admin", "admin@example.org", "chorus-pass-1")
print(site.pk)
"""

PUBLISH_IN_MENU = """
import sys
from wagtail.models import Site
from partnerships.factories import SpotlightIndexPageFactory

site = Site.objects.get(hostname=sys.argv[1])
page = SpotlightIndexPageFactory(
    parent=site.root_page, title="Spotlights", show_in_menus=True, live=False
)
page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def database_url(tmp_path_factory, django_db_blocker):
    """A throwaway database on the suite's engine: a SQLite file, or a PostgreSQL database."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path_factory.mktemp('processes') / 'chorus.sqlite3'}"
        return
    name = f"chorus_processes_{uuid.uuid4().hex[:12]}"
    with django_db_blocker.unblock(), connection.creation._nodb_cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    server = connection.settings_dict
    password = f":{quote(server['PASSWORD'])}" if server["PASSWORD"] else ""
    yield f"postgres://{quote(server['USER'])}{password}@{server['HOST']}:{server['PORT']}/{name}"
    with django_db_blocker.unblock(), connection.creation._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def environment(database_url):
    """The environment of every process: dev settings as the demo server has them (so the
    settings' default cache), the throwaway database, no Redis; migrated."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="chorus.settings.dev",
        DATABASE_URL=database_url,
        PYTHONPATH=os.pathsep.join([str(REPO / "site"), str(REPO)]),
    )
    migrated = manage(env, "migrate", "--no-input", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    return env


def manage(env, *args):
    """Run ``manage.py`` in a process of its own and return the finished process."""
    return run_manage(env, *args)


def run_script(env, script, *args):
    """Run ``script`` through ``manage.py shell`` in a process of its own; return its output."""
    done = manage(env, "shell", "-v0", "-c", f"import sys; sys.argv = ['', *{args!r}]\n{script}")
    assert done.returncode == 0, done.stderr
    return done.stdout


class Process:
    """A long-lived Chorus process (``serving.py``) that answers requests on command."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.caching.serving"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline() == "ready\n"

    def request(self, host, path, **extra):
        """Serve a request in this process; return ``{"status", "navigation"}``."""
        self.process.stdin.write(json.dumps({"host": host, "path": path, **extra}) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        """End the process: it stops when its input closes."""
        self.process.stdin.close()
        self.process.wait(timeout=60)
        self.process.stdout.close()


@pytest.fixture(scope="module")
def server(environment):
    """A process serving the sites, as one gunicorn worker or the demo server does."""
    process = Process(environment)
    yield process
    process.close()


@pytest.fixture
def make_site(environment):
    """Return a function that makes a site with an events index (in another process) and
    returns its id. Each test uses a hostname of its own, so nothing carries over."""

    def make(hostname, *, events):
        return int(run_script(environment, MAKE_SITE, hostname, "on" if events else "off"))

    return make


def test_a_plugin_switched_off_with_the_cli_is_off_in_a_running_process_at_once(
    server, environment, make_site
):
    host = "cli.localhost"
    make_site(host, events=True)
    for _warm in range(2):
        assert server.request(host, "/events/")["status"] == 200
        assert "Events" in server.request(host, "/")["navigation"]
    assert server.request(host, "/")["cache"] == "hit"  # the server's page cache is warm

    disabled = manage(environment, "plugins", "disable", "events", "--site", host)
    assert disabled.returncode == 0, disabled.stderr

    assert server.request(host, "/events/")["status"] == 404
    assert "Events" not in server.request(host, "/")["navigation"]


def test_a_plugin_switched_on_in_the_admin_of_one_process_is_on_in_another(
    server, environment, make_site
):
    host = "admin.localhost"
    site_id = make_site(host, events=False)
    for _warm in range(2):
        assert server.request(host, "/events/")["status"] == 404
        assert "Events" not in server.request(host, "/")["navigation"]

    admin = Process(environment)
    try:
        switched = admin.request(
            host,
            f"/admin/plugins/{site_id}/",
            post={"plugin": "events", "action": "enable"},
            user="admin",
        )
    finally:
        admin.close()
    assert switched["status"] == 302

    assert server.request(host, "/events/")["status"] == 200
    assert "Events" in server.request(host, "/")["navigation"]


def test_a_page_published_in_one_process_is_in_the_navigation_of_another(
    server, environment, make_site
):
    host = "publish.localhost"
    make_site(host, events=True)
    for _warm in range(2):
        assert server.request(host, "/")["navigation"] == ["Events"]
    assert server.request(host, "/")["cache"] == "hit"

    run_script(environment, PUBLISH_IN_MENU, host)

    assert server.request(host, "/")["navigation"] == ["Spotlights", "Events"]
    assert server.request(host, "/spotlights/")["status"] == 200
