"""UK postcodes: checking and tidying what people type, and finding the place one lies in.

    normalise_postcode(" me4  4tr ")  # "ME4 4TR"
    place_for_postcode("ME10 1AB")    # the place whose PostcodeArea prefix matches best

A prefix is a whole part of the postcode (the area "ME", the district "ME10", the sector
"ME10 1" or the full postcode), so "ME1" never matches "ME10 1AB". The longest wins.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coproduction.models import PostcodeArea

#: The outward code (area letters, district digits, maybe a letter) and the inward code.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
INVALID = _("Enter a full UK postcode, like ME4 4TR")


def normalise_postcode(text):
    """``text`` as a postcode in capitals with one space ("ME4 4TR"); ``ValidationError``
    when it is not shaped like a UK postcode. An empty value stays empty."""
    compact = re.sub(r"\s+", "", text or "").upper()
    if not compact:
        return ""
    match = POSTCODE.match(compact)
    if match is None:
        raise ValidationError(INVALID, code="invalid_postcode")
    return f"{match[1]} {match[2]}"


def _prefixes(postcode):
    """The parts of ``postcode`` a ``PostcodeArea`` may name, longest first."""
    outward, inward = postcode.split(" ")
    district = outward.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # "EC1A" is in district "EC1"
    area = re.match(r"[A-Z]+", outward)[0]
    return [postcode, f"{outward} {inward[0]}", outward, district, area]


def place_for_postcode(postcode):
    """The place (``PartnershipHomePage``) ``postcode`` lies in, or ``None`` when it is not
    a postcode or no ``PostcodeArea`` covers it."""
    try:
        postcode = normalise_postcode(postcode)
    except ValidationError:
        return None
    prefixes = _prefixes(postcode)
    areas = {
        area.prefix.upper(): area
        for area in PostcodeArea.objects.filter(prefix__in=prefixes).select_related("place")
    }
    for prefix in prefixes:
        if prefix in areas:
            return areas[prefix].place
    return None
