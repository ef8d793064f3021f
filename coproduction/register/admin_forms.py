"""Staff forms for the register: a person's details, a sign-up taken by phone or on paper,
a consent given or withdrawn later, and the choice of a record to merge."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from chorus.support.needs import Support
from coproduction.models import ConsentWording, Person, PersonRole, Role, normalise_email
from coproduction.models.consent import Method, Purpose

from .permissions import people_for, places_for, sees_everyone
from .postcodes import normalise_postcode, place_for_postcode

#: The ways staff take a sign-up or a consent.
STAFF_METHODS = [(Method.PHONE, Method.PHONE.label), (Method.PAPER, Method.PAPER.label)]

#: What staff record consent for, filter and export by (equality monitoring is asked online
#: only, with the questions themselves, and no list of names is ever made from it).
STAFF_PURPOSES = [choice for choice in Purpose.choices if choice[0] != Purpose.EQUALITY_MONITORING]

PERSON_FIELDS = [
    "name",
    "email",
    "phone",
    "postal_address",
    "postcode",
    "places",
    "topics",
    "lived_experience",
    "contact_by_email",
    "contact_by_phone",
    "contact_by_text",
    "contact_by_post",
    "language",
    "format",
    "communication_support",
    "interpreter_language",
    "other_access_needs",
]


class PersonForm(WagtailAdminModelForm):
    """A person's details, places, topics, roles, contact methods and access needs.

    Only the staff member's own places are offered; places they cannot see stay as they were.
    """

    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    communication_support = forms.MultipleChoiceField(
        label=_("Communication support"),
        choices=Support.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        widgets = {
            "places": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "lived_experience": forms.Textarea(attrs={"rows": 3}),
            "other_access_needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = places_for(self.for_user)
        self.fields["places"].queryset = self.scope
        if self.instance.pk:
            self.initial["places"] = list(
                self.instance.places.filter(pk__in=self.scope.values("pk")).values_list(
                    "pk", flat=True
                )
            )
            self.initial["roles"] = list(self.instance.roles.values_list("role", flat=True))

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean_places(self):
        """The places chosen, and those outside the staff member's view, kept."""
        chosen = list(self.cleaned_data["places"])
        if not self.instance.pk:
            return chosen
        hidden = self.instance.places.exclude(pk__in=self.scope.values("pk"))
        return chosen + list(hidden)

    def clean(self):
        cleaned = super().clean()
        support = cleaned.get("communication_support") or []
        if Support.SPOKEN_LANGUAGE in support and not cleaned.get("interpreter_language"):
            self.add_error(
                "interpreter_language", _("Say which language the interpreter should speak.")
            )
        if not any(cleaned.get(f"contact_by_{way}") for way in ("email", "phone", "text", "post")):
            self.add_error(None, _("Choose at least one way to contact them."))
        for way, field in (("email", "email"), ("phone", "phone"), ("text", "phone")):
            if cleaned.get(f"contact_by_{way}") and not cleaned.get(field):
                self.add_error(
                    field,
                    _("Give the %(field)s to contact them by.")
                    % {"field": Person._meta.get_field(field).verbose_name},
                )
        if cleaned.get("contact_by_post") and not cleaned.get("postal_address"):
            self.add_error("postal_address", _("Give the postal address to write to."))
        return cleaned

    def save(self, commit=True):
        self.instance.home_place = place_for_postcode(self.cleaned_data.get("postcode"))
        return super().save(commit=commit)

    def _save_m2m(self):
        super()._save_m2m()
        self.save_roles(replace=True)

    def save_roles(self, *, replace):
        """Give the person the roles chosen (and, with ``replace``, take away the others)."""
        chosen = set(self.cleaned_data.get("roles") or [])
        held = set(self.instance.roles.values_list("role", flat=True))
        if replace:
            self.instance.roles.exclude(role__in=chosen).delete()
        PersonRole.objects.bulk_create(
            PersonRole(person=self.instance, role=role) for role in sorted(chosen - held)
        )


def consent_choices():
    """The purposes staff ask about, each with the words to read out (the current version)."""
    return [
        (purpose, f"{label}: “{ConsentWording.current(purpose).text}”")
        for purpose, label in STAFF_PURPOSES
    ]


class SignupForm(PersonForm):
    """A sign-up taken by phone or on paper. An email address already on the register
    updates that person rather than making a second record."""

    method = forms.ChoiceField(
        label=_("How did they sign up?"), choices=STAFF_METHODS, widget=forms.RadioSelect
    )
    consents = forms.MultipleChoiceField(
        label=_("What did they agree to?"),
        help_text=_("Read each one out (or check it is ticked on the paper form) word for word."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["method", *PERSON_FIELDS[:7], "roles", *PERSON_FIELDS[7:], "consents"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consents"].choices = consent_choices()

    def clean_places(self):
        chosen = super().clean_places()
        if not chosen and not sees_everyone(self.for_user):
            raise forms.ValidationError(_("Choose at least one of your places."))
        return chosen

    def _get_validation_exclusions(self):
        """An address already on the register is not an error: that person is updated
        (so the one-person-per-address constraint is not checked here)."""
        return {*super()._get_validation_exclusions(), "email"}


class ConsentForm(forms.Form):
    """A consent given or withdrawn by phone or on paper, after the sign-up."""

    purpose = forms.ChoiceField(label=_("Purpose"), choices=STAFF_PURPOSES)
    granted = forms.TypedChoiceField(
        label=_("Their answer"),
        choices=[("yes", _("They agree")), ("no", _("They withdraw"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    method = forms.ChoiceField(
        label=_("How did they tell you?"), choices=STAFF_METHODS, widget=forms.RadioSelect
    )


class MergeForm(forms.Form):
    """Which record to merge with this one, and which of the two to keep."""

    KEEP_THIS, KEEP_OTHER = "this", "other"

    other = forms.IntegerField(
        label=_("Number of the other record"),
        help_text=_("Find the other record with the search: its number is on its page."),
        min_value=1,
    )
    keep = forms.ChoiceField(
        label=_("Keep"),
        choices=[(KEEP_THIS, _("This record")), (KEEP_OTHER, _("The other record"))],
        widget=forms.RadioSelect,
        initial=KEEP_THIS,
    )

    def __init__(self, *args, person, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = people_for(user).filter(status=Person.Status.ACTIVE).exclude(pk=person.pk)

    def clean_other(self):
        other = self.candidates.filter(pk=self.cleaned_data["other"]).first()
        if other is None:
            raise forms.ValidationError(
                _("There is no other record with this number on the register that you can see.")
            )
        return other
