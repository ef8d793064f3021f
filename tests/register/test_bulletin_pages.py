"""The web archive of sent bulletins, and a bulletin's own page."""

import datetime

import pytest

from chorus.easyread.models import EasyReadPage
from coproduction.factories import BulletinPageFactory

from .bulletin_helpers import informed, make_bulletin, send

pytestmark = pytest.mark.django_db


def test_the_archive_lists_sent_bulletins_newest_first(client, network_site):
    older = make_bulletin(network_site, title="January news", date=datetime.date(2026, 1, 5))
    index = older.get_parent()
    newer = BulletinPageFactory(parent=index, title="February news", date=datetime.date(2026, 2, 2))
    BulletinPageFactory(parent=index, title="Not sent yet")
    informed(email="a@example.org")
    send(older, network_site)
    send(newer, network_site)

    archive = client.get(index.url).text

    assert archive.index("February news") < archive.index("January news")
    assert "Not sent yet" not in archive


def test_the_empty_archive_says_so(client, network_site):
    index = make_bulletin(network_site).get_parent()
    assert "No bulletins have been sent yet" in client.get(index.url).text


def test_a_bulletin_page_shows_its_body_and_may_have_an_easy_read_version(client, network_site):
    bulletin = make_bulletin(network_site, title="March news")
    page = client.get(bulletin.url)
    assert page.status_code == 200
    assert "<h2>You said, we did</h2>" in page.text
    assert EasyReadPage.can_create_at(bulletin)
