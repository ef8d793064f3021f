"""Partnership models: partner organisations, partnership home pages, spotlights."""

from .membership import (
    MemberClass,
    MemberRegister,
    Membership,
    MembershipEvent,
)
from .organisations import PartnerOrganisation, PartnerOrganisationTag
from .partnership import PartnershipHomePage, PartnershipRole
from .spotlights import SpotlightIndexPage, SpotlightPage, SpotlightPageTag

__all__ = [
    "MemberClass",
    "MemberRegister",
    "Membership",
    "MembershipEvent",
    "PartnerOrganisation",
    "PartnerOrganisationTag",
    "PartnershipHomePage",
    "PartnershipRole",
    "SpotlightIndexPage",
    "SpotlightPage",
    "SpotlightPageTag",
]
