"""Forms on the members' pages: the application to join, and the directory listing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import MemberClass, Membership

#: The most an applicant may write about themselves (a page of text).
STATEMENT_MAX = 3000


class MemberClassChoiceField(forms.ModelChoiceField):
    """Member classes as radio buttons, each labelled with its name."""

    def label_from_instance(self, obj):
        return obj.name


class JoinForm(forms.Form):
    """Apply to join the register: a member class, a few words, and the declaration.

    Only classes of this register that take applications are offered; any other id
    (another register's class, an appointed class, a forged number) is refused.
    """

    member_class = MemberClassChoiceField(
        label=_("Which kind of member would you like to be?"),
        queryset=MemberClass.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Choose the kind of member you would like to be."),
            "invalid_choice": _("Choose one of the member classes offered on this form."),
        },
    )
    statement = forms.CharField(
        label=_("Tell us about yourself"),
        help_text=_(
            "For example, how you know the co-op and why you would like to join. "
            "The secretary reads this."
        ),
        required=False,
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    declaration = forms.BooleanField(
        label=_("I would like to become a member, and I agree to keep to the co-op's rules."),
        error_messages={"required": _("Tick the box to say you agree to the co-op's rules.")},
    )

    def __init__(self, *args, register, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member_class"].queryset = self.open_classes(register)

    @staticmethod
    def open_classes(register):
        """The classes of ``register`` that people may apply to, in the register's order."""
        return register.classes.filter(open_to_applications=True)


class ListingForm(forms.ModelForm):
    """A member's own choice: listed in the members' directory or not, and a short note."""

    class Meta:
        model = Membership
        fields = ["in_directory", "directory_note"]
        labels = {
            "in_directory": _("Show my name in the members' directory"),
            "directory_note": _("A short note for other members"),
        }
        help_texts = {
            "in_directory": _("Only other active members can see the directory."),
            "directory_note": _(
                "For example, what you are involved in. Up to 200 characters. "
                "Do not put anything here you would not want other members to see."
            ),
        }
