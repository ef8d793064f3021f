"""The join form: what a person chooses, how to reach them, what they need, what they agree
to, and the optional equality-monitoring questions.

Each consent is its own checkbox whose label is the exact wording of the version shown; the
version travels with the form (a hidden field per purpose), so the wording recorded is the
one the person read even if staff change it while the form is open.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from chorus.common.form_fields import DASHES
from chorus.support.needs import Format, Support
from coproduction.models import ConsentWording, Purpose, Role, Topic
from partnerships.models import PartnershipHomePage

from .categories import DIMENSIONS
from .postcodes import INVALID as INVALID_POSTCODE
from .postcodes import normalise_postcode
from .wording import DEFAULT_WORDING

#: What each role means, after its name.
ROLE_HINTS = {
    Role.HEALTH_NETWORK: _("news and updates by your chosen way of contact"),
    Role.CITIZENS_PANEL: _("a few times a year; you choose each time whether to take part"),
    Role.CHAMPION: _("share news in your community and bring back what people say"),
    Role.EXPERT: _("use what you have lived through to help shape services"),
    Role.RESEARCHER: _("help find out what your community thinks, with training"),
}

#: The consent each role needs, so that a person in the role can be contacted for it.
ROLE_PURPOSE = {
    Role.HEALTH_NETWORK: Purpose.KEEP_INFORMED,
    Role.CITIZENS_PANEL: Purpose.INVITATIONS,
    Role.CHAMPION: Purpose.CONTACT_FOR_ROLES,
    Role.EXPERT: Purpose.CONTACT_FOR_ROLES,
    Role.RESEARCHER: Purpose.CONTACT_FOR_ROLES,
}

#: Ways to be contacted: the code, its label, and the detail it needs.
CONTACT_METHODS = [
    ("email", _("Email")),
    ("phone", _("Phone")),
    ("text", _("Text message")),
    ("post", _("Post")),
]

#: The purposes a person agrees to in the main part of the form (equality monitoring is
#: asked with its questions).
CONTACT_PURPOSES = [Purpose.KEEP_INFORMED, Purpose.INVITATIONS, Purpose.CONTACT_FOR_ROLES]


def shown_wording(purpose, version=None):
    """The wording to show for ``purpose``: ``version`` if it exists, else the latest.

    Reading only: when staff have not yet saved any wording, an unsaved version 1 with the
    default words is returned (it is stored when someone agrees to it).
    """
    versions = ConsentWording.objects.filter(purpose=purpose)
    if version is not None:
        found = versions.filter(version=version).first()
        if found is not None:
            return found
    latest = versions.order_by("-version").first()
    if latest is None:
        return ConsentWording(purpose=purpose, version=1, text=str(DEFAULT_WORDING[purpose]))
    return latest


def consent_field(purpose):
    return f"consent_{purpose}"


def wording_field(purpose):
    return f"wording_{purpose}"


def places():
    """The places and partnerships a person can choose: the live homes, in the default
    language, by name."""
    return PartnershipHomePage.objects.live().filter(locale=Locale.get_default()).order_by("title")


def _optional_choice(label, choices):
    return forms.ChoiceField(
        label=label, choices=[("", DASHES), *choices], required=False, widget=forms.Select
    )


class JoinForm(forms.Form):
    """Everything the join page asks. Conditional questions: the phone number for phone or
    text, the address and postcode for post, the interpreter's language."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We will send you a link to confirm that it is yours."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address like name@example.org"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    places = forms.ModelMultipleChoiceField(
        label=_("Places and partnerships"),
        queryset=PartnershipHomePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Where you live, work or use services. Choose as many as you like."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics you are interested in"),
        queryset=Topic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    roles = forms.MultipleChoiceField(
        label=_("How you would like to take part"),
        choices=[(role.value, f"{role.label} ({ROLE_HINTS[role]})") for role in Role],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose as many as you like."),
    )
    lived_experience = forms.CharField(
        label=_("Your areas of lived experience"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For experts by experience: for example, living with diabetes or caring for "
            "someone with dementia."
        ),
    )
    contact = forms.MultipleChoiceField(
        label=_("How should we contact you?"),
        choices=CONTACT_METHODS,
        widget=forms.CheckboxSelectMultiple,
        initial=["email"],
        error_messages={"required": _("Choose at least one way for us to contact you")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        help_text=_("If you chose phone or text message."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postal_address = forms.CharField(
        label=_("Postal address"),
        max_length=1000,
        required=False,
        help_text=_("If you chose post."),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        error_messages={"max_length": INVALID_POSTCODE},
        help_text=_("Needed for post. It also tells us which place you live in."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "input--short"}),
    )
    language = forms.ChoiceField(
        label=_("Language for our emails and letters"), choices=settings.LANGUAGES
    )
    format = forms.ChoiceField(
        label=_("Format for our information"),
        choices=[("", _("Standard format")), *Format.choices],
        widget=forms.RadioSelect,
        required=False,
        initial="",
    )
    communication_support = forms.MultipleChoiceField(
        label=_("Communication support"),
        choices=Support.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("At meetings, events and on the phone."),
    )
    interpreter_language = forms.CharField(
        label=_("Which language do you need an interpreter for?"),
        max_length=100,
        required=False,
        help_text=_("Only if you chose an interpreter for another spoken language."),
    )
    other_access_needs = forms.CharField(
        label=_("Other access needs"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example a hearing loop, step-free access or help with travel."),
    )
    #: Hidden from people; robots that fill in every field fill this one too.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    #: The equality-monitoring questions' field names.
    EQUALITY = tuple(DIMENSIONS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].queryset = places()
        self.fields["topics"].queryset = Topic.objects.all()
        self.wordings = {}
        for purpose in Purpose:
            self.wordings[purpose] = wording = shown_wording(purpose, self._shown_version(purpose))
            self.fields[consent_field(purpose)] = forms.BooleanField(
                label=wording.text, required=False
            )
            self.fields[wording_field(purpose)] = forms.IntegerField(
                widget=forms.HiddenInput, initial=wording.version, required=False
            )
        for name, (label, choices) in DIMENSIONS.items():
            self.fields[name] = _optional_choice(label, choices.choices)

    def _shown_version(self, purpose):
        """The wording version the form was shown with (from the hidden field), if sent."""
        try:
            return int(self.data.get(self.add_prefix(wording_field(purpose)), ""))
        except ValueError:
            return None

    def consent_fields(self):
        """The bound checkboxes for the contact purposes, in order."""
        return [self[consent_field(purpose)] for purpose in CONTACT_PURPOSES]

    def wording_fields(self):
        return [self[wording_field(purpose)] for purpose in Purpose]

    def equality_consent(self):
        return self[consent_field(Purpose.EQUALITY_MONITORING)]

    def equality_fields(self):
        return [self[name] for name in self.EQUALITY]

    def is_spam(self):
        """Whether the hidden trap field was filled in (check before ``is_valid``)."""
        return bool(self.data.get("website", "").strip())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_postcode(self):
        return normalise_postcode(self.cleaned_data["postcode"])

    def clean(self):
        cleaned = super().clean()
        contact = cleaned.get("contact") or []
        if "phone" in contact or "text" in contact:
            self._require("phone", _("Enter your phone number, so we can phone or text you"))
        if "post" in contact:
            self._require("postal_address", _("Enter your postal address, so we can write to you"))
            self._require("postcode", _("Enter your postcode, so we can write to you"))
        if Support.SPOKEN_LANGUAGE in cleaned.get("communication_support", []):
            self._require(
                "interpreter_language", _("Enter the language you need an interpreter for")
            )
        agreed = self.agreed()
        needed = {ROLE_PURPOSE[role]: role for role in reversed(cleaned.get("roles", []))}
        for purpose, role in needed.items():
            if purpose not in agreed:
                self.add_error(
                    consent_field(purpose),
                    _("You chose “%(role)s”: tick this box too, or untick that role")
                    % {"role": Role(role).label},
                )
        if not needed and not any(purpose in agreed for purpose in CONTACT_PURPOSES):
            self.add_error(
                consent_field(Purpose.KEEP_INFORMED),
                _("Tick at least one thing we may contact you about, or we cannot add you"),
            )
        return cleaned

    def agreed(self):
        """The purposes whose box is ticked."""
        return [purpose for purpose in Purpose if self.cleaned_data.get(consent_field(purpose))]

    def equality_answers(self):
        """The equality answers given (``{field: code}``, unanswered ones left out)."""
        return {
            name: self.cleaned_data[name] for name in self.EQUALITY if self.cleaned_data.get(name)
        }

    def equality_dropped(self):
        """Whether equality questions were answered without the consent to keep them."""
        return bool(self.equality_answers()) and Purpose.EQUALITY_MONITORING not in self.agreed()

    def _require(self, name, message):
        """Mark ``name`` as missing with ``message``, unless it has a value or an error."""
        value = self.cleaned_data.get(name)
        if not self.has_error(name) and not (value.strip() if isinstance(value, str) else value):
            self.add_error(name, message)
