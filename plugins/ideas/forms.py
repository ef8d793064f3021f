"""The public forms: suggest, support, comment, report and confirm, each with a robot trap.

People who are not signed in give their email address (and, where what they write is shown,
a name) and confirm by a link; signed-in people see neither field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

EMAIL_ERRORS = {
    "required": _("Enter your email address, so we can send you the link"),
    "invalid": _("Enter an email address like name@example.org"),
}


class TrapForm(forms.Form):
    """A hidden field people never see; robots that fill in every field fill it too."""

    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        """Whether the hidden trap field was filled in (check before ``is_valid``)."""
        return bool(self.data.get("website", "").strip())


class ParticipantForm(TrapForm):
    """Adds the name to show (ideas and comments), and the email address of someone who is
    not signed in."""

    #: Whether what they send is shown with a name (ideas and comments).
    asks_name = False

    def __init__(self, *args, signed_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        if self.asks_name:
            self.fields["name"] = forms.CharField(
                label=_("Your name"),
                max_length=100,
                required=False,
                help_text=_(
                    "Shown with what you write. Leave it empty to be shown as “A resident”."
                ),
            )
        if not signed_in:
            self.fields["email"] = forms.EmailField(
                label=_("Email address"),
                help_text=_(
                    "We email you a link to confirm. It is never shown, and we use it only to "
                    "tell you about this idea."
                ),
                error_messages=EMAIL_ERRORS,
                widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            )
        # The trap last, after the fields people fill in.
        self.fields["website"] = self.fields.pop("website")


class IdeaForm(ParticipantForm):
    """Suggest an idea."""

    asks_name = True

    title = forms.CharField(
        label=_("Your idea in a sentence"),
        max_length=150,
        error_messages={
            "required": _("Enter your idea"),
            "max_length": _("Your idea must be 150 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("Tell us more"),
        help_text=_("What would change, and who would it help?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Tell us more about your idea"),
            "max_length": _("Tell us more in 3,000 characters or fewer"),
        },
    )

    field_order = ["title", "description"]


class CommentForm(ParticipantForm):
    """Comment on an idea."""

    asks_name = True

    text = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Enter your comment"),
            "max_length": _("Your comment must be 2,000 characters or fewer"),
        },
    )

    field_order = ["text"]


class SupportForm(ParticipantForm):
    """Support an idea: nothing to fill in when signed in, else the email address; and
    whether to hear what partners do about it."""

    hear_about_progress = forms.BooleanField(
        label=_("Tell me what partners do about this idea"),
        help_text=_(
            "If this idea becomes a recommendation, we email you when what was promised "
            "changes: started, done or not going ahead."
        ),
        required=False,
    )

    field_order = ["hear_about_progress"]


class ReportForm(TrapForm):
    """Report an idea or a comment that breaks the house rules."""

    reason = forms.CharField(
        label=_("What is wrong with it?"),
        help_text=_("Say which house rule it breaks, or why it should not be here."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Say what is wrong with it"),
            "max_length": _("Say it in 2,000 characters or fewer"),
        },
    )

    field_order = ["reason"]


class ConfirmForm(TrapForm):
    """The button on the page an email link opens."""
