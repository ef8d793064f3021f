"""Polish: what a visitor and a grant applicant read is translated in the committed catalogue.

Account pages and the plugins' own pages are under the language prefix like Wagtail pages:
``/pl/account/register/`` is Polish, ``/account/register/`` stays British English.
"""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import ngettext

from plugins.grants.models import Application

pytestmark = pytest.mark.django_db

HOST = "medway-swale.localhost"
REGISTER = "/account/register/"
SIGN_IN = "/account/sign-in/"
MINE = "/plugins/grants/mine/"
PASSWORD = "a-long-walk-by-the-medway"


def pl(path):
    """The Polish address of ``path``."""
    return f"/pl{path}"


def registration(**overrides):
    data = {
        "email": "Amina.Begum@example.org",
        "first_name": "Amina",
        "last_name": "Begum",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def edit_url(application):
    return f"/plugins/grants/applications/{application.reference}/edit/"


# --- Accounts ------------------------------------------------------------------------------


def test_the_registration_page_is_in_polish(grants_site):
    response = Client(HTTP_HOST=HOST).get(pl(REGISTER))
    html = response.content.decode()
    assert response["Content-Language"] == "pl"
    assert '<html lang="pl">' in html
    assert "<h1>Zarejestruj się</h1>" in html
    assert '<label for="id_email">Adres e-mail</label>' in html
    assert "Imię" in html and "Nazwisko" in html and "Powtórz hasło" in html
    assert "Wyślemy na ten adres link, aby sprawdzić, czy należy do Ciebie." in html
    assert "Masz już konto?" in html
    assert "Email address" not in html


def test_registration_errors_and_the_verification_email_are_in_polish(grants_site, mailoutbox):
    client = Client(HTTP_HOST=HOST)
    html = client.post(pl(REGISTER), registration(email="", password2="something-else")).content
    html = html.decode()
    assert "Wpisz swój adres e-mail." in html
    assert "Hasła się różnią. Wpisz dwa razy to samo hasło." in html

    client.post(pl(REGISTER), registration())
    [message] = mailoutbox
    assert message.subject.startswith("Potwierdź adres e-mail w serwisie ")
    assert "Dzień dobry Amina," in message.body
    assert "Dziękujemy za rejestrację w serwisie" in message.body


def test_the_sign_in_page_and_its_error_are_in_polish(grants_site):
    client = Client(HTTP_HOST=HOST)
    html = client.get(pl(SIGN_IN)).content.decode()
    assert "Zaloguj się" in html
    assert "Nie pamiętasz hasła?" in html

    html = client.post(pl(SIGN_IN), {"username": "nobody@example.org", "password": "x"})
    assert "Adres e-mail lub hasło jest nieprawidłowe." in html.content.decode()


# --- Grants --------------------------------------------------------------------------------


def test_my_applications_is_in_polish(applicant_client, open_round):
    html = applicant_client.get(pl(MINE)).content.decode()
    assert "Moje wnioski o granty" in html
    assert "Nie masz jeszcze w tym serwisie żadnego wniosku o grant." in html


def test_the_application_form_labels_are_in_polish(applicant_client, draft):
    html = applicant_client.get(pl(edit_url(draft))).content.decode()
    assert "Twoja organizacja lub grupa" in html
    assert "Nazwa organizacji lub grupy" in html  # the model field's verbose name
    assert "Wnioskowana kwota (£)" in html
    assert "Na co zostaną wydane pieniądze" in html
    assert "Zapisz wersję roboczą" in html
    assert "Amount requested" not in html


def test_application_form_errors_are_in_polish(applicant_client, draft, form_data):
    data = form_data(draft, postcode="ME4", amount_requested="lots")
    html = applicant_client.post(pl(edit_url(draft)), data).content.decode()
    assert "Wystąpił problem" in html
    assert "Wpisz pełny brytyjski kod pocztowy, np. ME4 4HP." in html
    assert "Wpisz kwotę w funtach, np. 600 lub 62.50." in html


def test_the_thank_you_message_after_sending_is_in_polish(applicant_client, draft, form_data):
    applicant_client.post(pl(edit_url(draft)), form_data(draft, action="submit"))
    html = applicant_client.post(pl(edit_url(draft).replace("/edit/", "/submit/")), follow=True)
    html = html.content.decode()
    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    assert f"Dziękujemy: Twój wniosek {draft.reference} został wysłany." in html


def test_polish_plurals_take_the_right_form():
    def people(n):
        return ngettext("%(counter)s person", "%(counter)s people", n) % {"counter": n}

    with translation.override("pl"):
        assert [people(n) for n in (1, 2, 5, 12, 22, 25)] == [
            "1 osoba",
            "2 osoby",
            "5 osób",
            "12 osób",
            "22 osoby",
            "25 osób",
        ]


# --- English stays the default -------------------------------------------------------------


def test_english_is_unchanged_without_polish(grants_site, applicant_client, draft):
    html = Client(HTTP_HOST=HOST).get(REGISTER).content.decode()
    assert '<html lang="en-gb">' in html
    assert "<h1>Register</h1>" in html
    assert '<label for="id_email">Email address</label>' in html

    html = applicant_client.get(edit_url(draft)).content.decode()
    assert "Amount requested (£)" in html
    assert "Wnioskowana kwota" not in html


def test_the_polish_address_of_the_application_form_works_for_its_applicant(
    applicant_client, draft
):
    response = applicant_client.get(pl(edit_url(draft)))

    assert response.status_code == 200
    assert response["Content-Language"] == "pl"


def test_polish_dates_use_the_month_form_that_follows_a_day(
    applicant_client, submitted_application
):
    submitted_application.submitted_at = "2026-11-23T10:00:00Z"
    submitted_application.save(update_fields=["submitted_at"])

    html = applicant_client.get(
        pl(f"/plugins/grants/applications/{submitted_application.reference}/")
    ).content.decode()

    assert "23 listopada 2026" in html
    assert "Listopad" not in html
