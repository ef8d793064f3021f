"""Forms for the time-credits admin.

They check what a person typed and offer only their own schemes' wallets; the rules about
credits live in :mod:`plugins.timecredits.ledger`, whose refusals the views show as form
errors.
"""

import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from partnerships.models import PartnerOrganisation

from .. import permissions
from ..models import Scheme, Wallet


class SchemeForm(WagtailAdminModelForm):
    """A scheme's form: a superuser picks a site without a scheme; an administrator cannot
    move their scheme to another site."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("site")
        if field is None:
            return
        user = self.for_user
        if user is not None and user.is_superuser:
            taken = Scheme.objects.exclude(pk=self.instance.pk).values("site")
            field.queryset = Site.objects.exclude(pk__in=taken)
        else:
            field.queryset = Site.objects.filter(pk=self.instance.site_id)
            field.disabled = True


class OfferForm(WagtailAdminModelForm):
    """An offer's form, offering only the venues (spend partners) of the person's schemes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("partner")
        if field is not None and self.for_user is not None:
            field.queryset = permissions.administered_wallets(
                self.for_user, Wallet.Kind.SPEND_PARTNER
            ).select_related("scheme")


class PartnerForm(forms.Form):
    """Open a partner wallet: an organisation that gives credits (earn) or takes them (spend)."""

    scheme = forms.ModelChoiceField(label=_("Scheme"), queryset=Scheme.objects.none())
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=PartnerOrganisation.objects.order_by("name"),
        help_text=_("Add the organisation under Partnerships first if it is not listed."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of partner"),
        choices=[
            (Wallet.Kind.EARN_PARTNER, _("Earn partner: gives credits for time volunteered")),
            (Wallet.Kind.SPEND_PARTNER, _("Spend partner: a venue that accepts credits")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = permissions.administered_schemes(user)

    def clean(self):
        cleaned = super().clean()
        scheme, organisation = cleaned.get("scheme"), cleaned.get("organisation")
        kind = cleaned.get("kind")
        taken = Wallet.objects.filter(scheme=scheme, organisation=organisation, kind=kind)
        if scheme and organisation and kind and taken.exists():
            raise forms.ValidationError(
                _("%(organisation)s is already a partner of this kind in %(scheme)s.")
                % {"organisation": organisation.name, "scheme": scheme.name}
            )
        return cleaned


class StaffForm(forms.Form):
    """Add a person (by the email they sign in with) to act for a partner."""

    email = forms.EmailField(label=_("Email address"))

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("Nobody has an account with %(email)s. Ask them to register first.")
                % {"email": email}
            )
        self.user = user
        return email


class AllocationForm(forms.Form):
    """Top up an earn partner's allocation. The hidden key makes a double submission count once."""

    partner = forms.ModelChoiceField(label=_("Earn partner"), queryset=Wallet.objects.none())
    credits = forms.CharField(
        label=_("Credits to add"), max_length=12, help_text=_("A whole number, e.g. 50.")
    )
    idempotency_key = forms.RegexField(
        regex=r"^allocate-[0-9a-f-]{36}$",
        widget=forms.HiddenInput,
        error_messages={"invalid": _("This form is out of date. Reload it and try again.")},
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("idempotency_key", f"allocate-{uuid.uuid4()}")
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = permissions.administered_wallets(
            user, Wallet.Kind.EARN_PARTNER
        ).select_related("scheme")


class CorrectionForm(forms.Form):
    """Why a transaction is being reversed: kept with the correction for good."""

    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=255,
        error_messages={"required": _("Give a reason for the correction.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
