"""The representativeness report: the register beside the population, with small numbers
suppressed, for staff allowed to see equality-monitoring figures."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chorus.common.factories import UserFactory
from coproduction.factories import PersonFactory
from coproduction.models import Demographics, Person, PopulationTarget, Role
from coproduction.register.charts import bar_chart
from coproduction.register.representation import representativeness, to_recruit
from tests.clients import assert_refused

pytestmark = pytest.mark.django_db

URL = "/admin/representativeness/"
PANEL = Role.CITIZENS_PANEL


def people(place, number, role=PANEL, **answers):
    """``number`` panel members of ``place`` with ``answers`` (and equality consent)."""
    for _ in range(number):
        PersonFactory(places=[place], roles=[role], demographics=answers)


def targets(place, dimension, illustrative=False, **counts):
    for category, count in counts.items():
        PopulationTarget.objects.create(
            place=place,
            dimension=dimension,
            category=category,
            count=count,
            illustrative=illustrative,
            source="Census 2021",
        )


@pytest.fixture
def medway(medway_site):
    return medway_site.root_page


@pytest.fixture
def staff(client):
    client.force_login(UserFactory(is_superuser=True))
    return client


def report_page(client, place, role=PANEL):
    response = client.get(URL, {"place": place.pk, "role": role})
    assert response.status_code == 200
    return response.content.decode()


def cells(html, label):
    """The cells of the table row headed ``label``, as text."""
    row = re.search(rf"<th scope=\"row\">{re.escape(label)}</th>(.*?)</tr>", html, re.S)
    found = re.findall(r"<td>(.*?)</td>", row[1], re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in found]


def test_the_register_is_compared_with_the_population_after_rounding(staff, medway):
    people(medway, 23, sex="female")
    people(medway, 12, sex="male")
    people(medway, 3, sex="prefer_not")
    people(medway, 2)  # answered the form, not this question
    targets(medway, "sex", female=510, male=490)

    html = report_page(staff, medway)

    assert "People counted: 40." in html
    # 23 → 25 and 12 → 10, of 35 answered: shares come from the rounded figures.
    assert cells(html, "Female") == ["25", "71.4%", "51.0%", "+20.4 points", "0"]
    # (49% of 35 − 10) / 51% = 14.02…: 15 more men would close the gap.
    assert cells(html, "Male") == ["10", "28.6%", "49.0%", "-20.4 points", "15"]
    assert cells(html, "Prefer not to say (not in the shares)")[0] == "fewer than 5"
    assert "Numbers under 5 are shown as &#x27;fewer than 5&#x27;" in html


def test_only_active_consenting_people_of_the_place_and_role_are_counted(
    staff, medway, west_kent_site
):
    people(medway, 10, sex="female")
    people(west_kent_site.root_page, 10, sex="female")
    people(medway, 10, role=Role.CHAMPION, sex="female")
    left = PersonFactory(places=[medway], roles=[PANEL], demographics={"sex": "female"})
    Person.objects.filter(pk=left.pk).update(status=Person.Status.LEFT)
    unconsented = PersonFactory(places=[medway], roles=[PANEL])
    Demographics.objects.create(person=unconsented, sex="female")

    assert representativeness(medway, PANEL).size.display == "10"
    assert representativeness(medway).size.display == "20"  # any role
    assert "People counted: 20." in report_page(staff, medway, role="")


def test_a_small_category_is_hidden_and_a_second_one_withheld(staff, medway):
    people(medway, 30, age_band="45_54")
    people(medway, 8, age_band="25_34")
    people(medway, 2, age_band="16_24")
    # Every other age band is empty (so hidden too): no second suppression is needed.
    report = representativeness(medway, PANEL)
    ages = {row.code: row.register for row in report.dimensions[0].rows}
    assert ages["16_24"].display == "fewer than 5" and ages["25_34"].display == "10"

    people(medway, 5, sex="female")
    people(medway, 2, sex="male")
    sexes = {row.code: row.register for row in representativeness(medway, PANEL).dimensions[1].rows}
    # 45 answered: with the total shown, one hidden cell would be 45 − the other.
    assert sexes["male"].display == "fewer than 5"
    assert sexes["female"].display == "withheld" and sexes["female"].share is None


def test_people_to_recruit_for_a_hidden_category_is_an_upper_bound(staff, medway):
    people(medway, 20, disability="no")
    people(medway, 2, disability="yes_a_lot")
    people(medway, 5, disability="yes_a_little")
    targets(medway, "disability", no=80, yes_a_lot=10, yes_a_little=10)

    html = report_page(staff, medway)

    assert cells(html, "Yes, limited a lot")[0] == "fewer than 5"
    assert cells(html, "Yes, limited a lot")[-1] == "up to 3"  # 10% of 25 / 90%, rounded up


def test_to_recruit_brings_the_share_up_to_the_population_s():
    assert to_recruit(10, 35, 0.49) == 15
    assert to_recruit(25, 35, 0.51) == 0
    assert to_recruit(0, 100, 0.5) == 100
    assert to_recruit(0, 100, 1) is None


def test_illustrative_targets_are_labelled_as_such(staff, medway):
    people(medway, 10, sex="female")
    targets(medway, "sex", illustrative=True, female=50, male=50)

    assert "Illustrative figures, not Census data." in report_page(staff, medway)


def test_without_targets_the_page_says_so_and_still_shows_the_register(staff, medway):
    people(medway, 10, sex="female")
    people(medway, 10, sex="male")

    html = report_page(staff, medway)

    assert "There are no population targets for this place yet" in html
    assert cells(html, "Female")[:3] == ["10", "50.0%", "—"]


def test_with_fewer_than_5_people_nothing_is_shown(staff, medway):
    people(medway, 3, sex="female")
    targets(medway, "sex", female=50, male=50)

    html = report_page(staff, medway)

    assert "People counted: fewer than 5." in html
    assert "no figures can be shown without identifying someone" in html
    assert '<svg role="img"' not in html


def test_each_chart_is_an_accessible_svg_with_a_table_and_no_style_attribute(staff, medway):
    people(medway, 10, sex="female", age_band="25_34")
    targets(medway, "sex", female=50, male=50)

    html = report_page(staff, medway)

    charts = re.findall(r'<svg role="img" aria-labelledby="([a-z_]+)-chart-title', html)
    assert charts == ["age_band", "sex"]  # too few answered the other questions to chart
    assert html.count("Fewer than 5 people answered this question") == 6
    title = "Sex: the register compared with the population"
    assert f'<title id="sex-chart-title">{title}</title>' in html
    assert html.count('<table class="listing">') == 8
    main = html.split("<main", 1)[-1]
    assert " style=" not in main and "<script>" not in main


def test_the_report_takes_a_few_queries_however_many_people(
    client, medway, django_assert_max_num_queries
):
    def panel(number):
        categories = ["white_british", "asian_indian", "black_african", "white_other"]
        for n in range(number):
            PersonFactory(
                places=[medway],
                roles=[PANEL],
                demographics={
                    "ethnic_group": categories[n % 4],
                    "age_band": ["25_34", "45_54", "65_74"][n % 3],
                    "sex": ["female", "male"][n % 2],
                    "religion": "none" if n % 4 else "prefer_not",
                },
            )

    def page_queries(**params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        return len(queries)

    targets(medway, "sex", female=510, male=490)
    targets(medway, "ethnic_group", white_british=800, asian_indian=100, black_african=100)
    client.force_login(UserFactory(is_superuser=True))
    panel(30)
    page_queries()  # the first request fills caches (sites)
    form_only = page_queries()
    with_30 = page_queries(place=medway.pk, role=PANEL)
    panel(30)
    with_60 = page_queries(place=medway.pk, role=PANEL)

    # Every question counted in one query, the targets in another: the rest is the admin's.
    assert with_30 == with_60 <= form_only + 2
    # The whole admin page, the admin's own queries (session, user, menus...) included.
    assert with_60 <= 10
    with django_assert_max_num_queries(2):
        report = representativeness(medway, PANEL)
    assert report.size.display == "60"
    assert [row.register.display for row in report.dimensions[1].rows] == ["30", "30"]


def test_a_partnership_team_with_the_permission_sees_its_own_place_only(
    client, medway, medway_site, west_kent_site, team_of
):
    people(medway, 10, sex="female")
    client.force_login(team_of(medway_site, "view_demographics"))

    assert "People counted: 10." in report_page(client, medway)
    assert "Representativeness report" in client.get("/admin/").content.decode()

    client.force_login(team_of(west_kent_site, "view_demographics"))
    html = client.get(URL).content.decode()
    assert "West Kent" in html and "Medway and Swale Health and Care Partnership" not in html
    refused = client.get(URL, {"place": medway.pk, "role": PANEL}).content.decode()
    assert "People counted" not in refused


def test_staff_without_the_permission_are_refused(client, medway):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert_refused(client.get(URL, {"place": medway.pk}))
    assert "Representativeness report" not in client.get("/admin/").content.decode()


def test_the_form_offers_the_places_and_any_role(staff, medway):
    html = staff.get(URL).content.decode()

    assert "Medway and Swale Health and Care Partnership" in html
    assert "Any role" in html and "Choose a place and a role" in html


def test_a_chart_draws_shown_shares_and_writes_hidden_figures_in_words(medway):
    people(medway, 30, disability="no")
    people(medway, 2, disability="yes_a_lot")
    people(medway, 10, disability="yes_a_little")
    targets(medway, "disability", no=900, yes_a_lot=96, yes_a_little=4)

    chart = bar_chart(representativeness(medway, PANEL).dimensions[4])

    a_lot, a_little, no = chart.rows
    assert no.register.text == "75%" and no.population.text == "90%"
    assert no.register.width > 0 and no.population.width > no.register.width
    assert a_lot.register.width == 0 and a_lot.register.text == "fewer than 5"
    assert a_little.register.text == "withheld"
    assert a_little.population.text == "0.4%"  # small shares keep a decimal
