"""Turn a UK registered number into an org-id (https://org-id.guide).

An org-id is a register's prefix and the number on that register, e.g. ``GB-CHC-1123456``.
Funders and 360Giving data use them to match organisations, so the network stores one next
to the number an editor typed.

Some numbers look alike on two registers: ``SC012345`` is a Scottish charity or a Scottish
company, six digits are an old charity number, a school's URN or an unpadded company number.
The organisation's kind settles those cases; without a kind that settles it the number is
refused with a message saying how to write it unambiguously (as an org-id).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

#: Register prefixes Chorus understands, as on org-id.guide.
CHARITY_ENGLAND_WALES = "GB-CHC"
CHARITY_SCOTLAND = "GB-SC"
CHARITY_NORTHERN_IRELAND = "GB-NIC"
COMPANIES_HOUSE = "GB-COH"
MUTUALS_REGISTER = "GB-MPR"
SCHOOL_URN = "GB-EDU"

SCHEMES = (
    CHARITY_ENGLAND_WALES,
    CHARITY_SCOTLAND,
    CHARITY_NORTHERN_IRELAND,
    COMPANIES_HOUSE,
    MUTUALS_REGISTER,
    SCHOOL_URN,
)

# Organisation kinds (PartnerOrganisation.Kind values) that settle look-alike numbers.
COMPANY_KINDS = frozenset({"cic", "business"})
SCHOOL_KINDS = frozenset({"school"})
# Every other known kind (VCSE, NHS body, council, Healthwatch) reads a bare number as a
# charity number: those are the registers such bodies' numbers usually come from.
CHARITY_KINDS = frozenset({"vcse", "nhs", "council", "healthwatch"})

# Two-letter Companies House prefixes that no other register uses (LLPs, limited
# partnerships, overseas companies, CIOs on the companies register, and so on).
_COMPANY_ONLY_PREFIXES = frozenset(
    {"OC", "SO", "NC", "LP", "SL", "NL", "FC", "SF", "NF", "GE", "GS", "GN", "CE", "CS", "NO"}
)

_CHC = re.compile(r"\d{6,7}")
_SC_CHARITY = re.compile(r"SC\d{6}")
_NIC = re.compile(r"(?:NIC)?(\d{6})")
_COH = re.compile(r"\d{8}|[A-Z]{2}\d{6}")
_MPR = re.compile(r"RS\d{6}|(?:IP)?\d{1,6}R")
_URN = re.compile(r"\d{6}")

ACCEPTED_FORMS = _(
    "Accepted forms: an England and Wales charity number (6 or 7 digits, e.g. 1123456), a "
    "Scottish charity number (SC012345), a Northern Ireland charity number (NIC100000), a "
    "Companies House number (8 characters, e.g. 09876543 or SC123456; 6 or 7 digits for a CIC "
    "or business), a co-operative or community benefit society number (RS007123, IP12345R or "
    "12345R), a school URN (6 digits, for a school), or an org-id such as GB-CHC-1123456."
)


def normalise(number: str) -> str:
    """Return ``number`` without whitespace and in upper case."""
    return re.sub(r"\s+", "", number or "").upper()


def _refuse(message, number, code):
    raise ValidationError(
        "%(problem)s %(accepted)s",
        code=code,
        params={"problem": message % {"number": number}, "accepted": ACCEPTED_FORMS},
    )


def _ambiguous(number, registers, example_ids):
    raise ValidationError(
        _(
            "“%(number)s” could be %(registers)s. Choose the organisation's kind, or write "
            "the number as an org-id: %(examples)s."
        ),
        code="ambiguous",
        params={"number": number, "registers": registers, "examples": example_ids},
    )


def _from_org_id(value: str) -> str:
    """Check a number already written as an org-id and return it in canonical form."""
    scheme = next((s for s in SCHEMES if value.startswith(s + "-")), None)
    if scheme is None:
        _refuse(_("“%(number)s” uses an org-id register Chorus does not know."), value, "scheme")
    rest = value[len(scheme) + 1 :]
    if scheme == CHARITY_ENGLAND_WALES and _CHC.fullmatch(rest):
        return f"{scheme}-{rest}"
    if scheme == CHARITY_SCOTLAND and _SC_CHARITY.fullmatch(rest):
        return f"{scheme}-{rest}"
    if scheme == CHARITY_NORTHERN_IRELAND and (match := _NIC.fullmatch(rest)):
        return f"{scheme}-{match.group(1)}"
    if scheme == COMPANIES_HOUSE and (rest.isdigit() and 6 <= len(rest) <= 8):
        return f"{scheme}-{rest.zfill(8)}"
    if scheme == COMPANIES_HOUSE and _COH.fullmatch(rest):
        return f"{scheme}-{rest}"
    if scheme == MUTUALS_REGISTER and _MPR.fullmatch(rest):
        return f"{scheme}-{rest}"
    if scheme == SCHOOL_URN and _URN.fullmatch(rest):
        return f"{scheme}-{rest}"
    _refuse(_("“%(number)s” is not a valid number on that register."), value, "invalid")


def _from_digits(value: str, kind: str | None) -> str:
    """Read a number made only of digits, using ``kind`` where the length is shared."""
    if len(value) == 8:
        return f"{COMPANIES_HOUSE}-{value}"
    if len(value) == 7:
        if kind in COMPANY_KINDS:
            return f"{COMPANIES_HOUSE}-{value.zfill(8)}"
        return f"{CHARITY_ENGLAND_WALES}-{value}"
    if len(value) == 6:
        if kind in SCHOOL_KINDS:
            return f"{SCHOOL_URN}-{value}"
        if kind in COMPANY_KINDS:
            return f"{COMPANIES_HOUSE}-{value.zfill(8)}"
        if kind in CHARITY_KINDS:
            return f"{CHARITY_ENGLAND_WALES}-{value}"
        _ambiguous(
            value,
            _("a charity number, a school URN or a company number"),
            f"GB-CHC-{value}, GB-EDU-{value}, GB-COH-{value.zfill(8)}",
        )
    _refuse(_("“%(number)s” has the wrong number of digits."), value, "length")


def to_org_id(number: str, kind: str | None = None) -> str:
    """Return the org-id for a registered ``number``; ``kind`` settles look-alike numbers.

    ``kind`` is a ``PartnerOrganisation.Kind`` value ("vcse", "cic", "school"...) or None.
    Blank input gives "". Raises ``ValidationError`` with a message listing the accepted
    forms when the number is unrecognisable, and asking for a kind or an org-id when it is
    ambiguous.

    >>> to_org_id("1123 456")
    'GB-CHC-1123456'
    >>> to_org_id("sc012345", kind="vcse")
    'GB-SC-SC012345'
    """
    value = normalise(number)
    if not value:
        return ""
    if value.startswith("GB-"):
        return _from_org_id(value)
    if value.isdigit():
        return _from_digits(value, kind)
    if _MPR.fullmatch(value):
        return f"{MUTUALS_REGISTER}-{value}"
    if value.startswith("NIC") and (match := _NIC.fullmatch(value)):
        return f"{CHARITY_NORTHERN_IRELAND}-{match.group(1)}"
    if _COH.fullmatch(value):
        prefix = value[:2]
        if prefix in _COMPANY_ONLY_PREFIXES:
            return f"{COMPANIES_HOUSE}-{value}"
        if prefix in {"SC", "NI"}:
            return _scottish_or_northern_irish(value, kind)
    _refuse(_("“%(number)s” is not a registered number Chorus recognises."), value, "unknown")


def _scottish_or_northern_irish(value: str, kind: str | None) -> str:
    """Read ``SC123456``/``NI123456``: a company for a CIC or business, else a charity."""
    charity = (
        f"{CHARITY_SCOTLAND}-{value}"
        if value.startswith("SC")
        else f"{CHARITY_NORTHERN_IRELAND}-{value[2:]}"
    )
    if kind in COMPANY_KINDS:
        return f"{COMPANIES_HOUSE}-{value}"
    if kind in CHARITY_KINDS:
        return charity
    _ambiguous(
        value,
        _("a charity number or a company number"),
        f"{charity}, {COMPANIES_HOUSE}-{value}",
    )
