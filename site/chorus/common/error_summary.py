"""The error summary at the top of a form: what stops it going through, each linking to its field.

A view passes ``problems(form)`` to the template, which includes
``common/includes/error_summary.html``; a template that only has the form (Django's sign-in
views, say) gets the same list from the ``{% form_problems %}`` tag. The summary is
announced when the page loads, and each problem links to the field to fix::

    context["problems"] = problems(form, formset=lines)

    {% include "common/includes/error_summary.html" with problems=problems only %}
"""

from typing import NamedTuple

from django.utils.translation import gettext as _


class Problem(NamedTuple):
    """One thing to fix: the id of the element to jump to (``""`` for none), and what to do."""

    anchor: str
    message: str


def problems(*forms, formset=None, labelled=False) -> list[Problem]:
    """Everything wrong with ``forms`` (``None`` is skipped) and ``formset``, in page order.

    A form's own errors come first, without a link. A field's problem links to its input,
    or to its group (a fieldset with the field's ``auto_id``) for a choice of radio buttons
    or checkboxes, which has no single input. ``labelled`` puts the field's label before
    each message, for forms whose messages do not say which field they are about (Django's
    own "This field is required."), except on a single checkbox, whose label is a sentence.
    A formset line's problem starts with its line number, so "Line 3: …" can be found
    among twenty lines. A form or formset not yet sent has no problems.
    """
    found = []
    for form in forms:
        if form is not None:
            found += [Problem("", str(error)) for error in form.non_field_errors()]
            found += _field_problems(form, labelled)
    if formset is not None:
        found += [Problem("", str(error)) for error in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            row_problems = [Problem("", str(error)) for error in row.non_field_errors()]
            for anchor, message in row_problems + _field_problems(row, labelled):
                line = _("Line %(number)s: %(problem)s") % {"number": number, "problem": message}
                found.append(Problem(anchor, line))
    return found


def _field_problems(form, labelled):
    found = []
    for field in form:
        anchor = field.id_for_label or field.auto_id or ""
        for error in field.errors:
            message = str(error)
            if labelled and field.widget_type != "checkbox":
                message = _("%(label)s: %(problem)s") % {"label": field.label, "problem": message}
            found.append(Problem(anchor, message))
    return found
