"""The one error summary: what stops a form going through, each problem linking to its field."""

from django import forms
from django.template import Context, Template
from django.template.loader import render_to_string

from chorus.common.error_summary import problems


class SignUpForm(forms.Form):
    email = forms.EmailField(label="Email address")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    agree = forms.BooleanField(label="I agree to the rules")

    def clean(self):
        raise forms.ValidationError("Try again later.")


class LineForm(forms.Form):
    amount = forms.DecimalField()


LineFormSet = forms.formset_factory(LineForm, extra=0)


def _summary(**context):
    return render_to_string("common/includes/error_summary.html", context)


def test_a_form_that_was_not_sent_has_no_problems_and_no_summary():
    assert problems(SignUpForm(), None) == []
    assert _summary(problems=[]).strip() == ""


def test_each_problem_links_to_its_input_or_its_group():
    found = problems(SignUpForm({"email": "not an address"}))
    assert found[0] == ("", "Try again later.")
    assert ("id_email", "Enter a valid email address.") in found
    assert ("id_kind", "This field is required.") in found  # the radio buttons' group
    assert ("id_agree", "This field is required.") in found


def test_labelled_problems_name_their_field_except_a_checkbox_whose_label_is_a_sentence():
    found = problems(SignUpForm({}), labelled=True)
    assert ("id_email", "Email address: This field is required.") in found
    assert ("id_agree", "This field is required.") in found


def test_a_formset_line_says_which_line():
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-0-amount": "5",
        "form-1-amount": "five",
    }
    found = problems(formset=LineFormSet(data))
    assert found == [("id_form-1-amount", "Line 2: Enter a number.")]


def test_the_summary_is_announced_and_links_to_each_field():
    html = _summary(problems=problems(SignUpForm({"email": "x"})), intro="Nothing is saved.")
    assert 'role="alert"' in html
    assert 'tabindex="-1"' in html
    assert 'aria-labelledby="error-summary-title"' in html
    assert '<h2 id="error-summary-title">There is a problem</h2>' in html
    assert "<p>Nothing is saved.</p>" in html
    assert "<li>Try again later.</li>" in html
    assert '<a href="#id_email">Enter a valid email address.</a>' in html


def test_one_message_about_the_page_with_its_own_heading():
    html = _summary(error="This round is closed.", title="You cannot apply to this round")
    assert '<h2 id="error-summary-title">You cannot apply to this round</h2>' in html
    assert "<li>This round is closed.</li>" in html


def test_templates_with_only_a_form_use_the_tag():
    template = Template(
        "{% load error_summary %}{% form_problems form labelled=True as found %}"
        '{% include "common/includes/error_summary.html" with problems=found only %}'
    )
    html = template.render(Context({"form": SignUpForm({})}))
    assert '<a href="#id_email">Email address: This field is required.</a>' in html


def test_the_tag_skips_a_form_or_formset_the_page_does_not_have():
    template = Template(
        "{% load error_summary %}{% form_problems form formset=lines as found %}"
        '{% include "common/includes/error_summary.html" with problems=found only %}'
    )
    assert template.render(Context({})).strip() == ""
