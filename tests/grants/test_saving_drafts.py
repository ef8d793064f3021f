"""Saving an applicant's draft through the service (no request needed), and the race with
sending it: a form opened before the application was sent changes nothing."""

from decimal import Decimal

import pytest

from plugins.grants import workflow
from plugins.grants.errors import GrantActionError
from plugins.grants.forms import BudgetFormSet, form_class_for
from plugins.grants.models import Application

pytestmark = pytest.mark.django_db


def valid_forms(application, data):
    """The application form and budget formset bound to ``data``, checked."""
    form = form_class_for(application)(data, {}, instance=application)
    budget = BudgetFormSet(data, instance=application, prefix="budget")
    assert form.is_valid() and budget.is_valid(), (form.errors, budget.errors)
    return form, budget


def test_a_saved_draft_keeps_the_answers_and_the_new_budget(draft, form_data):
    data = form_data(draft, budget=[("Minibus hire", "600")], project_title="A day at the coast")
    form, budget = valid_forms(draft, data)

    workflow.save_draft(draft, form, budget)

    draft.refresh_from_db()
    assert draft.status == Application.Status.DRAFT
    assert draft.project_title == "A day at the coast"
    assert [(item.description, item.amount) for item in draft.budget_items.all()] == [
        ("Minibus hire", Decimal("600.00"))
    ]


def test_a_form_from_before_the_application_was_sent_is_refused_and_changes_nothing(
    draft, form_data
):
    form, budget = valid_forms(
        draft, form_data(draft, budget=[("Minibus hire", "600")], project_title="Changed late")
    )
    workflow.submit(Application.objects.get(pk=draft.pk))  # sent from another tab meanwhile

    with pytest.raises(
        GrantActionError, match="has been submitted, so it can no longer be changed"
    ):
        workflow.save_draft(draft, form, budget)

    draft.refresh_from_db()
    assert draft.status == Application.Status.SUBMITTED
    assert draft.project_title == "Carers' day out to the coast"
    assert "Minibus hire" not in {item.description for item in draft.budget_items.all()}
