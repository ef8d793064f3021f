"""``?from=<page id>``: the page the person came from, shown and recorded; anything else
is ignored without an error."""

import pytest
from django.template import Context, Template
from wagtail.models import Page, PageViewRestriction

from chorus.support.models import SupportRequest
from coproduction.factories import CharterPageFactory

from .conftest import ASK, request_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter(network_site):
    return CharterPageFactory(parent=network_site.root_page, title="Our co-production charter")


def test_the_page_is_shown_and_recorded_with_the_request(client, charter):
    page = client.get(f"{ASK}?from={charter.pk}").content.decode()
    assert "You are asking about:" in page
    assert "Our co-production charter" in page
    assert f'name="from" value="{charter.pk}"' in page

    client.post(ASK, request_data(**{"from": str(charter.pk)}))

    saved = SupportRequest.objects.get()
    assert saved.source_page.pk == charter.pk
    assert saved.source_title == "Our co-production charter"


@pytest.mark.parametrize(
    "value", ["abc", "-1", "0", "99999999", "1e3", "%00", "9" * 40, "", "１２", "²", " 1 2"]
)
def test_a_bad_or_unknown_page_is_ignored(client, network_site, value):
    response = client.get(ASK, {"from": value})
    assert response.status_code == 200
    assert "You are asking about:" not in response.content.decode()
    assert client.post(ASK, request_data(**{"from": value})).status_code == 302
    assert SupportRequest.objects.get().source_page is None


def test_a_page_of_another_site_a_draft_or_a_private_page_is_ignored(client, charter, medway_site):
    other_site = CharterPageFactory(parent=medway_site.root_page, title="Medway charter")
    draft = CharterPageFactory(parent=charter.get_parent(), title="Draft", live=False)
    private = CharterPageFactory(parent=charter.get_parent(), title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    root = Page.get_first_root_node()
    for page in (other_site, draft, private, root):
        response = client.get(ASK, {"from": page.pk})
        assert "You are asking about:" not in response.content.decode(), page


def test_the_template_tag_carries_the_page(charter):
    template = Template("{% load ask_for_help %}{% ask_for_help_url page %}|{% ask_for_help_url %}")
    assert template.render(Context({"page": charter})) == f"{ASK}?from={charter.pk}|{ASK}"
