"""The public programme and round pages: what a group reads before applying."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from chorus.plugins import enablement
from plugins.grants.factories import GrantRoundFactory
from plugins.grants.models import GrantRound

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=n)


def url_of(programme, site, suffix=""):
    return programme.relative_url(site) + suffix


def test_programme_page_says_what_it_funds_who_may_apply_and_who_runs_it(
    visitor, programme, grants_site, open_round
):
    response = visitor.get(url_of(programme, grants_site))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Involving Medway community grants" in html
    assert "hiring a hall for a coffee morning" in html
    assert "Unregistered groups are welcome" in html
    assert "Kent Community Foundation" in html
    assert "Medway and Swale Health and Care Partnership" in html
    assert "Spring 2027" in html
    assert "£50 to £1,500" in html


def test_programme_page_lists_open_rounds_first_then_upcoming_then_closed(
    visitor, programme, grants_site
):
    GrantRoundFactory(
        programme=programme, title="Winter 2026", opens_at=days(-120), closes_at=days(-30)
    )
    GrantRoundFactory(
        programme=programme, title="Summer 2027", opens_at=days(30), closes_at=days(60)
    )
    GrantRoundFactory(
        programme=programme, title="Spring 2027", opens_at=days(-5), closes_at=days(20)
    )

    html = visitor.get(url_of(programme, grants_site)).content.decode()

    spring, summer, winter = (html.index(t) for t in ("Spring 2027", "Summer 2027", "Winter 2026"))
    assert spring < summer < winter
    assert ">Open<" in html
    opens = timezone.localtime(days(30)).strftime("%-d %B %Y")
    assert f"Opens on {opens}" in html
    assert ">Closed<" in html
    assert "One round is open for applications now." in html


def test_round_page_shows_amounts_money_left_dates_criteria_and_how_to_apply(
    visitor, programme, grants_site, open_round
):
    GrantRound.objects.filter(pk=open_round.pk).update(allocated=Decimal("4250.50"))

    response = visitor.get(url_of(programme, grants_site, "rounds/spring-2027/"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "£50 to £1,500" in html
    assert "£20,000" in html  # the pot
    assert "£15,749.50" in html  # what is left
    assert timezone.localtime(open_round.closes_at).strftime("%-d %B %Y") in html
    assert "Benefit to the community" in html
    assert "Value for money" in html
    assert "Unregistered groups are welcome" in html  # eligibility
    assert "Sign in to apply" in html
    assert f"/plugins/grants/rounds/{open_round.pk}/apply/" in html


def test_signed_in_person_gets_a_start_button_on_an_open_round(
    applicant_client, programme, grants_site, open_round
):
    html = applicant_client.get(url_of(programme, grants_site, "rounds/spring-2027/"))
    html = html.content.decode()
    assert 'method="post"' in html
    assert "Start an application" in html


def test_a_round_that_closed_on_its_date_says_so_and_offers_no_apply_button(
    visitor, programme, grants_site
):
    GrantRoundFactory(
        programme=programme, title="Autumn 2026", opens_at=days(-60), closes_at=days(-1)
    )

    html = visitor.get(url_of(programme, grants_site, "rounds/autumn-2026/")).content.decode()

    assert "This round closed on" in html
    assert "Sign in to apply" not in html
    assert "Start an application" not in html


def test_a_round_whose_pot_is_spent_says_it_closed_early(
    visitor, programme, grants_site, small_pot
):
    GrantRound.objects.filter(pk=small_pot.pk).update(allocated=Decimal("950.00"))

    html = visitor.get(url_of(programme, grants_site, "rounds/fast-grants/")).content.decode()

    assert "closed early: its pot is fully committed" in html
    assert "Sign in to apply" not in html


def test_an_upcoming_round_says_when_it_opens(visitor, programme, grants_site):
    GrantRoundFactory(
        programme=programme, title="Summer 2027", opens_at=days(30), closes_at=days(60)
    )

    html = visitor.get(url_of(programme, grants_site, "rounds/summer-2027/")).content.decode()

    assert "This round opens on" in html
    assert "Sign in to apply" not in html


def test_a_two_stage_round_explains_expression_of_interest_first(
    visitor, programme, grants_site, eoi_round
):
    html = visitor.get(url_of(programme, grants_site, "rounds/social-action-fund/"))
    html = html.content.decode()

    assert "Send a short expression of interest" in html
    assert "invite the strongest to apply in full" in html


def test_unpublished_and_unknown_rounds_answer_404(visitor, programme, grants_site):
    GrantRoundFactory(programme=programme, title="Secret", slug="secret", published=False)

    assert visitor.get(url_of(programme, grants_site, "rounds/secret/")).status_code == 404
    assert visitor.get(url_of(programme, grants_site, "rounds/nope/")).status_code == 404
    assert "Secret" not in visitor.get(url_of(programme, grants_site)).content.decode()


def test_a_round_of_another_programme_is_not_served_under_this_one(visitor, programme, grants_site):
    from plugins.grants.factories import GrantProgrammePageFactory

    other = GrantProgrammePageFactory(
        parent=grants_site.root_page, title="Fast grants", slug="fast-grants-programme"
    )
    GrantRoundFactory(programme=other, title="Pot one", slug="pot-one")

    assert visitor.get(url_of(programme, grants_site, "rounds/pot-one/")).status_code == 404
    assert visitor.get(url_of(other, grants_site, "rounds/pot-one/")).status_code == 200


def test_an_anonymous_visitor_who_clicks_apply_is_asked_to_sign_in_and_comes_back(
    visitor, open_round
):
    apply_url = f"/plugins/grants/rounds/{open_round.pk}/apply/"

    response = visitor.get(apply_url)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/")
    assert response["Location"].endswith(f"?next={apply_url}")


def test_programme_and_round_pages_use_a_fixed_number_of_queries(
    visitor, programme, grants_site, open_round
):
    programme_url = url_of(programme, grants_site)
    round_url = url_of(programme, grants_site, "rounds/spring-2027/")
    visitor.get(programme_url)  # warm the site and navigation caches

    with CaptureQueriesContext(connection) as one_round:
        visitor.get(programme_url)
    with CaptureQueriesContext(connection) as round_three_criteria:
        visitor.get(round_url)
    for n in range(6):
        GrantRoundFactory(programme=programme, title=f"Extra {n}")
    pot = GrantRound.objects.get(pk=open_round.pk)
    for n in range(5):
        pot.criteria.create(title=f"Extra criterion {n}", sort_order=10 + n)
    with CaptureQueriesContext(connection) as seven_rounds:
        visitor.get(programme_url)
    with CaptureQueriesContext(connection) as round_eight_criteria:
        visitor.get(round_url)

    assert len(seven_rounds) == len(one_round) <= 12
    assert len(round_eight_criteria) == len(round_three_criteria) <= 12


def test_grant_pages_and_urls_answer_404_where_the_plugin_is_off(
    visitor, applicant_client, programme, grants_site, open_round, submitted_application
):
    enablement.disable("grants", grants_site)

    assert visitor.get(url_of(programme, grants_site)).status_code == 404
    assert visitor.get(url_of(programme, grants_site, "rounds/spring-2027/")).status_code == 404
    for url in (
        "/plugins/grants/mine/",
        f"/plugins/grants/rounds/{open_round.pk}/apply/",
        f"/plugins/grants/applications/{submitted_application.reference}/",
        f"/plugins/grants/applications/{submitted_application.reference}/edit/",
        f"/plugins/grants/applications/{submitted_application.reference}/report/",
    ):
        assert applicant_client.get(url).status_code == 404, url
    response = applicant_client.post(f"/plugins/grants/rounds/{open_round.pk}/apply/")
    assert response.status_code == 404
    assert open_round.applications.count() == 1
