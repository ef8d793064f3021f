"""Inviting a random sample, and an invitee volunteering (or not) on the public pages."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from wagtail.models import GroupPagePermission

from chorus.common.factories import UserFactory
from coproduction.factories import PersonFactory
from coproduction.models import (
    Invitation,
    InvitationRound,
    Purpose,
    RegisterSettings,
    Volunteer,
)
from coproduction.models.signup import hash_token
from coproduction.register import personal_data
from coproduction.sortition import invitations

from .helpers import assembly_on, places, volunteers

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(network_site, medway_site, west_kent_site):
    medway, west_kent = places(medway_site, west_kent_site)
    assembly = assembly_on(network_site, title="Health Assembly pilot")
    return assembly, medway, west_kent


def invite(client, assembly, place_ids, size, **extra):
    url = f"/admin/selection-by-lot/{assembly.pk}/invite/"
    data = {"size": size, "places": [str(pk) for pk in place_ids], "action": "send", **extra}
    return client.post(url, data)


def link_in(message):
    return re.search(r"http://\S+/volunteer/(\S+)/", message.body)


def test_only_people_who_agreed_to_invitations_are_sampled_and_each_is_emailed_a_one_time_link(
    admin_client, setting
):
    assembly, medway, west_kent = setting
    invited = [PersonFactory(places=[medway], consents=[Purpose.INVITATIONS]) for _n in range(6)]
    PersonFactory(places=[medway], consents=[Purpose.KEEP_INFORMED], email="news@example.org")
    count = admin_client.post(
        f"/admin/selection-by-lot/{assembly.pk}/invite/",
        {"size": 4, "places": [str(medway.pk)], "action": "count"},
    )
    assert "6 people can be invited" in count.content.decode()

    response = invite(admin_client, assembly, [medway.pk], 4)
    invitation_round = InvitationRound.objects.get()
    assert response.status_code == 302
    assert invitation_round.status == InvitationRound.Status.DONE
    assert invitation_round.sent == invitation_round.total == 4
    assert len(mail.outbox) == 4
    assert "news@example.org" not in {m.to[0] for m in mail.outbox}
    assert {m.to[0] for m in mail.outbox} <= {p.email for p in invited}
    token = link_in(mail.outbox[0]).group(1)
    assert "/your-involvement/" in mail.outbox[0].body  # where to stop invitations
    # Only the link's hash is kept.
    assert Invitation.objects.filter(token_hash=hash_token(token)).exists()
    assert not Invitation.objects.filter(token_hash=token).exists()

    # A second round never invites the same person twice.
    invite(admin_client, assembly, [medway.pk], 10)
    assert Invitation.objects.count() == 6


def test_the_sample_is_reproducible_from_its_logged_seed_and_stratified_by_place(setting):
    assembly, medway, west_kent = setting
    for _n in range(30):
        PersonFactory(places=[medway], consents=[Purpose.INVITATIONS])
    for _n in range(10):
        PersonFactory(places=[west_kent], consents=[Purpose.INVITATIONS])
    found = invitations.candidates(assembly, [medway.pk, west_kent.pk])
    first = invitations.sample(found, 8, "abc", stratified=True)
    assert first == invitations.sample(found, 8, "abc", stratified=True)
    assert first != invitations.sample(found, 8, "abd", stratified=True)
    in_west_kent = [pk for pk in first if found[pk] == west_kent.pk]
    assert len(in_west_kent) == 2  # 10 of 40 candidates: a quarter of the sample


def test_an_invitee_volunteers_after_checking_their_answers_and_the_link_then_says_so(
    admin_client, client, setting
):
    assembly, medway, west_kent = setting
    person = PersonFactory(places=[medway], consents=[Purpose.INVITATIONS], home_place=medway)
    invite(admin_client, assembly, [medway.pk], 1)
    token = link_in(mail.outbox[0]).group(1)
    url = f"/volunteer/{token}/"

    page = client.get(url)
    assert page.status_code == 200
    assert "Prefer not to say" in page.content.decode()

    refused = client.post(url, {"place": str(medway.pk)})
    body = refused.content.decode()
    assert "There is a problem" in body
    assert "Tick the box to agree, or we cannot put you in the draw." in body
    assert not Volunteer.objects.exists()

    answers = {
        "available": "on",
        "place": str(medway.pk),
        "age_band": "prefer_not",
        "sex": "female",
        "ethnic_group": "white_british",
        "disability": "no",
        "consent": "on",
    }
    assert client.post(url, answers)["Location"] == f"/volunteer/{token}/check/"
    check = client.get(f"/volunteer/{token}/check/")
    assert "Check your answers" in check.content.decode()
    assert not Volunteer.objects.exists()
    client.post(f"/volunteer/{token}/check/")

    volunteer = Volunteer.objects.get()
    assert volunteer.person == person and volunteer.age_band == "prefer_not"
    assert "anonymised pool" in volunteer.consent_text
    assert volunteer.method == Volunteer.Method.WEB
    assert Invitation.objects.get().response == Invitation.Response.VOLUNTEERED
    assert "You have volunteered" in client.get(url).content.decode()
    # The link works once.
    client.post(f"/volunteer/{token}/check/")
    assert Volunteer.objects.count() == 1


def test_an_invitee_can_say_no_and_nothing_else_is_kept(admin_client, client, setting):
    assembly, medway, west_kent = setting
    PersonFactory(places=[medway], consents=[Purpose.INVITATIONS])
    invite(admin_client, assembly, [medway.pk], 1)
    token = link_in(mail.outbox[0]).group(1)
    client.post(f"/volunteer/{token}/decline/")
    assert Invitation.objects.get().response == Invitation.Response.DECLINED
    assert not Volunteer.objects.exists()
    assert "You have said no" in client.get(f"/volunteer/{token}/").content.decode()


def test_a_link_we_did_not_send_or_for_someone_erased_is_not_found(admin_client, client, setting):
    assembly, medway, west_kent = setting
    assert client.get("/volunteer/not-a-real-token/").status_code == 404
    person = PersonFactory(places=[medway], consents=[Purpose.INVITATIONS])
    invite(admin_client, assembly, [medway.pk], 1)
    token = link_in(mail.outbox[0]).group(1)
    assert client.get(f"/volunteer/{token}/").status_code == 200
    personal_data.erase(person.email)
    assert client.get(f"/volunteer/{token}/").status_code == 404


def test_an_assembly_page_offers_selection_by_lot_to_staff_who_run_draws(admin_client, setting):
    assembly, medway, west_kent = setting
    edit = admin_client.get(f"/admin/pages/{assembly.pk}/edit/").content.decode()
    assert f"/admin/selection-by-lot/{assembly.pk}/" in edit


def test_staff_add_a_volunteer_taken_by_phone(admin_client, setting):
    assembly, medway, west_kent = setting
    person = PersonFactory(places=[medway], name="Pat Jones")
    response = admin_client.post(
        f"/admin/selection-by-lot/{assembly.pk}/volunteers/add/",
        {
            "person": person.pk,
            "method": "phone",
            "available": "on",
            "place": str(medway.pk),
            "age_band": "65_74",
            "sex": "male",
            "ethnic_group": "prefer_not",
            "disability": "yes_a_little",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    volunteer = Volunteer.objects.get()
    assert volunteer.method == Volunteer.Method.PHONE and volunteer.recorded_by is not None
    overview = admin_client.get(f"/admin/selection-by-lot/{assembly.pk}/").content.decode()
    assert "Pat Jones" in overview and volunteer.pseudonym in overview


def test_a_partnership_team_invites_and_sees_volunteers_only_in_its_own_place(
    client, setting, medway_site
):

    assembly, medway, west_kent = setting
    group = Group.objects.create(name="Medway engagement")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", "run_draw"]))
    GroupPagePermission.objects.create(
        group=group, page=assembly.get_parent(), permission_type="change"
    )
    RegisterSettings.objects.update_or_create(site=medway_site, defaults={"team": group})
    officer = UserFactory()
    officer.groups.add(group)
    client.force_login(officer)
    medway_volunteer, west_kent_volunteer = volunteers(assembly, [medway, west_kent], 2)

    overview = client.get(f"/admin/selection-by-lot/{assembly.pk}/").content.decode()
    assert medway_volunteer.pseudonym in overview
    assert west_kent_volunteer.pseudonym not in overview
    refused = client.post(
        f"/admin/selection-by-lot/{assembly.pk}/invite/",
        {"size": 5, "places": [str(west_kent.pk)], "action": "send"},
    )
    assert refused.status_code == 200 and not InvitationRound.objects.exists()


def test_staff_without_the_permission_cannot_open_the_draw(client, setting):
    assembly, medway, west_kent = setting
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"/admin/selection-by-lot/{assembly.pk}/").status_code in (302, 403)
