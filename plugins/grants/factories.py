"""factory-boy factories for grants, shared by the tests and ``seed_demo``.

Programmes are pages (pass ``parent``); a round, an application and a user are plain rows.
Rounds are fetched by programme and slug, applications by round and project title, users
by email, so a demo can be built twice::

    programme = GrantProgrammePageFactory(parent=medway_home)
    pot = GrantRoundFactory(programme=programme, budget=Decimal("20000"))
    ApplicationFactory(round=pot, status=Application.Status.SUBMITTED)
"""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from chorus.common.factories import PageFactory, UserFactory
from partnerships.factories import PartnerOrganisationFactory
from partnerships.models import PartnerOrganisation

from .models import Application, AssessmentCriterion, BudgetItem, GrantProgrammePage, GrantRound


class GrantProgrammePageFactory(PageFactory):
    """Involving Medway's small grants, run by a community foundation (``parent`` required)."""

    class Meta:
        model = GrantProgrammePage

    title = "Involving Medway community grants"
    summary = "Grants of up to £1,500 for community groups in Medway and Swale."
    purpose = (
        "<p>Small grants for the things that bring people together: hiring a hall for a "
        "coffee morning, equipment for a shared space, a day out for a carers' group, or "
        "setting up volunteer meetings.</p>"
    )
    who_may_apply = (
        "<p>Community groups, charities, CICs, co-operatives and schools working with "
        "people in Medway and Swale. Unregistered groups are welcome.</p>"
    )
    how_to_apply = (
        "<p>Register, then fill in the short online form. We decide within six weeks.</p>"
    )
    administering_organisation = factory.SubFactory(
        PartnerOrganisationFactory,
        name="Kent Community Foundation",
        kind=PartnerOrganisation.Kind.VCSE,
        registered_identifier="1084361",
    )
    funder = factory.SubFactory(
        PartnerOrganisationFactory,
        name="Medway and Swale Health and Care Partnership",
        kind=PartnerOrganisation.Kind.NHS,
        registered_identifier="",
    )
    grant_id_prefix = "360G-involvingmedway"
    contact_email = "grants@example.org"


def _days_from_now(days):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)


class GrantRoundFactory(factory.django.DjangoModelFactory):
    """An open round: a £20,000 pot, grants of £50 to £1,500, closing in four weeks."""

    class Meta:
        model = GrantRound
        django_get_or_create = ("programme", "slug")
        skip_postgeneration_save = True

    programme = None  # required: a GrantProgrammePage
    title = factory.Sequence(lambda n: f"Round {n + 1}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))
    summary = "Small grants for community groups."
    budget = Decimal("20000.00")
    min_award = Decimal("50.00")
    max_award = Decimal("1500.00")
    opens_at = factory.LazyFunction(lambda: _days_from_now(-14))
    closes_at = factory.LazyFunction(lambda: _days_from_now(28))
    two_stage = False

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        """Add the criteria named in ``criteria=[...]`` (by default, three common ones)."""
        if not create or self.criteria.exists():
            return
        titles = (
            extracted
            if extracted is not None
            else [
                "Benefit to the community",
                "People who use services are involved",
                "Value for money",
            ]
        )
        for order, title in enumerate(titles):
            AssessmentCriterion.objects.create(round=self, title=title, sort_order=order)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A complete draft from a registered charity in Chatham, asking for £600.

    Pass ``status=...`` to place it further along (the submission time is set to match);
    ``budget=[("Hall hire", "180.00"), ...]`` replaces the itemised budget.
    """

    class Meta:
        model = Application
        django_get_or_create = ("round", "project_title")
        skip_postgeneration_save = True

    round = None  # required: a GrantRound
    applicant = factory.SubFactory(UserFactory)
    stage = Application.Stage.FULL
    status = Application.Status.DRAFT
    organisation_name = factory.Sequence(lambda n: f"Chatham Community Group {n}")
    organisation_kind = Application.OrganisationKind.CHARITY
    registered_number = "1123456"
    org_id = "GB-CHC-1123456"
    contact_name = factory.LazyAttribute(
        lambda o: f"{o.applicant.first_name} {o.applicant.last_name}" if o.applicant else "Sam"
    )
    contact_email = factory.LazyAttribute(lambda o: o.applicant.email if o.applicant else "")
    contact_phone = "01634 000000"
    project_title = factory.Sequence(lambda n: f"Coffee mornings for carers {n}")
    project_description = "Six coffee mornings in a church hall for unpaid carers to meet."
    beneficiaries = "Unpaid carers in Chatham and their families."
    people_benefiting = 40
    postcode = "ME4 4HP"
    area_name = "Medway"
    area_code = "E06000035"
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=150))
    amount_requested = Decimal("600.00")
    declares_information_true = True
    declares_spend_as_described = True
    declares_safeguarding = True
    declares_data_use = True
    submitted_at = factory.LazyAttribute(
        lambda o: None if o.status == Application.Status.DRAFT else timezone.now()
    )

    @factory.post_generation
    def budget(self, create, extracted, **kwargs):
        """Itemise the budget: by default hall hire and refreshments adding up to £600."""
        if not create or self.budget_items.exists():
            return
        lines = extracted or [("Hall hire, six sessions", "360.00"), ("Refreshments", "240.00")]
        BudgetItem.objects.bulk_create(
            BudgetItem(application=self, description=text, amount=Decimal(amount), sort_order=i)
            for i, (text, amount) in enumerate(lines)
        )
