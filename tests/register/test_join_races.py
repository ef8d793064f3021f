"""Twenty people (or one person's twenty tabs) signing up with one address at the same moment,
then confirming every link at the same moment, make one person with one set of consents.

PostgreSQL only::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chorus_wt_join \\
        .venv/bin/pytest tests/register/test_join_races.py -q -p no:xdist
"""

from django.test import Client

from coproduction.models import Consent, ConsentRecord, Person, PersonRole, SignUp
from tests.concurrency.threads import ON_POSTGRESQL, all_at_once

from .join_helpers import MEDWAY, answers, confirm_path, emails_to

pytestmark = ON_POSTGRESQL

TIMES = 20


def test_twenty_identical_sign_ups_and_confirmations_make_one_person(
    network_site, medway_site, settings
):
    settings.CHORUS_REGISTER_SIGNUPS_PER_HOUR = 100
    settings.CHORUS_REGISTER_LINKS_PER_EMAIL_PER_HOUR = 100
    data = answers(places=[str(medway_site.root_page.pk)])

    def sign_up(number):
        return Client().post("/join/", data, headers=MEDWAY).status_code

    assert all_at_once(sign_up, threads=TIMES) == [302] * TIMES
    links = [confirm_path(email, medway_site) for email in emails_to("ola.nowak@example.org")]
    assert len(links) == SignUp.objects.count() == TIMES

    def confirm(number):
        return Client().post(links[number], headers=MEDWAY).status_code

    assert all_at_once(confirm, threads=TIMES) == [302] * TIMES

    person = Person.objects.get()
    assert person.email == "ola.nowak@example.org"
    assert list(PersonRole.objects.values_list("role", flat=True)) == ["citizens_panel"]
    assert person.places.count() == 1
    assert Consent.objects.filter(person=person, granted=True).count() == 2
    assert ConsentRecord.objects.filter(person=person).count() == 2
    assert SignUp.objects.filter(person=person, confirmed_at__isnull=False).count() == TIMES


def test_one_link_pressed_twenty_times_at_once_confirms_once(network_site, medway_site):
    Client().post("/join/", answers(), headers=MEDWAY)
    (link,) = [confirm_path(email, medway_site) for email in emails_to("ola.nowak@example.org")]

    def press(number):
        response = Client().post(link, headers=MEDWAY)
        return response.status_code

    statuses = all_at_once(press, threads=TIMES)

    assert sorted(statuses) == [200] * (TIMES - 1) + [302]  # the others: "already joined"
    assert Person.objects.count() == 1
    assert len(emails_to("ola.nowak@example.org")) == 2  # the link and one welcome
