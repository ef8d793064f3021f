"""UK postcodes: checking, tidying, and finding the place a postcode lies in.

A postcode is an outward code (area letters, district: "ME7", "SW1A") and an inward code
(sector digit and unit letters: "1HF"). :class:`PostcodeArea` prefixes are an area ("CT"), an
outward code ("ME7") or a sector ("ME7 1"); the longest that matches wins. Prefixes match whole
parts only, so "ME1" never matches "ME10 4AB".
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coproduction.models import PostcodeArea

#: A full UK postcode without its space, upper case (BS 7666 shapes, and GIR 0AA).
POSTCODE = re.compile(
    r"^(?:(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?)(?P<inward>[0-9][A-Z]{2})|GIR0AA)$"
)

INVALID = _("Enter a full UK postcode, like ME7 1HF.")


def normalise_postcode(value):
    """Return ``value`` as a tidy postcode ("me71hf " → "ME7 1HF"), or raise ValidationError.

    An empty value stays empty (the postcode is optional).
    """
    compact = re.sub(r"\s+", "", value or "").upper()
    if not compact:
        return ""
    if not POSTCODE.match(compact):
        raise ValidationError(INVALID, code="invalid_postcode")
    return f"{compact[:-3]} {compact[-3:]}"


def prefixes(postcode):
    """The prefixes that could hold ``postcode`` (a tidy one), longest first."""
    outward, inward = postcode.split(" ")
    area = re.match(r"[A-Z]+", outward).group()
    return [f"{outward} {inward[0]}", outward, area]


def place_for_postcode(postcode):
    """The ``PartnershipHomePage`` a tidy ``postcode`` lies in, or ``None`` when no
    ``PostcodeArea`` covers it."""
    if not postcode:
        return None
    candidates = prefixes(postcode)
    areas = {
        area.prefix.upper(): area
        for area in PostcodeArea.objects.filter(prefix__in=candidates).select_related("place")
    }
    for prefix in candidates:
        if prefix in areas:
            return areas[prefix].place
    return None
