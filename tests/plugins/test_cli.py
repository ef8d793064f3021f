"""`manage.py plugins list|enable|disable`, as an operator uses it."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from chorus.plugins.models import SitePlugin

REPO = Path(__file__).resolve().parents[2]


def run(*args):
    out = StringIO()
    call_command("plugins", *args, stdout=out)
    return out.getvalue()


def test_list_shows_every_plugin_with_version_needs_and_sites_where_on(
    medway_site, west_kent_site, enable
):
    enable("needs_events", medway_site)
    enable("events", west_kent_site)
    output = run("list")
    assert "events 1.0.0: medway-swale.localhost, west-kent.localhost" in output
    assert "needs_events 0.3.1 (needs events): medway-swale.localhost" in output
    assert "A test plugin that needs events and records the hooks it receives." in output


def test_list_says_no_sites_for_a_plugin_that_is_off_everywhere(medway_site):
    assert "needs_events 0.3.1 (needs events): no sites" in run("list")


def test_enable_switches_on_requirements_and_prints_each(medway_site):
    output = run("enable", "needs_events", "--site", "medway-swale.localhost")
    assert output.splitlines() == [
        "Enabled events for medway-swale.localhost.",
        "Enabled needs_events for medway-swale.localhost.",
    ]
    assert SitePlugin.objects.filter(site=medway_site, enabled=True).count() == 2
    assert "already enabled" in run("enable", "needs_events", "--site", "medway-swale.localhost")


def test_enable_with_no_requirements_refuses_clearly(medway_site):
    with pytest.raises(CommandError, match="needs_events needs events, which is off"):
        run("enable", "needs_events", "--site", "medway-swale.localhost", "--no-requirements")
    assert not SitePlugin.objects.exists()


def test_disable_switches_off_keeps_data_and_prints(medway_site, enable):
    enable("needs_events", medway_site)
    output = run("disable", "needs_events", "--site", "medway-swale.localhost")
    assert output == "Disabled needs_events for medway-swale.localhost. Its data is kept.\n"
    assert SitePlugin.objects.get(site=medway_site, plugin="needs_events").enabled is False


def test_disable_refuses_while_a_dependant_is_on(medway_site, enable):
    enable("needs_events", medway_site)
    with pytest.raises(CommandError, match="needs_events needs events on medway-swale"):
        run("disable", "events", "--site", "medway-swale.localhost")


def test_unknown_plugin_is_a_clear_error(medway_site):
    with pytest.raises(CommandError, match=r"Unknown plugin 'evnets'\. Installed plugins: "):
        run("enable", "evnets", "--site", "medway-swale.localhost")


def test_unknown_site_is_an_error_listing_the_sites(medway_site, west_kent_site):
    with pytest.raises(CommandError) as error:
        run("enable", "events", "--site", "medway.localhost")
    assert str(error.value) == (
        "No site has the hostname 'medway.localhost'. "
        "Sites: medway-swale.localhost, west-kent.localhost."
    )


def test_the_real_command_exits_non_zero_with_the_message_on_stderr(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chorus.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
    }
    # The plugin name is checked before the database is touched, so no migration is needed.
    manage = [sys.executable, str(REPO / "manage.py")]
    result = subprocess.run(
        [*manage, "plugins", "enable", "evnets", "--site", "localhost"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "CommandError: Unknown plugin 'evnets'." in result.stderr
    assert result.stdout == ""
