"""The "check your answers" step before anything that cannot be undone (a vote, a grant
application being sent): each answer in a summary list with a way to change it, then one
button that does it.

A view builds the rows with :func:`answers` (or :class:`Answer` directly) and includes
``common/includes/summary_list.html``::

    rows = answers(ApplicationForm(instance=application), change_url=edit_url)

    {% include "common/includes/summary_list.html" with rows=rows only %}

The irreversible action belongs to the confirm button's own POST; nothing is done when the
check page is shown, and going back to change an answer keeps every answer given.
"""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django import forms
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _


class Answer(NamedTuple):
    """One row: the question, the answer as text, and how to change it.

    ``change_url`` is a link to the question (with its field's ``#id``); ``change_form`` is
    instead the id of a form on the page whose submit button is the "Change" control (for an
    answer that must not go into a link, such as a secret vote).
    """

    label: str
    value: str
    change_url: str = ""
    change_form: str = ""


def display(bound_field, value):
    """``value`` of ``bound_field`` as a person reads it: a choice's label, "Yes"/"No",
    a date as "1 February 2027", or "Not given"."""
    if value in (None, "", [], ()):
        return _("Not given")
    field = bound_field.field
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, Decimal):
        return number_format(value, decimal_pos=2, force_grouping=True)
    choices = {str(key): label for key, label in getattr(field, "choices", ()) or ()}
    if choices and str(value) in choices:
        return str(choices[str(value)])
    return str(value)


def answers(form, change_url="", skip=()):
    """A row for each visible field of ``form``, with the value it would show (a model
    form's instance values), each changed at ``change_url#<field id>``."""
    rows = []
    for bound_field in form:
        if bound_field.is_hidden or bound_field.name in skip:
            continue
        if isinstance(bound_field.field, forms.FileField):
            continue
        anchor = bound_field.id_for_label or bound_field.auto_id
        rows.append(
            Answer(
                label=str(bound_field.label),
                value=display(
                    bound_field, bound_field.value() if form.is_bound else bound_field.initial
                ),
                change_url=f"{change_url}#{anchor}" if change_url else "",
            )
        )
    return rows
