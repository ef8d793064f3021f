"""Hostile input to every URL of the project never gives a server error.

Every URL pattern outside Wagtail's admin (public pages, search, accounts, members and every
plugin's ``/plugins/<name>/...``) is requested with its path filled in with real ids of
seeded objects and with hostile values (a NUL byte, bytes that are not UTF-8, 10,000
characters), with hostile query strings and form fields, by GET and POST, anonymously and
signed in. PostgreSQL refuses a NUL byte in any text, so run this on both engines.
"""

from urllib.parse import quote

import pytest
from django.test import Client

from .urls import PARTNERSHIP, PLACEHOLDER, fill, host, routes

pytestmark = pytest.mark.django_db

LONG = "x" * 10_000
NUL = "%00"
NOT_UTF8 = "%ff%fe"
# Path segments a visitor can type into any placeholder; the int converter takes digits only.
HOSTILE_TEXT = [NUL, NOT_UTF8, LONG, "a%00b", "..%2f..%2fetc"]
# Past a 64-bit integer, and past Python's limit for turning text into a number.
HOSTILE_INT = ["0", "9" * 20, "9" * 10_000]
# Query parameters and form fields the views read, each given the hostile values.
FIELDS = [
    "q", "page", "code", "postcode", "next", "key", "email", "password", "username",
    "card_number", "credits", "hours", "choice", "text", "title", "amount", "status", "format", "p",
]  # fmt: skip


def paths(route, values):
    """Pairs (address, real?): the real address of ``route``, then each placeholder in turn
    given hostile values."""
    yield fill(route, values), True
    for match in PLACEHOLDER.finditer(route):
        hostile = HOSTILE_INT if match["converter"] == "int" else HOSTILE_TEXT
        for bad in hostile:
            if match["converter"] == "pages":
                bad = f"{bad}/"
            yield fill(route, {**values, match["name"]: bad}), False


def _query(value):
    return "&".join(f"{name}={value}" for name in FIELDS)


QUERIES = ["", _query(NUL), _query(NOT_UTF8), _query(LONG)]
FORMS = [
    dict.fromkeys(FIELDS, LONG),
    dict.fromkeys(FIELDS, "a\x00b"),
]
NOT_UTF8_BODY = "&".join(f"{name}={NOT_UTF8}" for name in FIELDS).encode()


def _requests(client, path, real):
    """The hostile requests for ``path``: all of them at a real address, else the plain ones
    (a hostile query or form at a hostile address would only be refused sooner)."""
    for query in QUERIES if real else QUERIES[:1]:
        yield "GET", f"{path}?{query}", lambda url: client.get(url)
    for form in FORMS if real else FORMS[:1]:
        yield "POST", path, lambda url, form=form: client.post(url, form)
    if not real:
        return
    yield (
        "POST",
        path,
        lambda url: client.post(
            url, NOT_UTF8_BODY, content_type="application/x-www-form-urlencoded"
        ),
    )


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_no_url_answers_hostile_input_with_a_server_error(seeded, signed_in):
    user, values = seeded
    failures = []
    for route in routes():
        client = Client(HTTP_HOST=host(route))
        if signed_in:
            client.force_login(user)
        for path, real in paths(route, values):
            for method, url, send in _requests(client, quote(path, safe="/%"), real):
                try:
                    status = send(url).status_code
                except Exception as error:  # noqa: BLE001 (every failure is reported below)
                    failures.append(f"{method} {url[:120]}: {error!r}"[:300])
                else:
                    if status >= 500:
                        failures.append(f"{method} {url[:120]}: {status}")
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures[:40])


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/search/?q=%00", None),
        ("get", "/search/?q=%ff%fe", None),
        ("get", "/plugins/timecredits/vouchers/AB%00CD/", None),
        ("get", "/plugins/grants/applications/%ff%fe/", None),
        ("post", "/account/sign-in/", {"username": "grace\x00@example.org", "password": "x"}),
    ],
)
def test_a_nul_byte_or_broken_utf8_gets_a_plain_400(client, seeded, method, url, data):
    response = getattr(client, method)(url, data, headers={"host": PARTNERSHIP})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().startswith("Bad request:")


@pytest.mark.parametrize(
    "url",
    [
        f"/documents/{'9' * 10_000}/minutes.pdf",
        "/plugins/events/event/99999999999999999999.ics",
        "/plugins/grants/programmes/9223372036854775808/360giving.csv",
    ],
)
def test_a_number_too_long_for_an_id_is_not_found(client, seeded, url):
    response = client.get(url, headers={"host": PARTNERSHIP})
    assert response.status_code == 404
    assert response.content.decode().startswith("Not found:")


def test_a_nul_byte_in_a_cookie_gets_a_400(client, seeded):
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/", headers={"host": PARTNERSHIP}).status_code == 400


def test_ordinary_text_outside_ascii_is_served(client, seeded):
    response = client.get("/search/", {"q": "Łódź café"}, headers={"host": PARTNERSHIP})
    assert response.status_code == 200
    assert "Łódź café" in response.content.decode()
