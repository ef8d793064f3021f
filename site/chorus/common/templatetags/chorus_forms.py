"""``{% field_group %}`` and ``{% error_title_prefix %}``: the shared form patterns in templates.

Example::

    {% load chorus_forms %}
    {% field_group form.email %}
    {% field_group form.start_date problems=problems %}

    <title>{% error_title_prefix %}{% block title %}…{% endblock %}</title>
"""

from django import forms, template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ..form_fields import field_group_context

register = template.Library()


@register.simple_tag(takes_context=True)
def field_group(context, bound_field, problems=None):
    """One field laid out GOV.UK style (see :mod:`chorus.common.form_fields`).

    ``problems`` defaults to the template's own ``problems``: entries naming this field in
    ``field`` are shown on it, as the grants plugin's submission checks are.

    Example::

        {% field_group form.contact_email %}
    """
    if not isinstance(bound_field, forms.BoundField):
        return ""  # a field this form does not have (a variable Django could not resolve)
    if problems is None:
        problems = context.get("problems") or ()
    return render_to_string(
        "common/includes/field_group.html", field_group_context(bound_field, problems)
    )


def has_errors(context):
    """Whether the page shows a form that did not go through.

    ``page_has_errors`` in the context decides if a view sets it; otherwise a page has errors
    when it has ``problems`` or an ``error`` for its error summary, or any sent form or
    formset in its context has errors.
    """
    flat = context.flatten()
    if "page_has_errors" in flat:
        return bool(flat["page_has_errors"])
    if flat.get("problems") or flat.get("error"):
        return True
    for value in flat.values():
        # type(), not isinstance(): isinstance would evaluate lazy values such as the
        # request's user, and reading the session stops an anonymous page being cached.
        kind = type(value)
        if issubclass(kind, forms.BaseForm) and value.is_bound and value.errors:
            return True
        if issubclass(kind, forms.BaseFormSet) and value.is_bound and value.total_error_count():
            return True
    return False


@register.simple_tag(takes_context=True)
def error_title_prefix(context):
    """ "Error: " when the page shows a form that did not go through, for the ``<title>``,
    so a screen reader user hears at once that something needs fixing.

    Example::

        <title>{% error_title_prefix %}{% block title %}{% endblock %}</title>
    """
    return _("Error:") + " " if has_errors(context) else ""
