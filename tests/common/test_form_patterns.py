"""The shared form patterns (chorus.common.form_fields, dates, check_answers, chorus_forms):
what a person using a screen reader, a keyboard or a phone meets on every public form."""

import datetime
import re

import pytest
from django import forms
from django.template import Context, Template

from chorus.common.check_answers import Answer, answers
from chorus.common.dates import DayMonthYearField


class ExampleForm(forms.Form):
    name = forms.CharField(label="Your name", help_text="As you would like to be called.")
    phone = forms.CharField(label="Phone", required=False)
    kind = forms.ChoiceField(label="Kind", choices=[("", "---------"), ("a", "A"), ("b", "B")])
    agree = forms.BooleanField(label="I agree to the terms.", required=False)
    starts_on = DayMonthYearField(label="Start date")


def render(template, **context):
    """``template`` (with ``chorus_forms`` loaded) rendered with ``context``."""
    return Template("{% load chorus_forms %}" + template).render(Context(context))


def field_html(form, name):
    """The field group of ``form[name]``."""
    return render("{% field_group field %}", field=form[name])


def tag(html, element_id):
    """The opening tag of the element with ``element_id``."""
    return re.search(rf'<[a-z]+ [^>]*id="{element_id}"[^>]*>', html).group(0)


# --- Field groups ----------------------------------------------------------------------------


def test_an_invalid_field_is_marked_invalid_and_described_by_its_hint_and_error():
    form = ExampleForm({"name": ""})
    html = field_html(form, "name")

    control = tag(html, "id_name")
    assert 'aria-invalid="true"' in control
    assert 'aria-describedby="id_name_helptext id_name_error"' in control
    assert '<p class="help" id="id_name_helptext">As you would like to be called.</p>' in html
    error = re.search(r'<p class="error field__error" id="id_name_error">(.*?)</p>', html).group(1)
    assert error == '<span class="visually-hidden">Error: </span>This field is required.'
    assert 'class="field field--error"' in html  # the message sits inside the field's group


def test_a_valid_field_is_still_described_by_its_hint_and_not_marked_invalid():
    html = field_html(ExampleForm(), "name")

    control = tag(html, "id_name")
    assert 'aria-describedby="id_name_helptext"' in control
    assert "aria-invalid" not in control
    assert "Error:" not in html


def test_optional_fields_say_so_and_required_ones_and_checkboxes_do_not():
    form = ExampleForm()

    assert (
        '<label for="id_phone">Phone <span class="field__optional">(optional)</span></label>'
        in (field_html(form, "phone"))
    )
    assert '<label for="id_name">Your name</label>' in field_html(form, "name")
    assert "(optional)" not in field_html(form, "agree")


def test_a_form_that_saves_drafts_names_its_optional_fields():
    class DraftForm(ExampleForm):
        optional_fields = frozenset({"phone"})

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for field in self.fields.values():
                field.required = False

    form = DraftForm()
    assert "(optional)" in field_html(form, "phone")
    assert "(optional)" not in field_html(form, "name")


def test_select_lists_start_with_a_real_prompt():
    html = field_html(ExampleForm(), "kind")

    assert '<option value="" selected>Choose an option</option>' in html
    assert "---------" not in html


def test_a_model_choice_list_starts_with_the_prompt_too():
    from django.contrib.auth.models import Group

    class GroupForm(forms.Form):
        group = forms.ModelChoiceField(label="Group", queryset=Group.objects.none())

    html = field_html(GroupForm(), "group")
    assert "Choose an option" in html and "---------" not in html


def test_problems_found_outside_the_form_are_shown_on_their_field():
    class Missing:
        field = "phone"
        message = "Give a phone number."

    html = render("{% field_group form.phone %}", form=ExampleForm(), problems=[Missing()])

    assert 'aria-invalid="true"' in tag(html, "id_phone")
    assert "Give a phone number." in html


# --- Dates -----------------------------------------------------------------------------------


def date_form(day="", month="", year="", **kwargs):
    class DateForm(forms.Form):
        starts_on = DayMonthYearField(label="Start date", **kwargs)

    data = {"starts_on": day, "starts_on_month": month, "starts_on_year": year}
    return DateForm(data)


def test_a_date_is_typed_day_first():
    form = date_form("01", "02", "2027")
    assert form.is_valid()
    assert form.cleaned_data["starts_on"] == datetime.date(2027, 2, 1)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "", "2027", "Start date must include a month"),
        ("", "2", "", "Start date must include a day and year"),
        ("31", "2", "2027", "Start date must be a real date"),
        ("1", "feb", "2027", "Start date must be a real date"),
        ("1", "2", "27", "Year must include 4 numbers"),
        ("", "", "", "This field is required."),
    ],
)
def test_a_wrong_date_says_what_to_fix(day, month, year, message):
    form = date_form(day, month, year)
    assert not form.is_valid()
    assert form.errors["starts_on"] == [message]


def test_an_optional_date_left_empty_is_none():
    form = date_form(required=False)
    assert form.is_valid() and form.cleaned_data["starts_on"] is None


def test_the_date_is_three_numeric_boxes_in_a_fieldset_with_a_hint():
    html = field_html(date_form("31", "2", "2027"), "starts_on")

    assert '<legend class="field__legend">Start date</legend>' in html
    assert "For example, 27 3 2027" in html
    fieldset = re.search(r"<fieldset[^>]*>", html).group(0)
    assert 'aria-describedby="id_starts_on_helptext id_starts_on_error"' in fieldset
    boxes = re.findall(r"<input [^>]*>", html)
    assert len(boxes) == 3
    assert all('inputmode="numeric"' in box and 'aria-invalid="true"' in box for box in boxes)
    # The day box has the field's own id, so the error summary's link lands on it.
    assert [re.search(r' id="([^"]+)"', box).group(1) for box in boxes] == [
        "id_starts_on",
        "id_starts_on_month",
        "id_starts_on_year",
    ]
    # What was typed comes back, to be corrected rather than typed again.
    assert [re.search(r'value="([^"]*)"', box).group(1) for box in boxes] == ["31", "2", "2027"]
    for label in ("Day", "Month", "Year"):
        assert f">{label}</label>" in html


def test_a_saved_date_is_shown_in_the_boxes_without_leading_zeros():
    class DateForm(forms.Form):
        starts_on = DayMonthYearField(label="Start date")

    html = field_html(DateForm(initial={"starts_on": datetime.date(2027, 2, 1)}), "starts_on")
    values = re.findall(r'value="([^"]*)"', html)
    assert values == ["1", "2", "2027"]


# --- The title and the error summary ---------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "prefixed"),
    [
        ({}, False),
        ({"problems": ["x"]}, True),
        ({"error": "Closed"}, True),
        ({"form": ExampleForm({"name": ""})}, True),
        ({"form": ExampleForm()}, False),
        ({"form": ExampleForm({"name": ""}), "page_has_errors": False}, False),
    ],
)
def test_the_title_prefix_follows_the_page(context, prefixed):
    html = render("{% error_title_prefix %}Sign in", **context)
    assert html == ("Error: Sign in" if prefixed else "Sign in")


@pytest.mark.django_db
def test_a_form_with_errors_puts_error_in_the_title_and_focuses_the_summary(client, medway_site):
    host = {"host": "medway-swale.localhost"}
    fresh = client.get("/account/sign-in/", headers=host).content.decode()
    assert "<title>Sign in" in fresh

    html = client.post(
        "/account/sign-in/", {"username": "nobody@example.org", "password": "wrong"}, headers=host
    ).content.decode()

    assert "<title>Error: Sign in" in html
    summary = html.split('class="message message--error error-summary"', 1)[1]
    assert 'tabindex="-1"' in summary.split(">", 1)[0]
    assert '<script type="module" src="/static/common/error-summary.js"></script>' in html


# --- Check your answers ----------------------------------------------------------------------


def test_answers_lists_each_answer_as_a_person_reads_it_with_a_change_link():
    form = ExampleForm(
        initial={
            "name": "Amina",
            "kind": "b",
            "agree": True,
            "starts_on": datetime.date(2027, 2, 1),
        }
    )
    rows = answers(form, change_url="/edit/")

    assert rows == [
        Answer("Your name", "Amina", "/edit/#id_name"),
        Answer("Phone", "Not given", "/edit/#id_phone"),
        Answer("Kind", "B", "/edit/#id_kind"),
        Answer("I agree to the terms.", "Yes", "/edit/#id_agree"),
        Answer("Start date", "1 February 2027", "/edit/#id_starts_on"),
    ]
    html = Template('{% include "common/includes/summary_list.html" with rows=rows only %}').render(
        Context({"rows": rows})
    )
    assert (
        '<a href="/edit/#id_name">Change<span class="visually-hidden"> your name</span></a>' in html
    )
