"""Forms for the grants admin: rounds, assessing, deciding, due diligence and payments.

The forms validate what a person typed; the rules about money and status live in
:mod:`plugins.grants.ledger`, :mod:`plugins.grants.workflow` and :mod:`.assessing`, whose
refusals the views show as form errors.
"""

import re
import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .. import permissions
from ..models import Assessment, GrantProgrammePage
from ..models.money import PENNY


def managed_programmes(user):
    """The programme pages in the sites whose grants ``user`` manages."""
    if user is None:
        return GrantProgrammePage.objects.none()
    if user.is_superuser:
        return GrantProgrammePage.objects.all()
    programmes = GrantProgrammePage.objects.none()
    for path in permissions.managed_sites(user).values_list("root_page__path", flat=True):
        programmes = programmes | GrantProgrammePage.objects.filter(path__startswith=path)
    return programmes


class GrantRoundForm(WagtailAdminModelForm):
    """A round's form, offering only the programmes of the sites the person manages.

    The programme is a plain menu rather than Wagtail's page chooser, which would let a
    manager browse other sites' page trees.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("programme")
        if field is not None:
            field.widget = forms.Select()
            field.queryset = managed_programmes(self.for_user).order_by("title")


class AssessmentForm(forms.Form):
    """Score each of the round's criteria, recommend, and comment for the panel."""

    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        choices=Assessment.Recommendation.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comments for the panel"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, criteria, assessment=None, **kwargs):
        initial = kwargs.setdefault("initial", {})
        scored = {}
        if assessment is not None and not assessment.conflict_of_interest:
            initial.setdefault("recommendation", assessment.recommendation)
            initial.setdefault("comment", assessment.comment)
            scored = {score.criterion_id: score.score for score in assessment.scores.all()}
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        score_fields = {}
        for criterion in self.criteria:
            score_fields[self.score_field_name(criterion)] = forms.IntegerField(
                label=criterion.title,
                help_text=criterion.guidance
                or _("From 0 to %(max)s.") % {"max": criterion.max_score},
                min_value=0,
                max_value=criterion.max_score,
                initial=scored.get(criterion.pk),
            )
        # Scores first, in the round's order, then the recommendation and comment.
        self.fields = {**score_fields, **self.fields}

    @staticmethod
    def score_field_name(criterion):
        return f"score_{criterion.pk}"

    def scores(self):
        """Return ``{criterion: score}`` from the cleaned data."""
        return {
            criterion: self.cleaned_data[self.score_field_name(criterion)]
            for criterion in self.criteria
        }


class ConflictForm(forms.Form):
    """Declare a conflict of interest instead of scoring."""

    conflict_details = forms.CharField(
        label=_("Nature of the conflict"),
        help_text=_("For example: “I am a trustee of this group.”"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(forms.Form):
    """A panel's decision: approve an amount, or decline with a reason the group sees."""

    APPROVE = "approve"
    DECLINE = "decline"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve a grant")), (DECLINE, _("Decline"))],
        widget=forms.RadioSelect,
    )
    amount = forms.DecimalField(
        label=_("Amount to award (£)"),
        required=False,
        max_digits=10,
        decimal_places=2,
        min_value=PENNY,
        help_text=_("No more than was requested, and within the round's smallest and largest."),
    )
    reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant sees this."),
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == self.APPROVE and cleaned.get("amount") is None:
            self.add_error("amount", _("Say how much to award."))
        if decision == self.DECLINE and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason for declining: the applicant will see it."))
        return cleaned


class DeclineForm(forms.Form):
    """One reason, sent to every applicant declined together."""

    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Every applicant declined here sees this reason."),
    )


class DueDiligenceForm(forms.Form):
    """Tick or untick one checklist item, with a note of what was seen."""

    TICK = "tick"
    UNTICK = "untick"

    change = forms.ChoiceField(choices=[(TICK, _("Tick")), (UNTICK, _("Untick"))])
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


IDEMPOTENCY_KEY = re.compile(r"^[0-9a-f]{32}$")


def new_idempotency_key():
    """A fresh key for one payment form: a second submission of it records nothing more."""
    return uuid.uuid4().hex


class PaymentForm(forms.Form):
    """Record money paid to the group."""

    amount = forms.DecimalField(
        label=_("Amount paid (£)"), max_digits=10, decimal_places=2, min_value=PENNY
    )
    paid_on = forms.DateField(label=_("Date paid"), widget=forms.DateInput(attrs={"type": "date"}))
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=100,
        required=False,
        help_text=_("The bank or finance system's reference, if there is one."),
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, unpaid=None, **kwargs):
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("idempotency_key", new_idempotency_key())
        initial.setdefault("paid_on", timezone.localdate())
        if unpaid:
            initial.setdefault("amount", unpaid)
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        # A hidden field's own errors are not shown next to anything: report it for the form.
        if not IDEMPOTENCY_KEY.match(self.data.get(self.add_prefix("idempotency_key"), "")):
            self.errors.pop("idempotency_key", None)
            raise forms.ValidationError(_("This form has expired; open the page again."))
        return cleaned


class WithdrawForm(forms.Form):
    """Withdraw an award: its unpaid money goes back to the pot."""

    reason = forms.CharField(
        label=_("Reason for withdrawing"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded with the award. Money already paid stays paid."),
    )
