"""Staff recording the same sign-up at the same moment make one person and one consent set.

PostgreSQL only (see tests/concurrency/threads.py): each thread is its own connection and
transaction, as two staff members' requests are.
"""

# The fixtures are imported from .staff, and named as arguments: ruff sees redefinitions.
# ruff: noqa: F401, F811

from coproduction.models import ConsentRecord, Person, Purpose
from coproduction.register.admin_forms import SignupForm
from coproduction.register.signups import record_signup
from tests.concurrency.threads import ON_POSTGRESQL, THREADS, all_at_once

from .staff import medway, team_of

pytestmark = ON_POSTGRESQL


def test_simultaneous_sign_ups_with_one_address_make_one_person(medway_site, medway, team_of):
    staff = team_of(medway_site, "record_signup")
    data = {
        "method": "phone",
        "name": "Grace Okafor",
        "email": "grace@example.org",
        "places": [medway.pk],
        "contact_by_email": "on",
        "language": "en-gb",
        "consents": [Purpose.KEEP_INFORMED, Purpose.INVITATIONS],
    }

    def sign_up(number):
        form = SignupForm(data, for_user=staff)
        assert form.is_valid(), form.errors
        return record_signup(form, by=staff)[1]

    created = all_at_once(sign_up)

    assert created.count(True) == 1 and len(created) == THREADS
    person = Person.objects.get()
    assert ConsentRecord.objects.filter(person=person).count() == 2
