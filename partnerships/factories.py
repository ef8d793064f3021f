"""Factories for partner organisations, partnership sites and spotlights.

Used by the tests and by ``seed_demo``, so they are idempotent where a demo needs it:
an organisation is fetched by name, a page by its slug under its parent, a partnership
site by its hostname.

    medway = make_partnership_site("medway-swale.localhost", "Medway and Swale ...")
    index = SpotlightIndexPageFactory(parent=medway.root_page, title="Spotlights")
    SpotlightPageFactory(parent=index, organisation=PartnerOrganisationFactory(name="DERiC"))
"""

import datetime

import factory
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from chorus.common.factories import PageFactory, UserFactory

from .models import (
    MemberClass,
    MemberRegister,
    Membership,
    PartnerOrganisation,
    PartnershipHomePage,
    PartnershipRole,
    SpotlightIndexPage,
    SpotlightPage,
)


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    """A partner organisation; ``tags=["carers"]`` tags it. Fetched by name if it exists."""

    class Meta:
        model = PartnerOrganisation
        django_get_or_create = ("name",)
        # The tags hook saves when it adds tags; no second save otherwise.
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Community group {n}")
    kind = PartnerOrganisation.Kind.VCSE
    website = factory.LazyAttribute(
        lambda o: "https://{}.example.org/".format(
            "".join(c for c in o.name.lower() if c.isalnum())[:40]
        )
    )
    description = "Supports people in their neighbourhood to stay well and connected."
    places_served = "Medway"

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """Add the tag names given as ``tags=[...]``."""
        if create and extracted:
            self.tags.add(*extracted)
            self.save()


class SpotlightIndexPageFactory(PageFactory):
    """A partnership's spotlight index (``parent`` is the partnership home)."""

    class Meta:
        model = SpotlightIndexPage

    title = "Spotlights"
    introduction = (
        "<p>Reports on local community organisations: who they are, what they do and what "
        "people told them.</p>"
    )


class SpotlightPageFactory(PageFactory):
    """A published spotlight (``parent`` is a spotlight index); ``tags=[...]`` tags it."""

    class Meta:
        model = SpotlightPage

    title = factory.LazyAttribute(lambda o: f"Spotlight on {o.organisation.name}")
    organisation = factory.SubFactory(PartnerOrganisationFactory)
    date_published = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    summary = factory.LazyAttribute(
        lambda o: f"How {o.organisation.name} helps people stay well and connected."
    )
    who_they_are = "<p>A group of local volunteers.</p>"
    what_they_do = "<p>Home visits, lifts to appointments and a weekly lunch club.</p>"
    what_people_told_them = "<p>People do not want to tell their story twice.</p>"
    what_changed = "<p>The surgery now refers people to the group directly.</p>"


def make_partnership_site(
    hostname, title, *, port=80, site_name=None, roles=(), root=None, **fields
):
    """Return the Site for a partnership on ``hostname``, creating site and home if needed.

    ``roles`` is a sequence of ``(organisation, role)`` pairs; ``fields`` are
    PartnershipHomePage fields (kind, area_served, summary, introduction, slug).
    """
    site = Site.objects.filter(hostname=hostname, port=port).first()
    if site is not None:
        return site
    root = root or Page.get_first_root_node()
    fields.setdefault("slug", slugify(hostname.split(".")[0]))
    home = PartnershipHomePage(title=title, **fields)
    for sort_order, (organisation, role) in enumerate(roles):
        home.partner_roles.add(
            PartnershipRole(organisation=organisation, role=role, sort_order=sort_order)
        )
    root.add_child(instance=home)
    return Site.objects.create(
        hostname=hostname, port=port, root_page=home, site_name=site_name or title
    )


class MemberRegisterFactory(factory.django.DjangoModelFactory):
    """A site's register of members (``site`` required); fetched by site if it exists."""

    class Meta:
        model = MemberRegister
        django_get_or_create = ("site",)

    site = None
    number_prefix = "SC"
    application_guidance = (
        "Sharing Care is owned by the people who use its services and the people who work "
        "for it. Membership costs £1 and gives you one vote at general meetings."
    )


class MemberClassFactory(factory.django.DjangoModelFactory):
    """A member class of a register; fetched by register and name."""

    class Meta:
        model = MemberClass
        django_get_or_create = ("register", "name")

    register = factory.SubFactory(MemberRegisterFactory)
    name = "User member"
    description = "People who use Sharing Care's services, and their carers."


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active member (joined a month ago) with the next number; fetched by register and person.

    ``MembershipFactory(status=Membership.Status.APPLIED)`` makes an application instead.
    """

    class Meta:
        model = Membership
        django_get_or_create = ("register", "user")

    member_class = factory.SubFactory(MemberClassFactory)
    register = factory.LazyAttribute(lambda o: o.member_class.register)
    user = factory.SubFactory(UserFactory)
    status = Membership.Status.ACTIVE
    number = factory.LazyAttribute(
        lambda o: _next_number(o.register) if o.status != Membership.Status.APPLIED else None
    )
    joined_on = factory.LazyAttribute(lambda o: o.activated_at.date() if o.activated_at else None)
    activated_at = factory.LazyAttribute(
        lambda o: (
            timezone.now() - datetime.timedelta(days=30)
            if o.status != Membership.Status.APPLIED
            else None
        )
    )


def _next_number(register):
    top = register.memberships.aggregate(top=Max("number"))["top"] or 0
    return top + 1
