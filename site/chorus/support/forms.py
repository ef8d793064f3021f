"""The "Ask for help or another format" form, with its conditional questions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .needs import ContactMethod, Format, Support

#: The detail each contact method needs, and the message when it is missing.
CONTACT_DETAIL = {
    ContactMethod.EMAIL: ("email", _("Enter your email address, so we can email you")),
    ContactMethod.PHONE: ("phone", _("Enter your phone number, so we can phone you")),
    ContactMethod.TEXT_RELAY: (
        "phone",
        _("Enter the phone number to reach you on through text relay"),
    ),
    ContactMethod.LETTER: (
        "postal_address",
        _("Enter your postal address, so we can write to you"),
    ),
}


class SupportRequestForm(forms.Form):
    """What the person needs, how to reach them, and a trap field for robots.

    Conditional questions: the language when an interpreter for a spoken language is chosen,
    a phone number for a call back, and the contact detail that matches the chosen method.
    """

    formats = forms.MultipleChoiceField(
        label=_("Information in another format"),
        choices=Format.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    support = forms.MultipleChoiceField(
        label=_("Communication support"),
        choices=Support.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("At a meeting, an event or on the phone."),
    )
    spoken_language = forms.CharField(
        label=_("Which language do you need an interpreter for?"),
        max_length=100,
        required=False,
        help_text=_("Only if you chose an interpreter for another spoken language."),
    )
    call_back = forms.BooleanField(label=_("Please phone me back to talk about it"), required=False)
    other_adjustment = forms.CharField(
        label=_("Another adjustment (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("For example a quiet room, a hearing loop or help with travel."),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={
            "required": _("Enter your name"),
        },
    )
    contact_method = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how we should contact you")},
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.org")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postal_address = forms.CharField(
        label=_("Postal address"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    message = forms.CharField(
        label=_("Anything else we should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    #: Hidden from people; robots that fill in every field fill this one too.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    #: Fields shown to a person (not the trap).
    NEEDS = ("formats", "support", "spoken_language", "call_back", "other_adjustment")
    CONTACT = ("name", "contact_method", "email", "phone", "postal_address", "message")

    def is_spam(self):
        """Whether the hidden trap field was filled in (check before ``is_valid``)."""
        return bool(self.data.get("website", "").strip())

    def clean(self):
        cleaned = super().clean()
        wanted = any(
            cleaned.get(name) for name in ("formats", "support", "call_back", "other_adjustment")
        )
        if not wanted:
            self._require(
                "formats",
                _(
                    "Choose what you need: a format, communication support, a phone call "
                    "or another adjustment"
                ),
            )
        if Support.SPOKEN_LANGUAGE in cleaned.get("support", []):
            self._require("spoken_language", _("Enter the language you need an interpreter for"))
        if cleaned.get("contact_method") in CONTACT_DETAIL:
            self._require(*CONTACT_DETAIL[cleaned["contact_method"]])
        if cleaned.get("call_back"):
            self._require("phone", _("Enter your phone number, so we can phone you back"))
        if Format.EMAIL in cleaned.get("formats", []):
            self._require("email", _("Enter your email address, so we can email you"))
        return cleaned

    def _require(self, name, message):
        """Mark ``name`` as missing with ``message``, unless it has a value or an error."""
        value = self.cleaned_data.get(name)
        if not self.has_error(name) and not (value.strip() if isinstance(value, str) else value):
            self.add_error(name, message)
