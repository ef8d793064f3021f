"""Polish: what visitors, members and voters read on the voting pages is translated.

``/pl/plugins/voting/...`` is Polish; ``/plugins/voting/...`` stays British English. The
For/Against/Abstain labels are written once, in English, when a ballot is scheduled, so these
tests look for the words around them rather than the labels.
"""

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from plugins.voting import proposals
from plugins.voting.factories import close_now
from plugins.voting.models import VotingSettings
from tests.voting.web import HOME, ballot_url, browser, option

pytestmark = pytest.mark.django_db

PROPOSALS = "/plugins/voting/proposals/"


def pl(path):
    """The Polish address of ``path``."""
    return f"/pl{path}"


def polish_page(client, path, **post):
    """GET (or POST, given data) the Polish address of ``path``; the response and its HTML."""
    response = client.post(pl(path), post) if post else client.get(pl(path))
    assert response["Content-Language"] == "pl"
    return response, response.content.decode()


def test_have_your_say_is_in_polish_for_an_elector(open_resolution, member):
    response, html = polish_page(browser(member.user), HOME)

    assert response.status_code == 200
    assert "<h1" in html and "Zabierz głos</h1>" in html
    assert "Sharing Care co-op należy do swoich członków." in html
    assert "Trwa głosowanie" in html
    assert "Zagłosuj teraz" in html
    assert "Żadne głosowanie jeszcze się nie zakończyło." in html
    assert "Vote now" not in html


def test_the_ballot_page_and_its_vote_form_are_in_polish(open_resolution, member):
    response, html = polish_page(browser(member.user), ballot_url(open_resolution))

    assert response.status_code == 200
    assert "Treść uchwały" in html
    assert "Jak działa to głosowanie" in html
    assert "To uchwała zwykła: przechodzi, jeśli oddano więcej głosów za niż przeciw." in html
    assert "To głosowanie tajne. Nikt, nawet sekretarz, nie zobaczy, jak głosujesz." in html
    assert "W tym głosowaniu może głosować 9 członków." in html
    assert "Wybierz jedną opcję" in html
    assert "Dalej" in html
    assert "Przeciw" in html and "Wstrzymuję się" in html
    assert "Continue" not in html


def test_the_receipt_after_voting_is_in_polish(open_resolution, member):
    client = browser(member.user)
    page, html = polish_page(
        client,
        ballot_url(open_resolution, "vote/"),
        choice=option(open_resolution, "for").pk,
        step="confirm",
    )

    assert page.status_code == 200
    assert "Dziękujemy: Twój głos został zapisany" in html
    assert "Twój wybór: Za." in html  # the standard options are shown translated
    assert "Zapisz ten kod albo zrób mu zdjęcie teraz. Nie pokażemy go ponownie" in html
    assert "Jak sprawdzić, czy Twój głos został policzony" in html
    assert "It will not be shown again" not in html

    again, html = polish_page(
        client,
        ballot_url(open_resolution, "vote/"),
        choice=option(open_resolution, "for").pk,
        step="confirm",
    )
    assert again.status_code == 409
    assert "Już oddano Twój głos w tym głosowaniu." in html


def test_a_closed_ballots_result_is_in_polish(open_resolution, member, members):
    for voter in (member, *members[:2]):
        browser(voter.user).post(
            ballot_url(open_resolution, "vote/"),
            {"choice": option(open_resolution, "for").pk, "step": "confirm"},
        )
    close_now(open_resolution)

    response, html = polish_page(browser(), ballot_url(open_resolution))

    assert response.status_code == 200
    assert "Wynik</h2>" in html
    assert "Zagłosowało 3 z 9 uprawnionych członków." in html
    assert "Głosy na każdą opcję" in html
    assert "100% oddanych głosów było za uchwałą." in html
    assert "Głosy wstrzymujące się liczą się do frekwencji i kworum" in html
    assert "The result" not in html


def test_the_proposals_page_is_in_polish_with_the_right_plural(voting_site, member):
    needed = VotingSettings.for_site(voting_site)
    needed.seconds_needed = 2
    needed.save()
    proposals.propose(voting_site, member, "A garden for the office", "Let us plant one.")

    response, html = polish_page(browser(member.user), PROPOSALS)

    assert response.status_code == 200
    assert "Propozycje członków" in html
    assert "Gdy poprą ją 2 inni członkowie, trafia do sekretarza" in html
    assert "Zgłoś propozycję" in html
    assert "Czekają na poparcie" in html
    assert "Poparcia: 0 z 2." in html
    assert "Looking for seconders" not in html


def test_the_english_addresses_stay_in_english(open_resolution, member):
    client = browser(member.user)

    home = client.get(HOME)
    ballot = client.get(ballot_url(open_resolution))

    assert home["Content-Language"] == "en-gb"
    assert "Vote now" in home.content.decode()
    assert "Zagłosuj teraz" not in home.content.decode()
    assert "Continue" in ballot.content.decode()
    assert "Dalej" not in ballot.content.decode()


def test_polish_vote_counts_take_the_right_plural_form():
    def votes(n):
        return ngettext("%(total)s vote", "%(total)s votes", n) % {"total": n}

    with translation.override("pl"):
        assert [votes(n) for n in (1, 2, 5, 12, 22, 25)] == [
            "1 głos",
            "2 głosy",
            "5 głosów",
            "12 głosów",
            "22 głosy",
            "25 głosów",
        ]
