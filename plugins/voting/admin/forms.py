"""Forms for the voting admin: a ballot's rules, declining a proposal, the site's settings.

The ballot form checks what the secretary typed and offers only their own co-ops and
member classes. What a ballot still needs before it can be scheduled (enough options, a
class that votes...) is :func:`plugins.voting.lifecycle.problems`, shown on the ballot's
page and enforced when it is scheduled, so a draft can be saved half-written.
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from partnerships.models import MemberClass

from .. import permissions
from ..models import Ballot


class EligibleClassFormMixin:
    """One member class that votes: only the secretary's co-ops' classes, a weight above
    nothing, and a cap strictly between 0 and 100 per cent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        field = self.fields["member_class"]
        field.queryset = MemberClass.objects.filter(
            register__site__in=permissions.voting_sites(user) if user else []
        ).select_related("register__site")
        field.label_from_instance = lambda c: f"{c.name} ({c.register.site_name})"
        # The model's validators say "greater than or equal to 0.01"; say it plainly instead.
        self.fields["weight"].validators = [
            MaxValueValidator(1000, message=_("A weight cannot be more than 1000."))
        ]
        self.fields["cap_percent"].validators = []

    def clean_weight(self):
        weight = self.cleaned_data.get("weight")
        if weight is not None and weight <= 0:
            raise forms.ValidationError(_("Each vote's weight must be more than 0."))
        return weight

    def clean_cap_percent(self):
        cap = self.cleaned_data.get("cap_percent")
        if cap is not None and not 0 < cap < 100:
            raise forms.ValidationError(
                _("A cap is a percentage between 0 and 100: leave it empty for no cap.")
            )
        return cap


class EligibleClassFormSetMixin:
    """Say plainly when a member class is listed twice."""

    def get_unique_error_message(self, unique_check):
        return _("Each member class can be listed only once.")

    def get_form_error(self):
        return _("This class is listed more than once: remove one.")


class BallotForm(WagtailAdminModelForm):
    """A ballot's rules, for the co-ops the secretary keeps where voting is on."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        site = self.fields.get("site")
        if site is not None:
            site.queryset = permissions.voting_sites(self.for_user)
            site.empty_label = None
        options = self.formsets.get("options")
        if options is not None and self.instance.pk:
            # For, Against and Abstain are the ballot's own (added when it is scheduled, and
            # dropped when a draft is saved): the secretary edits only the other options.
            self.formsets["options"] = type(options)(
                self.data if self.is_bound else None,
                self.files if self.is_bound else None,
                instance=self.instance,
                prefix=options.prefix,
                queryset=self.instance.options.filter(code=""),
                form_kwargs=options.form_kwargs,
            )
        formset = self.formsets.get("eligible_classes")
        if formset is not None:
            # The formset's classes are shared; give this formset its own subclasses.
            formset.__class__ = type(
                "EligibleClassFormSet", (EligibleClassFormSetMixin, type(formset)), {}
            )
            formset.form = type("EligibleClassForm", (EligibleClassFormMixin, formset.form), {})
            formset.form_kwargs = {**formset.form_kwargs, "for_user": self.for_user}
        documents = self.formsets.get("documents")
        if documents is not None:
            # Only documents the secretary may choose (Wagtail's collection permissions), so a
            # forged id cannot put another co-op's document on this ballot's public page.
            policy = policy_registry.get_by_type(get_document_model())
            allowed = policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
            for form in [*documents.forms, documents.empty_form]:
                form.fields["document"].queryset = allowed

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("The ballot must close after it opens."))
        quorum_kind, quorum_value = cleaned.get("quorum_kind"), cleaned.get("quorum_value")
        if quorum_kind and quorum_kind != Ballot.Quorum.NONE and not quorum_value:
            self.add_error("quorum_value", _("Give the quorum figure, or choose no quorum."))
        if quorum_kind == Ballot.Quorum.PERCENT and (quorum_value or 0) > 100:
            self.add_error("quorum_value", _("A quorum percentage cannot be more than 100."))
        seats = cleaned.get("seats")
        if seats is not None and seats < 1:
            self.add_error("seats", _("There must be at least one seat."))
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("eligible_classes")
        if valid and formset is not None:
            # Only now are the member classes cleaned, so only now can they be compared.
            valid = self._check_classes(formset, self.cleaned_data.get("site"))
        return valid

    def _check_classes(self, formset, site):
        """Each member class must be one of the ballot's own co-op's."""
        valid = True
        for form in formset.forms:
            member_class = form.cleaned_data.get("member_class")
            if form.cleaned_data.get("DELETE") or member_class is None:
                continue
            if site is not None and member_class.register.site_id != site.pk:
                form.add_error(
                    "member_class",
                    _("%(class)s is a class of another co-op: choose one of this co-op's.")
                    % {"class": member_class.name},
                )
                valid = False
        return valid


class DeclineForm(forms.Form):
    """Why a seconded proposal is not going to a ballot (the members see this)."""

    note = forms.CharField(
        label=_("Why it is not going to a ballot"),
        help_text=_("Members see this note with the proposal."),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say why the proposal is not going to a ballot: members see this.")
        },
    )
