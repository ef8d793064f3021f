"""The events index and event pages, as a visitor to a partnership's site sees them."""

import re

import pytest

from partnerships.models import PartnerOrganisation
from plugins.events.models import EVENTS_PER_PAGE

from .conftest import MEDWAY

pytestmark = pytest.mark.django_db


def titles_in(html, section):
    """Return the event titles listed in the index's ``upcoming`` or ``past`` section."""
    part = html.split(f'id="{section}"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'class="event-card__title"><a href="[^"]*">([^<]+)</a>', part)


def test_index_lists_upcoming_soonest_first_and_past_most_recent_first(
    client, medway_events, make_event
):
    make_event(medway_events, days=10, title="Workshop in Sittingbourne")
    make_event(medway_events, days=2, title="Roadshow at Hempstead Valley")
    make_event(medway_events, days=-30, title="Focus group in Gillingham")
    make_event(medway_events, days=-3, title="Drop-in at Medway Maritime Hospital")

    html = client.get(medway_events.url, headers=MEDWAY).content.decode()

    assert titles_in(html, "upcoming") == [
        "Roadshow at Hempstead Valley",
        "Workshop in Sittingbourne",
    ]
    assert titles_in(html, "past") == [
        "Drop-in at Medway Maritime Hospital",
        "Focus group in Gillingham",
    ]


def test_an_event_happening_now_is_still_upcoming(client, medway_events, make_event):
    make_event(medway_events, days=0, hours=3, title="Roadshow happening now")
    html = client.get(medway_events.url, headers=MEDWAY).content.decode()
    assert titles_in(html, "upcoming") == ["Roadshow happening now"]


def test_index_paginates_upcoming_and_past_separately(client, medway_events, make_event):
    for day in range(1, EVENTS_PER_PAGE + 3):
        make_event(medway_events, days=day, title=f"Upcoming {day:02d}")
    for day in range(1, EVENTS_PER_PAGE + 2):
        make_event(medway_events, days=-day, title=f"Past {day:02d}")

    first = client.get(medway_events.url, headers=MEDWAY).content.decode()
    assert len(titles_in(first, "upcoming")) == EVENTS_PER_PAGE
    assert len(titles_in(first, "past")) == EVENTS_PER_PAGE
    assert "?upcoming=2#upcoming" in first
    assert "?past=2#past" in first

    later = client.get(f"{medway_events.url}?upcoming=2&past=2", headers=MEDWAY)
    html = later.content.decode()
    assert titles_in(html, "upcoming") == ["Upcoming 11", "Upcoming 12"]
    assert titles_in(html, "past") == ["Past 11"]
    # Each list's links keep the other list on the page the reader is on.
    assert "?past=2&amp;upcoming=1#upcoming" in html
    assert "?upcoming=2&amp;past=1#past" in html


def test_index_says_so_when_there_are_no_events(client, medway_events):
    html = client.get(medway_events.url, headers=MEDWAY).content.decode()
    assert "There are no upcoming events just now." in html
    assert "No past events yet." in html


def test_index_links_to_each_event_and_to_the_calendar_feed(client, medway_events, make_event):
    event = make_event(medway_events, title="Roadshow at Bluewater")
    html = client.get(medway_events.url, headers=MEDWAY).content.decode()
    assert f'href="{event.url}"' in html
    assert 'href="/plugins/events/calendar.ics"' in html
    assert html.count("<h1") == 1


def test_index_stays_within_ten_queries_however_many_events(
    client, medway_events, make_event, django_assert_max_num_queries
):
    partner = PartnerOrganisation.objects.create(name="Red Zebra", kind="vcse")
    for day in range(1, 26):
        make_event(medway_events, days=day, hosting_partner=partner)
        make_event(medway_events, days=-day)
    client.get(medway_events.url, headers=MEDWAY)  # warm the site-root-paths cache
    with django_assert_max_num_queries(10):
        response = client.get(medway_events.url, headers=MEDWAY)
    assert response.status_code == 200


def test_event_page_shows_every_detail(client, medway_events, make_event):
    partner = PartnerOrganisation.objects.create(
        name="Hoo Peninsula Carers CIC", kind="cic", website="https://whoocares.example.org/"
    )
    event = make_event(
        medway_events,
        title="Carers' focus group",
        kind="focus_group",
        description="<p>Tell us about <b>respite care</b> on the peninsula.</p>",
        venue_name="Hoo St Werburgh village hall",
        venue_address="Church Street\nHoo ME3 9AL",
        online_link="https://meet.example.org/hoo-carers",
        audience="Unpaid carers on the Hoo Peninsula",
        accessibility="Hearing loop and step-free access.",
        hosting_partner=partner,
        booking_link="https://book.example.org/hoo",
        capacity=12,
    )
    response = client.get(event.url, headers=MEDWAY)
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "<h1",
        "Focus group",
        "<b>respite care</b>",
        "Hoo St Werburgh village hall",
        "Church Street<br>Hoo ME3 9AL",
        'href="https://meet.example.org/hoo-carers"',
        "Unpaid carers on the Hoo Peninsula",
        "Hearing loop and step-free access.",
        '<a href="https://whoocares.example.org/">Hoo Peninsula Carers CIC</a>',
        'href="https://book.example.org/hoo"',
        "12 places",
        f'href="/plugins/events/event/{event.pk}.ics"',
        f'href="{medway_events.url}"',
    ):
        assert text in html, text
    assert html.count("<h1") == 1
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d">', html)


def test_event_page_stays_within_ten_queries(
    client, medway_events, make_event, django_assert_max_num_queries
):
    partner = PartnerOrganisation.objects.create(name="Red Zebra", kind="vcse")
    for day in range(1, 30):
        make_event(medway_events, days=day)
    event = make_event(medway_events, hosting_partner=partner)
    client.get(event.url, headers=MEDWAY)
    with django_assert_max_num_queries(10):
        response = client.get(event.url, headers=MEDWAY)
    assert response.status_code == 200


def test_single_event_calendar_file_downloads(client, medway_events, make_event):
    event = make_event(medway_events, title="Workshop: designing the new hub")
    response = client.get(f"/plugins/events/event/{event.pk}.ics", headers=MEDWAY)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    assert b"SUMMARY:Workshop: designing the new hub\r\n" in response.content
