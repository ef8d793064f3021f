"""The standard content page: every block renders accessibly, and editors can add one."""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from chorus.identity.models import SiteIdentity
from pages.factories import ContentPageFactory
from pages.models import ContentPage
from partnerships.factories import SpotlightIndexPageFactory
from tests.partnerships.fixtures import WAGTAIL_RENDITION_LEAK

pytestmark = pytest.mark.django_db

MEDWAY = {"host": "medway-swale.localhost"}
VIDEO = "https://www.youtube.com/watch?v=chorus-demo"


@pytest.fixture
def annual_report(db):
    Document = get_document_model()
    return Document.objects.create(
        title="Annual report 2025", file=ContentFile(b"%PDF-1.4 report", name="annual-report.pdf")
    )


@pytest.fixture
def stored_video(db):
    """The video's oEmbed answer, as Wagtail stores it after asking YouTube once."""
    return Embed.objects.create(
        url=VIDEO,
        hash=get_embed_hash(VIDEO),
        type="video",
        title="Our health assembly",
        html='<iframe title="Our health assembly" src="https://www.youtube-nocookie.com/embed/x"'
        ' width="480" height="270"></iframe>',
    )


def every_block(image, document, contact):
    return [
        ("heading", {"text": "Who we are"}),
        ("paragraph", "<p>Involving Medway began in <b>2017</b>.</p>"),
        (
            "image",
            {
                "image": {"image": image, "alt_text": "Volunteers", "decorative": False},
                "caption": "At the assembly",
            },
        ),
        ("document", {"document": document, "link_text": ""}),
        (
            "call_to_action",
            {
                "heading": "Get in touch",
                "text": "We answer within a week.",
                "link_label": "Contact us",
                "page": contact,
                "url": "",
            },
        ),
        (
            "accordion",
            {
                "heading": "Questions",
                "items": [
                    {"title": "Who can take part?", "content": "<p>Anyone who lives here.</p>"}
                ],
            },
        ),
        (
            "key_figures",
            {
                "heading": "In numbers",
                "figures": [
                    {
                        "value": "7",
                        "measure": "community organisations",
                        "source": "Involving Medway",
                    }
                ],
            },
        ),
        ("quote", {"text": "I don't want to tell my story again.", "attribution": "A carer"}),
        (
            "table",
            {
                "data": [["Ward", "People"], ["Chatham", "120"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "People who took part, by ward",
            },
        ),
        ("embed", {"embed": VIDEO, "caption": "The assembly in two minutes"}),
        ("contact_details", None),
    ]


@WAGTAIL_RENDITION_LEAK
def test_content_page_renders_every_block(
    client, medway_site, make_logo, annual_report, stored_video
):
    home = medway_site.root_page
    contact = ContentPageFactory(parent=home, slug="contact", title="Contact us")
    identity = SiteIdentity.for_site(medway_site)
    identity.phone = "01632 960200"
    identity.save()
    ContentPageFactory(
        parent=home,
        slug="about",
        title="About us",
        summary="Who we are.",
        body=every_block(make_logo("Volunteers"), annual_report, contact),
    )

    response = client.get("/about/", headers=MEDWAY)
    html = response.content.decode()
    main = re.search(r"<main.*</main>", html, re.S)[0]

    assert response.status_code == 200
    assert "<h1>About us</h1>" in main and '<p class="summary">Who we are.</p>' in main
    assert "<h2>Who we are</h2>" in main
    assert "<b>2017</b>" in main
    assert re.search(r'<img alt="Volunteers"[^>]*>', main)
    assert "<figcaption>At the assembly</figcaption>" in main
    assert re.search(r'<a href="/documents/\d+/annual-report\.pdf">Annual report 2025</a>', main)
    assert "(PDF" in main
    assert '<a class="button" href="/contact/">Contact us</a>' in main
    assert "<summary>Who can take part?</summary>" in main
    assert '<span class="figure-stat">7</span>' in main
    assert "I don&#x27;t want to tell my story again." in main
    assert (
        '<div class="table-scroll" role="region" aria-label="People who took part, by ward" '
        'tabindex="0">' in main
    )
    assert '<th scope="col"' in main and "<caption>People who took part, by ward</caption>" in main
    assert '<iframe title="Our health assembly"' in main
    assert '<a href="tel:+441632960200">01632 960200</a>' in main


def test_table_without_caption_still_has_a_labelled_region(client, medway_site):
    table = {"data": [["a", "b"]], "first_row_is_table_header": False, "first_col_is_header": False}
    ContentPageFactory(parent=medway_site.root_page, slug="t", title="T", body=[("table", table)])

    html = client.get("/t/", headers=MEDWAY).content.decode()

    assert 'role="region" aria-label="Table" tabindex="0"' in html


def test_content_pages_go_under_homes_and_other_content_pages(medway_site, network_site):
    about = ContentPageFactory(parent=medway_site.root_page, slug="about", title="About")
    spotlights = SpotlightIndexPageFactory(parent=medway_site.root_page, title="Spotlights")

    assert ContentPage.can_create_at(medway_site.root_page)
    assert ContentPage.can_create_at(network_site.root_page)
    assert ContentPage.can_create_at(about)
    assert not ContentPage.can_create_at(spotlights)
    assert not ContentPage.can_create_at(Page.get_first_root_node())


def test_editor_creates_a_content_page_in_the_admin(admin_client, medway_site):
    home = medway_site.root_page
    url = reverse("wagtailadmin_pages:add", args=["pages", "contentpage", home.pk])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(
        url,
        nested_form_data(
            {
                "title": "Privacy notice",
                "slug": "privacy",
                "summary": "What we collect and why.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Your rights"}),
                        ("paragraph", rich_text("<p>You can ask to see your data.</p>")),
                    ]
                ),
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302
    page = ContentPage.objects.child_of(home).get(slug="privacy")
    assert page.live
    public = admin_client.get("/privacy/", headers=MEDWAY).content.decode()
    assert "<h2>Your rights</h2>" in public
    assert "You can ask to see your data." in public
