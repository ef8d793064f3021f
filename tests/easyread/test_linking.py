"""A page and its Easy Read version link to each other; a page without one links nowhere."""

import re

import pytest
from wagtail.models import Page, get_page_models

from chorus.easyread.factories import EasyReadPageFactory, heading, idea
from chorus.easyread.models import EasyReadPage

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
EASY_READ_LINK = re.compile(r'<p class="easy-read-switch"><a href="([^"]+)">Easy Read version')


def easy_read_link(response):
    """The address the "Easy Read version" link near the top goes to, or ``None``."""
    found = EASY_READ_LINK.search(response.content.decode())
    return found.group(1) if found else None


def test_a_page_with_an_easy_read_version_links_to_it_near_the_top(client, charter):
    EasyReadPageFactory(parent=charter, title="The charter in Easy Read")

    html = client.get("/charter/").content.decode()

    assert easy_read_link(client.get("/charter/")) == "/charter/easy-read/"
    # Near the top: before the page's heading.
    assert html.index("Easy Read version") < html.index("<h1>")


def test_the_easy_read_version_links_back_to_the_standard_version(client, charter):
    EasyReadPageFactory(
        parent=charter,
        title="The charter in Easy Read",
        body=[heading("What is the charter?"), idea("The charter is a list of promises.")],
    )

    response = client.get("/charter/easy-read/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/charter/">Standard version: Co-production charter</a>' in html
    assert '<h2 class="easy-read-heading">What is the charter?</h2>' in html
    assert "The charter is a list of promises." in html
    assert easy_read_link(response) is None  # no Easy Read version of the Easy Read version


def test_a_page_without_an_easy_read_version_shows_no_link(client, charter, assembly):
    assert easy_read_link(client.get("/charter/")) is None
    assert easy_read_link(client.get(assembly.url, headers=MEDWAY)) is None


def test_an_unpublished_easy_read_version_is_not_linked(client, charter):
    version = EasyReadPageFactory(parent=charter)
    version.unpublish()

    assert easy_read_link(client.get("/charter/")) is None
    assert client.get("/charter/easy-read/").status_code == 404


def test_the_assembly_links_its_easy_read_materials_once_a_version_exists(client, assembly):
    before = client.get(assembly.url, headers=MEDWAY).content.decode()
    assert "<li>Easy Read materials</li>" in before  # listed, not linked

    EasyReadPageFactory(parent=assembly)
    response = client.get(assembly.url, headers=MEDWAY)

    url = f"{assembly.url}easy-read/"
    assert easy_read_link(response) == url
    assert f'<li><a href="{url}">Easy Read materials</a></li>' in response.content.decode()


def test_the_charter_s_own_routes_still_answer_beside_its_easy_read_version(client, charter):
    EasyReadPageFactory(parent=charter)

    assert client.get("/charter/sign/").status_code == 200
    assert client.get("/charter/easy-read/").status_code == 200


def test_every_page_type_can_have_an_easy_read_version():
    """A new page type that lists its ``subpage_types`` must add "easyread.EasyReadPage",
    unless its Easy Read version is a page of its own kind (a survey's, whose answers count)."""
    without = [
        model.__name__
        for model in get_page_models()
        if model not in (Page, EasyReadPage)
        and EasyReadPage not in model.clean_subpage_models()
        and not getattr(model, "easy_read_version_is_own_kind", False)
    ]
    assert without == []


def test_an_easy_read_version_has_no_version_of_its_own_and_the_root_has_none(charter):
    assert EasyReadPage.can_create_at(charter)
    version = EasyReadPageFactory(parent=charter)

    assert not EasyReadPage.can_create_at(version)
    assert not EasyReadPage.can_exist_under(Page.get_first_root_node())
    assert not EasyReadPage.can_create_at(charter)  # one version per page


def test_an_easy_read_version_answers_404_where_its_original_s_plugin_is_off(
    client, medway_site, enable
):
    from chorus.plugins import enablement
    from plugins.events.factories import EventIndexPageFactory, EventPageFactory

    enable("events", medway_site)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=medway_site.root_page))
    version = EasyReadPageFactory(parent=event)
    assert client.get(version.url, headers=MEDWAY).status_code == 200

    enablement.disable("events", medway_site)

    assert client.get(version.url, headers=MEDWAY).status_code == 404
