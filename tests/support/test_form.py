"""The public form: every question that becomes required, what is kept on error, the page
the person came from, and the page in Polish."""

import pytest

from chorus.support.models import SupportRequest

from .conftest import ASK, request_data

pytestmark = pytest.mark.django_db


def errors(response):
    """The field errors the form was shown with, as {field: [messages]}."""
    return {name: list(messages) for name, messages in response.context["form"].errors.items()}


def test_the_form_is_on_every_site_and_in_polish(client, network_site, medway_site):
    for host in ("localhost", "medway-swale.localhost"):
        response = client.get(ASK, headers={"host": host})
        assert response.status_code == 200
        assert "Ask for help or another format" in response.content.decode()
    polish = client.get("/pl" + ASK)
    assert polish.status_code == 200
    assert '<html lang="pl"' in polish.content.decode()


def test_the_form_page_is_never_cached_since_it_holds_a_csrf_token(client, network_site, settings):
    settings.CHORUS_SERVER_PAGE_CACHE = True
    first = client.get(ASK)
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    assert "no-store" in first["Cache-Control"] and "public" not in first["Cache-Control"]
    client.cookies.clear()
    second = client.get(ASK)
    assert second.context is not None  # rendered again, not replayed from the page cache


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"formats": None, "support": None, "spoken_language": ""}, "formats", "Choose what"),
        ({"spoken_language": "  "}, "spoken_language", "Enter the language"),
        ({"name": ""}, "name", "Enter your name"),
        ({"contact_method": ""}, "contact_method", "Choose how we should contact you"),
        ({"email": ""}, "email", "Enter your email address"),
        ({"email": "amina@"}, "email", "Enter an email address like"),
        ({"contact_method": "phone"}, "phone", "Enter your phone number"),
        ({"contact_method": "text_relay"}, "phone", "through text relay"),
        ({"contact_method": "letter"}, "postal_address", "Enter your postal address"),
        ({"call_back": "on"}, "phone", "phone you back"),
        (
            {
                "formats": ["email"],
                "contact_method": "letter",
                "email": "",
                "postal_address": "1 High St",
            },
            "email",
            "so we can email you",
        ),
    ],
)
def test_each_missing_answer_gets_a_clear_message(client, network_site, changes, field, message):
    response = client.post(ASK, request_data(**changes))

    assert response.status_code == 200
    assert message in " ".join(errors(response)[field])
    assert list(errors(response)) == [field]
    page = response.content.decode()
    assert "<title>Error:" in page
    assert 'class="message message--error error-summary"' in page
    assert f'href="#id_{field}"' in page
    assert not SupportRequest.objects.exists()


def test_nothing_typed_is_lost_on_error(client, network_site):
    data = request_data(name="", formats=["easy_read", "braille"], other_adjustment="A quiet room")
    page = client.post(ASK, data).content.decode()

    assert 'value="Polish"' in page
    assert 'value="amina@example.org"' in page
    assert "A quiet room</textarea>" in page
    assert "I would like the papers before the meeting.</textarea>" in page
    assert page.count("checked") == 4  # Easy Read, braille, the interpreter, email


def test_a_call_back_with_a_phone_number_needs_no_format(client, network_site):
    data = request_data(
        formats=None,
        support=None,
        spoken_language="",
        call_back="on",
        contact_method="phone",
        email="",
        phone="01634 000000",
    )
    assert client.post(ASK, data).status_code == 302
    saved = SupportRequest.objects.get()
    assert (saved.call_back, saved.phone, saved.email) == (True, "01634 000000", "")


def test_the_language_is_kept_only_for_a_spoken_language_interpreter(client, network_site):
    client.post(ASK, request_data(support=["bsl_interpreter"], spoken_language="Polish"))
    saved = SupportRequest.objects.get()
    assert (saved.support, saved.spoken_language) == (["bsl_interpreter"], "")


def test_a_request_sent_in_polish_stays_in_polish(client, network_site):
    response = client.post("/pl" + ASK, request_data())
    assert response.status_code == 302
    assert response["Location"] == "/pl/ask-for-help/sent/"
    assert SupportRequest.objects.get().language == "pl"
    assert client.get(response["Location"]).status_code == 200
