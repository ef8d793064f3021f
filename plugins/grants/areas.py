"""Where a project happens: a UK postcode, and the local authority district it falls in.

Reports count grants by area ("how much went to Swale?") and the 360Giving data names a
beneficiary location with an ONS GSS code, so each application stores the area its
postcode points to.

The table below maps a **postcode district** (the part before the space, e.g. ``ME4``) to
the local authority district it *mostly* lies in, for Kent and Medway. Postcode districts
do not follow council boundaries: ``ME5`` is mostly Medway with a corner in Maidstone,
``DA3`` takes in Longfield (Dartford) and Hartley (Sevenoaks), ``TN12`` both Paddock Wood
(Tunbridge Wells) and Staplehurst (Maidstone). A district therefore maps to its main area,
which is right for almost every application and close enough for reporting; an exact
answer would need the ONS postcode directory (millions of rows) and is not worth it here.

A valid postcode outside Kent and Medway is accepted: its area is the postcode district
itself with no GSS code, so a group just over the border can still apply and reports show
where it is.
"""

import re
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class Area(NamedTuple):
    """A local authority district by name, and its ONS GSS code (``""`` when unknown)."""

    name: str
    code: str


MEDWAY = Area("Medway", "E06000035")
ASHFORD = Area("Ashford", "E07000105")
CANTERBURY = Area("Canterbury", "E07000106")
DARTFORD = Area("Dartford", "E07000107")
DOVER = Area("Dover", "E07000108")
GRAVESHAM = Area("Gravesham", "E07000109")
MAIDSTONE = Area("Maidstone", "E07000110")
SEVENOAKS = Area("Sevenoaks", "E07000111")
FOLKESTONE_AND_HYTHE = Area("Folkestone and Hythe", "E07000112")
SWALE = Area("Swale", "E07000113")
THANET = Area("Thanet", "E07000114")
TONBRIDGE_AND_MALLING = Area("Tonbridge and Malling", "E07000115")
TUNBRIDGE_WELLS = Area("Tunbridge Wells", "E07000116")

#: The thirteen local authority districts: Kent's twelve, and Medway (a unitary authority).
KENT_AND_MEDWAY = (
    MEDWAY,
    ASHFORD,
    CANTERBURY,
    DARTFORD,
    DOVER,
    GRAVESHAM,
    MAIDSTONE,
    SEVENOAKS,
    FOLKESTONE_AND_HYTHE,
    SWALE,
    THANET,
    TONBRIDGE_AND_MALLING,
    TUNBRIDGE_WELLS,
)


def _districts(prefix, numbers, area):
    return {f"{prefix}{number}": area for number in numbers}


#: Postcode district → the local authority district it mainly lies in (see the module notes).
DISTRICT_AREAS = {
    # ME: Medway towns, Swale, Maidstone, and Tonbridge and Malling's north.
    # Rochester, Strood, Hoo, Chatham, Gillingham and Rainham.
    **_districts("ME", (1, 2, 3, 4, 5, 7, 8), MEDWAY),
    **_districts("ME", (9, 10, 11, 12, 13), SWALE),  # Sittingbourne, Sheppey, Faversham
    **_districts("ME", (14, 15, 16, 17), MAIDSTONE),
    **_districts("ME", (6, 18, 19, 20), TONBRIDGE_AND_MALLING),  # Snodland, West Malling, Aylesford
    # DA: the Kent side of Dartford's postcode area (DA5-DA8 and DA14-DA18 are London).
    **_districts("DA", (1, 2, 3, 9, 10), DARTFORD),  # Dartford, Longfield, Greenhithe, Swanscombe
    **_districts("DA", (4,), SEVENOAKS),  # Farningham, Horton Kirby, Eynsford
    **_districts("DA", (11, 12, 13), GRAVESHAM),  # Northfleet, Gravesend, Meopham
    # BR8 is Swanley, in Sevenoaks district; the rest of BR is London.
    "BR8": SEVENOAKS,
    # TN: West Kent and Ashford (TN5-TN7 and TN19-TN22, TN31-TN40 are East Sussex).
    **_districts("TN", (1, 2, 3, 4, 12, 17, 18), TUNBRIDGE_WELLS),  # incl. Paddock Wood, Cranbrook
    **_districts("TN", (8, 13, 14, 15, 16), SEVENOAKS),  # Edenbridge, Sevenoaks, Westerham
    **_districts("TN", (9, 10, 11), TONBRIDGE_AND_MALLING),  # Tonbridge
    **_districts("TN", (23, 24, 25, 26, 27, 30), ASHFORD),  # Ashford, Charing, Tenterden
    **_districts("TN", (28, 29), FOLKESTONE_AND_HYTHE),  # New Romney, Romney Marsh
    # CT: East Kent.
    **_districts("CT", (1, 2, 3, 4, 5, 6), CANTERBURY),  # Canterbury, Whitstable, Herne Bay
    **_districts("CT", (7, 8, 9, 10, 11, 12), THANET),  # Margate, Broadstairs, Ramsgate
    **_districts("CT", (13, 14, 15, 16, 17), DOVER),  # Sandwich, Deal, Dover
    **_districts("CT", (18, 19, 20, 21), FOLKESTONE_AND_HYTHE),  # Hawkinge, Folkestone, Hythe
}

# Outward code (area letters, district digit(s), optional letter) and inward code (a digit
# and two letters that are never C, I, K, M, O or V). Strict enough to catch typos such as
# "ME4 4H" or "ME44 HP" without needing the Royal Mail's list.
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][ABD-HJLNP-UW-Z]{2})$")


def normalise_postcode(value: str) -> str:
    """Return ``value`` as a tidy UK postcode (``"me44hp"`` → ``"ME4 4HP"``).

    Raises :class:`ValidationError` when it is not a full UK postcode.
    """
    compact = re.sub(r"\s+", "", value or "").upper()
    match = _POSTCODE.match(compact)
    if not match:
        raise ValidationError(
            _("Enter a full UK postcode, such as ME4 4HP."), code="invalid_postcode"
        )
    outward, inward = match.groups()
    return f"{outward} {inward}"


def postcode_district(postcode: str) -> str:
    """Return a postcode's district (its outward code): ``"ME4 4HP"`` → ``"ME4"``."""
    return normalise_postcode(postcode).split(" ")[0]


def area_for_postcode(postcode: str) -> Area:
    """Return the area a postcode lies in.

    In Kent and Medway, the local authority district its postcode district mainly lies in,
    with its GSS code; elsewhere, the postcode district with an empty code. Raises
    :class:`ValidationError` for something that is not a UK postcode.
    """
    district = postcode_district(postcode)
    return DISTRICT_AREAS.get(district, Area(district, ""))
