"""A cached insight bank page follows the public records it shows: a record made public, or
taken out of public view, shows or goes on the next visit; a record that is not public leaves
the cache alone."""

import pytest
from django.test import Client

from coproduction.models import ConsentLevel

from .conftest import make_insight

pytestmark = pytest.mark.django_db


def visit(page):
    return Client(HTTP_HOST="localhost").get(page.url, {"q": "minibus"})


def test_a_cached_bank_shows_and_hides_records_as_their_sharing_changes(
    insight_bank, medway, settings, django_capture_on_commit_callbacks
):
    settings.CHORUS_SERVER_PAGE_CACHE = True
    with django_capture_on_commit_callbacks(execute=True):
        record = make_insight(
            "A minibus to Maidstone hospital", place=medway, consent=ConsentLevel.PUBLIC
        )
    assert "Maidstone" in visit(insight_bank).content.decode()
    assert visit(insight_bank)["X-Chorus-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        record.consent = ConsentLevel.PARTNERS
        record.save()
    assert "Maidstone" not in visit(insight_bank).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        record.consent = ConsentLevel.PUBLIC
        record.save()
    assert "Maidstone" in visit(insight_bank).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        record.delete()
    assert "Maidstone" not in visit(insight_bank).content.decode()


def test_a_record_that_is_not_public_leaves_the_cache_alone(
    insight_bank, medway, settings, django_capture_on_commit_callbacks
):
    settings.CHORUS_SERVER_PAGE_CACHE = True
    visit(insight_bank)
    assert visit(insight_bank)["X-Chorus-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        make_insight("A minibus for partners", place=medway, consent=ConsentLevel.PARTNERS)

    assert visit(insight_bank)["X-Chorus-Cache"] == "hit"
