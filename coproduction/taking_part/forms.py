"""The sign-up form: who is coming, and what would help them take part.

The questions about formats and communication support are the help form's own fields
(``chorus.support.forms.SupportRequestForm``), so a need given here reaches the site's team
as a help request, in the same inbox, with the same acknowledgement email.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from chorus.support.forms import SupportRequestForm
from chorus.support.needs import Support

_help = SupportRequestForm.base_fields


class SignUpForm(forms.Form):
    """Name and email address (required), the help form's needs (optional), a robot trap."""

    name = forms.CharField(
        label=_("Your name"), max_length=200, error_messages={"required": _("Enter your name")}
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send your place, a calendar file and a link to cancel here."),
        error_messages={
            "required": _("Enter your email address, so we can send you your place"),
            "invalid": _("Enter an email address like name@example.org"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    hear_back = forms.BooleanField(
        label=_("Tell me by email what happens as a result"),
        help_text=_(
            "When the organisations involved act on what comes out of it, or decide not to, "
            "we email you what they did and why."
        ),
        required=False,
    )
    formats = _help["formats"]
    support = _help["support"]
    spoken_language = _help["spoken_language"]
    other_adjustment = _help["other_adjustment"]
    website = _help["website"]

    NEEDS = ("formats", "support", "spoken_language", "other_adjustment")

    def is_spam(self):
        """Whether the hidden trap field was filled in (check before ``is_valid``)."""
        return bool(self.data.get("website", "").strip())

    def clean(self):
        cleaned = super().clean()
        if (
            Support.SPOKEN_LANGUAGE in cleaned.get("support", [])
            and not cleaned.get("spoken_language", "").strip()
        ):
            self.add_error("spoken_language", _("Enter the language you need an interpreter for"))
        return cleaned

    def needs(self):
        """The help asked for, as ``create_request`` takes it; empty when nothing was asked."""
        data = self.cleaned_data
        if not (data["formats"] or data["support"] or data["other_adjustment"].strip()):
            return {}
        return {name: data[name] for name in self.NEEDS}

    def format(self):
        """The booking's format: Easy Read if asked for, else the first format chosen."""
        formats = self.cleaned_data["formats"]
        if "easy_read" in formats:
            return "easy_read"
        return formats[0] if formats else ""
