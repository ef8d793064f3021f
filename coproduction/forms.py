"""The public form partner organisations use to sign a co-production charter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.models import PartnerOrganisation

from .models import CharterSignature


class CharterSignatureForm(forms.ModelForm):
    """Sign a charter on behalf of a partner organisation from the network's list.

    The form is bound to an unsaved signature that already carries the charter and its
    current version, so the model's own checks can refuse a second signature.
    """

    authorised = forms.BooleanField(
        label=_("I am authorised to sign on behalf of this organisation"),
        required=True,
        error_messages={
            "required": _(
                "Please confirm that you are authorised to sign on behalf of this organisation."
            )
        },
    )

    class Meta:
        model = CharterSignature
        fields = ["organisation", "contact_name", "contact_email", "contact_role", "commitment"]
        labels = {
            "organisation": _("Your organisation"),
            "contact_name": _("Your name"),
            "contact_email": _("Your email address"),
            "contact_role": _("Your role in the organisation"),
            "commitment": _("What your organisation commits to"),
        }
        help_texts = {
            "organisation": _(
                "If your organisation is not listed, contact the network team to be added."
            ),
            "contact_email": _("We only use it to ask about this signature. It is not published."),
            "contact_role": _("e.g. “Chief Executive” or “Chair of trustees”. Not published."),
            "commitment": _(
                "Published with your organisation's name once an editor approves it, e.g. "
                "“We will pay people with lived experience for their time on our boards.”"
            ),
        }
        error_messages = {
            "organisation": {
                "required": _("Choose your organisation from the list."),
                "invalid_choice": _("Choose your organisation from the list."),
            },
            "contact_name": {"required": _("Enter your name.")},
            "contact_email": {
                "required": _("Enter your email address."),
                "invalid": _("Enter an email address like name@example.org."),
            },
            "contact_role": {"required": _("Enter your role in the organisation.")},
            "commitment": {"required": _("Say what your organisation commits to.")},
        }
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "commitment": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        """Offer the network's partner organisations, and require an email address."""
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = PartnerOrganisation.objects.order_by("name")
        organisation.empty_label = _("Choose your organisation")
        self.fields["contact_email"].required = True
        for field in self.fields.values():
            if field.required:
                field.widget.attrs.setdefault("required", True)
