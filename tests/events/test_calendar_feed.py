"""The iCalendar feed: RFC 5545 text that calendar apps can subscribe to."""

import datetime

import pytest

from chorus.common import ical

from .conftest import MEDWAY, WEST_KENT


def unfold(body):
    """Undo RFC 5545 line folding and split into content lines."""
    return body.replace("\r\n ", "").split("\r\n")


def test_text_values_escape_backslash_semicolon_comma_and_newlines():
    assert ical.escape_text("Tea, cake; a\\b\nnew\r\nline") == (
        "Tea\\, cake\\; a\\\\b\\nnew\\nline"
    )


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "Łódź café – " * 20
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_times_are_written_in_utc():
    summer = datetime.datetime(
        2025, 6, 3, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    assert ical.format_utc(summer) == "20250603T090000Z"
    with pytest.raises(ValueError):
        ical.format_utc(datetime.datetime(2025, 6, 3, 10, 0))


@pytest.mark.django_db
def test_feed_lists_this_sites_live_events_as_icalendar(
    client, medway_events, west_kent_events, make_event
):
    event = make_event(
        medway_events,
        title="Roadshow: Hempstead Valley, Gillingham; bring your questions",
        venue_name="Hempstead Valley Shopping Centre",
        venue_address="Hempstead Valley Drive\nGillingham ME7 3PD",
        description="<p>Come and chat, or just say hello.</p><p>" + "Long text " * 20 + "</p>",
    )
    draft = make_event(medway_events, title="Draft workshop")
    draft.unpublish()
    make_event(west_kent_events, title="Tunbridge Wells drop-in")

    response = client.get("/plugins/events/calendar.ics", headers=MEDWAY)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode("utf-8")
    assert body.endswith("\r\n")
    assert "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in body.split("\r\n"))
    lines = unfold(body)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1
    start = event.start.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    end = event.end.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    for expected in (
        f"UID:event-{event.pk}@medway-swale.localhost",
        f"DTSTART:{start}",
        f"DTEND:{end}",
        "SUMMARY:Roadshow: Hempstead Valley\\, Gillingham\\; bring your questions",
        "LOCATION:Hempstead Valley Shopping Centre\\, Hempstead Valley Drive\\, Gillingham ME7 3PD",
        f"URL:{event.get_full_url()}",
    ):
        assert expected in lines, expected
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description.startswith("DESCRIPTION:Come and chat\\, or just say hello.\\n")
    assert "Tunbridge Wells" not in body
    assert "Draft workshop" not in body


@pytest.mark.django_db
def test_each_site_has_its_own_feed(client, medway_events, west_kent_events, make_event):
    make_event(medway_events, title="Medway roadshow")
    make_event(west_kent_events, title="West Kent focus group")
    body = client.get("/plugins/events/calendar.ics", headers=WEST_KENT).content.decode()
    assert "SUMMARY:West Kent focus group" in body
    assert "Medway roadshow" not in body
    assert "@west-kent.localhost" in body


@pytest.mark.django_db
def test_a_single_event_file_is_only_served_on_its_own_site(
    client, medway_events, west_kent_events, make_event
):
    event = make_event(medway_events)
    assert client.get(f"/plugins/events/event/{event.pk}.ics", headers=MEDWAY).status_code == 200
    url = f"/plugins/events/event/{event.pk}.ics"
    assert client.get(url, headers=WEST_KENT).status_code == 404
