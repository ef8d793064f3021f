"""The form field that asks each kind of question (see ``questions`` for the kinds).

:func:`field_for` gives a Django form field for a :class:`~plugins.surveys.questions.Question`;
:func:`stored` turns what the field cleaned into the value kept in a response's draft (and
later in its :class:`~plugins.surveys.models.Answer` rows); :func:`shown` turns a kept value
back into what the field shows, so nothing typed is lost between pages.
"""

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chorus.common.dates import DayMonthYearField
from coproduction.register.postcodes import normalise_postcode

from .questions import Question

#: Longest answers, in characters.
SHORT_TEXT_LENGTH = 255
LONG_TEXT_LENGTH = 5000


def field_name(reference):
    """The form field's name for a question reference ("about_you.age_band" has a dot,
    which would not do in an element id)."""
    return reference.replace(".", "__")


class RankingWidget(forms.MultiWidget):
    """One select list per option ("Shorter waits: 1st, 2nd..."), in a fieldset whose
    legend is the question. The first list has the field's own id, so the error summary's
    link lands on it."""

    template_name = "surveys/widgets/ranking.html"
    use_fieldset = True

    def __init__(self, options, attrs=None):
        self.options = options
        places = [("", _("Choose a place"))] + [
            (str(place), str(place)) for place in range(1, len(options) + 1)
        ]
        # Named like the date boxes: the first list has the field's own name.
        selects = {
            str(number) if number else "": forms.Select(choices=places)
            for number in range(len(options))
        }
        super().__init__(selects, attrs)

    def decompress(self, value):
        """A ranking (option values, first first) as the place each option has."""
        places = {option: str(place) for place, option in enumerate(value or (), 1)}
        return [places.get(option.value, "") for option in self.options]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        for number, (subwidget, option) in enumerate(
            zip(context["widget"]["subwidgets"], self.options, strict=True)
        ):
            subwidget["option_label"] = option.label
            if id_:
                subwidget["attrs"]["id"] = id_ if number == 0 else f"{id_}_{number}"
        return context

    def id_for_label(self, id_):
        return id_


class RankingField(forms.MultiValueField):
    """Put every option in order: each gets a place, and each place is used once. The
    cleaned value is the options' values, first place first."""

    def __init__(self, options, **kwargs):
        self.options = options
        subfields = [
            forms.ChoiceField(
                choices=[(str(place), str(place)) for place in range(1, len(options) + 1)],
                required=False,
            )
            for _option in options
        ]
        kwargs.setdefault(
            "error_messages", {"required": _("Put the options in order"), "incomplete": ""}
        )
        super().__init__(
            subfields, require_all_fields=False, widget=RankingWidget(options), **kwargs
        )

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return []
        if not all(data_list):
            raise ValidationError(_("Give every option a place"), code="incomplete_ranking")
        if len(set(data_list)) != len(data_list):
            raise ValidationError(_("Use each place only once"), code="repeated_place")
        ordered = sorted(zip((int(place) for place in data_list), self.options, strict=True))
        return [option.value for _place, option in ordered]


class PostcodeField(forms.CharField):
    """A UK postcode, tidied ("me71hf" becomes "ME7 1HF")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"autocomplete": "postal-code", "class": "width-10"})
        )
        super().__init__(**kwargs)

    def clean(self, value):
        return normalise_postcode(super().clean(value))


def _radios():
    return forms.RadioSelect


def field_for(question: Question):
    """The form field asking ``question``, labelled with its wording and hint."""
    common = {
        "label": question.label,
        "help_text": question.hint,
        "required": question.required and not question.is_about_you,
    }
    choices = [(option.value, option.label) for option in question.options]
    kind = question.kind
    if kind == "short_text":
        return forms.CharField(
            max_length=SHORT_TEXT_LENGTH,
            error_messages={"required": _("Enter your answer")},
            **common,
        )
    if kind == "long_text":
        return forms.CharField(
            max_length=LONG_TEXT_LENGTH,
            widget=forms.Textarea(attrs={"rows": 6}),
            error_messages={"required": _("Enter your answer")},
            **common,
        )
    if kind in ("single_choice", "agreement", "rating", "about_you"):
        return forms.ChoiceField(
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Select an answer")},
            **common,
        )
    if kind == "multiple_choice":
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Select at least one answer")},
            **common,
        )
    if kind == "ranking":
        return RankingField(question.options, **common)
    if kind == "number":
        return forms.DecimalField(
            min_value=question.minimum,
            max_value=question.maximum,
            max_digits=14,
            decimal_places=4,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "width-10"}),
            error_messages={
                "required": _("Enter a number"),
                "invalid": _("Enter a number, like 12"),
            },
            **common,
        )
    if kind == "date":
        return DayMonthYearField(error_messages={"required": _("Enter a date")}, **common)
    if kind == "postcode":
        return PostcodeField(error_messages={"required": _("Enter a postcode")}, **common)
    raise ValueError(f"Unknown question kind: {kind}")


def is_empty(value):
    return value in (None, "", [], ())


def stored(question: Question, value):
    """What a cleaned ``value`` is kept as: text, an option's value, a list of them, an
    ISO date or a number as text; ``None`` for no answer."""
    if is_empty(value):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value).strip() or None


def shown(question: Question, value):
    """A kept value as the question's field shows it (a ranking as each option's place)."""
    if question.kind == "ranking" and value:
        return RankingWidget(question.options).decompress(value)
    return value
