"""`seed_demo` without DEBUG or --with-admin: every section is built, and nobody has an
account (grants keep their applicants as contacts, time credits, voting and the involvement
register build no people)."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Site

from chorus.plugins import enablement
from coproduction.models import Commitment, Person, PostcodeArea, Recommendation, Topic
from partnerships.models import MemberRegister, Membership
from plugins.grants.models import Application, Assessment, Award
from plugins.timecredits.models import Offer, Scheme, Transaction, Wallet
from plugins.voting.models import Ballot, Proposal
from tests.demo.seeded import seeded_once
from tests.demo.test_seed_demo import HOSTNAMES, PORT

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.xdist_group("demo-without-accounts"),
    pytest.mark.usefixtures("demo"),
]

demo = seeded_once(port=PORT, with_admin=False)


def test_no_user_is_created_without_debug_or_with_admin():
    assert not get_user_model().objects.exists()
    assert Site.objects.count() == len(HOSTNAMES)


def test_the_involvement_register_has_its_topics_but_nobody_on_it():
    assert Topic.objects.exists() and PostcodeArea.objects.exists()
    assert not Person.objects.exists()


def test_the_grants_are_built_with_contacts_but_no_users():
    applications = Application.objects.all()
    assert applications.count() >= 15
    assert not applications.filter(~Q(applicant=None)).exists()
    assert Award.objects.filter(status=Award.Status.ACTIVE).count() >= 4
    assert not Assessment.objects.exists()


def test_the_time_credit_scheme_partners_and_offers_are_built_without_volunteers():
    assert Scheme.objects.get().name == "Medway Time Credits"
    assert Offer.objects.exists()
    assert not Wallet.objects.filter(kind="volunteer").exists()
    assert set(Transaction.objects.values_list("kind", flat=True)) == {"allocation"}


def test_the_member_register_is_built_with_no_members_or_ballots():
    register = MemberRegister.objects.get()
    assert register.classes.count() == 3
    assert enablement.is_enabled("voting", register.site)
    assert not Membership.objects.exists()
    assert not Ballot.objects.exists()
    assert not Proposal.objects.exists()


def test_you_said_we_did_has_its_recommendations_but_no_commitments_without_owners():
    assert Recommendation.objects.count() == 5
    assert not Commitment.objects.exists()
