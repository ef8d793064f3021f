"""Equality-monitoring categories, as the Census 2021 in England asks them.

Every question is optional and every one offers "prefer not to say" (``PREFER_NOT``). An
unanswered question is stored as ``""``. Population targets use the same codes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT = "prefer_not"
PREFER_NOT_LABEL = _("Prefer not to say")


class AgeBand(models.TextChoices):
    UNDER_16 = "under_16", _("Under 16")
    A16_24 = "16_24", _("16 to 24")
    A25_34 = "25_34", _("25 to 34")
    A35_44 = "35_44", _("35 to 44")
    A45_54 = "45_54", _("45 to 54")
    A55_64 = "55_64", _("55 to 64")
    A65_74 = "65_74", _("65 to 74")
    A75_PLUS = "75_plus", _("75 or over")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


class GenderIdentity(models.TextChoices):
    """ "Is the gender you identify with the same as your sex registered at birth?"."""

    SAME = "same", _("Yes, the same as my sex registered at birth")
    DIFFERENT = "different", _("No, different from my sex registered at birth")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


class EthnicGroup(models.TextChoices):
    """The 19 categories, in their 5 groups (``ETHNIC_GROUPS``)."""

    BANGLADESHI = "asian_bangladeshi", _("Asian or Asian British: Bangladeshi")
    CHINESE = "asian_chinese", _("Asian or Asian British: Chinese")
    INDIAN = "asian_indian", _("Asian or Asian British: Indian")
    PAKISTANI = "asian_pakistani", _("Asian or Asian British: Pakistani")
    OTHER_ASIAN = "asian_other", _("Asian or Asian British: any other Asian background")
    AFRICAN = "black_african", _("Black, Black British, Caribbean or African: African")
    CARIBBEAN = "black_caribbean", _("Black, Black British, Caribbean or African: Caribbean")
    OTHER_BLACK = (
        "black_other",
        _("Black, Black British, Caribbean or African: any other Black background"),
    )
    WHITE_ASIAN = "mixed_white_asian", _("Mixed or multiple: White and Asian")
    WHITE_BLACK_AFRICAN = (
        "mixed_white_black_african",
        _("Mixed or multiple: White and Black African"),
    )
    WHITE_BLACK_CARIBBEAN = (
        "mixed_white_black_caribbean",
        _("Mixed or multiple: White and Black Caribbean"),
    )
    OTHER_MIXED = "mixed_other", _("Mixed or multiple: any other Mixed background")
    WHITE_BRITISH = "white_british", _("White: English, Welsh, Scottish, Northern Irish or British")
    IRISH = "white_irish", _("White: Irish")
    GYPSY_TRAVELLER = "white_gypsy_traveller", _("White: Gypsy or Irish Traveller")
    ROMA = "white_roma", _("White: Roma")
    OTHER_WHITE = "white_other", _("White: any other White background")
    ARAB = "other_arab", _("Other ethnic group: Arab")
    ANY_OTHER = "other_any", _("Other ethnic group: any other ethnic group")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


#: The five high-level groups, by the prefix of their categories' codes.
ETHNIC_GROUPS = {
    "asian": _("Asian or Asian British"),
    "black": _("Black, Black British, Caribbean or African"),
    "mixed": _("Mixed or multiple ethnic groups"),
    "white": _("White"),
    "other": _("Other ethnic group"),
}


class Disability(models.TextChoices):
    """The Equality Act definition: a condition expected to last 12 months or more that limits
    day-to-day activities."""

    A_LOT = "yes_a_lot", _("Yes, limited a lot")
    A_LITTLE = "yes_a_little", _("Yes, limited a little")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


class Carer(models.TextChoices):
    NO = "no", _("No")
    UNDER_20 = "up_to_19", _("Yes, 19 hours a week or less")
    H20_49 = "20_49", _("Yes, 20 to 49 hours a week")
    H50_PLUS = "50_plus", _("Yes, 50 or more hours a week")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", _("Straight or heterosexual")
    GAY_LESBIAN = "gay_lesbian", _("Gay or lesbian")
    BISEXUAL = "bisexual", _("Bisexual")
    OTHER = "other", _("Another sexual orientation")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


class Religion(models.TextChoices):
    NONE = "none", _("No religion")
    CHRISTIAN = "christian", _("Christian")
    BUDDHIST = "buddhist", _("Buddhist")
    HINDU = "hindu", _("Hindu")
    JEWISH = "jewish", _("Jewish")
    MUSLIM = "muslim", _("Muslim")
    SIKH = "sikh", _("Sikh")
    OTHER = "other", _("Any other religion")
    PREFER_NOT_TO_SAY = PREFER_NOT, PREFER_NOT_LABEL


#: Each demographic question: the ``Demographics`` field, its label and its choices.
DIMENSIONS = {
    "age_band": (_("Age"), AgeBand),
    "sex": (_("Sex"), Sex),
    "gender_identity": (_("Gender identity"), GenderIdentity),
    "ethnic_group": (_("Ethnic group"), EthnicGroup),
    "disability": (_("Disability"), Disability),
    "carer": (_("Unpaid carer"), Carer),
    "sexual_orientation": (_("Sexual orientation"), SexualOrientation),
    "religion": (_("Religion"), Religion),
}
