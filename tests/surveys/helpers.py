"""Walking through a survey with the test client, as a respondent's browser does."""

URL = "/community-health/"

#: A full set of answers to factories.sample_body, step by step (one question a page).
FULL_ANSWERS = [
    {"travel": "2"},
    {"bus_route": "Number 132"},
    {"services": ["1", "2"]},
    {"easy_to_book": "agree"},
    {"overall": "4"},
    {"priorities": "2", "priorities_1": "1", "priorities_2": "3"},
    {"visits": "3"},
    {"last_visit": "4", "last_visit_month": "11", "last_visit_year": "2026"},
    {"postcode": "me71hf"},
    {"improve": "More evening clinics, please"},
    {"equality_consent": "on"},
    {"about_you__age_band": "25_34"},
    {"about_you__disability": "no"},
]


def start(client, url=URL):
    """Press "Start"; return the address of the first question."""
    response = client.post(url)
    assert response.status_code == 302, response.content.decode()[:500]
    return response["Location"]


def answer_all(client, steps=FULL_ANSWERS, url=URL):
    """Answer every step in turn from the start; return the last response (a redirect to
    "check your answers")."""
    location = start(client, url)
    response = None
    for data in steps:
        assert "/questions/" in location, location
        response = client.post(location, data)
        assert response.status_code == 302, response.content.decode()[-3000:]
        location = response["Location"]
    return response
