"""The send form: places × topics × roles, and the audiences plugins offer on the site."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduction.models import Role, Topic
from partnerships.models import PartnershipHomePage

from .recipients import Choice


class SendForm(forms.Form):
    """Who a bulletin goes to. Leaving a list empty means "any"."""

    places = forms.TypedMultipleChoiceField(
        label=_("Places"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People who chose any of these places. None ticked: every place."),
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People interested in any of these topics. None ticked: any topic."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        required=False,
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People in any of these roles. None ticked: any role."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("Only people who are also"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Groups from this site's features. Consent still applies."),
    )

    def __init__(self, *args, audiences, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].choices = [
            (home.pk, home.title) for home in PartnershipHomePage.objects.order_by("title")
        ]
        self.fields["topics"].choices = list(Topic.objects.values_list("pk", "name"))
        self.fields["audiences"].choices = [
            (audience.key, audience.label) for audience in audiences.values()
        ]
        if not audiences:
            del self.fields["audiences"]

    def choice(self):
        """The validated form as a :class:`~.recipients.Choice`."""
        data = self.cleaned_data
        return Choice(
            places=tuple(data["places"]),
            topics=tuple(data["topics"]),
            roles=tuple(data["roles"]),
            audiences=tuple(data.get("audiences", ())),
        )
