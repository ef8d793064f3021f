"""The applicant's forms: the full application, the shorter expression of interest, and the
itemised budget.

Saving a draft accepts partial answers: no field is required here (what a submission needs
is checked by :mod:`plugins.grants.forms.completeness`). What is given must still be right:
a real postcode, a registered number that makes an org-id, an amount within the round's
range, an end date not before the start, and files that pass :mod:`plugins.grants.uploads`.

Only the fields listed here are read from a post. The applicant, round, stage, status and
reference are never form fields, so posting them changes nothing.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chorus.common.dates import DayMonthYearField

from .. import uploads
from ..areas import area_for_postcode, normalise_postcode
from ..models import Application, Attachment, BudgetItem
from ..models.money import pounds
from .fields import MultipleFileField

DECLARATIONS = (
    "declares_information_true",
    "declares_spend_as_described",
    "declares_safeguarding",
    "declares_data_use",
)


class PoundsField(forms.DecimalField):
    """An amount in pounds that forgives how people type money: ``£1,500``, ``1500.00``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 10)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("Enter an amount in pounds, such as 600 or 62.50."),
                "max_decimal_places": _("Give pounds and pence only (two decimal places)."),
            },
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise ValidationError(_("The amount must be more than £0."), code="min_value")


def amount_range_error(pot):
    """The message for an amount outside ``pot``'s smallest and largest grant."""
    message = _(
        "Grants in this round are between %(min)s and %(max)s: ask for an amount in that range."
    )
    return message % {
        "min": pounds(pot.min_award),
        "max": pounds(pot.max_award),
    }


class BaseApplicationForm(forms.ModelForm):
    """What every stage asks: the group, a contact, the project and the amount."""

    amount_requested = PoundsField(label=_("Amount requested (£)"), required=False)
    files = MultipleFileField(
        label=_("Add supporting documents"),
        help_text=_("%(types)s, up to %(size)s each, at most %(count)s files.")
        % {
            "types": uploads.accepted_list(),
            "size": uploads.human_size(uploads.MAX_BYTES),
            "count": uploads.MAX_FILES,
        },
    )
    remove_files = forms.ModelMultipleChoiceField(
        label=_("Remove files"),
        queryset=Attachment.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    #: Whether this form takes supporting documents.
    takes_files = True

    #: The fields marked "(optional)": no field is required to save a draft, but these are
    #: the only ones an application can be sent without (see ``completeness``).
    optional_fields = frozenset({"contact_phone", "files", "remove_files"})

    class Meta:
        model = Application
        fields = [
            "organisation_name",
            "organisation_kind",
            "registered_number",
            "contact_name",
            "contact_email",
            "contact_phone",
            "project_title",
            "project_description",
            "amount_requested",
        ]
        widgets = {"project_description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = self.instance.round
        for field in self.fields.values():
            field.required = False
        self.fields["files"].widget.attrs["accept"] = uploads.accept_attribute()
        self.fields["remove_files"].queryset = uploads.active_attachments(
            self.instance, Attachment.Purpose.SUPPORTING
        )
        self.fields["amount_requested"].help_text = _("Between %(min)s and %(max)s.") % {
            "min": pounds(self.round.min_award),
            "max": pounds(self.round.max_award),
        }
        if not self.takes_files:
            del self.fields["files"]
            del self.fields["remove_files"]

    def clean_amount_requested(self):
        amount = self.cleaned_data.get("amount_requested")
        if amount is not None and not (self.round.min_award <= amount <= self.round.max_award):
            raise ValidationError(amount_range_error(self.round), code="out_of_range")
        return amount

    def clean_files(self):
        files = self.cleaned_data.get("files") or []
        self.checked_files = uploads.check_each(files)
        return files

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("organisation_kind") == Application.OrganisationKind.UNREGISTERED:
            cleaned["registered_number"] = ""  # an unregistered group has no number to keep
        if self.takes_files and cleaned.get("files"):
            removing = len(cleaned.get("remove_files") or [])
            room = uploads.room_for(self.instance, Attachment.Purpose.SUPPORTING) + removing
            if len(cleaned["files"]) > room:
                self.add_error("files", uploads.too_many_files(room))
        return cleaned

    def save(self, commit=True):
        """Save only this form's fields (and what they derive), never status or ownership."""
        application = super().save(commit=False)
        self.derive(application)
        if commit:
            application.save(update_fields=self.fields_written())
        return application

    def derive(self, application):
        """Set the fields worked out from the answers (the org-id is set by the model)."""

    def fields_written(self):
        """The model fields :meth:`save` writes."""
        own = [name for name in self._meta.fields if name in self.fields]
        return [*own, "org_id", "updated_at"]


class ExpressionOfInterestForm(BaseApplicationForm):
    """The short first stage of a two-stage round: who you are, what, and roughly how much."""

    takes_files = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project_description"].label = _("Tell us briefly what you want to do")
        self.fields["project_description"].widget.attrs["rows"] = 4


class ApplicationForm(BaseApplicationForm):
    """The full application: adds who benefits and where, dates and the declarations."""

    class Meta(BaseApplicationForm.Meta):
        fields = [
            *BaseApplicationForm.Meta.fields,
            "beneficiaries",
            "people_benefiting",
            "postcode",
            "start_date",
            "end_date",
            *DECLARATIONS,
        ]
        widgets = {
            **BaseApplicationForm.Meta.widgets,
            "beneficiaries": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"start_date": DayMonthYearField, "end_date": DayMonthYearField}
        help_texts = {
            "postcode": _("Where most of the activity happens, e.g. the hall's postcode."),
        }

    def clean_postcode(self):
        postcode = self.cleaned_data.get("postcode", "")
        self.area = None
        if postcode.strip():
            self.area = area_for_postcode(postcode)
            return normalise_postcode(postcode)
        return ""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The project cannot end before it starts."))
        return cleaned

    def derive(self, application):
        area = getattr(self, "area", None)
        application.area_name = area.name if area else ""
        application.area_code = area.code if area else ""

    def fields_written(self):
        return [*super().fields_written(), "area_name", "area_code"]


class BudgetItemForm(forms.ModelForm):
    """One line of the budget: what it is and what it costs."""

    amount = PoundsField(label=_("Cost (£)"))

    class Meta:
        model = BudgetItem
        fields = ["description", "amount"]
        labels = {"description": _("Item")}
        error_messages = {
            "description": {"required": _("Say what this line of the budget is for.")}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].error_messages["required"] = _("Give the cost of this item.")


class BaseBudgetFormSet(forms.BaseInlineFormSet):
    """The budget lines, numbered in the order shown when saved."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this line")

    def clean(self):
        super().clean()
        # A line posted with an id that is not one of this application's lines (another
        # application's, or one deleted in another tab) is refused, not quietly added.
        if any(form.instance.pk is None for form in self.initial_forms):
            raise ValidationError(
                _("Your budget changed since this page was opened: reload it and try again."),
                code="stale_budget",
            )

    def save(self, commit=True):
        super().save(commit=False)  # sorts the forms into new, changed and deleted
        for item in self.deleted_objects:
            item.delete()
        kept = self.ordered_kept_forms()
        for order, form in enumerate(kept):
            form.instance.application = self.instance
            form.instance.sort_order = order
            form.instance.save()
        return [form.instance for form in kept]

    def ordered_kept_forms(self):
        """The forms whose lines remain after saving, in page order."""
        deleted = {id(form) for form in self.deleted_forms}
        return [
            form
            for form in self.forms
            if id(form) not in deleted and (form.instance.pk or form.has_changed())
        ]

    def total(self):
        """The sum of the lines as posted (for showing the total next to the amount)."""
        total = Decimal("0")
        for form in self.ordered_kept_forms():
            try:
                total += Decimal(form.cleaned_data.get("amount") or 0)
            except (AttributeError, InvalidOperation):
                continue
        return total


BudgetFormSet = forms.inlineformset_factory(
    Application,
    BudgetItem,
    form=BudgetItemForm,
    formset=BaseBudgetFormSet,
    extra=2,
    can_delete=True,
    max_num=30,
    validate_max=True,
)


def form_class_for(application):
    """The form an application's current stage uses."""
    if application.stage == Application.Stage.EXPRESSION_OF_INTEREST:
        return ExpressionOfInterestForm
    return ApplicationForm
