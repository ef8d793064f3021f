"""The "Have your say" link: in the menu of a co-op with a register, where voting is on."""

import pytest
from django.test import RequestFactory

from chorus.plugins.enablement import disable
from chorus.plugins.navigation import build_navigation
from partnerships.factories import MemberRegisterFactory

pytestmark = pytest.mark.django_db

SHARING_CARE = {"host": "sharing-care.localhost"}


def menu(site):
    request = RequestFactory().get("/", headers=SHARING_CARE)
    return {item.label: item.url for item in build_navigation(site, request)}


def test_the_menu_links_to_have_your_say_where_the_coop_keeps_a_register(voting_site, register):
    assert menu(voting_site)["Have your say"] == "/plugins/voting/"


def test_the_link_is_in_the_sites_menu(client, voting_site, register):
    html = client.get("/", headers=SHARING_CARE).content.decode()

    assert '<a href="/plugins/voting/"' in html
    assert "Have your say" in html


def test_the_polish_menu_links_to_the_polish_pages(client, voting_site, register):
    html = client.get("/pl/", headers=SHARING_CARE).content.decode()

    assert 'href="/pl/plugins/voting/"' in html


def test_no_link_on_a_site_without_a_register_of_members(voting_site):
    assert "Have your say" not in menu(voting_site)


def test_no_link_where_voting_is_off(voting_site, register):
    disable("voting", voting_site)

    assert "Have your say" not in menu(voting_site)


def test_the_cached_menu_gains_the_link_when_a_register_is_added(client, voting_site):
    assert "Have your say" not in client.get("/", headers=SHARING_CARE).content.decode()

    MemberRegisterFactory(site=voting_site)

    assert "Have your say" in client.get("/", headers=SHARING_CARE).content.decode()
