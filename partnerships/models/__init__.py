"""Partnership models: partner organisations, partnership home pages, spotlights."""

from .organisations import PartnerOrganisation, PartnerOrganisationTag
from .partnership import PartnershipHomePage, PartnershipRole
from .spotlights import SpotlightIndexPage, SpotlightPage, SpotlightPageTag

__all__ = [
    "PartnerOrganisation",
    "PartnerOrganisationTag",
    "PartnershipHomePage",
    "PartnershipRole",
    "SpotlightIndexPage",
    "SpotlightPage",
    "SpotlightPageTag",
]
