"""Homes lead with what a resident can do: the "Get involved" block and its hook.

The block comes first on the network home and every partnership home, before partners; each
plugin that is on for the site adds at most one item; a plugin that is off adds nothing;
joining the involvement register is always offered, so with nothing else open it is the only
item; the block is cached per content generation.
"""

import datetime

import pytest
from django.db import reset_queries
from django.test import RequestFactory
from django.utils import timezone
from freezegun import freeze_time

from chorus.plugins import GetInvolvedItem, enablement
from chorus.plugins.get_involved import get_involved_items
from coproduction.factories import AssemblyIndexPageFactory, AssemblyPageFactory
from coproduction.models import AssemblyPage
from partnerships.factories import PartnerOrganisationFactory
from plugins.events.factories import EventIndexPageFactory, EventPageFactory
from plugins.grants.factories import GrantProgrammePageFactory, GrantRoundFactory
from plugins.timecredits.factories import OfferFactory, SchemeFactory, SpendPartnerFactory
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK
from tests.testplugins.needs_events.hooks import GET_INVOLVED_HEADING

pytestmark = [pytest.mark.django_db, WAGTAIL_RENDITION_LEAK]

NETWORK = {"host": "localhost"}
MEDWAY = {"host": "medway-swale.localhost"}
WEST_KENT = {"host": "west-kent.localhost"}
JOIN = "<h3>Join the register</h3>"


def home(client, headers):
    response = client.get("/", headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def block(html):
    """The "Get involved" section of a home page's HTML."""
    start = html.index('<section class="get-involved"')
    return html[start : html.index("</section>", start)]


def only_joining(found):
    """Whether the block offers nothing but joining the register, which is always open."""
    return found.count('class="get-involved__item"') == 1 and JOIN in found


def open_round(site, **fields):
    programme = GrantProgrammePageFactory(parent=site.root_page)
    return GrantRoundFactory(programme=programme, **{"title": "Spring 2027", **fields})


@pytest.fixture
def everything_on(medway_site, enable):
    """Medway with events, grants and time credits on and something open in each, and a
    recruiting assembly."""
    for plugin in ("events", "grants", "timecredits"):
        enable(plugin, medway_site)
    root = medway_site.root_page
    EventPageFactory(parent=EventIndexPageFactory(parent=root), title="Carers' coffee morning")
    open_round(medway_site)
    scheme = SchemeFactory(site=medway_site)
    OfferFactory(partner=SpendPartnerFactory(scheme=scheme), title="A swim")
    AssemblyPageFactory(
        parent=AssemblyIndexPageFactory(parent=root), title="Medway mental health assembly"
    )
    return medway_site


def test_a_partnership_home_opens_with_get_involved_before_its_partners(client, everything_on):
    root = everything_on.root_page.specific
    root.partner_roles.create(
        organisation=PartnerOrganisationFactory(name="Medway Voluntary Action"),
        role="Runs the grants",
    )
    root.save_revision().publish()

    html = home(client, MEDWAY)

    found = block(html)
    headings = [
        "Take part in an assembly",
        "Come to an event",
        "Apply for a community grant",
        "Give time, earn time credits",
    ]
    positions = [found.index(f"<h3>{heading}</h3>") for heading in headings]
    assert positions == sorted(positions)
    assert "Medway mental health assembly is looking for residents to take part" in found
    assert "The next event is Carers&#x27; coffee morning on" in found
    assert ">Apply to Spring 2027</a>" in found
    assert "spend it on 1 offer." in found
    # Before anything else on the page: the panels and, last, the partners.
    assert html.index("Get involved</h2>") < html.index("Coming up</h2>")
    assert html.index("Coming up</h2>") < html.index("Who is in the partnership</h2>")
    assert "Medway Voluntary Action" in html


def test_with_nothing_open_only_joining_the_register_is_offered(client, medway_site, network_site):
    assert only_joining(block(home(client, MEDWAY)))
    assert only_joining(block(home(client, NETWORK)))
    assert '<a href="/join/">Join the involvement register</a>' in block(home(client, MEDWAY))


def test_a_plugin_off_for_a_site_adds_nothing_there(client, medway_site, west_kent_site, enable):
    enable("grants", medway_site)
    open_round(medway_site)
    open_round(west_kent_site, title="West Kent fast grants")  # grants is off for West Kent

    assert "Apply to Spring 2027" in block(home(client, MEDWAY))
    assert "Apply for a community grant" not in block(home(client, WEST_KENT))

    enablement.disable("grants", medway_site)
    assert only_joining(block(home(client, MEDWAY)))


def test_the_hook_is_called_only_for_plugins_on_for_the_site(
    medway_site, west_kent_site, hook_calls
):
    enablement.enable("needs_events", medway_site)
    request = RequestFactory().get("/")

    on = get_involved_items(medway_site.root_page.specific, request)
    off = get_involved_items(west_kent_site.root_page.specific, request)
    joining = on.pop()  # the core's, on every site
    assert off == [joining] and joining.url == "/join/"

    assert on == [
        GetInvolvedItem(
            heading=GET_INVOLVED_HEADING,
            summary="Something to do on medway-swale.localhost.",
            url="/plugins/needs_events/",
            action="Join the test",
            order=5,
        )
    ]
    assert hook_calls == [("chorus_register_get_involved", "medway-swale.localhost")]


def test_the_network_home_gathers_from_sites_where_the_plugin_is_on(
    client, network_site, medway_site, west_kent_site, enable
):
    enable("grants", network_site)
    enable("grants", medway_site)
    open_round(medway_site)
    open_round(
        west_kent_site,
        title="West Kent fast grants",
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )

    found = block(home(client, NETWORK))

    assert "Spring 2027 is open for applications" in found
    assert 'href="http://medway-swale.localhost/' in found
    assert "West Kent" not in found  # grants is off there, though its round closes first


def test_the_network_home_leaves_out_a_plugin_off_for_the_network_site(
    client, network_site, medway_site, enable
):
    enable("grants", medway_site)
    open_round(medway_site)
    assert only_joining(block(home(client, NETWORK)))


def test_several_recruiting_assemblies_link_to_the_filtered_index(client, network_site):
    index = AssemblyIndexPageFactory(parent=network_site.root_page)
    for n in range(3):
        AssemblyPageFactory(parent=index, title=f"Assembly {n}")
    AssemblyPageFactory(parent=index, title="Reported", status=AssemblyPage.Status.REPORTED)

    found = block(home(client, NETWORK))

    assert "3 assemblies are looking for residents to take part." in found
    assert f'href="{index.url}?status=recruiting"' in found


def test_rounds_not_yet_open_or_closed_are_not_offered(client, medway_site, enable):
    enable("grants", medway_site)
    now = timezone.now()
    open_round(medway_site, title="Later", opens_at=now + datetime.timedelta(days=2))
    programme = GrantProgrammePageFactory(parent=medway_site.root_page, slug="old")
    GrantRoundFactory(
        programme=programme,
        title="Gone",
        opens_at=now - datetime.timedelta(days=20),
        closes_at=now - datetime.timedelta(days=1),
    )

    assert only_joining(block(home(client, MEDWAY)))


def test_a_round_closing_with_the_clock_leaves_within_the_fragment_lifetime(
    client, medway_site, enable, settings
):
    enable("grants", medway_site)
    closes = timezone.now() + datetime.timedelta(hours=1)
    open_round(medway_site, closes_at=closes)
    assert "Apply to Spring 2027" in block(home(client, MEDWAY))

    later = closes + datetime.timedelta(seconds=settings.CHORUS_FRAGMENT_CACHE_SECONDS + 1)
    with freeze_time(later):
        assert only_joining(block(home(client, MEDWAY)))


def test_a_change_to_plugin_data_shows_on_the_next_request(
    client, medway_site, enable, django_capture_on_commit_callbacks
):
    enable("grants", medway_site)
    pot = open_round(medway_site)
    assert "Apply to Spring 2027" in block(home(client, MEDWAY))

    with django_capture_on_commit_callbacks(execute=True):
        pot.closes_at = timezone.now() - datetime.timedelta(minutes=1)
        pot.save()  # the grants plugin refreshes the site's content: the cached block goes

    assert only_joining(block(home(client, MEDWAY)))


def test_a_home_with_everything_on_stays_within_the_query_budget(
    client, everything_on, django_assert_max_num_queries
):
    home(client, MEDWAY)  # cold: fills the caches
    reset_queries()
    with django_assert_max_num_queries(10):
        html = home(client, MEDWAY)
    assert "Give time, earn time credits" in html


def test_a_home_title_does_not_repeat_the_site_name(client, medway_site, network_site):
    medway_site.site_name = "Medway and Swale Health and Care Partnership"
    medway_site.save()

    html = home(client, MEDWAY)

    assert "<title>Medway and Swale Health and Care Partnership</title>" in html


def test_labels_are_plain_english(client, medway_site):
    html = home(client, MEDWAY)
    assert ">Kind<" not in html
    assert "covering Medway and Swale" in html
