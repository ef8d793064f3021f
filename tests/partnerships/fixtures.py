"""Fixtures shared by the partnerships and network tests (imported by their conftests)."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from partnerships.factories import PartnerOrganisationFactory, SpotlightIndexPageFactory

# Wagtail's Image.generate_rendition_file writes renditions into a SpooledTemporaryFile
# that it never closes; the garbage collector then reports a ResourceWarning, which this
# suite turns into an error. Applied to the tests that render logos until Wagtail closes it.
WAGTAIL_RENDITION_LEAK = pytest.mark.filterwarnings(
    "ignore:Exception ignored in. <function SpooledTemporaryFile.__del__"
    ":pytest.PytestUnraisableExceptionWarning"
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Keep uploaded logos and their renditions out of the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_logo(db):
    """Return a function that stores a small PNG logo as a Wagtail image."""

    def make(title="Logo"):
        return Image.objects.create(title=title, file=get_test_image_file(size=(200, 200)))

    return make


@pytest.fixture
def deric(db, make_logo):
    """DERiC, the Medway community interest company, with a logo."""
    return PartnerOrganisationFactory(
        name="DERiC",
        kind="cic",
        website="https://deric.org.uk/",
        logo=make_logo("DERiC logo"),
        tags=["community development"],
    )


@pytest.fixture
def medway_spotlights(medway_site):
    """The spotlight index on the Medway and Swale site."""
    return SpotlightIndexPageFactory(parent=medway_site.root_page, title="Spotlights")
