"""Equality-monitoring answers, kept apart from the register.

Special-category data (UK GDPR Article 9): held only with explicit consent (the
``equality_monitoring`` purpose), in its own table under its own permission
(``coproduction.view_demographics``), never listed against a name for editors, and used only
in aggregate (representativeness, with small numbers suppressed). Withdrawing that consent
deletes the row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduction.register import categories as c


class Demographics(models.Model):
    """One person's answers; every field is optional ("" = not answered)."""

    person = models.OneToOneField(
        "coproduction.Person", on_delete=models.CASCADE, related_name="demographics"
    )
    age_band = models.CharField(_("age"), max_length=40, blank=True, choices=c.AgeBand.choices)
    sex = models.CharField(_("sex"), max_length=40, blank=True, choices=c.Sex.choices)
    gender_identity = models.CharField(
        _("gender identity"), max_length=40, blank=True, choices=c.GenderIdentity.choices
    )
    ethnic_group = models.CharField(
        _("ethnic group"), max_length=40, blank=True, choices=c.EthnicGroup.choices
    )
    disability = models.CharField(
        _("disability"), max_length=40, blank=True, choices=c.Disability.choices
    )
    carer = models.CharField(_("unpaid carer"), max_length=40, blank=True, choices=c.Carer.choices)
    sexual_orientation = models.CharField(
        _("sexual orientation"), max_length=40, blank=True, choices=c.SexualOrientation.choices
    )
    religion = models.CharField(
        _("religion"), max_length=40, blank=True, choices=c.Religion.choices
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("equality monitoring answers")
        verbose_name_plural = _("equality monitoring answers")
        default_permissions = ()
        permissions = [
            ("view_demographics", _("Can see equality monitoring figures (in aggregate only)")),
        ]

    def __str__(self):
        return str(_("Equality monitoring answers"))
