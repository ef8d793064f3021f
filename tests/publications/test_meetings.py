"""Committee and meeting pages: upcoming first, past by year, and past meetings marked past."""

import re

import pytest
from django.core.exceptions import ValidationError

from publications.factories import MeetingPageFactory

from .conftest import days_from_now

pytestmark = pytest.mark.django_db


def html_of(client, page, query=""):
    response = client.get(page.url + query)
    assert response.status_code == 200
    return response.content.decode()


def section(html, heading_id):
    """The HTML of the <section> headed by ``heading_id``."""
    start = html.index(f'<h2 id="{heading_id}">')
    return html[start : html.index("</section>", start)]


def test_committee_lists_upcoming_then_past_by_year(client, committee, meetings):
    html = html_of(client, committee)
    upcoming = section(html, "upcoming-meetings")
    past = section(html, "past-meetings")
    assert html.index("Upcoming meetings") < html.index("Past meetings")
    assert "planning the autumn assembly" in upcoming
    assert "reviewing the spring assembly" not in upcoming
    assert "reviewing the spring assembly" in past and "first meeting" in past
    years = re.findall(r'<h3 id="past-(\d{4})">', past)
    assert years == sorted(years, reverse=True) and len(years) >= 1
    assert past.index("reviewing the spring assembly") < past.index("first meeting")


def test_past_meetings_sit_in_a_labelled_scroll_region(client, committee, meetings):
    past = section(html_of(client, committee), "past-meetings")
    assert re.search(
        r'<div class="table-region" role="region" aria-labelledby="past-\d{4}" tabindex="0">', past
    )
    assert '<th scope="col">Minutes</th>' in past


def test_past_meetings_are_labelled_past_and_upcoming_ones_are_not(client, committee, meetings):
    html = html_of(client, committee)
    assert section(html, "upcoming-meetings").count("Past meeting") == 0
    assert section(html, "past-meetings").count(">Past meeting<") == 2

    upcoming = html_of(client, meetings["upcoming"])
    assert "Past meeting" not in upcoming
    assert ">Upcoming<" in upcoming
    held = html_of(client, meetings["held"])
    assert ">Past meeting<" in held
    assert ">Upcoming<" not in held


def test_a_past_meeting_nobody_updated_is_still_labelled_past(client, committee):
    stale = MeetingPageFactory(
        parent=committee, title="Forgotten meeting", starts_at=days_from_now(-3), status="upcoming"
    )
    html = html_of(client, stale)
    assert ">Past meeting<" in html and ">Upcoming<" not in html
    assert "Forgotten meeting" in section(html_of(client, committee), "past-meetings")


def test_a_cancelled_meeting_says_so(client, committee):
    cancelled = MeetingPageFactory(
        parent=committee, title="Called off", starts_at=days_from_now(5), status="cancelled"
    )
    html = html_of(client, cancelled)
    assert ">Cancelled<" in html and "This meeting has been cancelled." in html
    assert ">Upcoming<" not in html


def test_meeting_page_shows_agenda_papers_minutes_and_decisions(client, meetings):
    upcoming = html_of(client, meetings["upcoming"])
    assert (
        '<h2 id="agenda">Agenda</h2>' in upcoming and "<li>Autumn assembly topic</li>" in upcoming
    )
    papers = section(upcoming, "papers")
    assert 'role="region" aria-label="Table of papers" tabindex="0"' in papers
    assert "Steering group papers</a>" in papers and "PDF, " in papers
    assert "Health assembly steering group" in upcoming  # its committee

    held = html_of(client, meetings["held"])
    minutes = section(held, "minutes")
    assert "Minutes of the meeting" in minutes and "(PDF, " in minutes
    assert "The group reviewed the recommendations." in minutes
    assert "<li>Agreed to publish an Easy Read report.</li>" in section(held, "decisions")

    online = html_of(client, meetings["older"])
    assert "Online" in online


def test_a_held_meeting_without_minutes_says_they_will_follow(client, committee):
    meeting = MeetingPageFactory(parent=committee, title="Last week", starts_at=days_from_now(-7))
    assert "The minutes will be published here once they are approved." in html_of(client, meeting)


def test_past_meetings_are_paginated(client, committee):
    for n in range(13):
        MeetingPageFactory(
            parent=committee, title=f"Old meeting {n:02d}", starts_at=days_from_now(-10 - n)
        )
    MeetingPageFactory(parent=committee, title="Next meeting", starts_at=days_from_now(10))

    first = html_of(client, committee)
    assert section(first, "past-meetings").count("Old meeting") == 10
    assert "Next meeting" in section(first, "upcoming-meetings")
    assert 'href="?page=2#past-meetings"' in first

    second = html_of(client, committee, "?page=2")
    assert section(second, "past-meetings").count("Old meeting") == 3
    assert "Old meeting 12" in second
    # The upcoming meetings are shown on every page.
    assert "Next meeting" in section(second, "upcoming-meetings")
    assert html_of(client, committee, "?page=abc").count("Old meeting") == 10


def test_a_committee_with_no_meetings_says_so(client, committee):
    html = html_of(client, committee)
    assert "No meetings are planned at the moment." in html
    assert "No meetings have been held yet." in html


def test_a_meeting_needs_a_venue_or_online_and_an_end_after_its_start(committee):
    meeting = MeetingPageFactory.build(
        parent=committee, location_name="", online=False, starts_at=days_from_now(3)
    )
    meeting.ends_at = days_from_now(3, hour=9)
    with pytest.raises(ValidationError) as refused:
        meeting.clean()
    assert "tick “online”" in " ".join(refused.value.message_dict["location_name"])
    assert "must end after it starts" in " ".join(refused.value.message_dict["ends_at"])
