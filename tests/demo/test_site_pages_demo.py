"""Every demo site says who runs it and links its About, accessibility, privacy, contact pages."""

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

from chorus.identity.contrast import AA_NORMAL_TEXT, contrast_ratio
from chorus.identity.models import SiteIdentity
from chorus.mail.models import OutgoingEmail
from pages.models import ContentPage
from tests.demo.seeded import seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-site-pages")]

# What the 2018 accessibility regulations ask an accessibility statement to say.
STATEMENT_SECTIONS = [
    "Compliance status",
    "Known issues",
    "Ask for another format",
    "How to complain",
    "Enforcement procedure",
]


demo = seeded_once(port=8000)


def test_every_demo_site_has_its_general_pages_and_identity(demo):
    sites = Site.objects.all()
    assert sites.count() == 6
    for site in sites:
        identity = SiteIdentity.for_site(site)
        assert identity.organisation and identity.phone and identity.email
        assert identity.address and identity.opening_hours
        assert contrast_ratio(identity.brand_colour, identity.brand_text_colour) >= AA_NORMAL_TEXT
        assert identity.logo is not None
        pages = {page.slug: page for page in ContentPage.objects.child_of(site.root_page).live()}
        assert {"about", "accessibility", "privacy", "contact"} <= set(pages)
        assert identity.accessibility_page_id == pages["accessibility"].pk
        assert identity.privacy_page_id == pages["privacy"].pk
        assert identity.contact_page_id == pages["contact"].pk


def test_a_visitor_finds_who_runs_the_site_and_its_statement(demo):
    client = Client()
    host = {"host": "west-kent.localhost:8000"}
    home = client.get("/", headers=host).content.decode()

    assert "Run by West Kent Health and Care Partnership" in home
    assert '<a href="/accessibility/">Accessibility statement</a>' in home
    statement = client.get("/accessibility/", headers=host).content.decode()
    for section in STATEMENT_SECTIONS:
        assert f"<h2>{section}</h2>" in statement
    assert 'role="region" aria-label="Known issues and when we will fix them"' in statement
    contact = client.get("/contact/", headers=host).content.decode()
    assert contact.count('<a href="mailto:west-kent@example.org">') == 2  # page and footer


def test_seeding_twice_adds_no_second_set_of_pages(demo):
    before = ContentPage.objects.count()

    call_command("seed_demo", port=8000, verbosity=0)

    assert ContentPage.objects.count() == before == 24


def test_a_demo_help_request_reaches_the_sites_mailbox(demo):
    client = Client()
    response = client.post(
        "/ask-for-help/",
        {
            "formats": ["easy_read"],
            "name": "Ada",
            "contact_method": "email",
            "email": "ada@example.org",
        },
        headers={"host": "west-kent.localhost:8000"},
    )

    assert response.status_code == 302
    recipients = [email.to for email in OutgoingEmail.objects.all()]
    assert ["west-kent@example.org"] in recipients
