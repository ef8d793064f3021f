"""Forms on the secretaries' screens: deciding applications, changes to a membership,
member classes, register settings, and the register's filters."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Site

from ..models import MemberClass, MemberRegister, Membership


def _not_in_future(value, message):
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


class ApproveForm(forms.Form):
    """Approve an application; the join date defaults to today."""

    joined_on = forms.DateField(
        label=_("Joined on"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Leave empty for today, or give the date the board accepted them."),
    )

    def __init__(self, *args, membership=None, **kwargs):
        self.membership = membership
        super().__init__(*args, **kwargs)

    def clean_joined_on(self):
        joined_on = _not_in_future(
            self.cleaned_data["joined_on"], _("The join date cannot be in the future.")
        )
        applied = self.membership.applied_at if self.membership else None
        if joined_on and applied and joined_on < timezone.localdate(applied):
            raise forms.ValidationError(_("The join date cannot be before they applied."))
        return joined_on


class DeclineForm(forms.Form):
    """Decline an application, with the reason the applicant is told."""

    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant is sent this in an email."),
        error_messages={
            "required": _("Say why the application is declined: the applicant is told.")
        },
    )

    def __init__(self, *args, membership=None, **kwargs):
        super().__init__(*args, **kwargs)


class NoteForm(forms.Form):
    """A change with an optional note for the register's history (lapse, reinstate)."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept in the membership's history, for example why."),
    )

    def __init__(self, *args, membership=None, **kwargs):
        super().__init__(*args, **kwargs)


class LeaveForm(NoteForm):
    """End a membership on a date, with an optional note."""

    left_on = forms.DateField(
        label=_("Left on"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Leave empty for today."),
    )

    field_order = ["left_on", "note"]

    def __init__(self, *args, membership=None, **kwargs):
        self.membership = membership
        super().__init__(*args, **kwargs)

    def clean_left_on(self):
        left_on = _not_in_future(
            self.cleaned_data["left_on"], _("The date they left cannot be in the future.")
        )
        joined = self.membership.joined_on if self.membership else None
        if left_on and joined and left_on < joined:
            raise forms.ValidationError(_("The date they left cannot be before they joined."))
        return left_on


class ChangeClassForm(forms.Form):
    """Move a member to another class of the same register."""

    member_class = forms.ModelChoiceField(
        label=_("New class"),
        queryset=MemberClass.objects.none(),
        error_messages={"invalid_choice": _("Choose one of this register's member classes.")},
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500)

    def __init__(self, *args, membership=None, **kwargs):
        self.membership = membership
        super().__init__(*args, **kwargs)
        self.fields["member_class"].queryset = membership.register.classes.exclude(
            pk=membership.member_class_id
        )


class MemberClassForm(forms.ModelForm):
    """Add or change a member class; the register is chosen among the secretary's own."""

    class Meta:
        model = MemberClass
        fields = ["register", "name", "description", "open_to_applications", "sort_order"]

    def __init__(self, *args, registers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["register"].queryset = registers
        self.fields["register"].error_messages["invalid_choice"] = _(
            "Choose one of the registers you keep."
        )
        if self.instance.pk:
            # A class stays in its register: its members and ballots belong there.
            self.fields["register"].disabled = True
        elif registers.count() == 1:
            self.fields["register"].initial = registers.first()

    def clean(self):
        cleaned = super().clean()
        register, name = cleaned.get("register"), cleaned.get("name")
        if register and name:
            clash = MemberClass.objects.filter(register=register, name__iexact=name.strip())
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("name", _("This register already has a class with this name."))
        return cleaned


class RegisterSettingsForm(forms.ModelForm):
    """A register's number prefix, whether it takes applications, and the guidance."""

    class Meta:
        model = MemberRegister
        fields = ["number_prefix", "open_for_applications", "application_guidance"]

    def clean_number_prefix(self):
        prefix = self.cleaned_data["number_prefix"].strip()
        if prefix and not prefix.replace("-", "").isalnum():
            raise forms.ValidationError(_("Use letters and numbers only, for example SC."))
        return prefix


class NewRegisterForm(RegisterSettingsForm):
    """Start a register of members for a site that has none."""

    class Meta(RegisterSettingsForm.Meta):
        fields = ["site", *RegisterSettingsForm.Meta.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = Site.objects.filter(member_register__isnull=True).order_by(
            "site_name", "hostname"
        )
        self.fields["site"].error_messages["invalid_choice"] = _(
            "Choose a site that has no register of members yet."
        )


class RegisterFilterForm(forms.Form):
    """The register's filters: register (if several), status, class and a search."""

    register = forms.ModelChoiceField(
        label=_("Register"), queryset=MemberRegister.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Membership.Status.choices],
    )
    member_class = forms.ModelChoiceField(
        label=_("Class"), queryset=MemberClass.objects.none(), required=False
    )
    q = forms.CharField(label=_("Name, email or number"), required=False, max_length=100)

    def __init__(self, *args, registers, classes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["register"].queryset = registers
        self.fields["register"].empty_label = _("All your registers")
        self.fields["member_class"].queryset = classes
        self.fields["member_class"].empty_label = _("Any class")
        self.fields["member_class"].label_from_instance = lambda c: (
            f"{c.name} ({c.register.site_name})" if registers.count() > 1 else c.name
        )
        if registers.count() < 2:
            del self.fields["register"]
