"""Something real behind every kind of id in the project's URLs, for the URL-walking tests."""

import pytest
from django.contrib.auth import get_user_model

from chorus.accounts import tokens
from chorus.accounts.models import Registration
from partnerships.factories import MembershipFactory
from plugins.events.factories import EventIndexPageFactory, EventPageFactory
from plugins.grants.factories import (
    ApplicationFactory,
    GrantProgrammePageFactory,
    GrantRoundFactory,
)
from plugins.ideas.factories import CommentFactory, IdeaBoardPageFactory, IdeaFactory
from plugins.timecredits import ledger
from plugins.timecredits.factories import (
    EarnPartnerFactory,
    OfferFactory,
    SchemeFactory,
    SpendPartnerFactory,
)
from plugins.timecredits.models import PartnerStaff
from plugins.timecredits.wallets import volunteer_wallet
from plugins.voting import proposals
from plugins.voting.factories import ballot_in_state
from tests.sortition.helpers import places, published_draw


@pytest.fixture
def seeded(network_site, medway_site, coop_site, register, user_members, enable):
    """``(grace, values)``: Grace, who can reach everything, and a value for every placeholder.

    Grace is a member of Sharing Care (which votes) and, on Medway's site (grants, events
    time credits and ideas), a grant applicant, a volunteer with a voucher, and staff of a
    partner that gives credits and of a venue that takes them.
    """
    for plugin in ("grants", "timecredits", "events", "ideas"):
        enable(plugin, medway_site)
    enable("voting", coop_site)
    grace = MembershipFactory(member_class=user_members, user__first_name="Grace")
    user = grace.user
    programme = GrantProgrammePageFactory(parent=medway_site.root_page)
    pot = GrantRoundFactory(programme=programme, title="Spring 2027", slug="spring-2027")
    application = ApplicationFactory(round=pot, applicant=user, status="submitted")
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=medway_site.root_page), booking_mode="here"
    )
    scheme = SchemeFactory(site=medway_site)
    library = EarnPartnerFactory(scheme=scheme, organisation__name="Chatham Library Friends")
    pool = SpendPartnerFactory(scheme=scheme, organisation__name="Strood Sports Centre")
    for partner in (library, pool):
        PartnerStaff.objects.create(wallet=partner, user=user)
    ledger.allocate(library, 100, by=None)
    wallet = volunteer_wallet(scheme, user)
    ledger.earn(library, wallet, 5, activity="Saturday book sale", by=None)
    voucher = ledger.redeem(wallet, OfferFactory(partner=pool), by=user)
    ballot = ballot_in_state("open", site=coop_site, classes=[user_members], title="New rules")
    proposal = proposals.propose(coop_site, grace, "Pay travel time", "Between visits.")
    board = IdeaBoardPageFactory(parent=medway_site.root_page)
    idea = IdeaFactory(board=board)
    comment = CommentFactory(idea=idea)
    # Someone who registered and has not yet opened their link: the link is a real one.
    waiting = get_user_model().objects.create_user(
        username="waiting@example.org", email="waiting@example.org", is_active=False
    )
    Registration.objects.create(user=waiting)
    draw = published_draw(network_site, places(medway_site))
    values = {
        # A page below the site's root, as Wagtail's page-serving route reads it.
        "path": event.url_path.split("/", 2)[2],
        "id": 1,
        "round_id": pot.pk,
        "reference": application.reference,
        "pk": event.pk,
        "programme_id": programme.pk,
        "offer_id": voucher.offer_id,
        "code": voucher.code,
        "wallet_id": library.pk,
        "ballot_id": ballot.pk,
        "proposal_id": proposal.pk,
        "token": tokens.make_token(waiting),
        "uidb64": "MQ",
        "filename": "minutes.pdf",
        "restriction_id": 1,
        "page_view_restriction_id": 1,
        "page_id": event.pk,
        "board_id": board.pk,
        "idea_id": idea.pk,
        "comment_id": comment.pk,
        "assembly_id": draw.assembly_id,
    }
    return user, values
