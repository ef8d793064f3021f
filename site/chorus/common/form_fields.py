"""One way to lay out a form field, GOV.UK style, for every public and member-facing form.

:func:`field_group_context` prepares what ``common/includes/field_group.html`` shows for one
bound field (``{% field_group form.name %}`` from the ``chorus_forms`` tag library):

- the label, with "(optional)" after an optional field's label and nothing on a required one
  (single checkboxes, whose label is a sentence, are never marked);
- the hint, always tied to the control by ``aria-describedby``;
- the field's errors inside its group, each with a visually hidden "Error:", and the control
  marked ``aria-invalid="true"`` and described by the error as well as the hint;
- a choice of radio buttons, checkboxes or a date (day, month, year) as a fieldset whose
  legend is the label;
- a select list starting with "Choose an option" instead of "---------".

A form that saves drafts, where no field is required yet, says which fields stay optional
with ``optional_fields``; problems found outside the form (what stops an application being
sent, say) are shown on their field when they carry its name in ``field``.
"""

from django import forms
from django.utils.translation import gettext as _

#: Django's empty choice label, replaced by :func:`prompt` in select lists.
DASHES = "---------"


def prompt():
    """The first, empty choice of a select list."""
    return _("Choose an option")


def is_optional(bound_field):
    """Whether the field is marked "(optional)": the form's ``optional_fields`` if it has
    them (a draft form where nothing is required yet), else whether the field is required."""
    names = getattr(bound_field.form, "optional_fields", None)
    if names is not None:
        return bound_field.name in names
    return not bound_field.field.required


def _use_prompt(field):
    """Put :func:`prompt` where Django puts "---------" (the field is this form's own copy)."""
    if isinstance(field.widget, forms.SelectMultiple) or not isinstance(field.widget, forms.Select):
        return
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None:
            field.empty_label = prompt()
            field.widget.choices = field.choices
        return
    if isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        if any(value == "" and label == DASHES for value, label in choices):
            field.choices = [
                (value, prompt() if value == "" and label == DASHES else label)
                for value, label in choices
            ]


def field_group_context(bound_field, problems=()):
    """What ``common/includes/field_group.html`` needs to show ``bound_field``.

    ``problems`` may hold further messages for this field: anything with ``field`` (the
    field's name) and ``message``, like the grants plugin's submission checks.
    """
    field = bound_field.field
    _use_prompt(field)
    messages = [str(error) for error in bound_field.errors]
    messages += [
        str(problem.message)
        for problem in problems or ()
        if getattr(problem, "field", "") and problem.field == bound_field.name
    ]
    widget = field.widget
    checkbox = isinstance(widget, forms.CheckboxInput)
    fieldset = bound_field.use_fieldset
    auto_id = bound_field.auto_id or bound_field.html_name
    hint_id = f"{auto_id}_helptext" if bound_field.help_text else ""
    error_id = f"{auto_id}_error" if messages else ""
    described_by = " ".join(part for part in (hint_id, error_id) if part)
    attrs = {}
    if messages:
        attrs["aria-invalid"] = "true"
    if described_by and not fieldset:
        attrs["aria-describedby"] = described_by
    return {
        "field": bound_field,
        "control": bound_field.as_widget(attrs=attrs),
        "label": bound_field.label,
        "optional": is_optional(bound_field) and not checkbox,
        "hint": bound_field.help_text,
        "hint_id": hint_id,
        "messages": messages,
        "error_id": error_id,
        "described_by": described_by,
        "checkbox": checkbox,
        "fieldset": fieldset,
        "hidden": bound_field.is_hidden,
    }


def unchecked_copy(form, leave_out=()):
    """An unbound copy of the sent ``form`` showing what was typed, with no errors: for a
    form refused before it was checked (a rate limit), so nothing typed is lost.
    ``leave_out`` names fields not to show again (a robot trap)."""
    typed = {
        name: field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        for name, field in form.fields.items()
        if name not in leave_out
    }
    return form.__class__(initial=typed)
