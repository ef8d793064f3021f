"""A change to the site's identity shows on the next anonymous visit, page cache and all."""

import pytest
from django.test import Client
from django.urls import reverse

from chorus.identity.models import SiteIdentity

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
CACHE = "X-Chorus-Cache"


@pytest.fixture(autouse=True)
def server_page_cache(settings):
    """The server's page cache is on (the test settings leave it off for other tests)."""
    settings.CHORUS_SERVER_PAGE_CACHE = True


def test_new_phone_number_shows_on_the_next_anonymous_request(medway_identity):
    first = Client().get("/", headers=MEDWAY)
    again = Client().get("/", headers=MEDWAY)
    assert (first[CACHE], again[CACHE]) == ("miss", "hit")
    assert "01632 960200" in again.content.decode()

    medway_identity.phone = "01632 960999"
    medway_identity.save()

    after = Client().get("/", headers=MEDWAY)
    assert after[CACHE] == "miss"
    assert "01632 960999" in after.content.decode()
    assert "01632 960200" not in after.content.decode()


def test_saving_the_settings_in_the_admin_refreshes_the_footer(admin_client, medway_identity):
    assert "Run by Red Zebra" in Client().get("/", headers=MEDWAY).content.decode()
    site_id = medway_identity.site_id
    url = reverse("wagtailsettings:edit", args=["identity", "siteidentity", site_id])
    form = admin_client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["organisation"] = "Medway Voluntary Action"

    saved = admin_client.post(url, data)

    assert saved.status_code == 302
    assert "Run by Medway Voluntary Action" in Client().get("/", headers=MEDWAY).content.decode()


def test_retitled_contact_page_moves_the_footer_link(medway_identity, key_pages):
    assert '<a href="/contact/">' in Client().get("/", headers=MEDWAY).content.decode()
    contact = key_pages["contact"]
    contact.slug = "get-in-touch"
    contact.save_revision().publish()

    html = Client().get("/", headers=MEDWAY).content.decode()
    assert '<a href="/get-in-touch/">Contact us</a>' in html


def test_reading_a_blank_identity_keeps_the_stored_page(medway_site):
    """Nobody has filled in Medway's identity: showing the footer creates no settings row,
    which would move the content generation on and forget the page just stored."""
    assert Client().get("/", headers=MEDWAY)[CACHE] == "miss"

    assert Client().get("/", headers=MEDWAY)[CACHE] == "hit"
    assert not SiteIdentity.objects.exists()
