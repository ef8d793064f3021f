"""Every promise of adjustments, interpreters or Easy Read links to the form, carrying the
page; so does every page's footer."""

import pytest

from coproduction.factories import AssemblyPageFactory, CharterPageFactory
from plugins.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def ask_link(page):
    return f'href="/ask-for-help/?from={page.pk}"'


def test_the_footer_links_to_the_form_from_every_page(client, network_site):
    home = network_site.root_page
    page = client.get("/").content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    assert ask_link(home) in footer and "Ask for help or another format" in footer
    search = client.get("/search/").content.decode()
    assert 'href="/ask-for-help/"' in search


def test_the_assembly_access_section_links_to_the_form(client, network_site):
    assembly = AssemblyPageFactory(parent=network_site.root_page)
    page = client.get(assembly.url).content.decode()
    access = page[page.index('id="access"') : page.index("</section>", page.index('id="access"'))]
    assert ask_link(assembly) in access
    assert "Ask for Easy Read, an interpreter or another adjustment" in access


def test_the_charter_links_to_the_form(client, network_site):
    charter = CharterPageFactory(parent=network_site.root_page)
    page = client.get(charter.url).content.decode()
    assert page.count(ask_link(charter)) == 2  # under the introduction, and in the footer


def test_an_event_links_to_the_form_even_without_access_notes(client, medway_site, enable):
    enable("events", medway_site)
    index = EventIndexPageFactory(parent=medway_site.root_page, slug="events")
    event = EventPageFactory(parent=index, accessibility="")
    page = client.get(event.url, headers={"host": "medway-swale.localhost"}).content.decode()
    access = page[page.index('id="access-heading"') :]
    assert ask_link(event) in access[: access.index("</section>")]


def test_the_polish_pages_link_to_the_polish_form(client, network_site):
    page = client.get("/pl/").content.decode()
    assert f'href="/pl/ask-for-help/?from={network_site.root_page.pk}"' in page
