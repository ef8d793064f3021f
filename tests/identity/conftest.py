"""Fixtures for the site identity tests: Medway's identity, filled in, with its key pages."""

import pytest

from chorus.identity.models import SiteIdentity
from pages.factories import ContentPageFactory
from tests.partnerships.fixtures import (  # noqa: F401  (fixtures, found by name)
    make_logo,
    media_in_tmp,
)


@pytest.fixture
def key_pages(medway_site):
    """Medway's accessibility statement, privacy notice and contact page."""
    home = medway_site.root_page
    return {
        slug: ContentPageFactory(parent=home, slug=slug, title=title)
        for slug, title in [
            ("accessibility", "Accessibility statement"),
            ("privacy", "Privacy notice"),
            ("contact", "Contact us"),
        ]
    }


@pytest.fixture
def medway_identity(medway_site, key_pages):
    """Medway's identity settings, as an editor fills them in."""
    identity = SiteIdentity.for_site(medway_site)
    identity.organisation = "Red Zebra, for Involving Medway"
    identity.description = "Involving Medway: community grants, researchers and time credits."
    identity.phone = "01632 960200"
    identity.email = "involving-medway@example.org"
    identity.address = "Involving Medway\nc/o Red Zebra\nChatham"
    identity.opening_hours = "Monday to Friday, 9am to 5pm"
    identity.accessibility_page = key_pages["accessibility"]
    identity.privacy_page = key_pages["privacy"]
    identity.contact_page = key_pages["contact"]
    identity.full_clean()
    identity.save()
    return identity
