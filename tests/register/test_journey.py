"""The register from end to end: a visitor joins the Citizens' Panel for Medway and Swale,
confirms by email, gets a bulletin, and leaves from the link in it; and what a person gave
at joining is in their personal-data export and goes with erasure."""

import pytest

from chorus.plugins.personal_data import erase_personal_data, export_personal_data
from coproduction.models import BulletinDelivery, Consent, Person, Purpose, Role, SignUp
from tests.register.bulletin_helpers import make_bulletin, send
from tests.register.join_helpers import MEDWAY, answers, confirm_path, emails_to

pytestmark = pytest.mark.django_db

ADDRESS = "ola.nowak@example.org"


def join_and_confirm(client, medway_site):
    client.post("/join/", answers(places=[str(medway_site.root_page.pk)]), headers=MEDWAY)
    (link_email,) = emails_to(ADDRESS)
    client.post(confirm_path(link_email, medway_site), headers=MEDWAY)
    return Person.objects.get(email=ADDRESS)


def test_a_new_panel_member_hears_from_us_once_and_can_leave_from_the_bulletin(
    client, network_site, medway_site
):
    person = join_and_confirm(client, medway_site)
    assert person.roles.get().role == Role.CITIZENS_PANEL

    bulletin = make_bulletin(network_site, title="Spring news from the panel")
    choice = {"places": (medway_site.root_page_id,), "roles": (Role.CITIZENS_PANEL,)}
    send(bulletin, network_site, **choice)
    send(bulletin, network_site, **choice)  # a double click sends nobody a second copy

    (news,) = [e for e in emails_to(ADDRESS) if e.subject == "Spring news from the panel"]
    assert BulletinDelivery.objects.filter(person=person).count() == 1
    unsubscribe = news.headers["List-Unsubscribe"].strip("<>")
    assert news.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The mail program's one-click unsubscribe: a POST with no cookie or CSRF token.
    response = client.__class__(enforce_csrf_checks=True).post(
        unsubscribe.removeprefix(network_site.root_url), {"List-Unsubscribe": "One-Click"}
    )
    assert "We will not send bulletins to ola.nowak@example.org any more." in response.text
    informed = Consent.objects.get(person=person, purpose=Purpose.KEEP_INFORMED)
    assert not informed.granted and informed.record.method == "one_click"
    # Invitations to the panel's surveys are a separate choice, and still stand.
    assert Consent.objects.get(person=person, purpose=Purpose.INVITATIONS).granted

    later = make_bulletin(network_site, title="Summer news", slug="summer")
    send(later, network_site, **choice)
    assert not [e for e in emails_to(ADDRESS) if e.subject == "Summer news"]


def test_sign_ups_are_exported_and_erased_with_the_person(client, network_site, medway_site):
    join_and_confirm(client, medway_site)
    sections = export_personal_data(ADDRESS)
    assert sections["involvement register"][0]["email"] == ADDRESS
    assert sections["involvement register sign-ups"][0]["confirmed"]

    assert erase_personal_data(ADDRESS) >= 2
    assert not SignUp.objects.exists()
    assert Person.objects.get().status == Person.Status.ERASED
