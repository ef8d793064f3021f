"""With the server's page cache on, publishing an Easy Read version shows its link at once.

Publishing moves the content generation on, so the original's stored page (which has no
link) is forgotten and the next visitor gets one with the link.
"""

import pytest
from django.test import Client

from chorus.easyread.models import EasyReadPage
from tests.easyread.admin_forms import page_form

pytestmark = pytest.mark.django_db

CACHE = "X-Chorus-Cache"
LINK = 'href="/charter/easy-read/"'


@pytest.fixture(autouse=True)
def server_page_cache(settings):
    """The server's page cache is on (the test settings leave it off)."""
    settings.CHORUS_SERVER_PAGE_CACHE = True


def test_publishing_an_easy_read_version_shows_its_link_on_the_cached_original(
    admin_client, charter
):
    visitor = Client()
    assert visitor.get("/charter/")[CACHE] == "miss"
    stored = visitor.get("/charter/")
    assert stored[CACHE] == "hit" and LINK not in stored.content.decode()

    # Saved as a draft first: nothing changes for visitors.
    add = f"/admin/pages/add/easyread/easyreadpage/{charter.pk}/"
    admin_client.post(add, page_form("The charter in Easy Read", "We make promises."))
    version = EasyReadPage.objects.child_of(charter).get()
    assert not version.live
    draft = visitor.get("/charter/")
    assert draft[CACHE] == "hit" and LINK not in draft.content.decode()

    admin_client.post(
        f"/admin/pages/{version.pk}/edit/",
        page_form("The charter in Easy Read", "We make promises.", publish=True),
    )

    published = visitor.get("/charter/")
    assert published[CACHE] == "miss"
    assert LINK in published.content.decode()
    assert visitor.get("/charter/easy-read/").status_code == 200
    assert visitor.get("/charter/")[CACHE] == "hit"
