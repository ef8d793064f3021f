"""Who sees the Voting menu and screens: the secretaries of co-ops where voting is on."""

import pytest

from chorus.plugins import enablement
from plugins.voting import comments
from plugins.voting.factories import ballot_in_state
from plugins.voting.permissions import is_secretary, secretary_sites, voting_sites

from .conftest import CARE_TOGETHER, assert_refused, signed_in

pytestmark = pytest.mark.django_db

LINKS = (
    "/admin/voting/ballots/",
    "/admin/voting/proposals/",
    "/admin/voting/comments/",
    # Wagtail's settings screen for the voting settings (in the Voting and Settings menus).
    "/admin/settings/voting/votingsettings/",
)


def menu_links(client):
    html = client.get("/admin/").content.decode()
    return [link for link in LINKS if f'"{link}"' in html or f"&quot;{link}&quot;" in html]


def test_a_secretary_sees_the_voting_menu_where_voting_is_on(secretary_browser):
    assert menu_links(secretary_browser) == list(LINKS)
    for url in LINKS:
        assert secretary_browser.get(url, follow=True).status_code == 200, url
    assert secretary_browser.get("/admin/voting/ballots/new/").status_code == 200


def test_the_menu_is_hidden_where_voting_is_off(secretary, coop_site, register):
    assert menu_links(signed_in(secretary)) == []
    enablement.enable("voting", coop_site)
    assert menu_links(signed_in(secretary)) != []
    enablement.disable("voting", coop_site)
    client = signed_in(secretary)
    assert menu_links(client) == []
    assert_refused(client.get(f"/admin/settings/voting/votingsettings/{coop_site.pk}/"))
    # The plugin's own screens are not there at all where it is off (the admin guard).
    assert client.get("/admin/voting/ballots/").status_code == 404
    assert client.get("/admin/voting/proposals/").status_code == 404


def test_an_editor_who_is_no_secretary_sees_nothing_and_is_refused(editor, voting_site, register):
    client = signed_in(editor)
    assert menu_links(client) == []
    for url in (*LINKS, "/admin/voting/ballots/new/"):
        assert_refused(client.get(url))


def test_an_editor_cannot_reach_a_ballot_by_its_address(editor, voting_site, user_members):
    ballot = ballot_in_state("draft", site=voting_site, classes=[user_members])
    client = signed_in(editor)
    for url in (
        f"/admin/voting/ballots/edit/{ballot.pk}/",
        f"/admin/voting/ballots/delete/{ballot.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/admin/voting/ballots/{ballot.pk}/",
        f"/admin/voting/ballots/{ballot.pk}/electorate/",
    ):
        assert_refused(client.get(url))
    assert_refused(client.post(f"/admin/voting/ballots/{ballot.pk}/schedule/"))
    ballot.refresh_from_db()
    assert ballot.status == "draft"


def test_secretaries_keep_their_own_registers_and_superusers_every_one(
    secretary, voting_site, other_coop, other_secretary, admin_user
):
    assert list(secretary_sites(secretary)) == [voting_site]
    assert is_secretary(secretary, voting_site)
    assert not is_secretary(secretary, other_coop["site"])
    assert list(voting_sites(other_secretary)) == [other_coop["site"]]
    assert set(voting_sites(admin_user)) == {voting_site, other_coop["site"]}


def test_a_superuser_sees_every_coops_ballots(
    admin_client, voting_site, user_members, other_coop, other_class
):
    ballot_in_state("draft", site=voting_site, classes=[user_members], title="Sharing rules")
    ballot_in_state("draft", site=other_coop["site"], classes=[other_class], title="Carers' pay")
    admin_client.defaults["HTTP_HOST"] = CARE_TOGETHER
    assert menu_links(admin_client) == list(LINKS)
    html = admin_client.get("/admin/voting/ballots/").content.decode()
    assert "Sharing rules" in html and "Carers&#x27; pay" in html


def test_the_menu_says_how_many_comments_wait_for_moderation(
    secretary_browser, open_resolution, members
):
    assert "waiting)" not in secretary_browser.get("/admin/").content.decode()
    comments.post(open_resolution, members[0], "I support this.")
    comments.post(open_resolution, members[1], "So do I.")
    assert "Comments (2 waiting)" in secretary_browser.get("/admin/").content.decode()
