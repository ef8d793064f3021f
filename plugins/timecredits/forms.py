"""The forms volunteers and partner staff fill in: they check input, the ledger moves credits.

Amounts are read as text and checked with the ledger's own rules (:func:`rounding.parse_hours`,
:func:`ledger.whole_credits`), so a form and the ledger can never disagree about what a
sensible number is. Every form that moves credits carries a hidden idempotency ``key``
rendered with the page: submitting the same page twice moves credits once.
"""

import datetime
import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chorus.common.dates import DayMonthYearField

from . import ledger, rounding
from .errors import CreditsError
from .models import Wallet

#: How far back time may be recorded: last year's sessions, not a mistyped year.
OLDEST_ACTIVITY = datetime.timedelta(days=366)
#: The most rows a session register may have on one page.
MAX_REGISTER_ROWS = 60


def new_key():
    """A fresh idempotency key for a form about to be shown."""
    return uuid.uuid4().hex


def normalise_card_number(value):
    """Return a card number as ``12345-67890`` whatever spacing it was typed with, or refuse."""
    digits = re.sub(r"[\s-]", "", value or "")
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError(
            _("Enter a card number of ten digits, like 12345-67890."), code="card"
        )
    return f"{digits[:5]}-{digits[5:]}"


class CardNumberField(forms.CharField):
    """A volunteer's card number, read out at a till or copied from a register."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Card number"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("error_messages", {"required": _("Enter a card number.")})
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}
        )

    def clean(self, value):
        value = super().clean(value)
        return normalise_card_number(value) if value else value


class HoursField(forms.CharField):
    """Hours given, checked and rounded by the scheme's rule; cleans to ``(hours, credits)``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Hours"))
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return value
        try:
            return rounding.parse_hours(value), rounding.credits_for(value)
        except CreditsError as error:
            raise ValidationError(str(error), code="hours") from error


class CreditsField(forms.CharField):
    """A whole, positive number of credits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Credits"))
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("error_messages", {"required": _("Enter a number of credits.")})
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean(self, value):
        value = super().clean(value)
        try:
            return ledger.whole_credits(value)
        except CreditsError as error:
            raise ValidationError(str(error), code="credits") from error


class KeyedForm(forms.Form):
    """A form that moves credits once: its hidden key names this one submission."""

    key = forms.RegexField(
        regex=r"^[0-9a-f]{32}$",
        widget=forms.HiddenInput,
        error_messages={
            "required": _("This form is out of date. Reload the page and try again."),
            "invalid": _("This form is out of date. Reload the page and try again."),
        },
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if data is None:
            self.initial.setdefault("key", new_key())

    def clean(self):
        cleaned = super().clean()
        if "key" in self.errors:
            # Shown once at the top: the hidden field has nowhere on the page to show it.
            self.add_error(None, list(self.errors.pop("key")))
        return cleaned


class RedeemForm(KeyedForm):
    """Spend credits on an offer: nothing to fill in but the key."""


class GiftForm(KeyedForm):
    """Give some of your credits to another volunteer in the same scheme."""

    card_number = CardNumberField(
        help_text=_("The card number of the person you are giving credits to.")
    )
    credits = CreditsField(label=_("How many credits"))


class TakeCreditsForm(KeyedForm):
    """Venue staff take credits from a volunteer's card at the till."""

    card_number = CardNumberField(help_text=_("As printed on the volunteer's card, or read out."))
    credits = CreditsField(label=_("Credits to take"))
    description = forms.CharField(
        label=_("What for"),
        max_length=200,
        required=False,
        help_text=_("For example “Family swim, two adults”."),
    )


class ConfirmVoucherForm(forms.Form):
    """Venue staff confirm a voucher code shown or read out by a volunteer."""

    code = forms.CharField(
        label=_("Voucher code"),
        max_length=20,
        error_messages={"required": _("Enter the voucher code.")},
        help_text=_("Like TC-7K3M-9Q2D. Each code can be used once."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class SessionForm(KeyedForm):
    """What the volunteering was and when: shared by every row of the register."""

    activity = forms.CharField(
        label=_("What the volunteering was"),
        max_length=200,
        error_messages={"required": _("Say what the volunteering was.")},
        help_text=_("For example “Saturday book sale”. Volunteers see this in their history."),
    )
    activity_date = DayMonthYearField(
        label=_("Date"),
        error_messages={"required": _("Enter the date of the session.")},
    )

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if data is None:
            self.initial.setdefault("activity_date", timezone.localdate())

    def clean_activity(self):
        activity = self.cleaned_data["activity"].strip()
        if not activity:
            raise ValidationError(_("Say what the volunteering was."))
        return activity

    def clean_activity_date(self):
        date = self.cleaned_data["activity_date"]
        today = timezone.localdate()
        if date > today:
            raise ValidationError(_("The date cannot be in the future."))
        if date < today - OLDEST_ACTIVITY:
            raise ValidationError(_("Time can be recorded up to a year after it was given."))
        return date


class RegisterRowForm(forms.Form):
    """One line of a session register: a volunteer's card number and the hours they gave."""

    card_number = CardNumberField(required=False)
    hours = HoursField(required=False, help_text=_("For example 2 or 1.5."))

    #: No field is marked "(optional)": a blank line is skipped, but a line that is used
    #: needs both.
    optional_fields = frozenset()

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        self.wallet = None

    def clean(self):
        cleaned = super().clean()
        card, hours = cleaned.get("card_number"), cleaned.get("hours")
        if self.errors:
            return cleaned
        if card and not hours:
            self.add_error("hours", _("Enter the hours this volunteer gave."))
        elif hours and not card:
            self.add_error("card_number", _("Enter the volunteer's card number."))
        elif card:
            wallet = Wallet.objects.filter(card_number=card, kind=Wallet.Kind.VOLUNTEER).first()
            if wallet is None:
                self.add_error("card_number", _("No volunteer has card number %s.") % card)
            elif wallet.scheme_id != self.scheme.pk:
                # The name is not shown: it belongs to another scheme's records.
                self.add_error(
                    "card_number",
                    _(
                        "Card %(card)s belongs to a volunteer of another scheme; they earn "
                        "credits with their own scheme's partners."
                    )
                    % {"card": card},
                )
            elif wallet.closed_at is not None:
                self.add_error("card_number", _("The wallet with card %s is closed.") % card)
            else:
                self.wallet = wallet
        return cleaned

    def is_filled(self):
        """Whether this line names somebody (blank lines are skipped)."""
        return self.wallet is not None


class BaseRegisterFormSet(forms.BaseFormSet):
    """The register's lines: at least one volunteer, nobody twice."""

    def __init__(self, *args, scheme, **kwargs):
        self.scheme = scheme
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "scheme": self.scheme}

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Twenty fields all labelled "Card number" cannot be told apart by a screen reader.
        form.fields["card_number"].label = _("Line %(number)s: card number") % {"number": i + 1}
        form.fields["hours"].label = _("Line %(number)s: hours") % {"number": i + 1}
        return form

    def clean(self):
        if any(self.errors):
            return
        seen = {}
        for number, form in enumerate(self.forms, start=1):
            if not form.is_filled():
                continue
            card = form.cleaned_data["card_number"]
            if card in seen:
                form.add_error(
                    "card_number",
                    _("Card %(card)s is already on line %(line)s.")
                    % {"card": card, "line": seen[card]},
                )
            seen.setdefault(card, number)
        if not seen:
            raise ValidationError(_("Enter at least one volunteer's card number and hours."))

    def rows(self):
        """The ledger's rows: ``[(volunteer wallet, hours), ...]`` for the filled lines."""
        return [
            (form.wallet, form.cleaned_data["hours"][0]) for form in self.forms if form.is_filled()
        ]


RegisterFormSet = forms.formset_factory(
    RegisterRowForm,
    formset=BaseRegisterFormSet,
    extra=0,
    max_num=MAX_REGISTER_ROWS,
    absolute_max=MAX_REGISTER_ROWS,
    validate_max=True,
)


def register_formset(scheme, data=None, rows=5):
    """The register formset, with ``rows`` blank lines when shown empty."""
    if data is not None:
        return RegisterFormSet(data, prefix="row", scheme=scheme)
    return RegisterFormSet(prefix="row", scheme=scheme, initial=[{}] * rows)
