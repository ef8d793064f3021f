"""The public tracker: each recommendation with its commitments, status and dated updates,
filters, an empty state, the network-wide tracker, and the open data."""

import csv
import datetime
import io

import pytest
from django.test import Client
from wagtail.models import Page

from coproduction.accountability.updates import change_status
from coproduction.factories import CommitmentFactory, RecommendationFactory
from coproduction.models import Commitment, SourceKind, YouSaidWeDidPage

pytestmark = pytest.mark.django_db

MEDWAY = "medway-swale.localhost"


def visit(host, path, **params):
    return Client(HTTP_HOST=host).get(path, params)


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_a_tracker_shows_each_recommendation_with_its_commitments_and_dated_updates(
    medway_tracker, commitment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change_status(
            commitment,
            Commitment.Status.IN_PROGRESS,
            text="Letters drafted with Medway Mencap's reading group.",
            made_at=datetime.datetime(2026, 4, 2, 10, tzinfo=datetime.UTC),
        )

    page = text(visit(MEDWAY, medway_tracker.url))

    assert "Offer Easy Read letters for every hospital appointment" in page
    assert "Send Easy Read appointment letters from April" in page
    assert "Medway NHS Foundation Trust" in page
    assert "In progress" in page
    assert "2 April 2026" in page and "Letters drafted with Medway Mencap" in page
    # The table scrolls on a phone, in a region named for screen readers.
    assert 'role="region" aria-label="Commitments for' in page
    assert "data/json/" in page and "data/csv/" in page


def test_a_not_doing_commitment_shows_why(medway_tracker, commitment):
    change_status(commitment, Commitment.Status.NOT_DOING, reason="The supplier cannot print it.")

    page = text(visit(MEDWAY, medway_tracker.url))

    assert "Not doing" in page and "The supplier cannot print it." in page


def test_an_empty_tracker_says_so(medway_tracker):
    page = text(visit(MEDWAY, medway_tracker.url))

    assert "No recommendations are being tracked here yet" in page


def test_filters_narrow_by_status_organisation_and_source(
    medway_tracker, medway_site, commitment, council, owner
):
    other = RecommendationFactory(
        site=medway_site, title="Open the Sheppey clinic on Saturdays", source_kind="spotlight"
    )
    CommitmentFactory(
        recommendation=other, organisation=council, owner=owner, status="done", action="Open"
    )

    done = text(visit(MEDWAY, medway_tracker.url, status="done"))
    by_trust = text(visit(MEDWAY, medway_tracker.url, organisation=commitment.organisation_id))
    from_meetings = text(visit(MEDWAY, medway_tracker.url, source=SourceKind.MEETING))
    nothing = text(visit(MEDWAY, medway_tracker.url, status="not_doing"))

    assert "Sheppey clinic" in done and "Easy Read letters" not in done
    assert "Easy Read letters" in by_trust and "Sheppey clinic" not in by_trust
    assert "Easy Read letters" in from_meetings and "Sheppey clinic" not in from_meetings
    assert "No recommendations match these filters" in nothing
    # A value nobody offered is ignored, not an error.
    assert "Sheppey clinic" in text(visit(MEDWAY, medway_tracker.url, status="<script>"))


def test_a_sites_tracker_shows_its_own_and_the_network_tracker_every_sites(
    medway_tracker, network_tracker, west_kent_site, commitment
):
    RecommendationFactory(site=west_kent_site, title="Hospital transport from Edenbridge")

    medway = text(visit(MEDWAY, medway_tracker.url))
    network = text(visit("localhost", network_tracker.url))
    network_west_kent = text(
        visit("localhost", network_tracker.url, place=west_kent_site.root_page_id)
    )

    assert "Easy Read letters" in medway and "Edenbridge" not in medway
    assert "Easy Read letters" in network and "Edenbridge" in network
    assert "Edenbridge" in network_west_kent and "Easy Read letters" not in network_west_kent


def test_recommendations_are_paginated(medway_tracker, medway_site):
    for number in range(12):
        RecommendationFactory(site=medway_site, title=f"Recommendation number {number:02d}")

    first = text(visit(MEDWAY, medway_tracker.url))
    second = text(visit(MEDWAY, medway_tracker.url, page=2))

    assert "Page 1 of 2" in first and first.count('class="recommendation panel"') == 10
    assert second.count('class="recommendation panel"') == 2


def test_one_tracker_per_site_under_a_partnership_or_the_network_home(
    medway_tracker, medway_site, network_site
):
    assert not YouSaidWeDidPage.can_create_at(medway_site.root_page)
    assert YouSaidWeDidPage.can_create_at(network_site.root_page)
    assert not YouSaidWeDidPage.can_create_at(Page.objects.get(pk=medway_tracker.pk))


def test_open_data_as_json_with_licence_and_updates(medway_tracker, commitment):
    change_status(
        commitment, Commitment.Status.DONE, text="Every letter now has an Easy Read copy."
    )

    data = visit(MEDWAY, medway_tracker.url + "data/json/").json()

    assert data["licence"].startswith("https://creativecommons.org/licenses/by/4.0")
    [item] = data["recommendations"]
    assert item["recommendation"] == "Offer Easy Read letters for every hospital appointment"
    [promised] = item["commitments"]
    assert promised["status"] == "done"
    assert promised["organisation"]["name"] == "Medway NHS Foundation Trust"
    assert promised["updates"][-1]["text"] == "Every letter now has an Easy Read copy."
    assert "owner@example.org" not in str(data)


def test_open_data_as_csv_is_safe_in_a_spreadsheet(medway_tracker, medway_site, commitment):
    RecommendationFactory(site=medway_site, title='=HYPERLINK("http://evil")')

    response = visit(MEDWAY, medway_tracker.url + "data/csv/")
    rows = list(csv.reader(io.StringIO(response.content.decode())))

    assert response["Content-Type"].startswith("text/csv")
    assert rows[0][:3] == ["recommendation_id", "recommendation", "what_people_said"]
    titles = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in titles
    assert "Send Easy Read appointment letters from April" in [row[10] for row in rows[1:]]


def test_a_cached_tracker_shows_a_change_of_status_at_once(
    medway_tracker, network_tracker, commitment, settings, django_capture_on_commit_callbacks
):
    settings.CHORUS_SERVER_PAGE_CACHE = True
    for host, url in [(MEDWAY, medway_tracker.url), ("localhost", network_tracker.url)]:
        assert "Not started" in text(visit(host, url))
        assert visit(host, url)["X-Chorus-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        change_status(commitment, Commitment.Status.DONE, text="Done in April.")

    assert "Done in April." in text(visit(MEDWAY, medway_tracker.url))
    assert "Done in April." in text(visit("localhost", network_tracker.url))
    with django_capture_on_commit_callbacks(execute=True):
        RecommendationFactory(site=commitment.recommendation.site, title="Added in the admin")
    assert "Added in the admin" in text(visit(MEDWAY, medway_tracker.url))


def test_tracker_queries_do_not_grow_with_recommendations_commitments_or_updates(
    medway_tracker, medway_site, owner, trust, council, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        browser = Client(HTTP_HOST=MEDWAY)
        browser.get(medway_tracker.url)
        with CaptureQueriesContext(connection) as queries:
            assert browser.get(medway_tracker.url).status_code == 200
        return len(queries)

    def add(number):
        recommendation = RecommendationFactory(site=medway_site, places=[medway_site.root_page])
        for organisation in (trust, council):
            commitment = CommitmentFactory(
                recommendation=recommendation, organisation=organisation, owner=owner
            )
            change_status(commitment, "in_progress", text=f"Update {number}")

    add(0)
    one = count()
    for number in range(1, 9):
        add(number)

    assert count() == one
    assert one <= 12  # the budget: ten, plus the site frame's two
