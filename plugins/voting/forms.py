"""The forms members fill in: a vote, a comment, a proposal, a receipt code to check.

The forms check what was typed or ticked; the services (:mod:`plugins.voting.casting`,
:mod:`~plugins.voting.comments`, :mod:`~plugins.voting.proposals`) decide whether it is
allowed, so a form and the rules can never disagree.

The vote form refuses a submission that carries any field it did not render (a
``weight``, a ``member_class``, a second ``choice`` on a one-choice ballot): such a form
was altered, and nothing in it is trusted.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .comments import MAX_LENGTH
from .models import Ballot, Proposal
from .receipts import normalise

#: Which step of voting a post is: none from the ballot paper (show the vote to check it),
#: ``CONFIRM`` from the check page's button (cast it), ``CHANGE`` to go back to the paper.
STEP = "step"
CONFIRM = "confirm"
CHANGE = "change"

#: Fields every POST may carry besides the form's own.
ALWAYS_ALLOWED = frozenset({"csrfmiddlewaretoken", STEP})

NOT_A_RECEIPT = _(
    "That is not a receipt code: it has twelve letters and numbers, like 7KQ2-M9XD-P4TR."
)

ALTERED = _(
    "This form was altered after it left our site, so it was not accepted and nothing was "
    "recorded. Please reload the page and vote again."
)


class VoteForm(forms.Form):
    """A ballot paper: one choice (radio buttons) or, for an election, up to ``seats`` boxes.

    On an election, marking no candidate is an abstention, which the voter says so by
    ticking "I abstain" (so an empty paper is never sent by mistake). ``changing`` adds the
    receipt-code field a voter needs to change a secret vote.
    """

    def __init__(self, ballot, *args, changing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.ballot = ballot
        self.changing = changing
        choices = [(str(option.pk), option.display_label) for option in ballot.options.all()]
        invalid = _("That choice is not one of this ballot's options.")
        if ballot.kind == Ballot.Kind.ELECT:
            self.fields["choice"] = forms.MultipleChoiceField(
                label=_("Candidates"),
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": invalid},
            )
            self.fields["abstain"] = forms.BooleanField(
                label=_("I abstain: I do not vote for any candidate"), required=False
            )
        else:
            self.fields["choice"] = forms.ChoiceField(
                label=_("Your vote"),
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose one option before sending your vote."),
                    "invalid_choice": invalid,
                },
            )
        if changing and ballot.secret:
            self.fields["receipt"] = forms.CharField(
                label=_("Your receipt code"),
                max_length=40,
                help_text=_(
                    "The code you were shown when you voted, like 7KQ2-M9XD-P4TR. Nobody "
                    "else can look it up for you."
                ),
                error_messages={"required": _("Give your receipt code to change your vote.")},
            )
            self.fields["receipt"].widget.attrs.update(
                {"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
            )

    def altered(self):
        """Whether the submission carries a field this form never rendered, or too many
        values for one: a sign of tampering, so the whole submission is refused."""
        if not self.is_bound:
            return False
        if set(self.data.keys()) - set(self.fields) - ALWAYS_ALLOWED:
            return True
        many = {"choice"} if self.ballot.kind == Ballot.Kind.ELECT else set()
        return any(
            len(self.data.getlist(name)) > 1
            for name in self.fields
            if name not in many and hasattr(self.data, "getlist")
        )

    def clean_receipt(self):
        code = normalise(self.cleaned_data.get("receipt"))
        if not code:
            raise forms.ValidationError(NOT_A_RECEIPT)
        return code

    def clean(self):
        data = super().clean()
        if self.ballot.kind != Ballot.Kind.ELECT or "choice" not in data:
            return data
        marked, abstain = data.get("choice") or [], data.get("abstain")
        if marked and abstain:
            raise forms.ValidationError(
                _("You ticked “I abstain” and marked candidates: do one or the other.")
            )
        if not marked and not abstain:
            raise forms.ValidationError(
                ngettext(
                    "Mark a candidate, or tick “I abstain”.",
                    "Mark up to %(seats)d candidates, or tick “I abstain”.",
                    self.ballot.seats,
                )
                % {"seats": self.ballot.seats}
            )
        if len(marked) > self.ballot.seats:
            raise forms.ValidationError(
                ngettext(
                    "Mark at most %(seats)d candidate.",
                    "Mark at most %(seats)d candidates.",
                    self.ballot.seats,
                )
                % {"seats": self.ballot.seats}
            )
        return data

    def hidden_answers(self):
        """The answers as (name, value) pairs, to carry through the check page unchanged."""
        return [
            (name, value)
            for name in self.fields
            for value in self.data.getlist(name)
            if hasattr(self.data, "getlist")
        ]

    def option_ids(self):
        """The marked options' ids, as the casting service takes them."""
        chosen = self.cleaned_data["choice"]
        return list(chosen) if isinstance(chosen, list) else [chosen]


class CommentForm(forms.Form):
    """A member's comment on an open ballot; a secretary checks it before it appears."""

    text = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The secretary checks comments before they appear. Be kind and stay on topic."),
        error_messages={"required": _("Write your comment before sending it.")},
    )


class ProposalForm(forms.ModelForm):
    """A member's proposal: a title and what they propose."""

    class Meta:
        model = Proposal
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "title": {"required": _("Give your proposal a title.")},
            "text": {"required": _("Say what you propose, and why.")},
        }


class ReceiptCheckForm(forms.Form):
    """A receipt code to look up in a closed ballot's published list."""

    receipt = forms.CharField(
        label=_("Your receipt code"),
        max_length=40,
        help_text=_(
            "Twelve letters and numbers, like 7KQ2-M9XD-P4TR. Capitals and dashes do not matter."
        ),
        error_messages={"required": _("Enter your receipt code.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_receipt(self):
        code = normalise(self.cleaned_data["receipt"])
        if not code:
            raise forms.ValidationError(NOT_A_RECEIPT)
        return code
