"""Partnership models: partner organisations, partnership home pages, spotlights."""

from .organisations import PartnerOrganisation, PartnerOrganisationTag
from .partnership import PartnershipHomePage, PartnershipRole

__all__ = [
    "PartnerOrganisation",
    "PartnerOrganisationTag",
    "PartnershipHomePage",
    "PartnershipRole",
]
