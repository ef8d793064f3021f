"""Dates typed as day, month and year: three short boxes instead of a native date picker.

A native ``<input type="date">`` shows the browser's own order (Chromium in an American
locale shows mm/dd/yyyy, so 01/02/2027 typed the UK way became 2 January). Three labelled
boxes, day first, cannot be misread, and say exactly which part is missing::

    class EventForm(forms.Form):
        starts_on = DayMonthYearField(label=_("Start date"))

    class ApplicationForm(forms.ModelForm):
        class Meta:
            field_classes = {"start_date": DayMonthYearField}

The field renders as a fieldset (its label is the legend) with the hint "For example,
27 3 2027"; ``{% field_group %}`` (``chorus_forms``) lays it out like any other field.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: The parts in the order people in the UK write them, with each box's label and width.
PARTS = (
    ("day", gettext_lazy("Day"), 2),
    ("month", gettext_lazy("Month"), 2),
    ("year", gettext_lazy("Year"), 4),
)

#: The hint under the legend: a date typed the way the boxes want it.
HINT = gettext_lazy("For example, 27 3 2027")

ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


class DayMonthYearWidget(forms.MultiWidget):
    """Three numeric text boxes: the day box has the field's own id and name (so an error
    summary link to the field lands on it); the others add ``_month`` and ``_year``."""

    template_name = "common/widgets/day_month_year.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        boxes = {}
        for part, _label, width in PARTS:
            box_attrs = {
                "inputmode": "numeric",
                "class": f"date-input__{part} width-{width}",
                "maxlength": str(width),
                "spellcheck": "false",
            }
            boxes["" if part == "day" else part] = forms.TextInput(attrs=box_attrs)
        super().__init__(boxes, attrs)

    def decompress(self, value):
        """A date as the three boxes show it (no leading zeros), or three empty boxes."""
        if isinstance(value, datetime.date):
            return [str(value.day), str(value.month), str(value.year)]
        if isinstance(value, str) and ISO_DATE.match(value.strip()):
            year, month, day = value.strip().split("-")
            return [str(int(day)), str(int(month)), year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        id_ = context["widget"]["attrs"].get("id")
        for subwidget, (part, label, _width) in zip(
            context["widget"]["subwidgets"], PARTS, strict=True
        ):
            subwidget["part_label"] = label
            if id_:
                subwidget["attrs"]["id"] = id_ if part == "day" else f"{id_}_{part}"
        return context

    def id_for_label(self, id_):
        """The day box's id, which is the field's own."""
        return id_


class DayMonthYearField(forms.Field):
    """A date entered as day, month and year, with messages that say what to fix.

    "Start date must include a month", "Start date must be a real date" (31 2 2027),
    "Year must include 4 numbers". What was typed is given back in the boxes when the
    form is shown again, so nothing is lost. A single ``YYYY-MM-DD`` value in the day box
    (from a script or an older form) is also understood.
    """

    widget = DayMonthYearWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", HINT)
        super().__init__(**kwargs)

    def _name(self):
        return str(self.label) if self.label else _("Date")

    def to_python(self, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            value = [value, "", ""]
        parts = [str(part or "").strip() for part in (value or [])] + ["", "", ""]
        day, month, year = parts[:3]
        if not (day or month or year):
            return None
        if not (month or year) and ISO_DATE.match(day):
            year, month, day = day.split("-")
        typed = (day, month, year)
        missing = [
            str(label) for (_part, label, _w), box in zip(PARTS, typed, strict=True) if not box
        ]
        if missing:
            raise ValidationError(self._missing_message(missing), code="incomplete")
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError(
                _("%(name)s must be a real date") % {"name": self._name()}, code="invalid"
            )
        if len(year) != 4:
            raise ValidationError(_("Year must include 4 numbers"), code="invalid_year")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                _("%(name)s must be a real date") % {"name": self._name()}, code="invalid"
            ) from None

    def _missing_message(self, missing):
        parts = [part.lower() for part in missing]
        if len(parts) == 1:
            return _("%(name)s must include a %(part)s") % {"name": self._name(), "part": parts[0]}
        return _("%(name)s must include a %(first)s and %(second)s") % {
            "name": self._name(),
            "first": parts[0],
            "second": parts[1],
        }

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return self.widget.decompress(value)
        return value
