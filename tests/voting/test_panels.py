"""The "Have your say" panel on a co-op's home page: the ballots open now, for everyone."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from chorus.plugins.enablement import disable
from partnerships.factories import MemberClassFactory, MemberRegisterFactory
from partnerships.models import PartnershipHomePage
from plugins.voting.factories import ballot_in_state, close_now
from plugins.voting.panels import open_ballots, open_ballots_panel

pytestmark = pytest.mark.django_db

SHARING_CARE = {"host": "sharing-care.localhost"}
HOUR = datetime.timedelta(hours=1)


def home_html(client):
    response = client.get("/", headers=SHARING_CARE)
    assert response.status_code == 200
    return response.content.decode()


def test_the_home_page_lists_the_open_ballots_with_links_and_closing_times(client, open_resolution):
    html = home_html(client)

    assert "Have your say: members are voting" in html
    assert (
        f'<a href="/plugins/voting/ballots/{open_resolution.pk}/">Adopt the revised rules</a>'
        in html
    )
    closes = timezone.localtime(open_resolution.closes_at)
    assert f"voting closes {closes:%A} {closes.day} {closes:%B}, {closes:%H:%M}" in html
    assert 'href="/plugins/voting/">Have your say</a>' in html


def test_the_panel_is_the_same_for_everyone_so_the_page_stays_cacheable(client, open_resolution):
    response = client.get("/", headers=SHARING_CARE)

    assert "public" in response["Cache-Control"]


def test_closing_a_ballot_takes_it_off_the_stored_home_page_at_once(
    client, open_resolution, settings, django_capture_on_commit_callbacks
):
    settings.CHORUS_SERVER_PAGE_CACHE = True
    assert "Adopt the revised rules" in home_html(client)
    assert client.get("/", headers=SHARING_CARE)["X-Chorus-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        close_now(open_resolution)

    assert "Adopt the revised rules" not in home_html(client)


def test_ballots_not_open_now_are_not_listed(client, voting_site, user_members, member):
    ballot_in_state("draft", site=voting_site, classes=[user_members], title="Still a draft")
    ballot_in_state("scheduled", site=voting_site, classes=[user_members], title="Next month")
    ballot_in_state("closed", site=voting_site, classes=[user_members], title="Last year")

    html = home_html(client)

    assert "Have your say: members are voting" not in html
    for title in ("Still a draft", "Next month", "Last year"):
        assert title not in html


def test_a_ballot_whose_opening_time_has_come_is_listed_before_the_cron_opens_it(
    voting_site, user_members
):
    ballot = ballot_in_state("scheduled", site=voting_site, classes=[user_members])
    home = voting_site.root_page

    assert list(open_ballots(home, ballot.opens_at - HOUR)) == []
    assert list(open_ballots(home, ballot.opens_at + HOUR)) == [ballot]
    assert list(open_ballots(home, ballot.closes_at)) == []


def test_another_coops_open_ballots_are_not_listed(client, open_resolution, west_kent_site, enable):
    enable("voting", west_kent_site)
    west_kent_class = MemberClassFactory(register=MemberRegisterFactory(site=west_kent_site))
    ballot_in_state("open", site=west_kent_site, classes=[west_kent_class], title="West Kent vote")

    html = home_html(client)

    assert "Adopt the revised rules" in html
    assert "West Kent vote" not in html


def test_no_panel_where_voting_is_off(client, open_resolution, voting_site):
    disable("voting", voting_site)

    assert "Have your say" not in home_html(client)


def test_a_panel_lists_the_ballots_closing_soonest_first(voting_site, user_members):
    now = timezone.now()
    later = ballot_in_state(
        "open", site=voting_site, classes=[user_members], closes_at=now + 48 * HOUR
    )
    sooner = ballot_in_state(
        "open", site=voting_site, classes=[user_members], closes_at=now + 2 * HOUR
    )
    request = RequestFactory().get("/", headers=SHARING_CARE)

    [panel] = open_ballots_panel(PartnershipHomePage.objects.get(), request)

    assert [b.pk for b in panel.context["ballots"]] == [sooner.pk, later.pk]
