"""Editors get a clear message for impossible dates and capacities."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from coproduction.factories import AssemblyPageFactory

pytestmark = pytest.mark.django_db


def test_end_date_before_start_date_is_refused_with_a_clear_message(assembly_index):
    assembly = AssemblyPageFactory.build(
        parent=assembly_index,
        start_date=datetime.date(2025, 3, 8),
        end_date=datetime.date(2025, 3, 7),
    )
    with pytest.raises(ValidationError) as refused:
        assembly.clean()
    message = " ".join(refused.value.message_dict["end_date"])
    assert "The end date (2025-03-07) is before the start date (2025-03-08)" in message


def test_end_date_on_the_start_date_is_accepted(assembly_index):
    day = datetime.date(2025, 3, 8)
    AssemblyPageFactory.build(parent=assembly_index, start_date=day, end_date=day).clean()


def test_minimum_above_maximum_participants_is_refused(assembly_index):
    assembly = AssemblyPageFactory.build(
        parent=assembly_index, min_participants=50, max_participants=40
    )
    with pytest.raises(ValidationError) as refused:
        assembly.clean()
    message = " ".join(refused.value.message_dict["max_participants"])
    assert "The maximum (40) is below the minimum number of participants (50)" in message


def test_invalid_assembly_is_not_saved_through_the_admin(admin_client, assembly_index):
    data = nested_form_data(
        {
            "title": "Dartford health assembly",
            "slug": "dartford-health-assembly",
            "topic": "What matters most for urgent care?",
            "format": "health_assembly",
            "status": "planned",
            "introduction": rich_text(""),
            "start_date": "2025-05-10",
            "end_date": "2025-05-09",
            "min_participants": "50",
            "max_participants": "40",
            "recruitment": rich_text(""),
            "what_happened_next": rich_text(""),
            "recommendations": streamfield([]),
            "sessions": inline_formset([]),
        }
    )
    url = f"/admin/pages/add/coproduction/assemblypage/{assembly_index.pk}/"
    response = admin_client.post(url, data, headers={"host": "localhost"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "is before the start date" in html
    assert "is below the minimum number of participants" in html
    assert not assembly_index.get_children().filter(slug="dartford-health-assembly").exists()
