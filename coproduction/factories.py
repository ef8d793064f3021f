"""Factories for assemblies, the co-production charter and its signatures.

Used by the tests and by ``seed_demo``. Pages are idempotent like the partnerships
factories they build on: a page whose slug already exists under ``parent`` is returned.

    index = AssemblyIndexPageFactory(parent=medway.root_page)
    AssemblyPageFactory(parent=index, participating_organisations=[healthwatch, deric])
    charter = CharterPageFactory(parent=network.root_page)
    CharterSignatureFactory(charter=charter, organisation=healthwatch, approved=True)
"""

import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from chorus.common.factories import PageFactory
from partnerships.factories import PartnerOrganisationFactory

from .models import (
    AssemblyIndexPage,
    AssemblyPage,
    AssemblySession,
    BulletinIndexPage,
    BulletinPage,
    CharterPage,
    CharterPrinciple,
    CharterSignature,
    Commitment,
    Demographics,
    Method,
    Person,
    PersonRole,
    Purpose,
    Recommendation,
    SourceKind,
    Topic,
    YouSaidWeDidPage,
)

#: The principles of the Kent and Medway co-production charter (demo and test content).
KENT_AND_MEDWAY_PRINCIPLES = [
    (
        "We involve people and communities as early as possible",
        "People help decide what the problem is before any options are drawn up, not only "
        "comment on a finished plan.",
    ),
    (
        "People are partners in decision-making",
        "Residents and voluntary, community and social enterprise groups sit on the groups "
        "that decide, with the papers, support and time to take part as equals.",
    ),
    (
        "Everyone can take part",
        "We work with interpreters where people do not speak English, and use Easy Read "
        "and face-to-face approaches with people with learning disabilities.",
    ),
    (
        "We tell people what happened as a result",
        "Everyone who takes part hears back what was decided, how their views were "
        "considered and what changed.",
    ),
]

ASSEMBLY_PROMPTS = [
    (
        "What matters to you",
        "What makes it hard to get the health and care you need?\n"
        "Who do you turn to first when you are worried about your health?",
    ),
    (
        "Ideas and priorities",
        "What would make the biggest difference in your area?\n"
        "What should the partnership stop doing?",
    ),
    (
        "Recommendations",
        "Which three recommendations should go to the partnership board?",
    ),
]


def at(date, hour, minute=0):
    """Return an aware datetime on ``date`` at ``hour:minute`` (Europe/London)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, minute)))


def default_sessions(assembly):
    """Return the three sessions of a one-day health assembly (unsaved)."""
    times = [(10, 0), (11, 45), (14, 0)]
    return [
        AssemblySession(
            title=title,
            starts_at=at(assembly.start_date, *times[i]),
            discussion_prompts=prompts,
            sort_order=i,
        )
        for i, (title, prompts) in enumerate(ASSEMBLY_PROMPTS)
    ]


class AssemblyIndexPageFactory(PageFactory):
    """The "Assemblies" section of a site (``parent`` is a partnership or network home)."""

    class Meta:
        model = AssemblyIndexPage

    title = "Assemblies"
    introduction = (
        "<p>Health assemblies, workshops and focus groups where residents and community "
        "organisations shape health and care services together.</p>"
    )


class AssemblyPageFactory(PageFactory):
    """A published health assembly with three sessions (``parent`` is an assembly index).

    Pass ``sessions=[AssemblySession(...), ...]`` to replace the sessions and
    ``participating_organisations=[...]`` to add organisations.
    """

    class Meta:
        model = AssemblyPage

    title = factory.Sequence(lambda n: f"Health assembly {n + 1}")
    topic = "How can we make it easier to get help with mental health in Medway and Swale?"
    format = AssemblyPage.Format.HEALTH_ASSEMBLY
    status = AssemblyPage.Status.RECRUITING
    start_date = factory.Sequence(lambda n: datetime.date(2025, 3, 1) + datetime.timedelta(n))
    end_date = None
    venue_name = "Medway Park"
    venue_address = "Mill Road\nGillingham\nME7 1HF"
    step_free_access = True
    hearing_loop = True
    easy_read = True
    quiet_room = True
    access_notes = "Travel expenses are paid. Please tell us about any adjustments you need."
    min_participants = 40
    max_participants = 50
    recruitment = (
        "<p>Members of the public invited through the Kent and Medway Citizens' Panel and "
        "Health Network, with representative community organisations.</p>"
    )
    sessions = factory.LazyAttribute(default_sessions)


class CharterPageFactory(PageFactory):
    """A published co-production charter with the Kent and Medway principles."""

    class Meta:
        model = CharterPage

    title = "Co-production charter"
    introduction = (
        "<p>Our charter for the Kent and Medway health and care system aims for "
        "co-production as the gold standard for as much of our work as possible.</p>"
    )
    version = "1.0"
    adopted_on = datetime.date(2023, 7, 1)
    principles = factory.LazyFunction(
        lambda: [
            CharterPrinciple(principle=principle, in_practice=in_practice, sort_order=i)
            for i, (principle, in_practice) in enumerate(KENT_AND_MEDWAY_PRINCIPLES)
        ]
    )


class CharterSignatureFactory(factory.django.DjangoModelFactory):
    """A pending signature (``charter`` is required); ``approved=True`` approves it."""

    class Meta:
        model = CharterSignature

    class Params:
        approved = factory.Trait(
            status=CharterSignature.Status.APPROVED,
            reviewed_at=factory.LazyFunction(timezone.now),
        )
        rejected = factory.Trait(
            status=CharterSignature.Status.REJECTED,
            reviewed_at=factory.LazyFunction(timezone.now),
        )

    charter_version = factory.LazyAttribute(lambda o: o.charter.version)
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    contact_name = factory.Sequence(lambda n: f"Contact {n + 1}")
    contact_email = factory.Sequence(lambda n: f"contact{n + 1}@example.org")
    contact_role = "Chief Executive"
    commitment = factory.LazyAttribute(
        lambda o: (
            f"{o.organisation.name} will pay people with lived experience for their "
            "time on our boards, and report back on what changed."
        )
    )
    status = CharterSignature.Status.PENDING


class BulletinIndexPageFactory(PageFactory):
    """A site's bulletin archive (``parent`` is a partnership or network home)."""

    class Meta:
        model = BulletinIndexPage

    title = "Bulletins"
    introduction = "<p>The news we send to the people on our Health Network.</p>"


class BulletinPageFactory(PageFactory):
    """A published bulletin with a heading and a paragraph (``parent`` is a bulletin archive)."""

    class Meta:
        model = BulletinPage

    title = factory.Sequence(lambda n: f"Health Network bulletin {n + 1}")
    date = datetime.date(2026, 3, 2)
    summary = "What the partnership heard from you this month, and what it is doing about it."
    body = factory.LazyFunction(
        lambda: [
            ("heading", {"text": "You said, we did"}),
            (
                "paragraph",
                "<p>You told us evening appointments were hard to find. Three surgeries now "
                "open until 8pm on Thursdays.</p>",
            ),
        ]
    )


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic of interest; fetched by slug."""

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class PersonFactory(factory.django.DjangoModelFactory):
    """Someone on the register, plainly fictional (example.org).

    PersonFactory(places=[medway_home], roles=[Role.CITIZENS_PANEL],
                  consents=[Purpose.KEEP_INFORMED], demographics={"age_band": "25_34"})
    """

    class Meta:
        model = Person
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Test Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if create and extracted:
            self.places.set(extracted)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            PersonRole.objects.bulk_create(PersonRole(person=self, role=role) for role in extracted)

    @factory.post_generation
    def consents(self, create, extracted, **kwargs):
        """Purposes the person has consented to online."""
        if create and extracted:
            from .register.consent import set_consent

            for purpose in extracted:
                set_consent(self, purpose, True, method=Method.WEB)

    @factory.post_generation
    def demographics(self, create, extracted, **kwargs):
        """Equality-monitoring answers (also records the explicit consent they need)."""
        if create and extracted is not None:
            from .register.consent import set_consent

            set_consent(self, Purpose.EQUALITY_MONITORING, True, method=Method.WEB)
            Demographics.objects.create(person=self, **extracted)


class YouSaidWeDidPageFactory(PageFactory):
    """A site's "You said, we did" tracker (``parent`` is a partnership or network home)."""

    class Meta:
        model = YouSaidWeDidPage

    title = "You said, we did"
    slug = "you-said-we-did"
    introduction = (
        "<p>What people told us in assemblies, consultations, ideas and meetings, what the "
        "partners promised to do about it, and how it is going.</p>"
    )


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A recommendation from a meeting, named but without its page unless told otherwise:
    pass ``site=`` and, for a page source, ``source_kind=`` and ``source_page=``."""

    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Offer Easy Read letters for appointments ({n + 1})")
    what_people_said = "People with learning disabilities said standard letters confused them."
    source_kind = SourceKind.MEETING
    source_label = "Medway and Swale partnership board, 12 March"
    made_on = datetime.date(2026, 3, 12)

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if create and extracted:
            self.places.set(extracted)


class CommitmentFactory(factory.django.DjangoModelFactory):
    """A commitment not started yet, due in two months (pass ``recommendation=`` and
    ``owner=``)."""

    class Meta:
        model = Commitment

    action = factory.Sequence(lambda n: f"Send Easy Read letters from clinic {n + 1}")
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    status = Commitment.Status.NOT_STARTED
