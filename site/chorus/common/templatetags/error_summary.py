"""``{% form_problems %}``: the error summary's problems, for templates that only have a form."""

from django import template

from ..error_summary import problems

register = template.Library()


@register.simple_tag
def form_problems(*forms, formset=None, labelled=False):
    """What stops ``forms`` going through, as :func:`chorus.common.error_summary.problems`.

    Example::

        {% load error_summary %}
        {% form_problems form labelled=True as problems %}
        {% include "common/includes/error_summary.html" with problems=problems only %}
    """
    # A variable the template does not have arrives as "" (Django's ``string_if_invalid``).
    forms = [form for form in forms if hasattr(form, "non_field_errors")]
    if not hasattr(formset, "non_form_errors"):
        formset = None
    return problems(*forms, formset=formset, labelled=labelled)
