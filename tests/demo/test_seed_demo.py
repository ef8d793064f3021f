"""`manage.py seed_demo` builds the documented demo network, and a second run changes nothing."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from chorus.plugins import enablement
from chorus.plugins.models import SitePlugin
from coproduction.models import AssemblyPage, CharterPage, CharterSignature
from partnerships.models import SpotlightPage
from plugins.events.models import EventPage
from tests.demo.seeded import seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]

PORT = 8000
NETWORK = "localhost"
PLACES = [
    "medway-swale.localhost",
    "west-kent.localhost",
    "east-kent.localhost",
    "dgs.localhost",
]
SHARING_CARE = "sharing-care.localhost"
HOSTNAMES = [NETWORK, *PLACES, SHARING_CARE]

# Every model of these apps is counted before and after a second run.
APPS = [
    "partnerships",
    "coproduction",
    "plugins",
    "events",
    "grants",
    "timecredits",
    "voting",
    "network",
    "wagtailcore",
    "wagtailsearch",
    "wagtailimages",
    "taggit",
    "auth",
]


def seed():
    call_command("seed_demo", port=PORT, verbosity=0, with_admin=True)


def host(hostname):
    return {"host": f"{hostname}:{PORT}"}


def navigation_labels(html):
    """Return the labels of the main navigation's links."""
    nav = re.search(r'<nav class="site-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    return re.findall(r"<a [^>]*>([^<]+)</a>", nav)


def row_counts():
    """Return ``{model label: row count}`` for every model of the demo's apps."""
    return {
        model._meta.label: model._default_manager.count()
        for label in APPS
        for model in apps.get_app_config(label).get_models()
    }


def page_timestamps():
    return {
        pk: (title, created, published)
        for pk, title, created, published in Page.objects.values_list(
            "pk", "title", "latest_revision_created_at", "last_published_at"
        )
    }


demo = seeded_once(port=PORT, with_admin=True)


def test_builds_the_six_documented_sites_and_each_answers(client, demo):
    assert sorted(Site.objects.values_list("hostname", flat=True)) == sorted(HOSTNAMES)
    assert set(Site.objects.values_list("port", flat=True)) == {PORT}
    assert Site.objects.get(is_default_site=True).hostname == NETWORK

    for hostname in HOSTNAMES:
        site = Site.objects.get(hostname=hostname)
        response = client.get("/", headers=host(hostname))
        assert response.status_code == 200, hostname
        assert site.root_page.title in response.content.decode(), hostname
    # Wagtail's stock welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_events_is_on_for_the_places_and_the_network_and_off_for_sharing_care(client, demo):
    for hostname in [NETWORK, *PLACES]:
        site = Site.objects.get(hostname=hostname)
        assert enablement.is_enabled("events", site), hostname
        assert "Events" in navigation_labels(
            client.get("/", headers=host(hostname)).content.decode()
        ), hostname

    sharing_care = Site.objects.get(hostname=SHARING_CARE)
    assert not enablement.is_enabled("events", sharing_care)
    assert not SitePlugin.objects.filter(site=sharing_care, plugin="events", enabled=True).exists()
    assert client.get("/events/", headers=host(SHARING_CARE)).status_code == 404
    html = client.get("/", headers=host(SHARING_CARE)).content.decode()
    assert "Events" not in navigation_labels(html)
    assert not EventPage.objects.in_site(sharing_care).exists()


def test_charter_spotlights_assembly_and_events(client, demo):
    # The English charter (the demo also has its Polish translation).
    charter = CharterPage.objects.get(locale__language_code="en-gb")
    approved = CharterSignature.objects.filter(
        charter=charter, status=CharterSignature.Status.APPROVED
    )
    assert approved.count() >= 3
    response = client.get(charter.url, headers=host(NETWORK))
    assert response.status_code == 200
    html = response.content.decode()
    signatories = re.search(r'<ul class="cards signatories">(.*?)</ul>', html, re.S).group(1)
    for signature in approved.select_related("organisation"):
        assert signature.organisation.name in signatories
    for pending in CharterSignature.objects.filter(status=CharterSignature.Status.PENDING):
        assert pending.organisation.name not in signatories

    assert SpotlightPage.objects.live().count() >= 3
    for spotlight in SpotlightPage.objects.live():
        response = client.get(spotlight.url, headers=host(spotlight.get_site().hostname))
        assert response.status_code == 200, spotlight.url

    assembly = AssemblyPage.objects.live().get(locale__language_code="en-gb")
    assert assembly.sessions.count() >= 1
    assert client.get(assembly.url, headers=host(NETWORK)).status_code == 200

    sites_with_events = {event.get_site().hostname for event in EventPage.objects.live()}
    assert len(sites_with_events) >= 3
    assert SHARING_CARE not in sites_with_events


def test_a_second_run_changes_nothing(demo):
    counts = row_counts()
    timestamps = page_timestamps()
    switches = set(SitePlugin.objects.values_list("site__hostname", "plugin", "enabled"))

    seed()

    assert row_counts() == counts
    assert page_timestamps() == timestamps
    assert set(SitePlugin.objects.values_list("site__hostname", "plugin", "enabled")) == switches
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_with_admin_creates_the_local_demo_superuser(client, demo):
    admin = get_user_model().objects.get(is_superuser=True)
    assert admin.username == "admin"
    assert admin.is_superuser
    assert client.login(username="admin", password="chorus-demo")
